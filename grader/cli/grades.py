"""`grader grades ASSIGNMENT`: the grade sheet; `grader override`: change one grade, with a
reason, in the append-only audit trail.

    grader grades ASSIGNMENT [--db FILE] [--json] [--audit]
    grader override ASSIGNMENT STUDENT EXERCISE (POINTS | --clear) --reason TEXT
                    [--who NAME] [--db FILE]

POINTS are the exercise's final points in the assignment (0 … its points there); they
replace the graded score, late penalty included. `--clear` goes back to the graded score.
Nothing is ever deleted: every override stays in the trail (`grader grades --audit`).
"""

from __future__ import annotations

import argparse
import getpass
import json
import math
from datetime import UTC, datetime
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError

DEFAULT_DB = Path("grades.sqlite")  # as `grader batch`


def add_parser(sub) -> None:
    g = sub.add_parser("grades", help="print an assignment's grade sheet: scores scaled to "
                       "its points, late penalties, overrides, totals")
    g.add_argument("assignment", metavar="ASSIGNMENT", help="an id of assignments/")
    g.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help="the results file of `grader batch` (default: grades.sqlite)")
    g.add_argument("--json", action="store_true", help="print the sheet as JSON")
    g.add_argument("--audit", action="store_true",
                   help="print the overrides' audit trail instead, oldest first")

    o = sub.add_parser("override", help="set one student's points for one exercise, with "
                       "a reason kept in the audit trail")
    o.add_argument("assignment", metavar="ASSIGNMENT")
    o.add_argument("student", metavar="STUDENT")
    o.add_argument("exercise", metavar="EXERCISE")
    o.add_argument("score", metavar="POINTS", nargs="?", default=None,
                   help="the exercise's final points in the assignment (late penalty "
                        "included)")
    o.add_argument("--clear", action="store_true",
                   help="instead of POINTS: back to the graded score (kept in the trail)")
    o.add_argument("--reason", required=True, metavar="TEXT",
                   help="why (shown to the student in the feedback page)")
    o.add_argument("--who", default=None, metavar="NAME",
                   help="who decides (default: the login name)")
    o.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help="the results file (default: grades.sqlite)")


def cmd_grades(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.course import find_course
    from grader.grades import (
        audit_text,
        open_store,
        sheet,
        sheet_json,
        sheet_text,
    )

    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    store = open_store(args.db)
    try:
        s = sheet(store, assignment)
    finally:
        store.close()
    if args.json:
        print(json.dumps(sheet_json(s), indent=2, ensure_ascii=False))
    else:
        print(audit_text(s) if args.audit else sheet_text(s))
    return EXIT_OK


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def cmd_override(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.course import find_course
    from grader.grades import open_store, points, sheet

    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    if args.exercise not in assignment.exercises:
        raise UsageError(f"{args.exercise!r} is not an exercise of {assignment.id}; its "
                         f"exercises are {', '.join(assignment.exercises)}")
    if args.clear == (args.score is not None):
        raise UsageError("give the new POINTS, or --clear to go back to the graded score "
                         "(one of the two)")
    top = assignment.points[args.exercise]
    score = None
    if not args.clear:
        try:
            score = float(args.score)
        except ValueError:
            score = math.nan
        if not (math.isfinite(score) and 0 <= score <= top):
            raise UsageError(f"POINTS {args.score!r}: give a number from 0 to {top} (the "
                             f"points of {args.exercise} in {assignment.id})")
    reason = args.reason.strip()
    if not reason:
        raise UsageError("--reason is empty: say why the grade changes (the student sees "
                         "it in the feedback)")
    store = open_store(args.db, readonly=False)
    try:
        before = sheet(store, assignment)
        if args.student not in before.rows:
            known = ", ".join(before.students[:10]) or "none yet"
            raise UsageError(f"no student {args.student!r} in {args.db} for "
                             f"{assignment.id} (students: {known}"
                             f"{', …' if len(before.students) > 10 else ''})")
        at = datetime.now(UTC).isoformat(timespec="seconds")
        ident = store.add_override(args.student, assignment.id, args.exercise, score, reason,
                                   args.who or _login(), at)
        after = sheet(store, assignment)
    finally:
        store.close()
    was = before.rows[args.student].cells[args.exercise].final
    now = after.rows[args.student].cells[args.exercise].final
    print(f"override #{ident}: {args.student} {args.exercise} {points(was)} -> "
          f"{points(now)} of {top} ({reason}); total "
          f"{points(after.rows[args.student].total)}/{assignment.max_points}")
    return EXIT_OK


COMMANDS = {"grades": cmd_grades, "override": cmd_override}
