"""`grader`: the instructors' command.

    grader build [--check]            solutions/ -> exercises/ (stubs, manifest, recordings)
    grader try ID --answer TEXT       grade the solution with one blank replaced
    grader selftest [ID ...]          prove every suite discriminates
    grader sandbox setup|check        the Linux sandbox of batch grading (grader.cli.sandbox)
    grader release ASSIGNMENT OUT     the student bundle of an assignment (grader.cli.release)
    grader batch SUBMISSIONS_DIR      grade students' submissions into a SQLite file
    grader grades ASSIGNMENT          the grade sheet: late penalties, overrides (grader.cli.grades)
    grader override ASSIGNMENT ...    change one grade, with a reason, in the audit trail
    grader feedback ASSIGNMENT OUT    one HTML page per student (grader.cli.feedback)
    grader export ASSIGNMENT          CSV for an LMS, JSON per student, nbgrader gradebook
    grader report [--out FILE]        the class report: one HTML page (grader.cli.report)
    grader nbgrader ASSIGNMENT DIR    an assignment as nbgrader source notebooks
    grader gradescope ASSIGNMENT OUT.zip   the Gradescope autograder zip (grader.cli.gradescope)
    grader classroom ASSIGNMENT       GitHub Classroom's autograding config (grader.cli.classroom)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grader.cli import (
    batch,
    classroom,
    export,
    feedback,
    grades,
    gradescope,
    nbgrader,
    release,
    report,
    sandbox,
)
from grader.cli.common import (
    EXIT_NOT_PASSED,
    EXIT_OK,
    UsageError,
    add_lang,
    lang_of,
    run_main,
)
from grader.course import find_course

# the commands that live in their own module: each has add_parser(sub) and COMMANDS
SUBCOMMANDS = (sandbox, batch, release, grades, feedback, export, report, nbgrader,
               gradescope, classroom)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="grader", description="edrill for instructors: build stubs from solutions, try "
        "answers, prove the grading suites, grade submissions and run a course.")
    p.add_argument("--course", metavar="DIR", type=Path, default=None,
                   help="the course source (default: the repository around the current "
                        "folder, or EDRILL_COURSE)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="render solutions/ into exercises/ (stubs, manifest, "
                       "recorded reference values)")
    b.add_argument("--check", action="store_true",
                   help="change nothing; exit 1 when exercises/ is out of date")

    t = sub.add_parser("try", help="grade the solution with blank N replaced by an answer")
    t.add_argument("id", help="exercise id")
    src = t.add_mutually_exclusive_group(required=True)
    src.add_argument("--answer", metavar="TEXT", help="the text to put in the blank")
    src.add_argument("--answer-file", metavar="FILE", type=Path,
                     help="read the text from FILE (for region blanks of several lines)")
    t.add_argument("--blank", type=int, default=1, metavar="N", help="which blank (default 1)")
    t.add_argument("--json", action="store_true", help="print the JSON report of `grade "
                   "--json`, and nothing else")
    t.add_argument("--timeout", type=float, default=3.0, metavar="S",
                   help="seconds per call into the answer's code (default 3)")
    add_lang(t)

    s = sub.add_parser("selftest", help="prove every suite: the solution passes, the stub "
                       "is unfilled, controls fail as designed, wrong answers are caught")
    s.add_argument("ids", nargs="*", metavar="ID", help="only these exercises")
    s.add_argument("--timeout", type=float, default=3.0, metavar="S",
                   help="seconds per call (default 3)")
    s.add_argument("--verbose", "-v", action="store_true", help="list every finding")
    for module in SUBCOMMANDS:
        module.add_parser(sub)
    return p


def _shown(path: Path, root: Path) -> Path:
    """`path` relative to the course when it is inside it (the locale lives in the package)."""
    return path.relative_to(root) if path.is_relative_to(root) else path


def cmd_build(args: argparse.Namespace) -> int:
    from grader.build import BuildError, build
    from grader.msgfmt import PoError

    course = find_course(args.course or Path.cwd())
    try:
        result = build(course, check=args.check)
    except (BuildError, PoError) as err:
        raise UsageError(str(err)) from None
    if args.check:
        for line in result.stale:
            print(f"out of date: {line}")
        if result.stale:
            print("run `grader build` and commit exercises/")
            return EXIT_NOT_PASSED
        print("exercises/ is up to date")
        return EXIT_OK
    for path in result.written:
        print(f"wrote {_shown(path, course.root)}")
    for path in result.removed:
        print(f"removed {_shown(path, course.root)}")
    if result.quiz_proven:
        print(f"quiz bank: proved the items of {result.quiz_proven} exercise(s) in "
              f"{result.quiz_seconds:.1f} s")
    if not result.written and not result.removed:
        print("exercises/ is up to date")
    return EXIT_OK


def cmd_try(args: argparse.Namespace) -> int:
    from grader.trial import find_exercise, try_answers

    course = find_course(args.course or Path.cwd())
    try:
        ex = find_exercise(course, args.id)
    except KeyError:
        raise UsageError(f"no exercise {args.id!r}; the course has: "
                         f"{', '.join(course.exercise_ids())}") from None
    if not 1 <= args.blank <= len(ex.blanks):
        raise UsageError(f"{ex.id} has {len(ex.blanks)} blank(s); --blank {args.blank} "
                         "does not exist")
    if args.answer_file is not None:
        try:
            answer = args.answer_file.read_text(encoding="utf-8")
        except OSError as err:
            raise UsageError(f"cannot read --answer-file {args.answer_file}: "
                             f"{err.strerror}") from None
    else:
        answer = args.answer
    if not answer.strip():
        raise UsageError("the answer is empty")
    blank = ex.blanks[args.blank - 1]
    if blank.kind == "expression" and "\n" in answer.strip():
        raise UsageError(f"blank {blank.number} of {ex.id} is an expression: give one line")
    report = try_answers(course, ex, {args.blank: answer}, lang=lang_of(args),
                         timeout=args.timeout)
    print(report.to_json() if args.json else report.to_text(verbose=True))
    return report.exit_code()


def cmd_selftest(args: argparse.Namespace) -> int:
    from grader.selftest import selftest

    course = find_course(args.course or Path.cwd())

    def show(result) -> None:
        mark = "✔" if result.ok else "✘"
        print(f"{mark} {result.id}: {sum(f.ok for f in result.findings)}/"
              f"{len(result.findings)} findings hold")
        for finding in result.findings:
            if args.verbose or not finding.ok:
                print(f"    {'✔' if finding.ok else '✘'} {finding.what}")
        sys.stdout.flush()

    try:
        results = selftest(course, args.ids or None, timeout=args.timeout, progress=show)
    except KeyError as err:
        raise UsageError(f"no exercise {err.args[0]}") from None
    bad = [r.id for r in results if not r.ok]
    wrong = sum(len(r.caught_by) for r in results)
    print(f"\nselftest: {len(results) - len(bad)}/{len(results)} exercises hold; "
          f"{wrong} wrong answers caught")
    if bad:
        print(f"failing: {', '.join(bad)}")
    return EXIT_NOT_PASSED if bad else EXIT_OK


COMMANDS = {"build": cmd_build, "try": cmd_try, "selftest": cmd_selftest,
            **{name: cmd for module in SUBCOMMANDS for name, cmd in module.COMMANDS.items()}}


def main(argv: list[str] | None = None) -> int:
    args_holder: dict = {}

    def body() -> int:
        args = parser().parse_args(argv)
        args_holder["args"] = args
        return COMMANDS[args.command](args)

    return run_main(body, lambda: lang_of(args_holder["args"]) if "args" in args_holder
                    else "en")


if __name__ == "__main__":
    sys.exit(main())
