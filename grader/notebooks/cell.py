"""What the test cells of `grader nbgrader`'s notebooks call: edrill grades the notebook.

A test cell holds two lines::

    from grader.notebooks.cell import check
    check("lstm_cell", "test_shapes")

`check` takes the module from the notebook `<exercise>.ipynb` in the current folder (where
`nbgrader autograde` runs its kernel: `autograded/<student>/<assignment>/`) exactly as
`grader batch` takes it from a submitted notebook (`grader.batch.discover.notebook_module`:
the code cells in order, without the test cells), grades the whole exercise once with the
course's suites in an isolated worker (the result is kept for the other cells of the same
notebook and code), and then passes silently when that check passed, or raises
AssertionError with edrill's message (expected vs got) when it did not — nbgrader scores
the cell 0. A hidden check's failure says only that a hidden check failed.

The kernel runs the student's code before these cells, in the same process: a student can
tamper with this module there, as with any nbgrader test. The scores to trust are those of
`grader batch` on the same `submitted/` folder (`grader export --nbgrader` writes them into
the gradebook).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

_graded: dict[tuple[str, str], object] = {}  # (exercise, code hash) -> ExerciseReport


def _module(ex_id: str) -> str:
    from grader.batch.discover import (
        MAX_NOTEBOOK_BYTES,
        NotebookError,
        notebook_module,
        read_untrusted,
    )

    path = Path.cwd() / f"{ex_id}.ipynb"
    try:
        return notebook_module(read_untrusted(path, MAX_NOTEBOOK_BYTES))
    except (OSError, NotebookError) as err:
        raise AssertionError(f"edrill cannot read the notebook {path.name}: {err}") from None


@contextlib.contextmanager
def _silent_fds():
    """Nothing on the kernel's stdout/stderr while grading: nbgrader scores a test cell
    that writes to stderr 0, and the worker processes inherit these descriptors."""
    saved = [os.dup(1), os.dup(2)]
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 1)
        os.dup2(null.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in saved:
            os.close(fd)


def grade_exercise(ex_id: str):
    """The edrill report of the notebook's exercise (graded once per code version)."""
    from grader.course import CourseError, find_course
    from grader.engine import course_target, grade_target

    source = _module(ex_id)
    key = (ex_id, hashlib.sha256(source.encode("utf-8")).hexdigest())
    if key not in _graded:
        try:
            course = find_course(Path.cwd())
        except CourseError as err:
            raise AssertionError(f"edrill's checks run where the course is: {err}") from None
        with tempfile.TemporaryDirectory(prefix="edrill-nb-") as work, _silent_fds():
            (Path(work) / f"{ex_id}.py").write_text(source, encoding="utf-8")
            report = grade_target(course_target(course, Path(work)), [ex_id], lang="en",
                                  jobs=1)
        _graded[key] = report.exercises[0]
    return _graded[key]


def check(ex_id: str, name: str, hidden: bool = False) -> None:
    """Pass when edrill's check `name` of `ex_id` passed on this notebook's code."""
    from grader.batch.slot import check_row
    from grader.i18n import pick

    rep = grade_exercise(ex_id)
    found = next((c for c in rep.checks if c.name == name), None)
    if found is not None and found.status == "passed" and found.points == found.max_points:
        return
    if hidden:
        raise AssertionError(f"a hidden check of {ex_id} failed")
    if found is None:
        why = pick(rep.message, "en") if rep.message else "the check did not run"
        raise AssertionError(f"{ex_id}: {rep.status}: {why}")
    raise AssertionError(f"{ex_id}: {name} {found.status}: {check_row(found)['message']}")
