"""Assignment files: the shipped ones load, late work is scored by the policy, and every
malformed file is refused with the file, the problem and the fix."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from grader.assignment import (
    AssignmentError,
    LatePolicy,
    assignment_ids,
    load_assignment,
)
from grader.course import Course

GOOD = """
id = "{id}"
title = {{ ja = "テスト", en = "Test" }}
due = 2026-12-15T23:59:00+09:00
exercises = ["lstm_cell", "gradient_clipping"]
"""


def write(course: Course, tmp_path: Path, text: str, name: str = "hw1") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text.format(id=name), encoding="utf-8")
    return path


def test_every_shipped_assignment_loads(course: Course) -> None:
    ids = assignment_ids(course)
    assert ids, "the course ships at least one example assignment"
    for ident in ids:
        a = load_assignment(course, ident)
        assert a.id == ident and a.exercises and a.due.tzinfo is not None


def test_exercises_in_course_order_and_points(course: Course, tmp_path: Path) -> None:
    a = load_assignment(course, str(write(course, tmp_path, GOOD + "[points]\nlstm_cell = 25\n")))
    assert a.exercises == ("gradient_clipping", "lstm_cell")  # course order, not file order
    assert a.points == {"gradient_clipping": 10, "lstm_cell": 25}
    assert a.max_points == 35


def test_late_policy() -> None:
    due = datetime.fromisoformat("2026-12-15T23:59:00+09:00")
    policy = LatePolicy(penalty_per_day=0.1, cutoff_days=3, grace_minutes=10)
    assert policy.factor(None, due) == (1.0, 0, True)
    assert policy.factor(due + timedelta(minutes=9), due) == (1.0, 0, True)  # grace
    assert policy.factor(due + timedelta(minutes=11), due) == (0.9, 1, True)
    keep, days, ok = policy.factor(due + timedelta(days=2, minutes=30), due)
    assert (round(keep, 6), days, ok) == (0.7, 3, True)
    assert policy.factor(due + timedelta(days=3, minutes=11), due) == (0.0, 4, False)
    # without a [late] table nothing late is accepted
    assert LatePolicy().factor(due + timedelta(seconds=1), due) == (0.0, 1, False)


def test_visibility(course: Course, tmp_path: Path) -> None:
    text = GOOD + '[visibility]\ndefault = "visible"\nlstm_cell.test_shapes = "hidden"\n'
    a = load_assignment(course, str(write(course, tmp_path, text)))
    assert a.visibility_of("lstm_cell", "test_shapes") == "hidden"
    assert not a.released("lstm_cell", "test_shapes")
    assert a.released("lstm_cell", "test_memory_task")
    assert a.visibility_of("lstm_cell", "test_anything", hidden_suite=True) == "hidden"


@pytest.mark.parametrize(("text", "problem"), [
    (GOOD.replace('"{id}"', '"other"'), "but the file is hw1.toml"),
    (GOOD.replace("+09:00", ""), "has no UTC offset"),
    (GOOD.replace('"lstm_cell", ', '"lstm_cel", '), "lstm_cel is not in course.toml"),
    (GOOD.replace('"gradient_clipping"', '"lstm_cell"'), "listed twice"),
    (GOOD + "duee = 1\n", "unknown key(s) duee"),
    (GOOD + "[points]\ngru_update = 5\n", "not in this assignment's exercises"),
    (GOOD + "[points]\nlstm_cell = -1\n", "whole number"),
    (GOOD + "[late]\npenalty_per_day = 10\n", "not more than 1"),
    (GOOD + "[late]\ncutof_days = 1\n", "unknown key(s) cutof_days"),
    (GOOD + '[visibility]\nlstm_cell.test_nope = "hidden"\n', "no such check"),
    (GOOD + '[visibility]\nlstm_cell.test_shapes = "secret"\n', "use one of"),
    (GOOD + "due = \n", "not valid TOML"),
])
def test_malformed_files_are_refused(course: Course, tmp_path: Path, text: str,
                                     problem: str) -> None:
    path = write(course, tmp_path, text)
    with pytest.raises(AssignmentError) as err:
        load_assignment(course, str(path))
    assert problem in str(err.value) and str(path) in str(err.value)


def test_unknown_assignment_names_the_known_ones(course: Course) -> None:
    with pytest.raises(AssignmentError, match="day3-rnn"):
        load_assignment(course, "no-such-assignment")
