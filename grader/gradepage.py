"""The student's feedback page (`grade --html`): one self-contained HTML file.

Per exercise its status and score, then every check that ran: its kind, title and points,
and for a check that did not pass its message, expected vs got and the likely mistake. A
convergence check (kind C) shows the loss per step of the training it ran with the
student's code against the same training with the reference solution (recorded by `grader
build`, see grader.harness.curves) as an SVG plot. The student's printed output is folded
away under its exercise.

The page carries both languages: every text is in the DOM in Japanese and English, the
`<html data-lang>` attribute (the `--lang` of the run) picks which one CSS shows, and two
buttons switch it (a few lines of inline script; without script the page stays in the
language it was made in). No request leaves the page: inline CSS, inline SVG, no fonts or
images. Written through grader/templates/grade_page.html.j2 (autoescaped: messages may
quote the student's values).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import jinja2

from grader import plots
from grader.checks import KINDS
from grader.files import write_atomic
from grader.i18n import Text, bilingual, tr
from grader.plugin import CheckResult
from grader.report import STATUS_MARK, STATUS_WORDS, ExerciseReport, Report

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = "grade_page.html.j2"
FILE_NAME = "edrill-report.html"
STUDENT_COLOR, REFERENCE_COLOR = "#1565c0", "#ef6c00"


def labels() -> dict[str, Text]:
    """The page's own words, in both languages."""
    return {
        "title": tr("edrill — your results"),
        "switch": tr("Language"),
        "made": tr("Made"),
        "target": tr("Workspace"),
        "progress": tr("Exercises passed"),
        "score": tr("Score"),
        "checks": tr("Checks passed"),
        "exercise": tr("Exercise"),
        "status": tr("Status"),
        "points": tr("Score"),
        "check": tr("Check"),
        "kind": tr("Kind"),
        "expected": tr("expected:"),
        "got": tr("got:"),
        "mistake": tr("likely mistake:"),
        "output": tr("What your code printed"),
        "unfilled": tr("Blanks still to fill in"),
        "curves": tr("Loss per step: your code against the reference solution"),
        "no_reference": tr("The reference solution's curve is not in this workspace's "
                           "recordings (made by an older edrill)."),
        "step": tr("step"),
        "student": tr("your code"),
        "reference": tr("reference solution"),
        "final": tr("last value"),
        "public_only": tr("These are the public checks in your workspace; instructors may "
                          "also run hidden checks."),
        "none": tr("No exercise was graded."),
    }


def kind_names() -> dict[str, Text]:
    return {k: bilingual(ja=ja, en=en) for k, (en, ja) in KINDS.items()}


@dataclass
class CurveView:
    title: Text
    svg: str
    student_last: tuple[int, float] | None
    reference_last: tuple[int, float] | None
    has_reference: bool


@dataclass
class CheckView:
    check: CheckResult
    mark: str
    status: Text
    curves: list[CurveView] = field(default_factory=list)


@dataclass
class ExerciseView:
    ex: ExerciseReport
    mark: str
    status: Text
    checks: list[CheckView]
    open: bool
    hint: Text


def _last(series: dict | None) -> tuple[int, float] | None:
    if not series:
        return None
    for step, value in zip(reversed(series["steps"]), reversed(series["values"]),
                           strict=True):
        if value is not None:
            return step, value
    return None


def curve_view(env: jinja2.Environment, curve: dict, words: dict[str, Text]) -> CurveView:
    student = curve["student"]
    reference = curve.get("reference")
    series = []
    if reference:
        series.append(plots.Series("reference", words["reference"], REFERENCE_COLOR,
                                   list(reference["steps"]), list(reference["values"]),
                                   dash="6 4"))
    series.append(plots.Series("student", words["student"], STUDENT_COLOR,
                               list(student["steps"]), list(student["values"])))
    svg = plots.lines(env, series, title=curve["title"], x_label=words["step"],
                      y_label=curve["title"], log=bool(curve.get("log", True)))
    return CurveView(curve["title"], svg, _last(student), _last(reference),
                     bool(reference))


def view(report: Report, env: jinja2.Environment, words: dict[str, Text]) -> list[ExerciseView]:
    out = []
    for ex in report.exercises:
        checks = []
        for c in ex.checks:
            checks.append(CheckView(c, STATUS_MARK.get(c.status, "?"),
                                    STATUS_WORDS.get(c.status, STATUS_WORDS["error"]),
                                    [curve_view(env, curve, words) for curve in c.curves]))
        out.append(ExerciseView(ex, STATUS_MARK.get(ex.status, "?"),
                                STATUS_WORDS.get(ex.status, STATUS_WORDS["error"]), checks,
                                open=ex.status != "passed"
                                or any(c.curves for c in ex.checks),
                                hint=tr("Stuck? `grade hint {id}` shows the next hint.",
                                        id=ex.id)))
    return out


def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)


def render(report: Report, *, made: datetime | None = None) -> str:
    """The page of `report` (its `lang` is the language shown first)."""
    env = environment()
    words = labels()
    exercises = view(report, env, words)
    checks_run = sum(len(e.checks) for e in report.exercises)
    checks_passed = sum(c.status == "passed" for e in report.exercises for c in e.checks)
    return env.get_template(TEMPLATE).render(
        r=report, exercises=exercises, words=words, kinds=kind_names(),
        made=(made or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M"),
        checks_run=checks_run, checks_passed=checks_passed, lang=report.lang)


def write(report: Report, path: Path) -> Path:
    """Render and write the page next to `path`, then rename: never a half-written page."""
    write_atomic(path, render(report))
    return path
