"""`grader report`: the class report, one self-contained HTML page from the results file.

    grader report [--db FILE] [--out FILE] [--assignment ID] [--top N]

The score distribution, the pass rate per exercise and per check, the most common failure
messages and the submissions that timed out or could not be graded (grader/classreport.py).
Exit 0 when the page was written, 2 on bad usage (no results file, a wrong --out).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.batch import positive
from grader.cli.common import EXIT_OK, UsageError


def add_parser(sub) -> None:
    r = sub.add_parser("report", help="write the class report (score distribution, pass rates "
                       "per exercise and check, common failures, ungradable submissions) as "
                       "one HTML page")
    r.add_argument("--db", type=Path, default=Path("grades.sqlite"), metavar="FILE",
                   help="the results file of `grader batch` (default: grades.sqlite in the "
                        "current folder)")
    r.add_argument("--out", type=Path, default=Path("report.html"), metavar="FILE",
                   help="the page to write (default: report.html in the current folder)")
    r.add_argument("--assignment", metavar="ID", default=None,
                   help="only this assignment's exercises, scored in its points (an id in "
                        "assignments/ or a path to its .toml)")
    r.add_argument("--top", type=positive(int), default=15, metavar="N",
                   help="how many of the most common failure messages to list (default 15)")


def cmd_report(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.batch.store import ResultStore, StoreError
    from grader.classreport import collect, render
    from grader.course import find_course
    from grader.files import write_atomic

    course = find_course(args.course or Path.cwd())
    out = args.out
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder: name the page to write, e.g. "
                         f"--out {out / 'report.html'}")
    if not out.parent.resolve().is_dir():
        raise UsageError(f"the folder of --out {out} does not exist: create "
                         f"{out.parent} first, or name another file")
    assignment = None
    if args.assignment:
        assignment = load_assignment(course, args.assignment)
    try:
        store = ResultStore(args.db, readonly=True)
    except StoreError as err:
        raise UsageError(str(err)) from None
    try:
        report = collect(store.db, course, db_name=str(args.db), assignment=assignment,
                         top=args.top)
    finally:
        store.close()
    if not report.students:
        scope = f" for the exercises of {assignment.id}" if assignment else ""
        raise UsageError(f"{args.db} holds no results{scope}: grade the submissions with "
                         "`grader batch SUBMISSIONS_DIR` first")
    page = render(report, course)
    try:
        write_atomic(out, page)
    except OSError as err:
        raise UsageError(f"cannot write {out}: {err.strerror or err}: name another file "
                         "with --out") from None
    summary = report.summary()
    print(f"wrote {out}: {summary['students']} students, {summary['submissions']} "
          f"submissions, {summary['problems']} timed out or not gradable")
    return EXIT_OK


COMMANDS = {"report": cmd_report}
