"""Feedback pages (`grader feedback`): one self-contained HTML page per student.

Per exercise: its status, the stored score and the points it gives in the assignment, the
late penalty, an instructor's override and its reason, the final points; then the checks
the student may see, each with its message, expected vs got and the likely mistake.

What a student may see is decided here, and fails closed:

- a check is shown only when the assignment makes it `visible`, or `after_due_date` and
  the page is made after the due date;
- a check of a hidden suite (`checks.hidden`, or a name that is not a test of the public
  suite `tests/suites/test_<id>.py`) is hidden: the page says how many hidden checks there
  are, their points and the points earned, never their names, code or messages; an
  after-due-date hidden check shows its title and result after the due date, never its
  message;
- an internal error of the grader is not shown (its text may come from the suites): the
  page says the exercise will be graded again; the exercise's own message (the first
  failing check's, which may be hidden) only when no check ran at all;
- the student's printed output is not shown.

The page is in one language (`--lang ja|en`), from templates/feedback.html.j2 with inline
CSS and no network access.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import jinja2

from grader.assignment import CHECK_DEF, Assignment
from grader.course import Course
from grader.grades import Row, Sheet, points
from grader.i18n import Text, pick, tr

TEMPLATE = "feedback.html.j2"
STATUS = {"passed": tr("passed"), "failed": tr("failed"), "unfilled": tr("not filled in"),
          "error": tr("error"), "timeout": tr("timed out"), "missing": tr("not submitted")}


def labels() -> dict[str, Text]:
    """Every fixed text of the page, in both languages."""
    return {
        "feedback": tr("Feedback"), "student": tr("Student"), "due": tr("Due"),
        "submitted": tr("Submitted"), "no_time": tr("no submission time recorded"),
        "on_time": tr("on time"), "total": tr("Total"), "score": tr("Score"),
        "points": tr("Points"),
        "late_penalty": tr("Late penalty"), "override": tr("Instructor's override"),
        "reason": tr("Reason"), "final": tr("Final"),
        "expected": tr("expected:"), "got": tr("got:"), "mistake": tr("likely mistake:"),
        "no_checks": tr("No check results to show."),
        "internal": tr("The grader itself failed on this exercise; it will be graded again."),
        "made": tr("Made on"),
    }


def _late_text(row: Row) -> Text:
    if row.submitted_at is None:
        return tr("no submission time recorded: counted as on time")
    if not row.accepted:
        return tr("{days} day(s) late, after the cutoff: not accepted, 0 points",
                  days=row.days_late)
    if row.days_late:
        return tr("{days} day(s) late: {share}% of the score is kept", days=row.days_late,
                  share=points(row.kept * 100))
    return tr("on time")


def public_checks(course: Course, ex_id: str) -> set[str]:
    """The test names of the public suite (what may ever be shown by name)."""
    path = course.suite(ex_id)
    try:
        return set(CHECK_DEF.findall(path.read_text(encoding="utf-8")))
    except OSError:
        return set()


def _detail(check: dict) -> dict:
    try:
        detail = json.loads(check.get("detail") or "{}")
    except json.JSONDecodeError:
        detail = {}
    return detail if isinstance(detail, dict) else {}


HIDDEN_PATH = re.compile(r"tests[/\\]hidden|[/\\]hidden[/\\]test_")


def _shown_text(value, lang: str) -> str:
    """A message in `lang`; one that names a hidden suite's file is not shown at all."""
    text = pick(value, lang) if isinstance(value, dict) else str(value or "")
    return "" if HIDDEN_PATH.search(text) else text


def _sum(group: list[dict], key: str) -> str:
    return points(sum(c[key] or 0 for c in group))


def check_view(check: dict, lang: str, full: bool) -> dict:
    detail = _detail(check)
    view = {"name": check["name"], "status": check["status"],
            "status_text": pick(STATUS.get(check["status"], check["status"]), lang),
            "points": check["points"] or 0, "max_points": check["max_points"] or 0,
            "title": _shown_text(detail.get("title", ""), lang) or check["name"],
            "message": "", "expected": "", "got": "", "mistake": ""}
    if full and check["status"] != "passed":
        if detail:
            for key in ("message", "expected", "got", "mistake"):
                view[key] = _shown_text(detail.get(key, ""), lang)
        else:  # a row stored before the detail column: the English message as stored
            view["message"] = _shown_text(check["message"], lang)
    return view


def student_view(course: Course, s: Sheet, row: Row, checks: list[dict], lang: str,
                 now: datetime, titles: dict[str, Text] | None = None,
                 public: dict[str, set[str]] | None = None) -> dict:
    """What the template shows of one student (`titles` and `public`: per exercise, its
    title and the names of its public checks, computed once for every page)."""
    a: Assignment = s.assignment
    past_due = a.is_past_due(now)
    if titles is None:
        titles = {ex.id: ex.title for ex in course.exercises() if ex.id in a.exercises}
    if public is None:
        public = {ex: public_checks(course, ex) for ex in a.exercises}
    exercises = []
    for ex, cell in row.cells.items():
        shown, hidden, later = [], [], []
        mine = [c for c in checks if c["exercise"] == ex]
        for check in mine:
            from_hidden = bool(check.get("hidden")) or check["name"] not in public[ex]
            vis = a.visibility_of(ex, check["name"], hidden_suite=from_hidden)
            if vis == "visible" and not from_hidden:
                shown.append(check_view(check, lang, full=True))
            elif vis == "after_due_date" and past_due:
                shown.append(check_view(check, lang, full=not from_hidden))
            elif vis == "after_due_date":
                later.append(check)
            else:
                hidden.append(check)

        exercises.append({
            "id": ex, "title": pick(titles.get(ex, ex), lang), "status": cell.status,
            "status_text": pick(STATUS.get(cell.status, cell.status), lang),
            "score": "–" if cell.score is None else f"{points(cell.score)} / "
                                                    f"{points(cell.max_score or 0)}",
            "points": cell.points, "scaled": points(cell.scaled),
            "penalty": points(cell.penalty) if cell.penalty else "",
            "override": None if cell.override is None else {
                "score": points(cell.override.score), "reason": cell.override.reason},
            "final": points(cell.final),
            # the exercise's own message is its first failing check's (maybe a hidden
            # one): shown only when no check ran (unreadable file, over the wall limit)
            "message": "" if cell.internal or cell.status == "passed" or mine
            else _shown_text(cell.message, lang),
            "internal": cell.internal, "checks": shown,
            "hidden": pick(tr("{n} hidden check(s), not shown: {got} of {max} points",
                              n=len(hidden), got=_sum(hidden, "points"),
                              max=_sum(hidden, "max_points")), lang) if hidden else "",
            "later": pick(tr("{n} check(s) shown after the due date: {got} of {max} points",
                             n=len(later), got=_sum(later, "points"),
                             max=_sum(later, "max_points")), lang) if later else "",
        })
    return {
        "lang": lang, "L": {k: pick(v, lang) for k, v in labels().items()},
        "assignment": {"id": a.id, "title": pick(a.title, lang),
                       "due": a.due.isoformat(" ", timespec="minutes")},
        "student": row.student,
        "submitted": row.submitted_at.isoformat(" ", timespec="minutes")
        if row.submitted_at else "",
        "late": pick(_late_text(row), lang), "is_late": row.days_late > 0,
        "accepted": row.accepted,
        "total": points(row.total), "max_total": a.max_points,
        "made": now.astimezone(a.due.tzinfo).isoformat(" ", timespec="minutes"),
        "exercises": exercises,
    }


def environment(course: Course) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(course.templates_dir),
                              undefined=jinja2.StrictUndefined, autoescape=True)


def render_pages(course: Course, s: Sheet, checks: list[dict], lang: str,
                 now: datetime | None = None, students: list[str] | None = None
                 ) -> dict[str, str]:
    """student -> the HTML of their page."""
    now = now or datetime.now(UTC)
    template = environment(course).get_template(TEMPLATE)
    by_student: dict[str, list[dict]] = {}
    for check in checks:
        by_student.setdefault(check["student"], []).append(check)
    a = s.assignment
    titles = {ex.id: ex.title for ex in course.exercises() if ex.id in a.exercises}
    public = {ex: public_checks(course, ex) for ex in a.exercises}
    return {name: template.render(**student_view(course, s, s.rows[name],
                                                 by_student.get(name, []), lang, now,
                                                 titles, public))
            for name in (students or s.students)}


def page_name(student: str) -> str:
    if student in ("", ".", "..") or "/" in student or "\\" in student or "\0" in student:
        raise ValueError(f"the student name {student!r} cannot be a file name")
    return f"{student}.html"


def write_pages(pages: dict[str, str], folder: Path) -> list[Path]:
    from grader.files import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for student, html in pages.items():
        path = folder / page_name(student)
        write_atomic(path, html)
        out.append(path)
    return out
