"""`grade --html [FILE]`: write the feedback page (grader.gradepage) after grading.

The page's path is settled before grading, so a wrong one costs no grading time: no FILE
is `edrill-report.html` in the workspace (or the current folder); a folder gets that name
inside it; the folder a FILE goes into must exist.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from grader.cli.common import UsageError
from grader.i18n import pick, tr

DEFAULT = "-"  # --html without FILE


def add_argument(parser: argparse.ArgumentParser, _: Callable[[str], str]) -> None:
    parser.add_argument("--html", nargs="?", const=DEFAULT, default=None, metavar="FILE",
                        help=_("also write a feedback page: every check, expected vs got, "
                               "and the loss curves of the convergence checks against the "
                               "reference (default FILE: edrill-report.html in the "
                               "workspace)"))


def page_path(value: str | None, ws) -> Path | None:
    """Where the page goes, or None without --html; a UsageError for a path it cannot take."""
    from grader.gradepage import FILE_NAME

    if value is None:
        return None
    if value == DEFAULT:
        return (ws.root if ws is not None else Path.cwd()) / FILE_NAME
    path = Path(value).expanduser()
    if path.is_dir():
        return path.resolve() / FILE_NAME
    if not path.parent.is_dir():
        raise UsageError(tr("--html {file}: the folder {dir} does not exist; make it first or "
                            "name a file in an existing folder", file=value,
                            dir=str(path.parent)))
    if path.exists() and not path.is_file():
        raise UsageError(tr("--html {file}: not a regular file; name a new .html file",
                            file=value))
    return path.resolve()


def write_page(report, path: Path, lang: str, *, quiet: bool) -> None:
    """Write the page; say where (on stderr with --json, whose stdout is only JSON)."""
    from grader.gradepage import write

    try:
        write(report, path)
    except OSError as err:
        raise UsageError(tr("--html: cannot write {file} ({why}); name a file in a folder "
                            "you can write to", file=str(path),
                            why=err.strerror or str(err))) from None
    print(pick(tr("Feedback page: {url}", url=path.as_uri()), lang),
          file=sys.stderr if quiet else sys.stdout)
