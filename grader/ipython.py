"""The IPython extension: `%load_ext grader`, then `%%grade ID` grades the code of a cell.

In Jupyter, JupyterLab, Colab, VS Code or the IPython terminal::

    %load_ext grader

    %%grade conv_output_size
    def conv_output_size(H, FH, P=0, S=1):
        ...

    %grade conv_output_size          # the workspace's file, as `grade conv_output_size`
    %grade --day 2 --lang ja         # any `grade` selection

`%%grade ID` grades the cell's code as the exercise's module through `grader.api.grade_code`
(the same engine, suites and isolated worker as `grade ID`: the same verdicts and messages);
the code does not run in the kernel, so an endless loop or a crash of it never takes the
notebook down. Line numbers in messages are the cell's (the `%%grade` line is line 1). The
result is the cell's output, shown as HTML in a notebook and as text in a terminal.
Options: --workspace DIR, --lang ja|en, --verbose, --timeout S (and --day for `%grade`).
Bad input is a one-line UsageError that names the fix, never a traceback.
"""

from __future__ import annotations

import argparse
import shlex

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_cell_magic, magics_class

from grader.api import GradeError, grade, grade_code
from grader.i18n import default_lang, pick, tr


class _Help(Exception):
    """-h was given: the help has been printed."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # never SystemExit inside a kernel
        raise UsageError(f"{self.prog}: {message}")

    def exit(self, status: int = 0, message: str | None = None):
        if message:
            print(message)
        raise _Help()


def _parser(cell: bool, lang: str) -> _Parser:
    def _(message: str) -> str:
        return pick(tr(message), lang)

    p = _Parser(prog="%%grade" if cell else "%grade", add_help=True,
                description=_("Grade the code of this cell as exercise ID (in an isolated "
                              "worker, as `grade ID` does).") if cell
                else _("Grade your edrill exercises."))
    if cell:
        p.add_argument("id", metavar="ID", help=_("exercise id"))
    else:
        p.add_argument("ids", nargs="*", metavar="ID",
                       help=_("exercises to grade (default: all)"))
        p.add_argument("--day", type=int, choices=(1, 2, 3, 4), default=None,
                       help=_("grade only the exercises of this day"))
    p.add_argument("--workspace", "-w", metavar="DIR", default=None,
                   help=_("the workspace (default: the one around the current folder)"))
    p.add_argument("--lang", choices=("ja", "en"), default=None,
                   help=_("language of every message: ja or en (default: from the locale or "
                          "EDRILL_LANG)"))
    p.add_argument("--verbose", "-v", action="store_true", help=_("show every check"))
    p.add_argument("--timeout", type=float, default=3.0, metavar="S",
                   help=_("seconds allowed per call into your code (default 3)"))
    return p


def _requested_lang(words: list[str]) -> str:
    from grader.cli.grade import requested_lang

    return requested_lang(words)


@magics_class
class GradeMagics(Magics):
    @line_cell_magic
    def grade(self, line: str, cell: str | None = None):
        """%grade [ID ...] grades workspace files; %%grade ID grades this cell's code."""
        try:
            words = shlex.split(line)
        except ValueError as err:
            raise UsageError(f"%grade: {err}") from None
        lang = _requested_lang(words)
        try:
            args = _parser(cell is not None, lang).parse_args(words)
        except _Help:
            return None
        lang = args.lang or default_lang()
        try:
            if cell is None:
                return grade(*args.ids, workspace=args.workspace, day=args.day, lang=lang,
                             timeout=args.timeout, verbose=args.verbose)
            if not cell.strip():
                raise GradeError(tr("the %%grade cell is empty: put the code of {id} below "
                                    "the %%grade line", id=args.id), lang)
            return grade_code(args.id, cell, workspace=args.workspace, lang=lang,
                              timeout=args.timeout, verbose=args.verbose, first_line=2)
        except GradeError as err:
            raise UsageError(f"{pick(tr('error:'), lang)} {err}") from None


def load_ipython_extension(ipython) -> None:
    ipython.register_magics(GradeMagics)


def unload_ipython_extension(ipython) -> None:
    magics = ipython.magics_manager.magics
    for kind in ("line", "cell"):
        magics[kind].pop("grade", None)
