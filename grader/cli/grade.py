"""`grade`: the students' command.

    grade                      grade every exercise of the workspace around this folder
    grade ID [ID ...]          grade just these
    grade --day 3              grade one day
    grade --json               only JSON on stdout (docs/json-schema.md)
    grade --html [FILE]        also write a feedback page with the loss curves
    grade init DIR             make a workspace
    grade list                 the exercises and their status
    grade hint ID              the next hint
    grade quiz                 the exam drill: which choice goes into the blank (ア)?
    grade progress             mastery per day and topic, the weakest topics
    grade watch [ID ...]       grade again each time a file is saved
    grade reset ID             the stub again (your version kept in backups/)
    grade update               bring the workspace to a new course version

Exit status: 0 every graded exercise passed, 1 some did not, 2 bad usage or input,
3 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from grader.cli import html
from grader.cli.common import EXIT_OK, UsageError, add_lang, lang_of, run_main
from grader.course import find_course, find_workspace
from grader.i18n import default_lang, ljust, pick, tr, width

SUBCOMMANDS = ("init", "list", "hint", "quiz")
# commands in modules of their own: build_parser(command, _) and run(command, args)
MODULES = {"progress": "grader.cli.progress", "watch": "grader.cli.watch",
           "reset": "grader.cli.upkeep", "update": "grader.cli.upkeep"}


def grade_parser(lang: str) -> argparse.ArgumentParser:
    def _(message: str) -> str:
        return pick(tr(message), lang)

    p = argparse.ArgumentParser(
        prog="grade", description=_("Grade your edrill exercises."),
        epilog=_("other commands: grade init DIR · grade list · grade hint ID · "
                 "grade quiz · grade progress · grade watch · grade reset ID · "
                 "grade update (see grade COMMAND --help)"))
    p.add_argument("ids", nargs="*", metavar="ID", help=_("exercises to grade (default: all)"))
    p.add_argument("--workspace", "-w", metavar="DIR", type=Path, default=None,
                   help=_("the workspace to grade (default: the one around the current "
                          "folder); in the course repository, `solutions` grades the "
                          "reference solutions"))
    p.add_argument("--day", type=int, choices=(1, 2, 3, 4), default=None,
                   help=_("grade only the exercises of this day"))
    p.add_argument("--json", action="store_true", help=_("write only the JSON report to stdout"))
    p.add_argument("--verbose", "-v", action="store_true", help=_("show every check"))
    html.add_argument(p, _)
    p.add_argument("--timeout", type=float, default=3.0, metavar="S",
                   help=_("seconds allowed per call into your code (default 3)"))
    add_lang(p, _("language of every message: ja or en (default: from the locale or "
                  "EDRILL_LANG)"))
    return p


def sub_parser(command: str, lang: str) -> argparse.ArgumentParser:
    def _(message: str) -> str:
        return pick(tr(message), lang)

    workspace_help = _("the workspace (default: the one around the current folder)")
    if command in MODULES:
        return importlib.import_module(MODULES[command]).build_parser(command, _)
    if command == "init":
        p = argparse.ArgumentParser(
            prog="grade init", description=_("Make a new workspace with the exercise stubs."))
        p.add_argument("dir", type=Path, help=_("a new (or empty) folder"))
        p.add_argument("--course", type=Path, default=None, metavar="DIR",
                       help=_("the course source (default: the edrill repository)"))
    elif command == "list":
        p = argparse.ArgumentParser(prog="grade list",
                                    description=_("List the exercises and their status."))
        p.add_argument("--workspace", "-w", type=Path, default=None, metavar="DIR",
                       help=workspace_help)
    elif command == "quiz":
        from grader.cli.quiz import add_arguments

        p = argparse.ArgumentParser(
            prog="grade quiz", description=_("The exam drill: exercise code with one blank "
                                             "(ア) and four choices proven right and wrong by "
                                             "the exercise's checks, and 確認テスト-style "
                                             "calculations with fresh numbers."))
        add_arguments(p, _)
        return p
    else:
        p = argparse.ArgumentParser(prog="grade hint", description=_("Show the next hint."))
        p.add_argument("id", help=_("exercise id"))
        p.add_argument("--workspace", "-w", type=Path, default=None, metavar="DIR",
                       help=workspace_help)
    add_lang(p, _("language of every message: ja or en (default: from the locale or "
                  "EDRILL_LANG)"))
    return p


def requested_lang(argv: list[str]) -> str:
    """The --lang of the command line, read before parsing (for the help texts)."""
    for k, arg in enumerate(argv):
        if arg == "--lang" and k + 1 < len(argv) and argv[k + 1] in ("ja", "en"):
            return argv[k + 1]
        if arg.startswith("--lang=") and arg[7:] in ("ja", "en"):
            return arg[7:]
    return default_lang()


def locate(workspace: Path | None):
    """The target to grade: a workspace, or (in the course repo) a folder of modules."""
    from grader.engine import course_target, workspace_target

    if workspace is None:
        ws = find_workspace(Path.cwd())
        if ws is None:
            raise UsageError(tr("this folder is not inside an edrill workspace: make one with "
                                "`grade init DIR`, or name one with --workspace DIR"))
        return workspace_target(ws), ws
    if not workspace.is_dir():
        raise UsageError(tr("--workspace {dir}: no such folder", dir=str(workspace)))
    ws = find_workspace(workspace)
    if ws is not None and ws.root == workspace.resolve():
        return workspace_target(ws), ws
    course = find_course(workspace)
    return course_target(course, workspace.resolve()), None


def select(target, ids: list[str], day: int | None) -> list[str]:
    known = target.ids()
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise UsageError(tr("no exercise {ids}; this workspace has: {known}",
                            ids=", ".join(unknown), known=", ".join(known)))
    chosen = ids or known
    if day is not None:
        chosen = [i for i in chosen if target.meta(i)["day"] == day]
        if not chosen:
            raise UsageError(tr("no exercise of day {day} here", day=day))
    return chosen


def cmd_grade(args: argparse.Namespace) -> int:
    from grader.worker.client import ForkServerClient

    server = ForkServerClient()  # boots (numpy, ~0.2 s) while pytest and the suites load
    try:
        from grader.engine import grade_target
        from grader.workspace import remember_results

        lang = lang_of(args)
        target, ws = locate(args.workspace)
        ids = select(target, args.ids, args.day)
        page = html.page_path(args.html, ws)
        report = grade_target(target, ids, lang=lang, timeout=args.timeout, server=server)
    finally:
        server.close()
    report.public_only = ws is not None
    if ws is not None:  # a release of an assignment says how many checks it leaves out
        unreleased = ws.unreleased()
        for ex in report.exercises:
            if unreleased is not None:
                ex.unreleased = unreleased.get(ex.id, {"count": 0, "points": 0})
    if ws is not None:
        try:
            remember_results(ws, report.as_json())
        except OSError:
            pass  # a read-only workspace still gets its verdict
        from grader.progress import note_grade

        note_grade(ws, report.as_json(), lang)  # .edrill/progress.sqlite
    if args.json:
        print(report.to_json())
    else:
        print(report.to_text(verbose=args.verbose))
    if page is not None:
        html.write_page(report, page, lang, quiet=args.json)
    return report.exit_code()


def cmd_init(args: argparse.Namespace) -> int:
    from grader.workspace import init_workspace

    lang = lang_of(args)
    course = find_course(args.course) if args.course else find_course(Path.cwd())
    ws = init_workspace(course, args.dir)
    count = len(ws.manifest()["exercises"])
    print(pick(tr("Made a workspace with {n} exercises in {dir}.", n=count, dir=str(ws.root)),
               lang))
    print(pick(tr("Next: cd {dir}, open an exercise file, fill in each _blank(N), then run "
                  "`grade`.", dir=str(args.dir)), lang))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from grader.engine import unfilled_blanks
    from grader.report import STATUS_WORDS
    from grader.workspace import last_result

    lang = lang_of(args)
    target, ws = locate(args.workspace)
    results = {m["id"]: last_result(ws, m["id"]) if ws else None for m in target.exercises}
    passed = {i for i, r in results.items() if r and r["status"] == "passed"}
    statuses = {}
    for meta in target.exercises:
        result = results[meta["id"]]
        if result is not None:
            statuses[meta["id"]] = (pick(STATUS_WORDS[result["status"]], lang)
                                    + f" {result['score']}/{result['max_score']}")
        elif unfilled_blanks(target.module_path(meta["id"])):
            statuses[meta["id"]] = pick(STATUS_WORDS["unfilled"], lang)
        else:
            statuses[meta["id"]] = pick(tr("not graded yet"), lang)
    id_width = max(len(i) for i in statuses)
    status_width = max(width(s) for s in statuses.values())
    day = None
    for meta in target.exercises:
        if meta["day"] != day:
            day = meta["day"]
            in_day = [m["id"] for m in target.exercises if m["day"] == day]
            points = sum((results[i] or {}).get("score", 0) for i in in_day)
            total = sum(m["points"] for m in target.exercises if m["day"] == day)
            print("\n" + pick(tr("Day {day}  {passed}/{n} passed · {points}/{total} points",
                                  day=day, passed=len(passed & set(in_day)), n=len(in_day),
                                  points=points, total=total), lang))
        line = (f"  {meta['id']:<{id_width}}  §{meta['section']:<2} {meta['points']:>3} pt  "
                f"{ljust(statuses[meta['id']], status_width)}  {pick(meta['title'], lang)}")
        missing = [r for r in meta.get("requires", []) if r not in passed]
        if missing and meta["id"] not in passed:
            line += pick(tr("  (first: {ids})", ids=", ".join(missing)), lang)
        print(line)
    print("\n" + pick(tr("Progress: {done}/{total} exercises passed", done=len(passed),
                         total=len(target.exercises)), lang))
    return EXIT_OK


def cmd_hint(args: argparse.Namespace) -> int:
    from grader.workspace import next_hint

    lang = lang_of(args)
    target, ws = locate(args.workspace)
    if args.id not in target.ids():
        raise UsageError(tr("no exercise {ids}; this workspace has: {known}", ids=args.id,
                            known=", ".join(target.ids())))
    hints = target.meta(args.id)["hints"]
    shown = next_hint(ws, args.id, len(hints)) if ws is not None else len(hints)
    for k, hint in enumerate(hints[:shown], 1):
        print(f"{pick(tr('Hint'), lang)} {k}/{len(hints)}: {pick(hint, lang)}\n")
    if shown == len(hints):
        print(pick(tr("That was the last hint."), lang))
    return EXIT_OK


def cmd_quiz(args: argparse.Namespace) -> int:
    from grader.cli.quiz import cmd_quiz as run_quiz

    return run_quiz(args)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    holder: dict = {}

    def body() -> int:
        if argv and argv[0] in MODULES:
            args = sub_parser(argv[0], requested_lang(argv)).parse_args(argv[1:])
            holder["args"] = args
            return importlib.import_module(MODULES[argv[0]]).run(argv[0], args)
        if argv and argv[0] in SUBCOMMANDS:
            args = sub_parser(argv[0], requested_lang(argv)).parse_args(argv[1:])
            holder["args"] = args
            return {"init": cmd_init, "list": cmd_list, "hint": cmd_hint,
                    "quiz": cmd_quiz}[argv[0]](args)
        args = grade_parser(requested_lang(argv)).parse_args(argv)
        holder["args"] = args
        return cmd_grade(args)

    def lang() -> str:
        return lang_of(holder["args"]) if "args" in holder else requested_lang(argv)

    try:
        return run_main(body, lang)
    except SystemExit as exit_:  # argparse: --help is 0, bad usage is 2
        return int(exit_.code or 0)


if __name__ == "__main__":
    sys.exit(main())

