"""Verdicts: per exercise and per check, as JSON (docs/json-schema.md) or as text.

The text report is what a student reads after `grade`: progress x/y, per exercise its
status, score, and the first failing check with expected vs got and the likely mistake.
It says how many checks ran and never claims more than that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from grader.i18n import Text, pick, tr
from grader.plugin import CheckResult

SCHEMA_VERSION = 1
STATUS_MARK = {"passed": "✔", "failed": "✘", "unfilled": "…", "error": "!", "timeout": "⏱"}


@dataclass
class ExerciseReport:
    id: str
    title: Text
    day: int
    section: int
    status: str = "passed"
    score: int = 0
    max_score: int = 0
    checks: list[CheckResult] = field(default_factory=list)
    message: Text | None = None
    output: str = ""
    unfilled: list[int] = field(default_factory=list)
    internal: bool = False
    # an assignment release: checks that run only at grading (count, points), never named
    unreleased: dict | None = None

    def as_json(self, lang: str) -> dict:
        out = {"id": self.id, "title": pick(self.title, lang), "day": self.day,
               "section": self.section, "status": self.status, "score": self.score,
               "max_score": self.max_score,
               "message": pick(self.message, lang) if self.message else "",
               "checks": [c.as_json(lang) for c in self.checks]}
        if self.unfilled:
            out["unfilled_blanks"] = self.unfilled
        if self.output:
            out["output"] = self.output
        if self.unreleased is not None:
            out["hidden_checks"] = {"count": int(self.unreleased.get("count", 0)),
                                    "points": int(self.unreleased.get("points", 0))}
        return out


@dataclass
class Report:
    lang: str
    target: str
    exercises: list[ExerciseReport]
    public_only: bool = False  # graded in a workspace: hidden checks may exist elsewhere

    @property
    def score(self) -> int:
        return sum(e.score for e in self.exercises)

    @property
    def max_score(self) -> int:
        return sum(e.max_score for e in self.exercises)

    @property
    def passed(self) -> int:
        return sum(e.status == "passed" for e in self.exercises)

    @property
    def internal(self) -> bool:
        return any(e.internal for e in self.exercises)

    def exit_code(self) -> int:
        if self.internal:
            return 3
        return 0 if all(e.status == "passed" for e in self.exercises) else 1

    def as_json(self) -> dict:
        return {"schema_version": SCHEMA_VERSION, "lang": self.lang, "target": self.target,
                "score": self.score, "max_score": self.max_score,
                "passed": self.passed, "total": len(self.exercises),
                "exercises": [e.as_json(self.lang) for e in self.exercises]}

    def to_json(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, indent=2, allow_nan=False)

    def to_text(self, verbose: bool = False) -> str:
        lang = self.lang
        lines = []
        width = max((len(e.id) for e in self.exercises), default=10)
        for ex in self.exercises:
            mark = STATUS_MARK.get(ex.status, "?")
            status = pick(STATUS_WORDS[ex.status], lang)
            lines.append(f"{mark} {ex.id:<{width}}  {ex.score:>3}/{ex.max_score:<3} {status}"
                         f"  — {pick(ex.title, lang)}")
            if ex.status != "passed" or verbose:
                lines += self._details(ex, verbose)
            if verbose and ex.unreleased and ex.unreleased.get("count"):
                lines.append("    " + pick(tr("+ {n} hidden checks ({points} points) run only "
                                              "when instructors grade",
                                              n=ex.unreleased["count"],
                                              points=ex.unreleased["points"]), lang))
        checks_run = sum(len(e.checks) for e in self.exercises)
        checks_passed = sum(c.status == "passed" for e in self.exercises for c in e.checks)
        lines.append("")
        lines.append(pick(tr("Progress: {done}/{total} exercises done · score {score}/{max} · "
                             "{passed} of {run} checks passed", done=self.passed,
                             total=len(self.exercises), score=self.score, max=self.max_score,
                             passed=checks_passed, run=checks_run), lang))
        known = [e.unreleased for e in self.exercises if e.unreleased is not None]
        if self.public_only and known:
            lines.append(pick(tr("These are the public checks of this assignment; instructors "
                                 "also run {n} hidden checks ({points} points) with fresh "
                                 "inputs when grading.",
                                 n=sum(int(u.get("count", 0)) for u in known),
                                 points=sum(int(u.get("points", 0)) for u in known)), lang))
        elif self.public_only:
            lines.append(pick(tr("These are the public checks in your workspace; instructors "
                                 "may also run hidden checks."), lang))
        return "\n".join(lines)

    def _details(self, ex: ExerciseReport, verbose: bool) -> list[str]:
        lang = self.lang
        out = []
        shown = ex.checks if verbose else [next((c for c in ex.checks if c.status != "passed"),
                                                None)]
        if ex.status == "unfilled" and not verbose:
            # every failing check would only say "not filled in yet": say it once
            shown = [c for c in shown if c is not None and c.status != "unfilled"]
        if ex.status == "unfilled" and ex.message:
            out.append(f"    {pick(ex.message, lang)}")
        elif ex.message and (not ex.checks or ex.status == "error"):
            out.append(f"    {pick(ex.message, lang)}")
        for check in shown:
            if check is None:
                continue
            mark = STATUS_MARK.get(check.status, "?")
            out.append(f"    {mark} [{check.kind}] {pick(check.title, lang)}  "
                       f"({check.points}/{check.max_points})")
            if check.status == "passed":
                continue
            if check.message:
                out.append(f"        {pick(check.message, lang)}")
            if check.expected:
                out.append(f"        {pick(tr('expected:'), lang)} {check.expected}")
            if check.got:
                out.append(f"        {pick(tr('got:'), lang)}      {check.got}")
            if check.mistake:
                out.append(f"        {pick(tr('likely mistake:'), lang)} "
                           f"{pick(check.mistake, lang)}")
        if ex.status in ("failed", "error", "timeout", "unfilled"):
            out.append(f"    → grade hint {ex.id}")
        return out


STATUS_WORDS = {
    "passed": {"ja": "合格", "en": "passed"},
    "failed": {"ja": "不合格", "en": "failed"},
    "unfilled": {"ja": "未記入", "en": "not filled in yet"},
    "error": {"ja": "エラー", "en": "error"},
    "timeout": {"ja": "時間切れ", "en": "timed out"},
}
