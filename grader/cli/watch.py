"""`grade watch`: grade an exercise again each time its file is saved.

    grade watch [ID ...] [--day N] [--interval S] [--verbose] [--timeout S] [--lang ja|en]
                [--workspace DIR]

It polls the files' modification times and sizes (no extra dependency); a change is graded
once the file has stayed the same for `SETTLE` seconds (editors write in several steps).
Named exercises are graded once at the start. Every round is recorded like `grade`
(last results, progress). Ctrl-C stops it (exit 0).
"""

from __future__ import annotations

import argparse
import signal
import time
from datetime import datetime
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError, add_lang, lang_of
from grader.i18n import pick, tr

SETTLE = 0.3


def build_parser(command: str, _) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="grade watch",
        description=_("Grade an exercise again each time you save its file (Ctrl-C stops)."))
    p.add_argument("ids", nargs="*", metavar="ID",
                   help=_("exercises to watch (default: all); named ones are graded at once"))
    p.add_argument("--day", type=int, choices=(1, 2, 3, 4), default=None,
                   help=_("watch only the exercises of this day"))
    p.add_argument("--interval", type=float, default=0.5, metavar="S",
                   help=_("seconds between looks at the files (default 0.5)"))
    p.add_argument("--verbose", "-v", action="store_true", help=_("show every check"))
    p.add_argument("--timeout", type=float, default=3.0, metavar="S",
                   help=_("seconds allowed per call into your code (default 3)"))
    p.add_argument("--workspace", "-w", type=Path, default=None, metavar="DIR",
                   help=_("the workspace (default: the one around the current folder)"))
    add_lang(p, _("language of every message: ja or en (default: from the locale or "
                  "EDRILL_LANG)"))
    return p


def stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def grade_round(target, ws, ids: list[str], args: argparse.Namespace, lang: str) -> None:
    from grader.engine import grade_target
    from grader.progress import note_grade
    from grader.workspace import remember_results

    report = grade_target(target, ids, lang=lang, timeout=args.timeout)
    report.public_only = ws is not None
    if ws is not None:
        try:
            remember_results(ws, report.as_json())
        except OSError:
            pass
        note_grade(ws, report.as_json(), lang)
    print(report.to_text(verbose=args.verbose), flush=True)


def run(command: str, args: argparse.Namespace) -> int:
    from grader.cli.grade import locate, select

    lang = lang_of(args)
    if args.interval <= 0:
        raise UsageError(tr("--interval {s}: give a positive number of seconds",
                            s=args.interval))
    target, ws = locate(args.workspace)
    ids = select(target, args.ids, args.day)
    paths = {i: target.module_path(i) for i in ids}
    stop = {"now": False}

    def on_signal(signum, frame):  # finish the round under way, then leave
        stop["now"] = True

    old_int = signal.signal(signal.SIGINT, on_signal)
    old_term = signal.signal(signal.SIGTERM, on_signal)
    try:
        print(pick(tr("Watching {n} exercise files in {dir}: save one to grade it (Ctrl-C "
                      "stops).", n=len(ids), dir=str(target.student_dir)), lang), flush=True)
        seen = {i: stamp_of(p) for i, p in paths.items()}
        pending = list(args.ids) if args.ids else []
        while not stop["now"]:
            if not pending:
                time.sleep(args.interval)
                now = {i: stamp_of(p) for i, p in paths.items()}
                changed = [i for i in ids if now[i] != seen[i]]
                if not changed:
                    continue
                time.sleep(SETTLE)  # let the editor finish writing
                settled = {i: stamp_of(paths[i]) for i in changed}
                if any(settled[i] != now[i] for i in changed):
                    continue  # still being written: look again next time
                seen.update(settled)
                pending = changed
            if stop["now"]:
                break
            clock = datetime.now().strftime("%H:%M:%S")
            print("\n" + "─" * 60 + f"\n{clock}  grade {' '.join(pending)}", flush=True)
            grade_round(target, ws, pending, args, lang)
            pending = []
    finally:
        signal.signal(signal.SIGINT, old_int)
        signal.signal(signal.SIGTERM, old_term)
    print(pick(tr("Stopped watching."), lang), flush=True)
    return EXIT_OK
