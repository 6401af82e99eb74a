"""`grader release ASSIGNMENT OUT`: write the student bundle of an assignment.

    grader release ASSIGNMENT OUT [--install TEXT] [--force] [--allow-given-code]

The bundle is a workspace with the assignment's stubs, its public checks and the recorded
reference values they need, and a README with the two commands; nothing of `solutions/` or
`tests/hidden/` (grader.release). Exit 0 when written, 2 on bad usage or input (also: the
course is not built, or the bundle would leak something — then nothing is written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError


def add_parser(sub) -> None:
    r = sub.add_parser("release", help="write the student bundle of an assignment (stubs, "
                       "public checks, recorded reference values, README) to a new folder")
    r.add_argument("assignment", metavar="ASSIGNMENT",
                   help="an assignment id of assignments/, or a path to its .toml file")
    r.add_argument("out", type=Path, metavar="OUT", help="the folder to write (new or empty)")
    r.add_argument("--install", metavar="TEXT", default=None,
                   help="the install command the README gives students (default: the "
                        "bundle carries an edrill wheel of this version, wheels/*.whl, and "
                        "the README installs it)")
    r.add_argument("--force", action="store_true",
                   help="replace an earlier release in OUT")
    r.add_argument("--allow-given-code", action="store_true",
                   help="release even when an exercise's given code shows the answer of "
                        "another exercise of the assignment (the course builds on earlier "
                        "answers); the release lists each case")


def cmd_release(args: argparse.Namespace) -> int:
    from grader.assignment import load_assignment
    from grader.course import find_course
    from grader.release import ReleaseError, make_release

    course = find_course(args.course or Path.cwd())
    assignment = load_assignment(course, args.assignment)
    try:
        result = make_release(course, assignment, args.out,
                              install=args.install, force=args.force,
                              allow_given=args.allow_given_code)
    except ReleaseError as err:
        raise UsageError(str(err)) from None
    print(f"wrote the release of {assignment.id} to {result.path}")
    for ex_id in result.exercises:
        left = result.left_out[ex_id]
        print(f"  {ex_id}: {len(result.shipped[ex_id])} public check(s) shipped"
              + (f"; left out: {', '.join(left)}" if left else ""))
        if result.hints_left_out.get(ex_id):
            print(f"    hint(s) {', '.join(map(str, result.hints_left_out[ex_id]))} left out: "
                  "they give the answer")
    for finding in result.given:
        print(f"  note (--allow-given-code): {finding}")
    print("checked: no answer text, solution file, left-out or hidden check in it"
          + (" (but for the answers other exercises' given code shows, listed above)"
             if result.given else ""))
    return EXIT_OK


COMMANDS = {"release": cmd_release}
