"""`grader feedback ASSIGNMENT OUT_DIR`: one self-contained HTML page per student.

    grader feedback ASSIGNMENT OUT_DIR [--db FILE] [--lang ja|en] [--students NAME ...]

Writes OUT_DIR/<student>.html: per exercise the visible checks (expected vs got), the
score, the late penalty and an override's reason. Hidden checks are only counted
(grader.feedback says what is shown and why).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError, add_lang, lang_of
from grader.cli.grades import DEFAULT_DB


def add_parser(sub) -> None:
    f = sub.add_parser("feedback", help="write one HTML feedback page per student: visible "
                       "checks, expected vs got, score, late penalty, override reason")
    f.add_argument("assignment", metavar="ASSIGNMENT", help="an id of assignments/")
    f.add_argument("out", type=Path, metavar="OUT_DIR",
                   help="the folder to write <student>.html into (made if missing)")
    f.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help="the results file of `grader batch` (default: grades.sqlite)")
    f.add_argument("--students", nargs="+", metavar="NAME", default=None,
                   help="only these students (default: everyone in the sheet)")
    add_lang(f, "language of the pages: ja or en (default: from the locale or EDRILL_LANG)")


def cmd_feedback(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.course import find_course
    from grader.feedback import TEMPLATE, page_name, render_pages, write_pages
    from grader.grades import open_store, sheet

    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"OUT_DIR {args.out} is a file: name a folder for the pages")
    if not args.out.exists() and not args.out.parent.is_dir():
        raise UsageError(f"OUT_DIR {args.out}: its folder {args.out.parent} does not exist; "
                         "create it first")
    if not (course.templates_dir / TEMPLATE).is_file():
        raise UsageError(f"the course has no {course.templates_dir / TEMPLATE}: copy it from "
                         "edrill's templates/")
    store = open_store(args.db)
    try:
        s = sheet(store, assignment)
        checks = store.checks()
    finally:
        store.close()
    if args.students:
        unknown = [n for n in args.students if n not in s.rows]
        if unknown:
            raise UsageError(f"no result for {', '.join(unknown)} in {args.db} for "
                             f"{assignment.id}; its students: "
                             f"{', '.join(s.students[:10]) or 'none yet'}")
    for name in args.students or s.students:
        try:
            page_name(name)
        except ValueError as err:
            raise UsageError(f"{err}: rename that student's folder and grade again") from None
    pages = render_pages(course, s, checks, lang_of(args), students=args.students)
    written = write_pages(pages, args.out)
    print(f"wrote {len(written)} feedback page(s) ({lang_of(args)}) into {args.out}")
    return EXIT_OK


COMMANDS = {"feedback": cmd_feedback}
