"""`grade progress`: mastery per day and per topic, the weakest topics, recent activity.

    grade progress [--json] [--all] [--lang ja|en] [--workspace DIR]

Read from the workspace's `.edrill/progress.sqlite` (every `grade` run and quiz answer).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError, add_lang, lang_of
from grader.course import find_workspace
from grader.i18n import ljust, pick, tr, width
from grader.progress import ProgressStore, overview


def build_parser(command: str, _) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="grade progress",
        description=_("Your progress, kept in the workspace: mastery per day and per topic "
                      "(last grading and recent quiz answers), the weakest topics, and "
                      "recent activity."))
    p.add_argument("--json", action="store_true", help=_("print it as JSON"))
    p.add_argument("--all", action="store_true",
                   help=_("show every topic, not just the weakest"))
    p.add_argument("--workspace", "-w", type=Path, default=None, metavar="DIR",
                   help=_("the workspace (default: the one around the current folder)"))
    add_lang(p, _("language of every message: ja or en (default: from the locale or "
                  "EDRILL_LANG)"))
    return p


def the_workspace(workspace: Path | None):
    if workspace is not None and not workspace.is_dir():
        raise UsageError(tr("--workspace {dir}: no such folder", dir=str(workspace)))
    ws = find_workspace(workspace or Path.cwd())
    if ws is None:
        raise UsageError(tr("this folder is not inside an edrill workspace: make one with "
                            "`grade init DIR`, or name one with --workspace DIR"))
    return ws


def percent(x: float | None) -> str:
    return "  -" if x is None else f"{round(100 * x):>3}%"


def run(command: str, args: argparse.Namespace) -> int:
    lang = lang_of(args)
    ws = the_workspace(args.workspace)
    manifest = ws.manifest()
    with ProgressStore.of(ws, create=False) as store:
        data = overview(store, manifest, lang)
    if args.json:
        print(json.dumps(dict(data, workspace=str(ws.root), lang=lang), ensure_ascii=False,
                         indent=1))
        return EXIT_OK
    if data["since"] is None:
        print(pick(tr("Nothing recorded yet in {dir}: run `grade` or `grade quiz`, and your "
                      "progress is kept here.", dir=str(ws.root)), lang))
        return EXIT_OK
    since = data["since"][:10]
    print(pick(tr("Progress of {dir} (recorded since {since})", dir=str(ws.root),
                  since=since), lang))
    print()
    head = [pick(tr("day"), lang), pick(tr("mastery"), lang), pick(tr("passed"), lang),
            pick(tr("met"), lang), pick(tr("quiz"), lang)]
    rows = [[f"Day {d['day']}", percent(d["mastery"]), f"{d['passed']}/{d['exercises']}",
             f"{d['met']}/{d['exercises']}",
             f"{d['quiz']['right']}/{d['quiz']['asked']}"] for d in data["days"]]
    widths = [max(width(r[k]) for r in [head, *rows]) for k in range(len(head))]
    for r in [head, *rows]:
        print("  " + "  ".join(ljust(c, w) for c, w in zip(r, widths, strict=True)))
    shown = data["topics"] if args.all else data["weakest"]
    print()
    if args.all:
        print(pick(tr("Every topic (mastery · last grading · recent quiz answers):"), lang))
    elif shown:
        print(pick(tr("Weakest topics (mastery · last grading · recent quiz answers):"), lang))
    else:
        print(pick(tr("No weak topic among those you have met: well done."), lang))
    for t in shown:
        grade = t["grade"]
        graded = (f"{grade['score']}/{grade['max_score']}" if grade
                  else pick(tr("not graded"), lang))
        quiz = f"{t['quiz']['right']}/{t['quiz']['asked']}" if t["quiz"]["asked"] else "-"
        print(f"  {percent(t['mastery'])}  Day {t['day']} · {t['topic']}  [{t['exercise']}]  "
              + pick(tr("grade {grade} · quiz {quiz}", grade=graded, quiz=quiz), lang))
    if data["activity"]:
        print()
        print(pick(tr("Recent days:"), lang))
        for d in data["activity"]:
            print(f"  {d['date']}  " + pick(tr(
                "{runs} grade runs · {passed} exercises passed · quiz {right}/{asked}",
                runs=d["grade_runs"], passed=len(d["passed"]), right=d["quiz"]["right"],
                asked=d["quiz"]["asked"]), lang))
    if data["weakest"]:
        print()
        print(pick(tr("Next: `grade quiz --review` drills the weakest topics first."), lang))
    return EXIT_OK
