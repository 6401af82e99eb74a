"""`grade reset ID` and `grade update` (grader.upkeep does the work).

    grade reset ID [ID ...] [--workspace DIR] [--lang ja|en]
    grade update [--from DIR] [--dry-run] [--workspace DIR] [--lang ja|en]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_OK, add_lang, lang_of
from grader.cli.progress import the_workspace
from grader.i18n import pick, tr


def build_parser(command: str, _) -> argparse.ArgumentParser:
    if command == "reset":
        p = argparse.ArgumentParser(
            prog="grade reset",
            description=_("Put the stub of an exercise back. Your version is kept first in "
                          "backups/<id>-<date>-<time>.py."))
        p.add_argument("ids", nargs="+", metavar="ID", help=_("exercise id"))
    else:
        p = argparse.ArgumentParser(
            prog="grade update",
            description=_("Bring the workspace to a new version of the course without losing "
                          "an answer: new exercises get their stubs, untouched stubs are "
                          "replaced, an edited file is never written (when its stub changed, "
                          "the new stub is put beside it as <id>.new.py)."))
        p.add_argument("--from", dest="source", type=Path, default=None, metavar="DIR",
                       help=_("the new version: the course repository, or a newer workspace "
                              "or release folder (default: the course edrill finds)"))
        p.add_argument("--dry-run", action="store_true",
                       help=_("only say what would change"))
    p.add_argument("--workspace", "-w", type=Path, default=None, metavar="DIR",
                   help=_("the workspace (default: the one around the current folder)"))
    add_lang(p, _("language of every message: ja or en (default: from the locale or "
                  "EDRILL_LANG)"))
    return p


def run(command: str, args: argparse.Namespace) -> int:
    lang = lang_of(args)
    ws = the_workspace(args.workspace)
    return cmd_reset(ws, args, lang) if command == "reset" else cmd_update(ws, args, lang)


def cmd_reset(ws, args: argparse.Namespace, lang: str) -> int:
    from grader.upkeep import reset

    ids = [e["id"] for e in ws.manifest()["exercises"]]
    unknown = [i for i in args.ids if i not in ids]
    if unknown:
        from grader.cli.common import UsageError

        raise UsageError(tr("no exercise {ids}; this workspace has: {known}",
                            ids=", ".join(unknown), known=", ".join(ids)))
    for ex_id in args.ids:
        result = reset(ws, ex_id)
        if not result.done:
            print(pick(tr("{file} is already the stub: nothing to do", file=f"{ex_id}.py"),
                          lang))
        elif result.backup is None:
            print(pick(tr("{file} was missing: the stub is back", file=f"{ex_id}.py"), lang))
        else:
            print(pick(tr("{file} is the stub again; your version is kept in {backup}",
                          file=f"{ex_id}.py", backup=str(result.backup.relative_to(ws.root))),
                       lang))
    return EXIT_OK


def cmd_update(ws, args: argparse.Namespace, lang: str) -> int:
    from grader.upkeep import apply_update, find_source, plan_update

    source = find_source(ws, args.source)
    plan = plan_update(ws, source)
    if not plan.changes:
        print(pick(tr("{dir} is up to date (course version {version}).", dir=str(ws.root),
                      version=plan.new_version), lang))
        if plan.dropped:
            print("  " + pick(tr("no longer in the course, your files kept: {ids}",
                                 ids=", ".join(plan.dropped)), lang))
        return EXIT_OK
    head = tr("Course version {old} → {new} (from {source})", old=plan.old_version,
              new=plan.new_version, source=source.label)
    if args.dry_run:
        head = tr("{head} — dry run, nothing is changed", head=head)
    print(pick(head, lang))
    lines = [
        (plan.added, tr("new stubs: {ids}", ids=", ".join(plan.added))),
        (plan.replaced, tr("stubs you had not edited, replaced by the new ones: {ids}",
                           ids=", ".join(plan.replaced))),
        (plan.beside, tr("the stub changed under your edited file; yours is kept and the "
                         "new stub put beside it — merge by hand: {files}",
                         files=", ".join(f"{i}.py + {i}.new.py" for i in plan.beside))),
        (plan.unsure, tr("edited files whose checks changed (this workspace did not keep its "
                         "old stubs); yours is kept and the new stub put beside it: {files}",
                         files=", ".join(f"{i}.py + {i}.new.py" for i in plan.unsure))),
        (plan.kept, tr("your edited files, kept as they are: {n}", n=len(plan.kept))),
        (plan.dropped, tr("no longer in the course, your files kept: {ids}",
                          ids=", ".join(plan.dropped))),
    ]
    for items, text in lines:
        if items:
            print("  " + pick(text, lang))
    if plan.meta_changed:
        print("  " + pick(tr("checks, recorded references and quiz bank: updated"), lang))
    if args.dry_run:
        return EXIT_OK
    previous = apply_update(ws, plan)
    if previous is not None:
        print(pick(tr("Done. What was replaced is kept in {dir}.",
                      dir=str(previous.relative_to(ws.root))), lang))
    else:
        print(pick(tr("Done."), lang))
    return EXIT_OK
