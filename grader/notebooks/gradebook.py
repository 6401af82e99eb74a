"""edrill's scores into nbgrader's gradebook (`COURSE_DIR/gradebook.db`), so formgrader shows
them: `grader export ASSIGNMENT --nbgrader COURSE_DIR [--db FILE]`.

The course's source notebooks (written by `grader nbgrader`, then `nbgrader
generate_assignment`, which puts their grade cells into the gradebook) name one edrill check
per test cell. For every student of the results file with a row of the assignment's
exercises, the submission is created in the gradebook when missing (with its timestamp when
the results file has the `submissions` table), and each test cell's automatic score becomes
that check's result scaled to the cell's points: full points when edrill passed it, 0 when it
failed or did not run (an exercise that could not be graded, or was not submitted). The
hidden suites' cells get the hidden checks' results stored by `grader batch` (run with the
stored seed), so the gradebook's totals are the grade sheet's.
Where the grade sheet (`grader.grades.sheet`) changes an exercise's points — a late penalty or
an instructor's override — each of that notebook's test cells also gets a manual score, the
cell's share of the sheet's final points, so formgrader shows the automatic score and the
final one side by side (nbgrader counts the manual score). Without a change no manual score
is written, and an earlier one is cleared.
Written through nbgrader's own API (`nbgrader.api.Gradebook`), one transaction per student.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from grader.assignment import Assignment
from grader.notebooks.source import CONFIG, named_checks

COURSE_ID = re.compile(r"""^\s*c\.CourseDirectory\.course_id\s*=\s*['"]([^'"]+)['"]""",
                       re.MULTILINE)


class GradebookError(Exception):
    """The export cannot run; the message names the problem and the fix."""


@dataclass
class Exported:
    students: list[str] = field(default_factory=list)
    cells: int = 0
    scores: dict[str, float] = field(default_factory=dict)  # student -> total written


def course_id_of(course_dir: Path) -> str:
    """The course id of nbgrader_config.py (nbgrader's default when it names none)."""
    try:
        match = COURSE_ID.search((course_dir / CONFIG).read_text(encoding="utf-8"))
    except OSError:
        match = None
    return match.group(1) if match else "default_course"


def read_store(db: Path, assignment: Assignment) -> tuple[dict, dict, dict, dict]:
    """(results, checks, timestamps, finals) of the assignment's exercises, read once from
    the results file: results[(student, ex)] = row, checks[(student, ex, name)] = (points,
    max_points), timestamps[student] = submitted_at (ISO-8601) when recorded, and
    finals[(student, ex)] = the sheet's final points where they differ from the scaled
    score (a late penalty or an override)."""
    from grader.batch.store import ResultStore, StoreError
    from grader.grades import sheet

    if not db.is_file():
        raise GradebookError(f"no results file {db}: grade first with `grader batch "
                             "COURSE_DIR/submitted --db FILE`, or name it with --db")
    try:
        store = ResultStore(db, readonly=True)
    except StoreError as err:
        raise GradebookError(str(err)) from None
    try:
        wanted = set(assignment.exercises)
        results = {(r["student"], r["exercise"]): r for r in store.results()
                   if r["exercise"] in wanted}
        checks = {(c["student"], c["exercise"], c["name"]): (c["points"] or 0,
                                                             c["max_points"] or 0)
                  for c in store.checks() if c["exercise"] in wanted}
        stamps = {s: row["submitted_at"] for s, row in store.submissions(assignment.id).items()
                  if row["submitted_at"]}
        finals = {(row.student, ex): cell.final for row in sheet(store, assignment)
                  for ex, cell in row.cells.items() if abs(cell.final - cell.scaled) > 1e-9}
    except sqlite3.DatabaseError as err:
        raise GradebookError(f"{db} is not a results file of `grader batch` ({err}): name "
                             "the right one with --db") from None
    finally:
        store.close()
    return results, checks, stamps, finals


def apply_final(grades: list, final: float | None) -> float:
    """Set the cells' manual scores so that they add up to `final` (None: no change, and
    any earlier manual score is cleared); returns the notebook's points as nbgrader counts
    them. The final is spread in proportion to the automatic scores, or to the cells'
    maxima when there are none (an override of an exercise that scored 0)."""
    if final is None:
        for grade in grades:
            grade.manual_score = None
        return sum(grade.auto_score for grade in grades)
    auto = sum(grade.auto_score for grade in grades)
    top = sum(float(grade.max_score) for grade in grades)
    for grade in grades:
        weight = (grade.auto_score / auto if auto > 0
                  else float(grade.max_score) / top if top > 0 else 0.0)
        grade.manual_score = round(final * weight, 6)
    return final


def export(db: Path, assignment: Assignment, course_dir: Path) -> Exported:
    try:
        from nbgrader.api import Gradebook, MissingEntry
    except ImportError:
        raise GradebookError("writing nbgrader's gradebook needs nbgrader: pip install "
                             "'edrill[nbgrader]'") from None
    folder = course_dir / "source" / assignment.id
    cells: dict[str, dict[str, tuple[str, str]]] = {}
    for ex_id in assignment.exercises:
        path = folder / f"{ex_id}.ipynb"
        try:
            cells[ex_id] = named_checks(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            raise GradebookError(f"cannot read {path} ({err}): write the notebooks with "
                                 f"`grader nbgrader {assignment.id} {course_dir}` and run "
                                 f"`nbgrader generate_assignment {assignment.id}`") from None
    gradebook = course_dir / "gradebook.db"
    if not gradebook.is_file():
        raise GradebookError(f"no gradebook {gradebook}: run `nbgrader generate_assignment "
                             f"{assignment.id}` in {course_dir} first")
    results, checks, stamps, finals = read_store(db, assignment)
    students = sorted({s for s, _ in results})
    out = Exported(students=students)
    with Gradebook(f"sqlite:///{gradebook.resolve()}", course_id_of(course_dir)) as gb:
        try:
            gb.find_assignment(assignment.id)
        except MissingEntry:
            raise GradebookError(f"{gradebook} has no assignment {assignment.id!r}: run "
                                 f"`nbgrader generate_assignment {assignment.id}` in "
                                 f"{course_dir} first") from None
        for student in students:
            try:
                gb.update_or_create_student(student)
                extra = {"timestamp": stamps[student]} if student in stamps else {}
                gb.update_or_create_submission(assignment.id, student, **extra)
                total = 0.0
                for ex_id, named in cells.items():
                    grades = []
                    for grade_id, (ex, name) in named.items():
                        grade = gb.find_grade(grade_id, ex_id, assignment.id, student)
                        points, top = checks.get((student, ex, name), (0, 0))
                        cell_max = float(grade.max_score)
                        grade.auto_score = cell_max * points / top if top else 0.0
                        grade.needs_manual_grade = False
                        grades.append(grade)
                        out.cells += 1
                    total += apply_final(grades, finals.get((student, ex_id)))
                gb.db.commit()
            except MissingEntry as err:
                gb.db.rollback()
                raise GradebookError(f"the gradebook does not match the notebooks ({err}): "
                                     f"run `nbgrader generate_assignment {assignment.id} "
                                     "--force` after `grader nbgrader`") from None
            except BaseException:
                gb.db.rollback()
                raise
            out.scores[student] = total
    return out
