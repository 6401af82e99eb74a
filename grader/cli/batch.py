"""`grader batch SUBMISSIONS_DIR`: grade every student's submission into a SQLite file.

    grader batch SUBMISSIONS_DIR [--db FILE] [--sandbox bwrap|unshare|none] [--slots N]
                 [--timeout S] [--submission-timeout S] [--exercises ID ...] [--json]
                 [--quiet] [--report] [--dask ADDRESS] [--assignment ID]

With `--assignment ID`: only that assignment's exercises, and each student's submission
time (timestamp.txt) recorded under it for the late penalty (`grader grades`).

Exit 0 when the batch ran (whatever the students scored), 2 on bad usage (also: the
sandbox asked for cannot be used), 3 on an internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from grader.cli.common import EXIT_INTERNAL, EXIT_OK, UsageError

SANDBOXES = ("bwrap", "unshare", "none")
SANDBOX_FIX = ("run `grader sandbox check` to see what is missing and how to fix it, or "
               "name `--sandbox none` explicitly to grade without OS isolation (only "
               "for submissions you trust)")


SLOTS_PER_CORE = 4
MAX_SLOTS = 16


def default_slots() -> int:
    """Four slots per core (at most 16): much of a batch's time is waiting — loops run
    into their timeouts, a slot waits for its student's slowest exercise — and the per-call
    clock keeps an oversubscribed machine fair (a call that only waited for a CPU is not
    cut). On 2 cores, 8 slots graded the 40-student benchmark in 31 s, 4 in 37 s."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(SLOTS_PER_CORE * cores, MAX_SLOTS))


def positive(kind):
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive, got {text}")
        return value
    return parse


def add_parser(sub) -> None:
    b = sub.add_parser("batch", help="grade a folder of students' submissions (one folder "
                       "per student, or nbgrader's submitted/) into a SQLite results file")
    b.add_argument("submissions", type=Path, metavar="SUBMISSIONS_DIR")
    b.add_argument("--db", type=Path, default=Path("grades.sqlite"), metavar="FILE",
                   help="the results file (default: grades.sqlite in the current folder; "
                        "never inside SUBMISSIONS_DIR)")
    b.add_argument("--sandbox", choices=SANDBOXES, default="bwrap",
                   help="how student code is isolated (default bwrap; unshare and none are "
                        "weaker and run only when named)")
    b.add_argument("--slots", type=positive(int), default=None, metavar="N",
                   help=f"students graded at once, each with its exercises in parallel "
                        f"lanes (default: 4 per core, at most 16; here {default_slots()})")
    b.add_argument("--timeout", type=positive(float), default=3.0, metavar="S",
                   help="wall seconds per call into a student's code (default 3); a call "
                        "that was slow only because it waited for a busy CPU gets more "
                        "time, until it has had S/10 s of CPU (at most 10×S in all), so "
                        "a loaded machine never cuts an honest call needing up to S/10 s "
                        "of CPU")
    b.add_argument("--submission-timeout", type=positive(float), default=60.0, metavar="S",
                   help="wall seconds for one student's whole submission (default 60)")
    b.add_argument("--exercises", nargs="+", metavar="ID", default=None,
                   help="only these exercises (default: every exercise found)")
    b.add_argument("--json", action="store_true",
                   help="print a JSON summary on stdout instead of the table")
    b.add_argument("--quiet", action="store_true", help="no progress on stderr")
    b.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="grade on the Dask cluster whose scheduler is at ADDRESS "
                        "(tcp://host:8786; needs the dask extra); each worker opens the "
                        "--sandbox itself")
    b.add_argument("--assignment", metavar="ID", default=None,
                   help="grade only this assignment's exercises (assignments/ID.toml) and "
                        "record the students' submission times (timestamp.txt) under it")
    b.add_argument("--report", action="store_true",
                   help="grade nothing: print the table from the results file (read-only)")


def _open_sandbox(mode: str):
    """A function giving the sandbox for N slots; a usage error if it cannot be had."""
    from grader.sandbox.base import SandboxError, open_sandbox

    def opener(slots: int):
        try:
            return open_sandbox(mode, slots)
        except ImportError as err:
            raise UsageError(f"the {mode} sandbox is not available in this edrill ({err}): "
                             f"{SANDBOX_FIX}") from None
        except SandboxError as err:
            raise UsageError(f"the {mode} sandbox cannot be used: {err}\n{SANDBOX_FIX}") \
                from None
    return opener


def _require_distributed() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageError("--dask needs dask.distributed: pip install 'edrill[dask]'") \
            from None


def cmd_batch(args: argparse.Namespace) -> int:
    from grader.batch.discover import DiscoveryError, discover
    from grader.batch.job import inside, make_plan, run_plan, status_counts, student_table
    from grader.batch.progress import Progress
    from grader.batch.runner import BatchAborted, Options
    from grader.batch.store import ResultStore, StoreError, suite_version
    from grader.course import find_course
    from grader.hidden import (
        SECRET_ENV,
        SecretError,
        course_secret,
        derive_seed,
        grading_target,
    )

    course = find_course(args.course or Path.cwd())
    ids = course.exercise_ids()
    if args.exercises:
        unknown = [x for x in args.exercises if x not in ids]
        if unknown:
            raise UsageError(f"no exercise {', '.join(unknown)} in the course; it has: "
                             f"{', '.join(ids)}")
        ids = [x for x in ids if x in set(args.exercises)]
    if args.assignment:
        from grader.assignment import load_assignment

        assignment = load_assignment(course, args.assignment)
        ids = [x for x in ids if x in assignment.exercises]
        if not ids:
            raise UsageError(f"--exercises names none of {assignment.id}'s exercises "
                             f"({', '.join(assignment.exercises)})")
    if inside(args.db, args.submissions):
        raise UsageError(f"the results file {args.db} is inside {args.submissions}, the "
                         "students' space: pass --db with a path outside it")
    if args.report:
        try:
            store = ResultStore(args.db, readonly=True)
        except StoreError as err:
            raise UsageError(str(err)) from None
        rows = [r for r in store.results() if r["exercise"] in set(ids)]
        store.close()
        print(student_table(rows, [], {}))
        return EXIT_OK
    try:
        found = discover(args.submissions, ids,
                         assignment.id if args.assignment else None)
    except DiscoveryError as err:
        raise UsageError(str(err)) from None
    opener = _open_sandbox(args.sandbox)
    target = grading_target(course, args.submissions)  # public, then hidden suites
    versions = {ex: suite_version(course, ex) for ex in ids}
    with_hidden = {ex for ex in ids if target.hidden_dir
                   and (target.hidden_dir / f"test_{ex}.py").is_file()}
    seed_of = None
    if with_hidden and any(s.exercise in with_hidden for s in found.submissions):
        try:
            secret, where = course_secret(course)
        except SecretError as err:
            raise UsageError(str(err)) from None
        if where.endswith("(new)") and not args.quiet:
            print(f"made a new course secret in {where.removesuffix(' (new)')} (git-ignored; "
                  "hidden checks' seeds derive from it: keep it, never commit it)",
                  file=sys.stderr)

        def seed_of(student: str, exercise: str) -> int | None:
            return derive_seed(secret, student, exercise) if exercise in with_hidden else None
    os.environ.pop(SECRET_ENV, None)  # never inherited by the slots and student code
    try:
        store = ResultStore(args.db)
    except StoreError as err:
        raise UsageError(str(err)) from None
    try:
        if args.assignment:
            store.record_submissions(assignment.id, found.timestamps)
        plan = make_plan(found, store, target, versions, seed_of)
        slots = args.slots or default_slots()
        sandbox = None
        if plan.tasks and args.dask is None:
            sandbox = opener(min(slots, len(plan.tasks)))
        elif plan.tasks:
            _require_distributed()
        run_id = store.start_run(args.sandbox, slots, str(course.root), sys.argv[1:])
        progress = Progress(len(plan.students()), quiet=args.quiet)
        if not args.quiet and not args.json:
            print(f"{len(found.students())} students ({found.layout} layout), "
                  f"{len(plan.students())} to grade, {plan.up_to_date} exercises up to "
                  f"date; sandbox {args.sandbox}, "
                  + (f"Dask cluster {args.dask}" if args.dask else
                     f"{min(slots, max(1, len(plan.tasks)))} slot(s)"), file=sys.stderr)
        options = Options(slots=slots, timeout=args.timeout,
                          submission_timeout=args.submission_timeout)
        try:
            outcome = run_plan(plan, store, run_id, target, sandbox, options, progress,
                               dask=(args.dask, args.sandbox) if args.dask else None)
        except BatchAborted as err:
            print(f"\ninternal error: the batch stopped: {err}\nWhat was graded is stored; "
                  "the next run grades the rest.", file=sys.stderr)
            return EXIT_INTERNAL
        if plan.students():
            progress.finish()
        store.finish_run(run_id)
        rows = store.results(found.students())
        rows = [r for r in rows if r["exercise"] in versions]
    finally:
        store.close()
    for student, problem in found.problems.items():
        if not args.quiet and not args.json:
            print(f"{student}: {problem}", file=sys.stderr)
    untimed = {s: why for s, (at, why) in found.timestamps.items() if at is None}
    if untimed and not args.quiet and not args.json:
        print(f"{len(untimed)} student(s) without a usable submission time (counted as on "
              f"time): " + "; ".join(f"{why}" for why in untimed.values()), file=sys.stderr)
    if args.json:
        rate = outcome.graded_students / outcome.seconds if outcome.seconds > 0 else 0.0
        print(json.dumps({
            "run_id": run_id, "db": str(args.db), "layout": found.layout,
            "sandbox": args.sandbox, "slots": slots,
            "students": len(found.students()), "graded_students": outcome.graded_students,
            "graded_exercises": outcome.graded_exercises,
            "up_to_date_exercises": plan.up_to_date,
            "graded_statuses": outcome.statuses, "statuses": status_counts(rows),
            "seconds": round(outcome.seconds, 3), "rate": round(rate, 3),
            "problems": found.problems,
            "submitted_at": {s: at for s, (at, _) in found.timestamps.items()}}, indent=2))
    else:
        print(student_table(rows, found.students(), found.problems))
    if outcome.internal:
        print(f"internal error: {outcome.internal} exercise(s) could not be graded (see "
              "their message in the results); the next run grades them again",
              file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_OK


COMMANDS = {"batch": cmd_batch}
