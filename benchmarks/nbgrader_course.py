"""Build a real nbgrader course of the six core exercises, and N generated submissions.

    python benchmarks/nbgrader_course.py --out DIR [--n 40] [--nbgrader-venv PATH | --no-nbgrader]

Writes, under DIR:

- ``nbgrader_config.py`` (course id ``edrill-bench``) and ``students.csv``;
- ``source/core/<exercise>.ipynb`` for conv_output_size, gradient_clipping, lstm_cell,
  gru_update, bidirectional_concat and embedding: the exercise's instructions (markdown),
  its given code as locked read-only cells, the functions holding the blanks as a solution
  cell (the blank's statements between ``### BEGIN SOLUTION`` / ``### END SOLUTION``), and
  one autograded test cell per check of the edrill suite (``nbgrader_tests.py``: the same
  points, 10 per exercise, the same inputs, known values, gradient checks and convergence
  runs, the reference's values written in as literals, ``grader.harness`` imported from the
  notebook as an nbgrader course would import its trusted helpers), then one hidden test
  cell per check of the exercise's hidden suite ``tests/hidden/test_<exercise>.py``, its
  check between ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` (the same points, 3 or
  4 more for the five exercises that have one, the same calls and sizes, inputs drawn from a
  fixed seed, the reference's outputs as literals): ``grader batch`` runs the hidden suites,
  so with them nbgrader does the same work and a notebook's max score is edrill's;
- ``submitted/<student>/core/<exercise>.ipynb`` for N students of four kinds, 25/5/5/5 for
  N = 40 (the kind is in the student id, e.g. ``s007-wrong``): ``correct`` (the reference
  answer), ``wrong`` (a recorded wrong answer of the solution's header, a different one per
  student where there are several), ``crashing`` (a NameError when the blank's function runs)
  and ``looping`` (``while True: pass`` at the start of the blank's function). The same
  notebooks are what ``grader batch`` grades (its discovery keeps the code cells minus the
  test cells), so both graders see identical student code.

With nbgrader available (``--nbgrader-venv``, default ``.venv-nb`` of this repository, when it
exists), it also runs ``nbgrader generate_assignment core`` and ``nbgrader db student import``
(the gradebook ``gradebook.db``), and the submissions are the released notebooks (with
nbgrader's checksums) whose solution cells hold the student's code. Without nbgrader
(``--no-nbgrader``, or no venv) it writes plain nbformat v4 JSON only, and checks it; the
submissions are then the source notebooks with the hidden tests removed, as in a release.

Needs numpy (the reference values) but not nbgrader: `--n 4 --out /tmp/x --no-nbgrader` runs
in the main environment. Every notebook written is checked against nbformat v4's required
structure (cells, metadata, nbformat 4, cell ids, nbgrader's required keys).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader.notebooks.layout import Layout, source_notebook, write_notebook  # noqa: E402
from grader.notebooks.layout import student_notebook as student_notebook  # noqa: E402
from grader.solution import parse_solution  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from nbgrader_tests import test_cells  # noqa: E402

CORE = ("conv_output_size", "gradient_clipping", "lstm_cell", "gru_update",
        "bidirectional_concat", "embedding")
KINDS = ("correct", "wrong", "crashing", "looping")
ASSIGNMENT = "core"
COURSE_ID = "edrill-bench"
DEFAULT_VENV = ROOT / ".venv-nb"

# --------------------------------------------------------------------------- the course


def kinds_for(n: int) -> list[str]:
    """N kinds: correct for the rest, one eighth each wrong/crashing/looping (25/5/5/5 of 40),
    shuffled with a fixed seed so no kind is graded all at once."""
    k = max(1, round(n / 8)) if n >= 4 else 0
    kinds = ["correct"] * (n - 3 * k) + ["wrong"] * k + ["crashing"] * k + ["looping"] * k
    random.Random(0).shuffle(kinds)
    return kinds


def student_ids(n: int) -> list[tuple[str, str]]:
    """(student id, kind), the kind written into the id."""
    return [(f"s{i:03d}-{kind}", kind) for i, kind in enumerate(kinds_for(n))]


def kind_of(student: str) -> str:
    return student.rsplit("-", 1)[-1]


def nbgrader_env(venv: Path) -> dict[str, str]:
    """The environment nbgrader and its kernels run in: the venv activated (nbgrader runs
    `alembic` from PATH), the repository importable (the test cells import grader.harness),
    one BLAS thread (as in edrill's sandbox)."""
    env = dict(os.environ)
    env["PATH"] = str(venv / "bin") + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(venv)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH")
                                     else "")
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    return env


def nbgrader_bin(venv: Path) -> Path:
    """The venv's `nbgrader` (an absolute path: nbgrader runs in the course directory),
    after checking that the package imports there."""
    venv = venv.absolute()
    python, exe = venv / "bin" / "python", venv / "bin" / "nbgrader"
    probe = None
    if python.exists():
        probe = subprocess.run([str(python), "-c", "import nbgrader, numpy"],
                               capture_output=True, text=True, check=False)
    if probe is None or probe.returncode != 0 or not exe.exists():
        raise SystemExit(
            f"nbgrader is not importable in {venv} (with numpy for its kernels).\n"
            f"  fix: python -m venv {venv} && {venv}/bin/pip install nbgrader numpy\n"
            f"  {probe.stderr.strip()[-300:] if probe else 'no python in the venv'}")
    return exe


def run_nbgrader(exe: Path, course: Path, *args: str) -> None:
    proc = subprocess.run([str(exe), *args], cwd=course, env=nbgrader_env(exe.parent.parent),
                          capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                         f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")


def without_hidden_tests(nb: dict) -> dict:
    """`nb` with the hidden-test regions of its test cells removed, as nbgrader's
    ClearHiddenTests does in the release (markers included): the students' copies when
    there is no release (no nbgrader)."""
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        if not cell["metadata"].get("nbgrader", {}).get("grade"):
            continue
        kept, inside = [], False
        for line in "".join(cell["source"]).split("\n"):
            if "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END HIDDEN TESTS" in line:
                inside = False
            elif not inside:
                kept.append(line)
        cell["source"] = "\n".join(kept)
    return nb


def build_course(out: Path, n: int, nbgrader: Path | None) -> list[tuple[str, str]]:
    """Write the course and the submissions; returns the (student, kind) pairs."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    students = student_ids(n)
    (out / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.CourseDirectory.db_assignments = [dict(name={ASSIGNMENT!r})]\n"
        "c.ClearSolutions.code_stub = {'python': 'raise NotImplementedError()'}\n")
    (out / "students.csv").write_text(
        "id,first_name,last_name,email\n"
        + "".join(f"{s},{s},{kind},\n" for s, kind in students))
    layouts = {ex_id: Layout.of(parse_solution(ROOT / "solutions" / f"{ex_id}.py"))
               for ex_id in CORE}
    sources = {ex_id: source_notebook(layout, test_cells(ex_id))
               for ex_id, layout in layouts.items()}
    for ex_id, nb in sources.items():
        write_notebook(out / "source" / ASSIGNMENT / f"{ex_id}.ipynb", nb)
    if nbgrader is not None:
        run_nbgrader(nbgrader, out, "generate_assignment", ASSIGNMENT, "--force")
        run_nbgrader(nbgrader, out, "db", "student", "import", "students.csv")
    seen = dict.fromkeys(KINDS, 0)
    for student, kind in students:
        variant = seen[kind]  # the wrong students get different wrong answers
        seen[kind] += 1
        folder = out / "submitted" / student / ASSIGNMENT
        for ex_id, layout in layouts.items():
            release = out / "release" / ASSIGNMENT / f"{ex_id}.ipynb"
            base = (json.loads(release.read_text()) if release.exists()
                    else without_hidden_tests(sources[ex_id]))
            nb = student_notebook(base, layout.solution_cells(kind, variant=variant))
            write_notebook(folder / f"{ex_id}.ipynb", nb)
        (folder / "timestamp.txt").write_text("2026-11-22 12:00:00.000000 UTC\n")
    return students


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="the course directory (replaced)")
    parser.add_argument("--n", type=int, default=40, help="students (default 40)")
    parser.add_argument("--nbgrader-venv", type=Path, default=None,
                        help=f"venv with nbgrader (default {DEFAULT_VENV} when it exists)")
    parser.add_argument("--no-nbgrader", action="store_true",
                        help="JSON notebooks only: no generate_assignment, no gradebook")
    args = parser.parse_args()
    exe = None
    if not args.no_nbgrader:
        venv = args.nbgrader_venv or (DEFAULT_VENV if DEFAULT_VENV.exists() else None)
        exe = nbgrader_bin(venv) if venv is not None else None
    students = build_course(args.out, args.n, exe)
    counts = {k: sum(1 for _, kind in students if kind == k) for k in KINDS}
    print(f"{args.out}: {len(CORE)} exercises, {len(students)} students "
          f"({', '.join(f'{v} {k}' for k, v in counts.items())}), "
          f"{'with' if exe else 'without'} nbgrader's release and gradebook")
    return 0


if __name__ == "__main__":
    sys.exit(main())
