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

Hidden suites (`tests/hidden/test_<id>.py`, grader.hidden) run after the public suite with
the seed `grader batch` uses for the same student: HMAC(course secret, student, exercise).
- The student is the folder nbgrader autogrades in: nbgrader runs the kernel in
  `autograded/<student>/<assignment>/` (its default `directory_structure`) and sets
  `NBGRADER_EXECUTION=autograde`, exactly the `<student>` of `submitted/<student>/…` that
  `grader batch` names. Autograding in another layout fails the hidden cells with a message.
- The secret is found as `grader batch` finds it: `$EDRILL_COURSE_SECRET`, else the
  course's `.edrill-secret` (never made here). Without it the hidden cells fail, saying so
  (never a different seed in silence); the public cells are graded as usual.
- Outside `nbgrader autograde` (`nbgrader validate`, the instructor's own kernel) nothing is
  recorded: the hidden checks run on the fixed preview seed 0, as `grader nbgrader` proves
  them on the reference.
The secret is removed from the environment while the worker grades (as `grader batch` does),
but the student's code ran earlier in the same kernel: see the paragraph below.

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

_graded: dict[tuple, object] = {}  # (exercise, code hash, seed) -> ExerciseReport
AUTOGRADED = "autograded"  # nbgrader's CourseDirectory.autograded_directory (default)
PREVIEW_SEED = 0


class SeedError(Exception):
    """The seed of this student's hidden checks cannot be known; says what to fix."""


def kernel_student(cwd: Path | None = None) -> str | None:
    """The student nbgrader is autograding (the `<student>` of the kernel's folder
    `autograded/<student>/<assignment>/`), None outside `nbgrader autograde`."""
    cwd = cwd or Path.cwd()
    if os.environ.get("NBGRADER_EXECUTION") != "autograde":
        return None
    parts = cwd.parts
    if len(parts) >= 3 and parts[-3] == AUTOGRADED and parts[-2] not in ("", ".", ".."):
        return parts[-2]
    raise SeedError(f"edrill's hidden checks cannot tell the student: nbgrader autograde runs "
                    f"this kernel in {cwd}, not in {AUTOGRADED}/<student>/<assignment>/ "
                    "(nbgrader's default directory_structure and autograded_directory); "
                    "autograde in that layout, or grade with `grader batch` and `grader "
                    "export --nbgrader`")


def kernel_seed(course, ex_id: str, cwd: Path | None = None) -> int:
    """The seed of `ex_id`'s hidden checks in this kernel: `grader batch`'s seed of the
    autograded student, or PREVIEW_SEED outside `nbgrader autograde`."""
    from grader.hidden import SECRET_ENV, SecretError, course_secret, derive_seed

    student = kernel_student(cwd)
    if student is None:
        return PREVIEW_SEED
    try:
        secret, _ = course_secret(course, create=False)
    except SecretError as err:
        raise SeedError(f"edrill's hidden checks of {ex_id} need the course secret in the "
                        f"autograding kernel ({err}): run nbgrader autograde with "
                        f"{SECRET_ENV} set to the secret `grader batch` uses, or with the "
                        "course's .edrill-secret readable") from None
    return derive_seed(secret, student, ex_id)


@contextlib.contextmanager
def _without_secret():
    """The course secret out of the environment the grading workers inherit."""
    from grader.hidden import SECRET_ENV

    saved = os.environ.pop(SECRET_ENV, None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ[SECRET_ENV] = saved


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
    """The edrill report of the notebook's exercise (graded once per code version and
    seed), and {hidden suite's check: why it did not run} (empty when it ran)."""
    from grader.course import CourseError, find_course
    from grader.engine import course_target, grade_target
    from grader.hidden import grading_target, has_hidden_suite, hidden_suite, suite_checks

    source = _module(ex_id)
    try:
        course = find_course(Path.cwd())
    except CourseError as err:
        raise AssertionError(f"edrill's checks run where the course is: {err}") from None
    seed, skipped = None, {}
    if has_hidden_suite(course, ex_id):
        try:
            seed = kernel_seed(course, ex_id)
        except SeedError as err:
            skipped = {c.name: str(err) for c in suite_checks(hidden_suite(course, ex_id))}
    key = (ex_id, hashlib.sha256(source.encode("utf-8")).hexdigest(), seed)
    if key not in _graded:
        with tempfile.TemporaryDirectory(prefix="edrill-nb-") as work, _silent_fds(), \
                _without_secret():
            (Path(work) / f"{ex_id}.py").write_text(source, encoding="utf-8")
            if seed is None:  # the public suite only
                target = course_target(course, Path(work))
            else:
                target = grading_target(course, Path(work))
                target.seeds = {ex_id: seed}
            report = grade_target(target, [ex_id], lang="en", jobs=1)
        _graded[key] = report.exercises[0]
    return _graded[key], skipped


def check(ex_id: str, name: str, hidden: bool = False) -> None:
    """Pass when edrill's check `name` of `ex_id` passed on this notebook's code."""
    from grader.batch.slot import check_row
    from grader.i18n import pick

    rep, skipped = grade_exercise(ex_id)
    found = next((c for c in rep.checks if c.name == name), None)
    if found is not None and found.status == "passed" and found.points == found.max_points:
        return
    if found is None and name in skipped:
        raise AssertionError(skipped[name])  # the hidden suite did not run: the instructor's fix
    if hidden:
        raise AssertionError(f"a hidden check of {ex_id} failed")
    if found is None:
        why = pick(rep.message, "en") if rep.message else "the check did not run"
        raise AssertionError(f"{ex_id}: {rep.status}: {why}")
    raise AssertionError(f"{ex_id}: {name} {found.status}: {check_row(found)['message']}")
