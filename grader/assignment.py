"""Assignments: which exercises, how many points, when due, how late work and checks are
treated. One small TOML file per assignment, `assignments/<id>.toml` in the course::

    id = "day3-rnn"                          # the file's name without .toml
    title = { ja = "Day 3: RNN", en = "Day 3: recurrent networks" }
    due = 2026-12-15T23:59:00+09:00           # with its UTC offset
    exercises = ["gradient_clipping", "lstm_cell", "gru_update"]

    [points]                                  # optional: instead of the exercise's own points
    lstm_cell = 20

    [late]                                    # optional: no late work accepted by default
    penalty_per_day = 0.10                    # share of the earned score lost per started day
    cutoff_days = 3                           # later than this: not accepted, 0 points
    grace_minutes = 10                        # this late still counts as on time

    [visibility]                              # optional, per check (the test's function name)
    default = "visible"                       # visible | hidden | after_due_date
    lstm_cell.test_known_values = "after_due_date"

A visible check is released to students (its code and its recorded reference values) and
shown in their feedback. A hidden check is never released and never shown: students learn
only how many there are. An after-due-date check is not released either; its result is
shown in feedback made after the due date. The checks of `tests/hidden/test_<id>.py` (fresh
random inputs at grading time) are hidden unless named visible here… which is refused:
their code is never released.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from grader.course import Course
from grader.i18n import Text

ASSIGNMENTS_DIR = "assignments"
VISIBILITIES = ("visible", "hidden", "after_due_date")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
KEYS = {"id", "title", "due", "exercises", "points", "late", "visibility"}
LATE_KEYS = {"penalty_per_day", "cutoff_days", "grace_minutes"}


class AssignmentError(Exception):
    """A malformed or unknown assignment: the message names the file, the problem and the
    fix."""


@dataclass(frozen=True)
class LatePolicy:
    """How a late submission is scored. Without a [late] table nothing late is accepted."""

    penalty_per_day: float = 0.0
    cutoff_days: float | None = 0.0
    grace_minutes: float = 0.0

    def days_late(self, submitted: datetime, due: datetime) -> int:
        """Started days after the due date (after the grace period); 0 when on time."""
        late = submitted - due - timedelta(minutes=self.grace_minutes)
        if late <= timedelta(0):
            return 0
        return math.ceil(late / timedelta(days=1))

    def factor(self, submitted: datetime | None, due: datetime) -> tuple[float, int, bool]:
        """(share of the score kept, started days late, accepted). A submission without a
        timestamp counts as on time (the caller reports that it had none)."""
        if submitted is None:
            return 1.0, 0, True
        days = self.days_late(submitted, due)
        if days == 0:
            return 1.0, 0, True
        late = submitted - due - timedelta(minutes=self.grace_minutes)
        if self.cutoff_days is not None and late > timedelta(days=self.cutoff_days):
            return 0.0, days, False
        return max(0.0, 1.0 - self.penalty_per_day * days), days, True


@dataclass(frozen=True)
class Assignment:
    id: str
    title: Text
    due: datetime  # aware
    exercises: tuple[str, ...]
    points: dict[str, int]  # every exercise of the assignment
    late: LatePolicy
    default_visibility: str = "visible"
    visibility: dict[str, dict[str, str]] = field(default_factory=dict)  # ex -> check -> v
    path: Path | None = None

    @property
    def max_points(self) -> int:
        return sum(self.points.values())

    def visibility_of(self, exercise: str, check: str, hidden_suite: bool = False) -> str:
        """The visibility of one check; the checks of a hidden suite are never visible."""
        named = self.visibility.get(exercise, {}).get(check)
        if hidden_suite:
            return named if named == "after_due_date" else "hidden"
        return named or self.default_visibility

    def released(self, exercise: str, check: str) -> bool:
        """Whether a check of the public suite goes into the student release."""
        return self.visibility_of(exercise, check) == "visible"

    def is_past_due(self, now: datetime | None = None) -> bool:
        return (now or datetime.now(UTC)) > self.due


def assignments_dir(course: Course) -> Path:
    return course.root / ASSIGNMENTS_DIR


def assignment_ids(course: Course) -> list[str]:
    folder = assignments_dir(course)
    return sorted(p.stem for p in folder.glob("*.toml")) if folder.is_dir() else []


def load_assignment(course: Course, name: str) -> Assignment:
    """The assignment `name` (an id in `assignments/`, or a path to a .toml file)."""
    path = Path(name)
    if path.suffix != ".toml":
        path = assignments_dir(course) / f"{name}.toml"
    if not path.is_file():
        known = assignment_ids(course)
        have = (f"the course has: {', '.join(known)}" if known
                else f"the course has none yet: write {ASSIGNMENTS_DIR}/<id>.toml "
                     "(see docs/assignments.md)")
        raise AssignmentError(f"no assignment {name!r} ({path} does not exist); {have}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise AssignmentError(f"{path} is not valid TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise AssignmentError(f"cannot read {path}: {err}") from None
    return parse_assignment(data, path, course)


def parse_assignment(data: dict, path: Path, course: Course) -> Assignment:
    def fail(problem: str) -> AssignmentError:
        return AssignmentError(f"{path}: {problem}")

    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)}; the keys are {', '.join(sorted(KEYS))}")
    ident = data.get("id")
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        raise fail("`id` must be a short lower-case name (letters, digits, - and _)")
    if ident != path.stem:
        raise fail(f"`id` is {ident!r} but the file is {path.name}: rename one so they agree")
    title = data.get("title", {"en": ident, "ja": ident})
    if isinstance(title, str):
        title = {"en": title, "ja": title}
    if not (isinstance(title, dict) and {"en", "ja"} <= set(title)
            and all(isinstance(v, str) for v in title.values())):
        raise fail('`title` must be a string or { ja = "…", en = "…" }')

    due = data.get("due")
    if not isinstance(due, datetime):
        raise fail("`due` must be a TOML date-time with its UTC offset, e.g. "
                   "due = 2026-12-15T23:59:00+09:00")
    if due.tzinfo is None:
        raise fail(f"`due` = {due.isoformat()} has no UTC offset: write it with one, e.g. "
                   f"{due.isoformat()}+09:00 for Japan time")

    exercises = data.get("exercises")
    if not (isinstance(exercises, list) and exercises
            and all(isinstance(x, str) for x in exercises)):
        raise fail('`exercises` must be a non-empty list of exercise ids, e.g. ["lstm_cell"]')
    known = course.exercise_ids()
    missing = [x for x in exercises if x not in known]
    if missing:
        raise fail(f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in "
                   "course.toml: check the spelling (see `grade list`)")
    dupes = sorted({x for x in exercises if exercises.count(x) > 1})
    if dupes:
        raise fail(f"{', '.join(dupes)} listed twice in `exercises`")
    order = {x: k for k, x in enumerate(known)}
    exercises = sorted(exercises, key=order.__getitem__)  # the course's order

    own = {ex.id: int(ex.points) for ex in course.exercises() if ex.id in exercises}
    points_table = data.get("points", {})
    if not isinstance(points_table, dict):
        raise fail("[points] must be a table of exercise id = points")
    for ex, pts in points_table.items():
        if ex not in exercises:
            raise fail(f"[points] names {ex!r}, which is not in this assignment's exercises")
        if not isinstance(pts, int) or isinstance(pts, bool) or pts < 0:
            raise fail(f"[points] {ex} = {pts!r}: points are a whole number ≥ 0")
    points = {ex: int(points_table.get(ex, own[ex])) for ex in exercises}

    late = parse_late(data.get("late"), fail)
    default, visibility = parse_visibility(data.get("visibility", {}), exercises, course, fail)
    return Assignment(id=ident, title=dict(title), due=due, exercises=tuple(exercises),
                      points=points, late=late, default_visibility=default,
                      visibility=visibility, path=path)


def parse_late(table: object, fail) -> LatePolicy:
    if table is None:
        return LatePolicy()
    if not isinstance(table, dict):
        raise fail("[late] must be a table")
    unknown = sorted(set(table) - LATE_KEYS)
    if unknown:
        raise fail(f"[late] has unknown key(s) {', '.join(unknown)}; the keys are "
                   f"{', '.join(sorted(LATE_KEYS))}")
    values = {}
    for key in LATE_KEYS & set(table):
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise fail(f"[late] {key} = {value!r}: expected a number ≥ 0")
        values[key] = float(value)
    if values.get("penalty_per_day", 0.0) > 1:
        raise fail("[late] penalty_per_day is a share of the score (0.1 = 10 % a day), not "
                   "more than 1")
    return LatePolicy(penalty_per_day=values.get("penalty_per_day", 0.0),
                      cutoff_days=values.get("cutoff_days"),
                      grace_minutes=values.get("grace_minutes", 0.0))


def parse_visibility(table: object, exercises: list[str], course: Course, fail
                     ) -> tuple[str, dict[str, dict[str, str]]]:
    if not isinstance(table, dict):
        raise fail("[visibility] must be a table")
    default = table.get("default", "visible")
    if default not in VISIBILITIES:
        raise fail(f"[visibility] default = {default!r}: use one of {', '.join(VISIBILITIES)}")
    out: dict[str, dict[str, str]] = {}
    for ex, checks in table.items():
        if ex == "default":
            continue
        if ex not in exercises:
            raise fail(f"[visibility] names {ex!r}, which is not in this assignment's "
                       "exercises")
        if not isinstance(checks, dict):
            raise fail(f'[visibility] {ex} must be a table: {ex}.test_name = "hidden"')
        names = check_names(course, ex)
        for name, vis in checks.items():
            if name not in names:
                raise fail(f"[visibility] {ex}.{name}: no such check in "
                           f"tests/suites/test_{ex}.py or tests/hidden/test_{ex}.py; its "
                           f"checks are {', '.join(sorted(names)) or 'none'}")
            if vis not in VISIBILITIES:
                raise fail(f"[visibility] {ex}.{name} = {vis!r}: use one of "
                           f"{', '.join(VISIBILITIES)}")
            if vis == "visible" and names[name] == "hidden":
                raise fail(f"[visibility] {ex}.{name} is in tests/hidden/: its code is never "
                           "released, so it cannot be visible (use after_due_date to show "
                           "its result after the due date)")
            out.setdefault(ex, {})[name] = vis
    return default, out


def hidden_suite(course: Course, ex_id: str) -> Path:
    """`tests/hidden/test_<id>.py`: checks with fresh random inputs, run at grading only."""
    return course.root / "tests" / "hidden" / f"test_{ex_id}.py"


CHECK_DEF = re.compile(r"^def (test_\w+)\(", re.MULTILINE)


def check_names(course: Course, ex_id: str) -> dict[str, str]:
    """The test functions of an exercise's suites: name -> "public" or "hidden"."""
    out: dict[str, str] = {}
    for path, where in ((course.suite(ex_id), "public"), (hidden_suite(course, ex_id), "hidden")):
        if path.is_file():
            for name in CHECK_DEF.findall(path.read_text(encoding="utf-8")):
                out[name] = where
    return out
