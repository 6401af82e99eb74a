"""The grade sheet of an assignment: stored scores, late penalties, overrides, totals.

`sheet(store, assignment)` is a pure function of the results file and the assignment (the
commands `grader grades`, `feedback`, `export`, and the report and host exports use it):

- an exercise's stored score is out of its own points (`results.max_score`); the
  assignment scales it to its points: `scaled = score / max_score × points[ex]`;
- the late policy keeps a share of it: `kept` from the student's submission time
  (`submissions.submitted_at`, recorded by `grader batch --assignment`) and the due date;
  later than the cutoff the submission is not accepted and every exercise gets 0. A student
  without a recorded time counts as on time, and the sheet says so;
- an instructor's override (the latest of the append-only `overrides` table for that
  student × exercise) replaces the exercise's final points, late penalty included: the
  instructor decides the final number. An override with no score (`grader override
  --clear`) goes back to the computed one.

The students are every student with a result for one of the assignment's exercises, a
recorded submission or an override, in name order; an exercise without a result is
"missing" and earns 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from grader.assignment import Assignment


@dataclass(frozen=True)
class Override:
    id: int
    score: float | None  # the exercise's final points; None = back to the computed score
    reason: str
    who: str
    at: str


@dataclass
class Cell:
    """One student × one exercise."""

    exercise: str
    points: int  # the assignment's points for it
    status: str = "missing"  # a results status, or missing
    score: float | None = None  # as stored, out of max_score
    max_score: float | None = None
    message: str = ""
    internal: bool = False  # our error, not the student's (graded again by the next batch)
    scaled: float = 0.0  # score / max_score × points
    kept: float = 1.0  # the share the late policy keeps (0 when not accepted)
    override: Override | None = None  # the latest override in effect (score not None)
    final: float = 0.0

    @property
    def penalty(self) -> float:
        """Points the late policy took (before any override)."""
        return self.scaled - self.scaled * self.kept


@dataclass
class Row:
    """One student's line of the sheet."""

    student: str
    submitted_at: datetime | None = None
    timestamp: str = ""  # where the time came from, or why there is none
    days_late: int = 0
    kept: float = 1.0
    accepted: bool = True
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return sum(c.final for c in self.cells.values())

    @property
    def late(self) -> bool:
        return self.days_late > 0


@dataclass
class Sheet:
    assignment: Assignment
    students: list[str]
    rows: dict[str, Row]
    audit: list[dict]  # every override of the assignment, oldest first

    @property
    def max_total(self) -> int:
        return self.assignment.max_points

    def __iter__(self):
        return (self.rows[s] for s in self.students)


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def sheet(store, assignment: Assignment) -> Sheet:
    """The grade sheet of `assignment` from the results file `store` (a ResultStore)."""
    exercises = set(assignment.exercises)
    results = [r for r in store.results() if r["exercise"] in exercises]
    submitted = store.submissions(assignment.id)
    audit = store.overrides(assignment.id)
    latest: dict[tuple[str, str], Override] = {}
    for o in audit:
        if o["exercise"] in exercises:
            latest[(o["student"], o["exercise"])] = Override(
                o["id"], o["score"], o["reason"], o["who"] or "", o["at"] or "")
    names = sorted({r["student"] for r in results} | set(submitted)
                   | {s for s, _ in latest})
    rows: dict[str, Row] = {}
    for name in names:
        row = Row(name)
        stamp = submitted.get(name)
        if stamp is None:
            row.timestamp = "no submission time recorded (grader batch --assignment)"
        else:
            row.submitted_at = _time(stamp["submitted_at"])
            row.timestamp = stamp["source"] or ""
        row.kept, row.days_late, row.accepted = assignment.late.factor(
            row.submitted_at, assignment.due)
        if not row.accepted:
            row.kept = 0.0
        for ex in assignment.exercises:
            row.cells[ex] = Cell(ex, assignment.points[ex], kept=row.kept)
        rows[name] = row
    for r in results:
        cell = rows[r["student"]].cells[r["exercise"]]
        cell.status, cell.message = r["status"], r["message"] or ""
        cell.score, cell.max_score = r["score"], r["max_score"]
        cell.internal = r["status"] == "error" and not r.get("suite_version")
        if cell.score is not None and cell.max_score:
            cell.scaled = cell.score / cell.max_score * cell.points
    for row in rows.values():
        for ex, cell in row.cells.items():
            cell.final = cell.scaled * cell.kept
            o = latest.get((row.student, ex))
            if o is not None and o.score is not None:
                cell.override = o
                cell.final = float(o.score)
    return Sheet(assignment, names, rows, audit)


# ---------------------------------------------------------------------- for the commands
def open_store(path: Path, readonly: bool = True):
    """The results file, or a UsageError (it must exist: `grader batch` makes it)."""
    from grader.batch.store import ResultStore, StoreError
    from grader.cli.common import UsageError

    if not Path(path).is_file():
        raise UsageError(f"no results file {path}: run `grader batch SUBMISSIONS "
                         "--assignment ID` first, or name the file with --db")
    try:
        return ResultStore(path, readonly=readonly)
    except StoreError as err:
        raise UsageError(str(err)) from None


def points(value: float) -> str:
    """Points as the sheet, the CSV and the pages show them: at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def row_json(row: Row, assignment: Assignment) -> dict:
    """One student's grades as plain data (the per-student JSON of `grader export`)."""
    return {
        "student": row.student, "assignment": assignment.id,
        "submitted_at": row.submitted_at.isoformat() if row.submitted_at else None,
        "timestamp": row.timestamp, "due": assignment.due.isoformat(),
        "days_late": row.days_late, "kept_share": round(row.kept, 6),
        "accepted": row.accepted,
        "exercises": {ex: {
            "status": c.status, "score": c.score, "max_score": c.max_score,
            "points": c.points, "scaled": round(c.scaled, 6), "kept_share": round(c.kept, 6),
            "late_penalty": round(c.penalty, 6),
            "override": None if c.override is None else {
                "score": c.override.score, "reason": c.override.reason,
                "who": c.override.who, "at": c.override.at},
            "final": round(c.final, 6)} for ex, c in row.cells.items()},
        "total": round(row.total, 6), "max_total": assignment.max_points,
    }


def sheet_json(s: Sheet) -> dict:
    return {"assignment": s.assignment.id, "due": s.assignment.due.isoformat(),
            "exercises": {ex: s.assignment.points[ex] for ex in s.assignment.exercises},
            "max_total": s.max_total, "students": [row_json(r, s.assignment) for r in s],
            "overrides": s.audit}


def late_note(row: Row) -> str:
    """The sheet's late column (the instructor's, in English)."""
    if row.submitted_at is None:
        return "no time: counted on time"
    if not row.accepted:
        return f"{row.days_late} days late: not accepted"
    if row.days_late:
        return f"{row.days_late} day(s) late: -{points((1 - row.kept) * 100)}%"
    return "on time"


def sheet_text(s: Sheet) -> str:
    """The sheet as `grader grades` prints it."""
    a = s.assignment
    head = ["student", *a.exercises, "total", "late"]
    body = []
    for row in s:
        cells = [points(c.final) + ("*" if c.override else "") + ("-" if c.status == "missing"
                                                                  else "")
                 for c in row.cells.values()]
        body.append([row.student, *cells, points(row.total), late_note(row)])
    maxima = ["(max)", *(str(a.points[ex]) for ex in a.exercises), str(a.max_points), ""]
    table = [head, maxima, *body]
    widths = [max(len(r[k]) for r in table) for k in range(len(head))]
    lines = [f"{a.id}: {a.title.get('en', a.id)} — due {a.due.isoformat(' ')}; "
             f"{len(s.students)} student(s)"]
    for r in table:
        lines.append("  ".join(v.ljust(w) if k in (0, len(head) - 1) else v.rjust(w)
                               for k, (v, w) in enumerate(zip(r, widths, strict=True)))
                     .rstrip())
    if not s.students:
        lines.append("(no results for this assignment yet: run `grader batch SUBMISSIONS "
                     f"--assignment {a.id}`)")
    notes = [f"  {row.student} {ex}: {points(c.override.score)} "
             f"(was {points(c.scaled * c.kept)}) — {c.override.reason} "
             f"[{c.override.who}, {c.override.at}]"
             for row in s for ex, c in row.cells.items() if c.override]
    if notes:
        lines += ["", "* overridden:", *notes]
    if any(c.status == "missing" for row in s for c in row.cells.values()):
        lines += ["", "- not submitted"]
    return "\n".join(lines)


def audit_text(s: Sheet) -> str:
    """The override trail of the assignment, oldest first."""
    if not s.audit:
        return f"no overrides of {s.assignment.id}"
    lines = []
    for o in s.audit:
        score = "cleared (back to the graded score)" if o["score"] is None \
            else points(o["score"])
        lines.append(f"#{o['id']} {o['at']} {o['who']}: {o['student']} {o['exercise']} "
                     f"-> {score} — {o['reason']}")
    return "\n".join(lines)
