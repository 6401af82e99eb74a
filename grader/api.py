"""The Python API of `grade`: grade from a script, a notebook, Jupyter or Colab.

    from grader.api import grade, grade_code
    grade("conv_output_size")                     # the workspace file, as `grade ID`
    grade_code("conv_output_size", source_text)   # this source as the exercise's module

Both grade through the same engine as the `grade` command: the workspace's public suites in
this process, the student's code only in an isolated worker (a fresh process per exercise,
killed with everything it started when a call overruns `timeout`), and return a `Graded`:
the same `Report` (verdicts, messages, expected vs got) `grade` prints, which a notebook
shows as plain text or HTML (no terminal is assumed: no colours codes, no prompts).

`grade_code` writes the source into a scratch folder of its own (never into the workspace,
so the student's file is never touched) and grades that file in place of the workspace's
`<id>.py`; the worker's current folder is that scratch folder. Bad input (an unknown id, no
workspace) raises `GradeError`, whose message names the problem and the fix.
"""

from __future__ import annotations

import dataclasses
import html
import tempfile
from pathlib import Path

from grader.i18n import Text, default_lang, pick, tr
from grader.report import Report

__all__ = ["GradeError", "Graded", "grade", "grade_code"]


class GradeError(ValueError):
    """Bad input: the message (both languages) says what is wrong and how to fix it."""

    def __init__(self, message: Text | str, lang: str = "en") -> None:
        self.text = message if isinstance(message, dict) else {"en": message, "ja": message}
        self.lang = lang
        super().__init__(pick(self.text, lang))


@dataclasses.dataclass
class Graded:
    """A grading result: the report `grade` prints, shown as text or HTML in a notebook."""

    report: Report
    verbose: bool = False

    @property
    def passed(self) -> bool:
        return all(e.status == "passed" for e in self.report.exercises)

    @property
    def score(self) -> int:
        return self.report.score

    @property
    def max_score(self) -> int:
        return self.report.max_score

    @property
    def exit_code(self) -> int:
        return self.report.exit_code()

    def statuses(self) -> dict[str, str]:
        return {e.id: e.status for e in self.report.exercises}

    def as_json(self) -> dict:
        """The JSON report of `grade --json` (docs/json-schema.md)."""
        return self.report.as_json()

    def to_text(self) -> str:
        return self.report.to_text(verbose=self.verbose)

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        return (f"<Graded {self.report.passed}/{len(self.report.exercises)} passed, "
                f"score {self.score}/{self.max_score}>")

    def _repr_pretty_(self, printer, cycle: bool) -> None:  # IPython's plain-text display
        printer.text(self.to_text())

    def _repr_html_(self) -> str:  # Jupyter, JupyterLab, Colab, VS Code
        colours = {"passed": "#1a7f37", "failed": "#cf222e", "error": "#cf222e",
                   "timeout": "#9a6700", "unfilled": "#57606a"}
        by_line = {}
        for ex in self.report.exercises:
            by_line[ex.id] = colours.get(ex.status, "inherit")
        rows = []
        for line in self.to_text().split("\n"):
            words = line.split()
            colour = by_line.get(words[1]) if len(words) > 1 and not line.startswith(" ") \
                else None
            text = html.escape(line)
            rows.append(f'<span style="color:{colour};font-weight:bold">{text}</span>'
                        if colour else text)
        return ('<div class="edrill-report"><pre style="white-space:pre-wrap;'
                'font-family:monospace;line-height:1.35">' + "\n".join(rows)
                + "</pre></div>")


def _lang(lang: str | None) -> str:
    if lang is None:
        return default_lang()
    if lang not in ("ja", "en"):
        raise GradeError(tr("--lang {lang}: choose ja or en", lang=str(lang)))
    return lang


def _locate(workspace, lang: str):
    from grader.cli.common import UsageError
    from grader.cli.grade import locate
    from grader.course import CourseError

    try:
        return locate(Path(workspace).expanduser() if workspace is not None else None)
    except (UsageError, CourseError) as err:
        message = err.args[0] if err.args else str(err)
        raise GradeError(message, lang) from None


def _select(target, ids: list[str], day: int | None, lang: str) -> list[str]:
    from grader.cli.common import UsageError
    from grader.cli.grade import select

    try:
        return select(target, ids, day)
    except UsageError as err:
        raise GradeError(err.args[0], lang) from None


def _run(target, ws, ids: list[str], lang: str, timeout: float, verbose: bool) -> Graded:
    from grader.engine import grade_target
    from grader.worker.client import ForkServerClient, ForkServerError

    try:
        server = ForkServerClient()
    except ForkServerError as err:
        raise GradeError(str(err), lang) from None
    try:
        # one lane: a notebook kernel (threads, sockets) is never forked
        report = grade_target(target, ids, lang=lang, timeout=timeout, server=server, jobs=1)
    finally:
        server.close()
    report.public_only = ws is not None
    unreleased = ws.unreleased() if ws is not None else None
    if unreleased is not None:
        for ex in report.exercises:
            ex.unreleased = unreleased.get(ex.id, {"count": 0, "points": 0})
    return Graded(report, verbose=verbose)


def grade(*ids: str, workspace: str | Path | None = None, day: int | None = None,
          lang: str | None = None, timeout: float = 3.0, verbose: bool = False) -> Graded:
    """Grade the workspace's files, as `grade ID ...` does (no ids: every exercise).

    `workspace` defaults to the one around the current folder; `lang` to `EDRILL_LANG` or
    the locale. The last results are remembered for `grade list` and recorded for `grade
    progress`, as `grade` does.
    """
    from grader.workspace import remember_results

    lang = _lang(lang)
    target, ws = _locate(workspace, lang)
    chosen = _select(target, list(ids), day, lang)
    graded = _run(target, ws, chosen, lang, timeout, verbose)
    if ws is not None:
        try:
            remember_results(ws, graded.report.as_json())
        except OSError:
            pass  # a read-only workspace still gets its verdict
        from grader.progress import note_grade

        note_grade(ws, graded.report.as_json(), lang)  # counts in `grade progress` too
    return graded


def grade_code(ex_id: str, code: str, *, workspace: str | Path | None = None,
               lang: str | None = None, timeout: float = 3.0, verbose: bool = False,
               first_line: int = 1) -> Graded:
    """Grade `code` (the source of a whole module) as exercise `ex_id`'s file.

    The verdicts and messages are those `grade ID` gives for a file holding this code.
    `first_line` is the line number the code's first line is reported as (a `%%grade` cell
    starts on line 2 of the cell). The workspace's own file is neither read nor changed.
    """
    lang = _lang(lang)
    if not isinstance(code, str):
        raise GradeError(tr("the code to grade must be text (str), not {type}",
                            type=type(code).__name__), lang)
    target, ws = _locate(workspace, lang)
    _select(target, [ex_id], None, lang)
    with tempfile.TemporaryDirectory(prefix="edrill-cell-") as scratch:
        path = Path(scratch) / f"{ex_id}.py"
        path.write_text("\n" * max(0, first_line - 1) + code, encoding="utf-8")
        cell_target = dataclasses.replace(target, module_paths={**target.module_paths,
                                                                ex_id: path})
        return _run(cell_target, ws, [ex_id], lang, timeout, verbose)
