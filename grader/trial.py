"""`grader try`: grade the solution with one blank replaced by a given answer.

The engine behind mutation tests (selftest's wrong answers and accepted alternatives) and,
later, the exam quiz: every check runs, against the live reference.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from grader.course import Course
from grader.engine import course_target, grade_target
from grader.report import Report
from grader.solution import Exercise
from grader.worker.client import ForkServerClient


def find_exercise(course: Course, ex_id: str) -> Exercise:
    for ex in course.exercises():
        if ex.id == ex_id:
            return ex
    raise KeyError(ex_id)


def try_answers(course: Course, ex: Exercise, answers: dict[int, str], *, lang: str = "en",
                timeout: float = 3.0, server: ForkServerClient | None = None,
                controls: bool = False) -> Report:
    """Grade `ex`'s solution with `answers` ({blank: text}) put in."""
    source = ex.with_answers(answers)
    with tempfile.TemporaryDirectory(prefix="edrill-try-") as tmp:
        path = Path(tmp) / f"{ex.id}.py"
        path.write_text(source, encoding="utf-8")
        target = course_target(course, Path(tmp), label=f"{ex.id} with blank(s) "
                               f"{', '.join(map(str, sorted(answers)))} replaced")
        target.module_paths = {ex.id: path}
        return grade_target(target, [ex.id], lang=lang, timeout=timeout, server=server,
                            controls=controls)
