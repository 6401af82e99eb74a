"""`grader export ASSIGNMENT`: the grade sheet as files other systems read.

    grader export ASSIGNMENT [--csv FILE] [--json DIR] [--nbgrader COURSE_DIR] [--db FILE]

`--csv`: one row per student, a column per exercise plus the total, for an LMS gradebook
import (grader.export); `--json`: one `<student>.json` per student; `--nbgrader`: each test
cell's score into COURSE_DIR/gradebook.db, with the sheet's late penalties and overrides as
manual scores, so formgrader shows them (grader.notebooks.gradebook).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError
from grader.cli.grades import DEFAULT_DB


def add_parser(sub) -> None:
    e = sub.add_parser("export", help="write an assignment's grades as CSV for an LMS and "
                       "as JSON per student")
    e.add_argument("assignment", metavar="ASSIGNMENT", help="an id of assignments/")
    e.add_argument("--csv", type=Path, default=None, metavar="FILE",
                   help="write the CSV here: student, a column per exercise, total")
    e.add_argument("--json", type=Path, default=None, metavar="DIR",
                   help="write one <student>.json per student into DIR")
    e.add_argument("--nbgrader", type=Path, default=None, metavar="COURSE_DIR",
                   help="write the scores into COURSE_DIR/gradebook.db (an nbgrader course "
                        "made with `grader nbgrader`), for formgrader")
    e.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="FILE",
                   help="the results file of `grader batch` (default: grades.sqlite)")


def _writable_folder(path: Path, what: str) -> None:
    if path.exists() and not path.is_dir():
        raise UsageError(f"{what} {path} is a file, not a folder: name a folder")
    parent = path if path.is_dir() else path.parent
    if not parent.is_dir():
        raise UsageError(f"{what} {path}: the folder {parent} does not exist; create it "
                         "first")


def cmd_export(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.course import find_course
    from grader.export import json_name, write_csv, write_json
    from grader.grades import open_store, sheet

    if args.csv is None and args.json is None and args.nbgrader is None:
        raise UsageError("nothing to export: name --csv FILE, --json DIR and/or --nbgrader "
                         "COURSE_DIR")
    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    if args.csv is not None:
        if args.csv.is_dir():
            raise UsageError(f"--csv {args.csv} is a folder: name the file to write, e.g. "
                             f"{args.csv / (assignment.id + '.csv')}")
        if not args.csv.parent.is_dir():
            raise UsageError(f"--csv {args.csv}: the folder {args.csv.parent} does not "
                             "exist; create it first")
    if args.json is not None:
        _writable_folder(args.json, "--json")
    store = open_store(args.db)
    try:
        s = sheet(store, assignment)
    finally:
        store.close()
    for name in s.students:
        try:
            json_name(name)
        except ValueError as err:
            raise UsageError(f"{err}: rename that student's folder and grade again") from None
    if args.csv is not None:
        write_csv(s, args.csv)
        print(f"wrote {args.csv}: {len(s.students)} student(s), "
              f"{len(assignment.exercises)} exercise column(s) and the total")
    if args.json is not None:
        written = write_json(s, args.json)
        print(f"wrote {len(written)} JSON file(s) into {args.json}")
    if args.nbgrader is not None:
        from grader.notebooks.gradebook import GradebookError, export

        try:
            done = export(args.db, assignment, args.nbgrader)
        except GradebookError as err:
            raise UsageError(str(err)) from None
        for student in done.students:
            print(f"{student}: {done.scores[student]:g}/{assignment.max_points}")
        print(f"wrote {done.cells} scores of {len(done.students)} students into "
              f"{args.nbgrader / 'gradebook.db'}")
    return EXIT_OK


COMMANDS = {"export": cmd_export}
