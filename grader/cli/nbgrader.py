"""`grader nbgrader` and `grader nbgrader-export`: run an assignment as an nbgrader course.

    grader nbgrader ASSIGNMENT COURSE_DIR [--course-id ID]
        write COURSE_DIR/source/ASSIGNMENT/<id>.ipynb (and nbgrader_config.py when missing)
    grader nbgrader-export ASSIGNMENT COURSE_DIR [--db FILE]
        write the scores of `grader batch`'s results file into COURSE_DIR/gradebook.db

Exit 0 when written, 2 on bad usage or input (unknown assignment, a missing gradebook, no
nbgrader for the export), 3 on an internal error.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError


def add_parser(sub) -> None:
    n = sub.add_parser("nbgrader", help="write an assignment as nbgrader source notebooks "
                       "(solution cells, locked test cells naming edrill's checks)")
    n.add_argument("assignment", metavar="ASSIGNMENT", help="an id of assignments/")
    n.add_argument("course_dir", type=Path, metavar="COURSE_DIR",
                   help="the nbgrader course folder (made when missing)")
    n.add_argument("--course-id", default="edrill", metavar="ID",
                   help="the course id of a new nbgrader_config.py (default edrill; an "
                        "existing config is never changed)")
    e = sub.add_parser("nbgrader-export", help="write the scores of a results file into "
                       "nbgrader's gradebook.db, for formgrader")
    e.add_argument("assignment", metavar="ASSIGNMENT", help="an id of assignments/")
    e.add_argument("course_dir", type=Path, metavar="COURSE_DIR",
                   help="the nbgrader course folder (with gradebook.db)")
    e.add_argument("--db", type=Path, default=Path("grades.sqlite"), metavar="FILE",
                   help="the results file of `grader batch` (default: grades.sqlite here)")


def _assignment(args: argparse.Namespace):
    from grader.assignment import AssignmentError, load_assignment
    from grader.course import find_course

    course = find_course(args.course or Path.cwd())
    try:
        return course, load_assignment(course, args.assignment)
    except AssignmentError as err:
        raise UsageError(str(err)) from None


def cmd_nbgrader(args: argparse.Namespace) -> int:
    from grader.notebooks.source import NotebookSourceError, write_source

    course, assignment = _assignment(args)
    try:
        written = write_source(course, assignment, args.course_dir, course_id=args.course_id)
    except NotebookSourceError as err:
        raise UsageError(str(err)) from None
    for path in written.notebooks:
        print(f"wrote {path}")
    if written.config is not None:
        print(f"wrote {written.config}")
    print(f"{len(written.notebooks)} notebooks, {written.checks} test cells "
          f"({written.hidden} hidden: named only between nbgrader's hidden-test markers). "
          f"Next, in {args.course_dir}: nbgrader generate_assignment {assignment.id}")
    return EXIT_OK


def cmd_nbgrader_export(args: argparse.Namespace) -> int:
    from grader.notebooks.gradebook import GradebookError, export

    _course, assignment = _assignment(args)
    try:
        done = export(args.db, assignment, args.course_dir)
    except GradebookError as err:
        raise UsageError(str(err)) from None
    for student in done.students:
        print(f"{student}: {done.scores[student]:g}/{assignment.max_points}")
    print(f"wrote {done.cells} scores of {len(done.students)} students into "
          f"{args.course_dir / 'gradebook.db'}")
    return EXIT_OK


COMMANDS = {"nbgrader": cmd_nbgrader, "nbgrader-export": cmd_nbgrader_export}
