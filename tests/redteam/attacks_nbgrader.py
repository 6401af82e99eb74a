"""Red-team submissions in nbgrader's layout: `submitted/<student>/<assignment>/<id>.ipynb`.

`grader batch` takes a notebook's module from its code cells in order, leaving out nbgrader
test cells (`grade: true, solution: false`) and IPython magics and shell lines. These
notebooks attack that path; `generate.py` writes them under `tests/redteam/nbgrader/` from
the exercises' honest and wrong bodies, and `tests/framework/test_redteam.py` grades them
with `grader batch` (two more, with a huge stored output, are made there at run time: a
generated file that size does not belong in the repository).

- `nb_honest` — the correct code split over cells, with a markdown cell, magics, a shell
  line and an nbgrader test cell that would leave a canary and fail if it were ever run:
  full marks, no canary.
- `nb_wrong` — the wrong bodies: no point.
- `nb_attack_cell` — a solution cell that defines the (wrong) function and, in the same
  and later cells, attacks: fake "passed" output, numpy's comparisons patched, the
  harness swapped, a test-cell lookalike holding the correct code (test cells are never
  graded, so it must not count), a `get_ipython()` call: no point.
- `nb_malformed` — not JSON; a cell whose source is a number; an nbformat 3 notebook: a
  "cannot be graded" row each, no point, and the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable

ASSIGNMENT = "assignment1"
CANARY = "/tmp/edrill-canary-nb_test_cell_ran"  # only a test cell that ran writes it


def cell(source: str, kind: str = "code", **nbgrader: object) -> dict:
    out: dict = {"cell_type": kind, "metadata": {}, "source": source.splitlines(True)}
    if nbgrader:
        out["metadata"]["nbgrader"] = {"schema_version": 3, **nbgrader}
    if kind == "code":
        out.update(execution_count=None, outputs=[])
    return out


def notebook(cells: list[dict]) -> str:
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3",
                                                      "display_name": "Python 3"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def test_cell(ex_id: str) -> dict:
    """An nbgrader autograder-tests cell: it fails and leaves a canary if anything runs it."""
    return cell(f"import pathlib\npathlib.Path({CANARY!r}).write_text('a test cell ran')\n"
                f"assert False, 'the hidden tests of {ex_id} must never run in the module'\n",
                grade=True, solution=False, locked=True, points=10,
                grade_id=f"test_{ex_id}")


def honest_notebook(code: str, ex_id: str) -> str:
    return notebook([
        cell(f"# {ex_id}\n\nFill in the blank below.", "markdown"),
        cell("%matplotlib inline\n!pip install nothing-at-all\nimport numpy as np\n"),
        cell(code, grade=False, solution=True, locked=False, grade_id=f"sol_{ex_id}"),
        test_cell(ex_id),
    ])


ATTACK_CELL = '''import sys
print("4 passed in 0.01s")
print('{"score": 10, "max_score": 10, "status": "passed"}')
print("All tests passed!", file=sys.stderr)
try:
    import numpy as _np
    _np.allclose = lambda *a, **k: True
    _np.testing.assert_allclose = lambda *a, **k: None
    import grader.harness.gradcheck as _g
    _g.numeric_gradient = lambda *a, **k: _np.zeros(1)
    import grader.checks as _c
    _c.same_array = lambda *a, **k: None
except Exception as err:
    print("nb_attack_cell:", err)
'''

SMUGGLE = '''# looks like nbgrader's hidden tests, but holds the correct answer: test cells
# are never graded, so this must not count
'''


def attack_notebook(wrong: str, honest: str, ex_id: str) -> str:
    return notebook([
        cell(wrong + "\n\n" + ATTACK_CELL, grade=False, solution=True, locked=False,
             grade_id=f"sol_{ex_id}"),
        cell(SMUGGLE + honest, grade=True, solution=False, locked=True, points=10,
             grade_id=f"test_{ex_id}"),
        cell("try:\n    get_ipython().run_line_magic('load_ext', 'autoreload')\n"
             "except NameError:\n    pass\n"),
        test_cell(ex_id),
    ])


def notebooks(body: Callable[[str, str], str]) -> dict[str, str]:
    """`<student>/<assignment>/<id>.ipynb` (below `submitted/`) -> the notebook's text."""
    out: dict[str, str] = {}

    def put(student: str, ex_id: str, text: str) -> None:
        out[f"submitted/{student}/{ASSIGNMENT}/{ex_id}.ipynb"] = text

    for ex_id in ("conv_output_size", "gradient_clipping"):
        put("nb_honest", ex_id, honest_notebook(body(ex_id, "honest"), ex_id))
        put("nb_wrong", ex_id, honest_notebook(body(ex_id, "wrong"), ex_id))
        put("nb_attack_cell", ex_id,
            attack_notebook(body(ex_id, "wrong"), body(ex_id, "honest"), ex_id))
    # malformed: cut off in the middle; a cell whose source is a number; nbformat 3
    put("nb_malformed", "conv_output_size",
        honest_notebook(body("conv_output_size", "honest"), "conv_output_size")[:300])
    broken = json.loads(honest_notebook(body("gradient_clipping", "honest"),
                                        "gradient_clipping"))
    broken["cells"][2]["source"] = 42
    put("nb_malformed", "gradient_clipping", json.dumps(broken, indent=1) + "\n")
    put("nb_malformed", "lstm_cell", json.dumps(
        {"nbformat": 3, "nbformat_minor": 0, "metadata": {},
         "worksheets": [{"cells": [{"cell_type": "code", "input": body("lstm_cell", "honest"),
                                    "language": "python", "outputs": []}]}]}, indent=1)
        + "\n")
    return out
