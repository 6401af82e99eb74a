"""`grader nbgrader`: run an assignment as an nbgrader course.

    grader nbgrader ASSIGNMENT COURSE_DIR [--course-id ID]
        write COURSE_DIR/source/ASSIGNMENT/<id>.ipynb (and nbgrader_config.py when missing)

The scores go back with `grader export ASSIGNMENT --nbgrader COURSE_DIR` (grader.cli.export).
Exit 0 when written, 2 on bad usage or input, 3 on an internal error.
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


def _assignment(args: argparse.Namespace):
    from grader.assignment import load_assignment
    from grader.course import find_course

    course = find_course(args.course or Path.cwd())
    return course, load_assignment(course, args.assignment)


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


COMMANDS = {"nbgrader": cmd_nbgrader}
