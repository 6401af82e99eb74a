"""`grader gradescope ASSIGNMENT OUT.zip`: the autograder zip for Gradescope.

    grader gradescope ASSIGNMENT OUT.zip [--timeout S] [--submission-timeout S]

The zip holds setup.sh, run_autograder, an edrill wheel built from this checkout and the
course files grading needs — the reference solutions and hidden checks included (students
never see the zip). See grader/gradescope.py and docs/hosts.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError


def positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text}")
    return value


def add_parser(sub) -> None:
    g = sub.add_parser("gradescope", help="build the Gradescope autograder zip of an "
                       "assignment (setup.sh, run_autograder, an edrill wheel, the course "
                       "files grading needs)")
    g.add_argument("assignment", metavar="ASSIGNMENT",
                   help="an assignment id of assignments/ (or a path to its .toml)")
    g.add_argument("out", type=Path, metavar="OUT.zip", help="the zip to write")
    g.add_argument("--timeout", type=positive, default=5.0, metavar="S",
                   help="seconds per call into the student's code (default 5)")
    g.add_argument("--submission-timeout", type=positive, default=300.0, metavar="S",
                   help="wall seconds for the whole submission (default 300; keep it under "
                        "the autograder timeout set on Gradescope)")


def check_out(out: Path) -> None:
    if out.suffix != ".zip":
        raise UsageError(f"{out}: Gradescope takes a .zip; name the output like "
                         f"{out.with_suffix('.zip').name}")
    if out.is_dir():
        raise UsageError(f"{out} is a folder: name the zip file to write, e.g. "
                         f"{out / 'autograder.zip'}")
    if not out.parent.resolve().is_dir():
        raise UsageError(f"the folder {out.parent} does not exist: create it or write the "
                         "zip elsewhere")


def cmd_gradescope(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.course import find_course
    from grader.gradescope import GradescopeError, build_autograder
    from grader.wheel import WheelError

    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    check_out(args.out)
    try:
        summary = build_autograder(course, assignment, args.out, timeout=args.timeout,
                                   submission_timeout=args.submission_timeout)
    except (GradescopeError, WheelError) as err:
        raise UsageError(str(err)) from None
    course_files = [f for f in summary["files"] if f.startswith("course/")]
    print(f"wrote {args.out}: setup.sh, run_autograder, {summary['config']['wheel']}, "
          f"{len(course_files)} course files (reference solutions and hidden checks "
          "included: never give this zip to students)")
    print(f"assignment {assignment.id}: {len(assignment.exercises)} exercises, "
          f"{assignment.max_points} points; on Gradescope: a Programming Assignment worth "
          f"{assignment.max_points} points, due {assignment.due.isoformat()}, upload "
          f"{args.out.name} under Configure Autograder")
    return EXIT_OK


COMMANDS = {"gradescope": cmd_gradescope}
