"""The quiz bank: exam-style items proven by the exercises' own checks (`grader build`).

One item per solution blank. The code shown is the function around the blank, the blank
as (ア), the other blanks filled with the solution. The correct choice is the solution's
text and the distractors are the exercise's recorded wrong answers (comments stripped, so
no choice gives itself away); every choice is graded by the exercise's suite exactly as
`grader try` grades an answer, and it is the shown text that is graded.

Proven means:

- the correct choice passes every check (status passed, full score);
- a distractor is `failed` at a named check — not only by a NameError or SyntaxError
  (a malformed recording), not by a timeout or an internal error (not reproducible);
- no two served choices are numerically equivalent. Two choices are *proven distinct*
  when the checks saw them behave differently: a check passed for one and not for the
  other, or a comparison site was reached by one only (one raised where the other
  returned), or at a site both reached their values differ beyond the checks' own
  tolerance (`grader.checks._matches`, both ways round). Each is a concrete input on which
  the two pieces of code give different results, so distinct-by-this-test is sound. Two
  choices not proven distinct are treated as equivalent: distractors fall into classes
  (the connected groups of the "not proven distinct" relation), and a drill serves at
  most one distractor per class, so any two served distractors are proven distinct, and
  each is proven distinct from the answer (which passes where it fails);
- an item needs at least three distractor classes, else it is not served (it is listed
  in the bank with the reason).

The bank is public data: `exercises/.edrill/quiz/<id>.json`, copied into workspaces. Each
file carries the digest of what its proofs depend on (the solution, the suite, the check
library, the reference recorder and PROOF_VERSION), so `grader build` re-proves only the
exercises that changed and `grader build --check` notices a stale file without running
anything. `tests/framework/test_quiz.py` re-proves every item from scratch in CI.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import tempfile
import textwrap
import time
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grader.checks import _matches
from grader.course import RECORDED, Course
from grader.engine import Target, course_target, run_suites, summarize
from grader.quiz import BANK_DIR
from grader.solution import Blank, Exercise, render_blanks
from grader.worker.client import ForkServerClient

BANK_FORMAT = 1
MIN_DISTRACTOR_CLASSES = 3
MAX_REGION_LINES = 3  # a longer region is not an exam-style choice
MAX_CODE_LINES = 40
BLANK_LABEL = "（ア）"
MALFORMED = ("NameError", "SyntaxError", "IndentationError", "UnboundLocalError")
_MARK = "__edrill_quiz_blank__"
PROOF_TIMEOUT = 10.0  # seconds per call: generous, so a loaded machine proves the same
# What a proof depends on besides the exercise: how checks compare and record, and how the
# reference records. Editing these re-proves every exercise; a change of what this module
# proves must bump PROOF_VERSION (tests/framework/test_quiz.py re-proves the bank anyway).
PROOF_VERSION = 1
PROOF_CODE = [Path(__file__).resolve().parents[1] / name for name in ("checks.py", "reference.py")]


# --------------------------------------------------------------------------- shown text


def strip_comments(text: str) -> str:
    """`text` without its comments and trailing spaces, dedented (a choice as shown)."""
    text = textwrap.dedent(text).strip("\n")
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text + "\n").readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return text.strip()
    lines = text.split("\n")
    for tok in reversed(tokens):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col]
    return "\n".join(ln.rstrip() for ln in lines if ln.strip()).strip("\n")


def item_code(ex: Exercise, blank: Blank) -> str:
    """The function around `blank`, the blank as (ア), other blanks filled in."""
    body = render_blanks(ex, lambda b: _MARK if b.number == blank.number else b.answer)
    lines = body.split("\n")
    at = next(k for k, ln in enumerate(lines) if _MARK in ln) + 1  # 1-based
    tree = ast.parse(body)
    chosen: ast.AST | None = None
    owner: ast.ClassDef | None = None
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and \
                node.lineno <= at <= (node.end_lineno or 0):
            if chosen is None or node.lineno >= chosen.lineno:
                chosen = node
    if chosen is not None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and chosen in node.body:
                owner = node
        first = min([chosen.lineno, *(d.lineno for d in chosen.decorator_list)])
        shown = lines[first - 1: chosen.end_lineno]
        start = first
        if owner is not None:
            head = [lines[owner.lineno - 1]]
            if owner.body[0] is not chosen:
                head.append(" " * chosen.col_offset + "...")
            shown = head + shown
            start -= len(head)
    else:  # a blank at module level: the module without its docstring
        skip = 0
        if tree.body and isinstance(tree.body[0], ast.Expr) and isinstance(
                getattr(tree.body[0], "value", None), ast.Constant):
            skip = tree.body[0].end_lineno or 0
        shown, start = lines[skip:], skip + 1
    if len(shown) > MAX_CODE_LINES:
        k = at - start
        low, high = max(0, k - MAX_CODE_LINES // 2), k + MAX_CODE_LINES // 2
        indent = " " * (len(shown[k]) - len(shown[k].lstrip()))
        shown = (([indent + "..."] if low > 0 else []) + shown[low:high]
                 + ([indent + "..."] if high < len(shown) else []))
    text = "\n".join(shown).strip("\n")
    return text.replace(_MARK, BLANK_LABEL)


def answer_text(text: str, blank: Blank) -> str:
    """A choice as shown: comments stripped; an expression on one line."""
    shown = strip_comments(text)
    if blank.kind == "expression":
        shown = " ".join(shown.split("\n"))
    return shown


# --------------------------------------------------------------------------- proofs


@dataclass
class Outcome:
    """What the checks saw of one choice."""

    status: str
    score: int
    max_score: int
    checks: dict[str, str]  # check name -> status
    sites: dict[str, Any]  # comparison site -> the value the choice gave there
    first_failed: dict | None = None  # the check that catches it
    problem: str = ""  # why this run proves nothing (malformed, timeout, error)

    def proves_right(self) -> bool:
        return self.status == "passed" and self.score == self.max_score and not self.problem

    def proves_wrong(self) -> bool:
        return self.status == "failed" and self.first_failed is not None and not self.problem


def run_choice(course: Course, ex: Exercise, blank: int, text: str,
               server: ForkServerClient, timeout: float = PROOF_TIMEOUT,
               meta: list[dict] | None = None) -> Outcome:
    """Grade the solution with `text` in blank `blank`, recording every compared value.

    `meta`: the course's public metadata, when the caller has it (parsing every solution
    file again costs ~0.1 s a run)."""
    with tempfile.TemporaryDirectory(prefix="edrill-quiz-") as tmp:
        path = Path(tmp) / f"{ex.id}.py"
        path.write_text(ex.with_answers({blank: text}), encoding="utf-8")
        if meta is None:
            target = course_target(course, Path(tmp))
        else:
            target = Target(label=str(tmp), student_dir=Path(tmp),
                            suites_dir=course.suites_dir, exercises=meta,
                            solutions_dir=course.solutions_dir,
                            mistakes_dir=course.public_dir / RECORDED)
        target.module_paths = {ex.id: path}
        seen: dict[str, dict] = {}
        runs, _ = run_suites(target, [ex.id], server=server, timeout=timeout, record_got=seen)
        rep = summarize(target, ex.id, runs.get(ex.id))
    checks = {c.name: c.status for c in rep.checks}
    failed = [c for c in rep.checks if c.status == "failed"]
    bad = [c for c in rep.checks if c.status != "passed"]
    problem = ""
    if rep.internal or "timeout" in checks.values() or rep.status in ("timeout", "error"):
        problem = f"{rep.status}: {(rep.message or {}).get('en', '')}"
    elif bad and all(any(m in (c.message or {}).get("en", "") for m in MALFORMED)
                     for c in bad):
        problem = f"malformed: {(bad[0].message or {}).get('en', '')}"
    first = None
    if failed:
        c = failed[0]
        first = {"name": c.name, "kind": c.kind, "title": c.title,
                 "message": c.message or {"ja": "", "en": ""}}
        if c.mistake:
            first["mistake"] = c.mistake
    return Outcome(status=rep.status, score=rep.score, max_score=rep.max_score,
                   checks=checks, sites=seen.get(ex.id, {}), first_failed=first,
                   problem=problem)


def proven_distinct(a: Outcome, b: Outcome) -> bool:
    """The checks saw `a` and `b` behave differently (see the module docstring)."""
    if a.checks != b.checks or a.sites.keys() != b.sites.keys():
        return True
    return any(not (_matches(a.sites[s], b.sites[s]) and _matches(b.sites[s], a.sites[s]))
               for s in a.sites)


def classes(outcomes: list[Outcome]) -> list[int]:
    """Class numbers: connected groups of the "not proven distinct" relation."""
    parent = list(range(len(outcomes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(len(outcomes)):
        for j in range(i + 1, len(outcomes)):
            if not proven_distinct(outcomes[i], outcomes[j]):
                parent[root(j)] = root(i)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(root(k), len(numbers)) for k in range(len(outcomes))]


@dataclass
class ItemProof:
    """One blank's item, or the reason it is not served."""

    blank: int
    item: dict | None = None
    reason: str = ""
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # shown text -> outcome


def prove_item(course: Course, ex: Exercise, blank: Blank, server: ForkServerClient,
               timeout: float = PROOF_TIMEOUT) -> ItemProof:
    proof = ItemProof(blank.number)
    if blank.kind == "region" and len(strip_comments(blank.answer).splitlines()) > \
            MAX_REGION_LINES:
        proof.reason = f"the answer has more than {MAX_REGION_LINES} lines"
        return proof
    answer = answer_text(blank.answer, blank)
    meta = [e.meta() for e in course.exercises()]
    right = run_choice(course, ex, blank.number, answer, server, timeout, meta)
    proof.outcomes[answer] = right
    if not right.proves_right():
        proof.reason = (f"the answer as shown «{answer}» does not pass every check: "
                        f"{right.status} {right.problem}")
        return proof
    seen_texts = {" ".join(answer.split())}
    kept: list[tuple[dict, Outcome]] = []
    rejected: list[str] = []
    for wrong in ex.wrong:
        if wrong.blank != blank.number:
            continue
        text = answer_text(wrong.answer, blank)
        key = " ".join(text.split())
        if key in seen_texts:
            rejected.append(f"«{text}» shows the same text as another choice")
            continue
        seen_texts.add(key)
        out = run_choice(course, ex, blank.number, text, server, timeout, meta)
        proof.outcomes[text] = out
        if not out.proves_wrong():
            rejected.append(f"«{text}» is not proven wrong ({out.status} {out.problem})")
            continue
        caught = dict(out.first_failed or {})
        if caught.get("mistake") == wrong.why:
            del caught["mistake"]  # the same words as `why`
        kept.append(({"text": text, "source": wrong.source, "why": wrong.why,
                      "caught_by": caught}, out))
    numbers = classes([out for _, out in kept])
    for (entry, _), number in zip(kept, numbers, strict=True):
        entry["class"] = number
    n_classes = len(set(numbers))
    if n_classes < MIN_DISTRACTOR_CLASSES:
        proof.reason = (f"only {n_classes} distinct proven distractor(s) (at least "
                        f"{MIN_DISTRACTOR_CLASSES} needed)" +
                        (f"; {'; '.join(rejected)}" if rejected else ""))
        return proof
    proof.item = {
        "key": f"{ex.id}:{blank.number}", "exercise": ex.id, "blank": blank.number,
        "kind": blank.kind, "code": item_code(ex, blank),
        "answer": {"text": answer, "checks": len(right.checks),
                   "kinds": sorted({k for k in _kinds(course, ex)})},
        "distractors": [entry for entry, _ in kept],
    }
    if rejected:
        proof.item["not_used"] = rejected
    return proof


def _kinds(course: Course, ex: Exercise) -> list[str]:
    """The check kinds (S, K, G, C, P) of the exercise's suite, read from its source."""
    tree = ast.parse(course.suite(ex.id).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "check"
                and node.args and isinstance(node.args[0], ast.Constant)):
            found.append(str(node.args[0].value))
    return found


# --------------------------------------------------------------------------- files


def bank_dir(course: Course) -> Path:
    return course.public_dir / BANK_DIR


def bank_digest(course: Course, ex: Exercise) -> str:
    h = hashlib.sha256(f"edrill-quiz-{BANK_FORMAT}-{PROOF_VERSION}".encode())
    for path in (ex.path, course.suite(ex.id), *PROOF_CODE):
        h.update(path.read_bytes())
    return h.hexdigest()[:32]


def prove_exercise(course: Course, ex: Exercise, server: ForkServerClient,
                   timeout: float = PROOF_TIMEOUT) -> tuple[dict, list[ItemProof]]:
    """The bank file of `ex` (JSON-ready) and the proofs behind it."""
    started = time.perf_counter()
    proofs = [prove_item(course, ex, blank, server, timeout) for blank in ex.blanks]
    data = {
        "format": BANK_FORMAT, "digest": bank_digest(course, ex), "exercise": ex.id,
        "day": ex.day, "section": ex.section, "topic": ex.topic, "title": ex.title,
        "hints": list(ex.hints),
        "items": [p.item for p in proofs if p.item is not None],
        "not_served": [{"blank": p.blank, "reason": p.reason} for p in proofs
                       if p.item is None],
        "seconds": round(time.perf_counter() - started, 2),
    }
    return data, proofs


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def read_bank_file(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def stale_exercises(course: Course, exercises: list[Exercise]) -> list[Exercise]:
    """The exercises whose bank file is missing or was proven from other inputs."""
    out = []
    for ex in exercises:
        data = read_bank_file(bank_dir(course) / f"{ex.id}.json")
        if data is None or data.get("format") != BANK_FORMAT or \
                data.get("digest") != bank_digest(course, ex):
            out.append(ex)
    return out


@dataclass
class BankResult:
    written: list[Path] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    proven: int = 0  # exercises proven in this run


def build_bank(course: Course, exercises: list[Exercise], check: bool = False,
               server: ForkServerClient | None = None, progress=None) -> BankResult:
    """Prove the items of every exercise whose inputs changed; write their files."""
    from grader.quiz import numeric

    result = BankResult()
    started = time.perf_counter()
    folder = bank_dir(course)
    ids = {ex.id for ex in exercises}
    extra = [p for p in folder.glob("*.json")
             if p.stem not in ids and p.name != numeric.BANK_FILE]
    for path in extra:
        if check:
            result.stale.append(f"{path.relative_to(course.root)} belongs to no exercise")
        else:
            path.unlink()
            result.removed.append(path)
    todo = stale_exercises(course, exercises)
    numeric_stale = numeric.is_stale(course)
    if check:
        result.stale += [f"{(folder / f'{ex.id}.json').relative_to(course.root)} is older "
                         f"than solutions/{ex.id}.py, its suite or the proof code"
                         for ex in todo]
        if numeric_stale:
            result.stale.append(f"{(folder / numeric.BANK_FILE).relative_to(course.root)} "
                                "is older than the solutions it is verified against")
        return result
    folder.mkdir(parents=True, exist_ok=True)
    if todo:
        own = server is None
        server = server or ForkServerClient()
        try:
            for ex in todo:
                data, _ = prove_exercise(course, ex, server)
                path = folder / f"{ex.id}.json"
                path.write_text(dumps(data), encoding="utf-8")
                result.written.append(path)
                result.proven += 1
                if progress is not None:
                    progress(ex.id, data)
        finally:
            if own:
                server.close()
    if numeric_stale:
        result.written.append(numeric.write_bank(course))
    result.seconds = time.perf_counter() - started
    return result
