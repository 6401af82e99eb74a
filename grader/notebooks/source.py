"""An assignment as nbgrader source notebooks: `COURSE_DIR/source/<assignment>/<id>.ipynb`.

One notebook per exercise of the assignment (`grader.notebooks.layout`: instructions in
Japanese and English, the given code locked, the blanks' statements between nbgrader's
solution markers), then one locked test cell per check `grader batch` runs: the public
suite's, then the hidden suite's (`tests/hidden/test_<id>.py`, grader.hidden). A test cell
only names its check (`check("lstm_cell", "test_shapes")`, `grader.notebooks.cell`): the
check's code, its inputs and the reference stay in the course, so nothing of them is in
`source/` for `nbgrader generate_assignment` to copy into the release. A check that is not
visible (hidden, after_due_date) is named between `### BEGIN HIDDEN TESTS` / `### END HIDDEN
TESTS`, which nbgrader removes from the student's copy and puts back at autograde, and its
grade id does not name it; a hidden suite's checks are always there (at autograde they run
with the seed `grader batch` derives for the student, grader.notebooks.cell). Cell points
are the check's points scaled to the assignment's points of the exercise, over all the
checks, hidden ones included (score / max_score × points, as `grader batch` and the grade
sheet scale), so a notebook's total is the exercise's points in the assignment.

The checks and their points are those edrill runs on the reference solution, which must
pass every one of them (or the notebooks would test something the reference fails).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from grader.assignment import Assignment
from grader.course import Course
from grader.files import write_atomic
from grader.notebooks.layout import Layout, source_notebook, write_notebook
from grader.solution import parse_solution

CONFIG = "nbgrader_config.py"
LANGS = ("ja", "en")
CELL_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
CHECK_CALL = re.compile(r'check\("(\w+)", "(\w+)"(, hidden=True)?\)')


class NotebookSourceError(Exception):
    """The assignment cannot be written as notebooks; the message names the fix."""


@dataclass
class Written:
    notebooks: list[Path] = field(default_factory=list)
    config: Path | None = None  # nbgrader_config.py, when it was written (it was missing)
    checks: int = 0
    hidden: int = 0


def test_cell(ex_id: str, name: str, title: str, points: float, visible: bool) -> str:
    if visible:
        return (f"# edrill: {title} ({points:.4g} points)\n"
                "from grader.notebooks.cell import check\n"
                f'check("{ex_id}", "{name}")\n')
    return (f"# a hidden check ({points:.4g} points): it runs when your work is graded\n"
            "### BEGIN HIDDEN TESTS\n"
            "from grader.notebooks.cell import check\n"
            f'check("{ex_id}", "{name}", hidden=True)\n'
            "### END HIDDEN TESTS\n")


def named_checks(nb: dict) -> dict[str, tuple[str, str]]:
    """grade id -> (exercise, check) of the test cells of a notebook written here."""
    out = {}
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        match = CHECK_CALL.search(source)
        if meta.get("grade") and match:
            out[meta["grade_id"]] = (match.group(1), match.group(2))
    return out


def reference_checks(course: Course, assignment: Assignment) -> dict[str, list]:
    """Exercise -> the checks `grader batch` runs on the reference solution, the hidden
    suite's included (all must pass; the hidden ones on the inputs of a fixed seed)."""
    from grader.engine import grade_target
    from grader.hidden import grading_target, has_hidden_suite

    ids = list(assignment.exercises)
    target = grading_target(course, course.solutions_dir, label="solutions")
    target.seeds = {ex: 0 for ex in ids if has_hidden_suite(course, ex)}
    report = grade_target(target, ids, lang="en")
    failing = [f"{rep.id} ({rep.status})" for rep in report.exercises
               if rep.status != "passed" or not rep.checks]
    if failing:
        raise NotebookSourceError(
            f"the reference solution does not pass {', '.join(failing)}: run `grader selftest "
            f"{' '.join(r.split()[0] for r in failing)}` and fix the suite or the solution first")
    return {rep.id: rep.checks for rep in report.exercises}


def write_config(course_dir: Path, course_id: str) -> Path | None:
    """A minimal nbgrader_config.py, only when the course has none (never overwritten)."""
    path = course_dir / CONFIG
    if path.exists():
        return None
    text = ("# written by `grader nbgrader`; nbgrader reads it from this folder\n"
            "c = get_config()  # noqa: F821\n"
            f"c.CourseDirectory.course_id = {course_id!r}\n"
            "c.ClearSolutions.code_stub = {'python': 'raise NotImplementedError()'}\n")
    write_atomic(path, text)
    return path


def write_source(course: Course, assignment: Assignment, course_dir: Path,
                 course_id: str = "edrill") -> Written:
    """Write the assignment's source notebooks (and nbgrader_config.py if missing)."""
    if course_dir.exists() and not course_dir.is_dir():
        raise NotebookSourceError(f"{course_dir} is not a folder: give the nbgrader course "
                                  "folder (it holds nbgrader_config.py and source/)")
    checks = reference_checks(course, assignment)
    out = Written()
    notebooks = {}
    for ex_id in assignment.exercises:
        layout = Layout.of(parse_solution(course.solutions_dir / f"{ex_id}.py"))
        total = sum(c.max_points for c in checks[ex_id])
        tests, hidden = [], 0
        for check in checks[ex_id]:
            is_hidden = bool(getattr(check, "hidden", False))
            visible = assignment.visibility_of(ex_id, check.name,
                                               hidden_suite=is_hidden) == "visible"
            # not rounded: the cells of a notebook add up to the exercise's points, and
            # the cells a student passes to exactly `grader batch`'s scaled score
            points = check.max_points * assignment.points[ex_id] / total if total else 0.0
            points = int(points) if float(points).is_integer() else points
            if visible:
                grade_id = f"{ex_id}-{check.name}"
                if not CELL_ID.match(grade_id):
                    grade_id = f"{ex_id}-check-{len(tests) + 1}"
            else:
                hidden += 1
                grade_id = f"{ex_id}-hidden-{hidden}"
            title = check.title.get("en", check.name) if isinstance(check.title, dict) \
                else str(check.title)
            tests.append((grade_id, points,
                          test_cell(ex_id, check.name, title, points, visible)))
        notebooks[ex_id] = source_notebook(layout, tests, langs=LANGS)
        out.checks += len(tests)
        out.hidden += hidden
    folder = course_dir / "source" / assignment.id
    for ex_id, nb in notebooks.items():
        path = folder / f"{ex_id}.ipynb"
        write_notebook(path, nb)
        out.notebooks.append(path)
    out.config = write_config(course_dir, course_id)
    return out
