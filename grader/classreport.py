"""The class report of `grader report`: one self-contained HTML page from a batch's results
file — the score distribution, the pass rate per exercise and per check, the most common
failure messages, and the submissions that timed out or could not be graded.

`collect` reads the results file (read-only) into a `ClassReport`; `render` writes the page
through `templates/report.html.j2` and the SVG plot templates (grader/plots.py). The page
has no script and loads nothing: inline CSS and inline SVG, and a Content-Security-Policy
that forbids any fetch. Every text that may come from a student (messages hold their
exception texts) is escaped by Jinja's autoescaping.

Scores are the stored raw scores, scaled to an assignment's points when one is named;
late penalties and overrides (grader grades) are not applied here.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

import jinja2

from grader import plots
from grader.course import Course

STATUS_ORDER = ("passed", "failed", "unfilled", "error", "timeout")
STATUS_COLORS = {"passed": "#2e9e5b", "failed": "#d64541", "unfilled": "#a0a4ab",
                 "error": "#e8912d", "timeout": "#8e5bd6"}
PROBLEM_STATUSES = ("timeout", "error")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
BINS = 10


@dataclass
class ExerciseStats:
    id: str
    title: str
    points: float  # what the exercise is worth in this report
    counts: dict[str, int] = field(default_factory=dict)  # status -> submissions
    mean_share: float = 0.0  # mean score / max over its submissions

    @property
    def submissions(self) -> int:
        return sum(self.counts.values())

    @property
    def pass_rate(self) -> float:
        return self.counts.get("passed", 0) / self.submissions if self.submissions else 0.0


@dataclass
class CheckStats:
    exercise: str
    name: str
    kind: str
    hidden: bool
    passed: int
    total: int  # submissions of the exercise: a check without a row (not run) did not pass
    max_points: int

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


@dataclass
class FailureGroup:
    exercise: str
    message: str  # the most frequent wording of the group's first line
    likely: str  # the "likely mistake" the check named, or ""
    students: int
    occurrences: int
    checks: list[str]
    statuses: list[str]


@dataclass
class Problem:
    student: str
    exercise: str
    status: str
    headline: str
    detail: str
    internal: bool  # an error of the grader, not the student's: graded again next run


@dataclass
class StudentScore:
    student: str
    score: float
    max_score: float

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max_score if self.max_score else 0.0


@dataclass
class ClassReport:
    db: str
    generated: str
    title: str
    assignment: str | None
    exercises: list[ExerciseStats]
    checks: list[CheckStats]
    students: list[StudentScore]
    failures: list[FailureGroup]
    problems: list[Problem]
    runs: list[dict]
    status_totals: dict[str, int]

    @property
    def max_points(self) -> float:
        return sum(e.points for e in self.exercises)

    def summary(self) -> dict:
        percents = [s.percent for s in self.students]
        return {"students": len(self.students),
                "submissions": sum(e.submissions for e in self.exercises),
                "mean": statistics.fmean(percents) if percents else 0.0,
                "median": statistics.median(percents) if percents else 0.0,
                "full_marks": sum(1 for p in percents if p >= 100 - 1e-9),
                "problems": len(self.problems)}


def headline(message: str | None) -> str:
    return (message or "").strip().splitlines()[0] if (message or "").strip() else ""


def likely_mistake(message: str | None) -> str:
    for line in (message or "").splitlines():
        if line.strip().lower().startswith("likely mistake:"):
            return line.strip()[len("likely mistake:"):].strip()
    return ""


def shape_of(text: str) -> str:
    """A message with its numbers blanked: the same mistake on other inputs groups together."""
    return NUMBER.sub("#", text)


def _rows(db: sqlite3.Connection, table: str) -> list[dict]:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                      (table,)).fetchone():
        return []
    cur = db.execute(f"SELECT * FROM {table}")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def collect(db: sqlite3.Connection, course: Course, *, db_name: str, assignment=None,
            top: int = 15, now: datetime | None = None) -> ClassReport:
    """The report's numbers from an open results file (only read)."""
    results = _rows(db, "results")
    checks = _rows(db, "checks")
    order = {x: k for k, x in enumerate(course.exercise_ids())}
    titles = {ex.id: ex.title for ex in course.exercises()}
    if assignment is not None:
        scope = list(assignment.exercises)
    else:
        scope = sorted({r["exercise"] for r in results},
                       key=lambda x: (order.get(x, len(order)), x))
    wanted = set(scope)
    results = [r for r in results if r["exercise"] in wanted]
    checks = [c for c in checks if c["exercise"] in wanted]

    # what each exercise is worth: the assignment's points, else its stored maximum
    own_max: dict[str, int] = {}
    for r in results:
        own_max[r["exercise"]] = max(own_max.get(r["exercise"], 0), r["max_score"] or 0)
    worth = {ex: float(assignment.points[ex]) if assignment is not None
             else float(own_max.get(ex, 0)) for ex in scope}

    def scaled(row: dict) -> float:
        top_score = row["max_score"] or 0
        return (row["score"] or 0) / top_score * worth[row["exercise"]] if top_score else 0.0

    exercises = []
    for ex in scope:
        mine = [r for r in results if r["exercise"] == ex]
        counts = Counter(r["status"] for r in mine)
        shares = [(r["score"] or 0) / r["max_score"] for r in mine if r["max_score"]]
        title = titles.get(ex, {"en": ex})
        exercises.append(ExerciseStats(
            ex, title.get("en", ex) if isinstance(title, dict) else str(title), worth[ex],
            {s: counts[s] for s in [*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER))]
             if counts.get(s)},
            statistics.fmean(shares) if shares else 0.0))

    by_student: dict[str, float] = {}
    for r in results:
        by_student[r["student"]] = by_student.get(r["student"], 0.0) + scaled(r)
    total = sum(worth.values())
    students = [StudentScore(s, by_student[s], total) for s in sorted(by_student)]

    submissions_of = Counter(r["exercise"] for r in results)
    check_stats: dict[tuple[str, str], CheckStats] = {}
    for c in checks:
        key = (c["exercise"], c["name"])
        stat = check_stats.setdefault(key, CheckStats(
            c["exercise"], c["name"], c.get("kind") or "", bool(c.get("hidden", 0)), 0,
            submissions_of[c["exercise"]], c.get("max_points") or 0))
        stat.passed += c["status"] == "passed"
        stat.max_points = max(stat.max_points, c.get("max_points") or 0)
    check_list = sorted(check_stats.values(),
                        key=lambda c: (scope.index(c.exercise), c.hidden, c.name))

    # failure messages: every failing check, and the one message of a run that could not
    # grade (an import error, a timeout) — its checks only repeat it
    found: list[tuple[str, str, str, str, str]] = []  # exercise, student, check, status, msg
    for c in checks:
        if c["status"] == "failed" and headline(c["message"]):
            found.append((c["exercise"], c["student"], c["name"], "failed", c["message"]))
    for r in results:
        if r["status"] in PROBLEM_STATUSES and headline(r["message"]):
            found.append((r["exercise"], r["student"], "", r["status"], r["message"]))
    groups: dict[tuple[str, str], list] = {}
    for ex, student, check, status, message in found:
        groups.setdefault((ex, shape_of(headline(message))), []).append(
            (student, check, status, message))
    failures = []
    for (ex, _shape), items in groups.items():
        wording = Counter(headline(m) for *_, m in items).most_common(1)[0][0]
        likely = next((likely_mistake(m) for *_, m in items if likely_mistake(m)), "")
        failures.append(FailureGroup(
            ex, wording, likely, len({s for s, *_ in items}), len(items),
            sorted({c for _, c, *_ in items if c}), sorted({st for _, _, st, _ in items})))
    failures.sort(key=lambda f: (-f.students, -f.occurrences, scope.index(f.exercise),
                                 f.message))

    problems = [Problem(r["student"], r["exercise"], r["status"], headline(r["message"]),
                        (r["message"] or "").strip(), not r["suite_version"])
                for r in results if r["status"] in PROBLEM_STATUSES or not r["suite_version"]]
    problems.sort(key=lambda p: (STATUS_ORDER.index(p.status) if p.status in STATUS_ORDER
                                 else 99, scope.index(p.exercise), p.student))

    title = (assignment.title.get("en", assignment.id) if assignment is not None
             else "every exercise in the results file")
    return ClassReport(
        db=db_name, generated=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        title=title, assignment=assignment.id if assignment is not None else None,
        exercises=exercises, checks=check_list, students=students,
        failures=failures[:top], problems=problems, runs=_rows(db, "runs"),
        status_totals=dict(Counter(r["status"] for r in results)))


def environment(course: Course) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(course.templates_dir),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def score_histogram(report: ClassReport) -> tuple[list[int], list[float]]:
    """Students per tenth of the maximum: [0, 10), …, [90, 100] percent."""
    counts = [0] * BINS
    for s in report.students:
        counts[min(BINS - 1, int(s.percent // (100 / BINS)))] += 1
    return counts, [i * 100 / BINS for i in range(BINS + 1)]


def render(report: ClassReport, course: Course) -> str:
    env = environment(course)
    counts, edges = score_histogram(report)
    distribution = plots.histogram(
        env, counts, edges, title="Score distribution (students per tenth of the maximum)",
        x_label=f"share of the {report.max_points:g} points", y_label="students", unit=" %")
    exercise_rows = [plots.Row(
        e.id, [plots.Segment(e.counts.get(s, 0), STATUS_COLORS[s],
                             f"{e.counts.get(s, 0)} {s}") for s in STATUS_ORDER],
        f"{100 * e.pass_rate:.0f} % passed") for e in report.exercises]
    by_exercise = plots.hbars(
        env, exercise_rows, title="Submissions per exercise, by status",
        axis_max=max([e.submissions for e in report.exercises] + [1]),
        axis_label="submissions", legend=[(s, STATUS_COLORS[s]) for s in STATUS_ORDER])
    check_rows = [plots.Row(
        f"{c.exercise} · {c.name}" + (" (hidden)" if c.hidden else ""),
        [plots.Segment(c.rate, STATUS_COLORS["passed"], f"{c.passed} of {c.total} passed")],
        f"{100 * c.rate:.0f} %", group=c.exercise) for c in report.checks]
    by_check = plots.hbars(env, check_rows, title="Pass rate per check", axis_max=1.0,
                           axis_label="submissions that passed the check", percent=True,
                           label_chars=60)
    return env.get_template("report.html.j2").render(
        r=report, summary=report.summary(), distribution=distribution,
        by_exercise=by_exercise, by_check=by_check, colors=STATUS_COLORS,
        statuses=STATUS_ORDER)


