"""`grader classroom ASSIGNMENT`: GitHub Classroom's autograding config for an assignment.

    grader classroom ASSIGNMENT [--repo DIR] [--install SPEC] [--minutes N]

Writes into the student repository DIR (default: the current folder; a workspace made by
`grade init`, or a release): `.github/classroom/autograding.json` (one test per exercise:
`grade ID`, its points, all or nothing), the same tests as a workflow
`.github/workflows/classroom.yml`, and the edrill wheel the tests install. GitHub Classroom
runs the tests in the student's own repository: nothing there is hidden (docs/hosts.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError


def add_parser(sub) -> None:
    c = sub.add_parser("classroom", help="write GitHub Classroom's autograding config "
                       "(.github/classroom/autograding.json and a workflow) into a student "
                       "repository")
    c.add_argument("assignment", metavar="ASSIGNMENT",
                   help="an assignment id of assignments/ (or a path to its .toml)")
    c.add_argument("--repo", type=Path, default=Path("."), metavar="DIR",
                   help="the student repository: a workspace made by `grade init` or a "
                        "release (default: the current folder)")
    c.add_argument("--install", metavar="SPEC", default=None,
                   help="what the tests pip-install instead of the bundled wheel, e.g. "
                        "'edrill @ git+https://github.com/you/edrill@v0.1.0'")
    c.add_argument("--minutes", type=int, default=5, metavar="N",
                   help="timeout of each test in minutes (default 5)")


def cmd_classroom(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.classroom import ClassroomError, write_classroom
    from grader.course import find_course
    from grader.wheel import WheelError

    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    if args.minutes < 1:
        raise UsageError(f"--minutes {args.minutes}: a test needs at least 1 minute")
    try:
        written = write_classroom(assignment, args.repo, install=args.install,
                                  minutes=args.minutes)
    except (ClassroomError, WheelError) as err:
        raise UsageError(str(err)) from None
    for path in written:
        print(f"wrote {path}")
    print(f"{len(assignment.exercises)} tests, {assignment.max_points} points; GitHub "
          "Classroom runs them in the student's repository, where nothing is hidden: use "
          "it for practice, grade hidden checks with `grader batch` or Gradescope")
    return EXIT_OK


COMMANDS = {"classroom": cmd_classroom}
