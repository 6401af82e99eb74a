"""`grader build`: solutions → stubs, manifest and recordings in `exercises/`.

For every exercise of the manifest it

1. renders the stub through `templates/stub.py.j2`: instructions on top, each blank a
   `_blank(N)` placeholder, and checks that the stub is valid Python and does not contain a
   blank's answer anywhere (a docstring or comment that gives it away is an error);
2. writes the public manifest `exercises/.edrill/course.json`;
3. runs the exercise's suite against its solution, recording every reference value the
   checks ask for, and against each recorded wrong answer, recording what that answer
   produces at each comparison (so a student whose result matches it is told the mistake).
   Recordings carry a digest of their inputs (solution, suite, format), so `--check` can tell
   a stale recording without re-running anything;
4. compiles the gettext catalogues `grader/locale/<lang>.po` to the `.mo` files shipped in
   the package;
5. proves the quiz bank `exercises/.edrill/quiz/` (grader.quiz.bank: every choice of every
   exam-style item graded by the exercise's checks; grader.quiz.numeric: the numeric
   questions' formulas verified against the solutions). Proofs carry a digest of their
   inputs too: an unchanged exercise is not proven again.

`build --check` changes nothing and exits non-zero when `exercises/` or a compiled catalogue
is out of date.
"""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from grader import __version__
from grader.checks import _matches
from grader.course import MANIFEST, RECORDED, Course
from grader.engine import course_target, run_suites
from grader.i18n import LOCALE_DIR
from grader.msgfmt import compile_catalogues
from grader.quiz.bank import build_bank
from grader.reference import RECORD_FORMAT, Recording
from grader.solution import Exercise, SolutionFormatError, render_blanks
from grader.worker.client import ForkServerClient


class BuildError(Exception):
    pass


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # with --check: what is out of date
    removed: list[Path] = field(default_factory=list)
    quiz_proven: int = 0  # exercises whose quiz items were proven in this run
    quiz_seconds: float = 0.0


def _comment(text: str) -> str:
    return "\n".join(("# " + line).rstrip() for line in text.strip("\n").splitlines())


def environment(course: Course) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(course.templates_dir), undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, autoescape=False,
    )
    env.filters["comment"] = _comment
    return env


def _insertion_line(body: str) -> int:
    """Index of the first line after the module docstring and the imports."""
    tree = ast.parse(body)
    line = 0
    for k, node in enumerate(tree.body):
        is_doc = k == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        if is_doc or isinstance(node, ast.Import | ast.ImportFrom):
            line = node.end_lineno or line
        else:
            break
    return line


def render_stub(ex: Exercise, env: jinja2.Environment) -> str:
    body = render_blanks(ex, lambda blank: None)
    lines = body.split("\n")
    at = _insertion_line(body)
    helper = env.get_template("blank_helper.py.j2").render(ex_id=ex.id).strip("\n")
    lines[at:at] = ["", "", *helper.split("\n")] if at else [*helper.split("\n"), "", ""]
    stub = env.get_template("stub.py.j2").render(ex=ex, body="\n".join(lines).rstrip())
    try:
        ast.parse(stub)
    except SyntaxError as err:
        raise SolutionFormatError(ex.path, None, f"the generated stub is not valid Python "
                                  f"(line {err.lineno}: {err.msg})",
                                  "check the blank markers and templates/stub.py.j2") from None
    for blank in ex.blanks:
        for piece in _answer_pieces(blank.answer):
            if piece in stub:
                row = next(i for i, ln in enumerate(stub.splitlines(), 1) if piece in ln)
                raise SolutionFormatError(
                    ex.path, None, f"the stub gives away blank {blank.number}: {piece!r} "
                    f"appears in it (stub line {row})",
                    "rewrite the docstring, comments or instructions so they state the formula "
                    "in math notation, not the blank's code")
    return stub


def _answer_pieces(answer: str) -> list[str]:
    """The lines of an answer long enough that finding one in a stub means a leak."""
    return [ln.strip() for ln in answer.splitlines() if len(ln.strip()) >= 8]


# What a recording depends on besides the exercise: how checks name their comparison sites
# and how the reference records. Editing these re-records every exercise.
RECORDING_CODE = [Path(__file__).with_name(name) for name in ("checks.py", "reference.py")]


def inputs_digest(course: Course, ex: Exercise) -> str:
    h = hashlib.sha256(f"edrill-record-{RECORD_FORMAT}".encode())
    for path in (ex.path, course.suite(ex.id), *RECORDING_CODE):
        h.update(path.read_bytes())
    return h.hexdigest()[:32]


def manifest(course: Course, exercises: list[Exercise]) -> str:
    info = course.manifest()
    data = {"course": {"id": info.get("id", ""), "version": info.get("version", ""),
                       "title": info.get("title", {})},
            "edrill": __version__,
            "exercises": [ex.meta() for ex in exercises]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def record(course: Course, ex: Exercise, server: ForkServerClient) -> Path:
    """Run the suite on the solution and on each wrong answer; save what was seen."""
    if not course.suite(ex.id).exists():
        raise BuildError(f"{ex.id} has no grading suite: write {course.suite(ex.id)} "
                         "(docs/authoring.md)")
    target = course_target(course, course.solutions_dir)
    recordings: dict[str, Recording] = {}
    right: dict[str, dict] = {}
    started = time.perf_counter()
    runs, _ = run_suites(target, [ex.id], server=server, record=recordings, record_got=right)
    seconds = time.perf_counter() - started  # how the engine balances its lanes
    failing = [c for c in runs[ex.id].checks if c.status != "passed"]
    if failing:
        raise BuildError(f"{ex.id}: the solution fails its own check {failing[0].name} "
                         f"({(failing[0].message or {}).get('en', '')}): fix the solution or "
                         "the suite before building")
    mistakes: dict[str, list] = {}
    with tempfile.TemporaryDirectory(prefix="edrill-build-") as tmp:
        for wrong in ex.wrong:
            path = Path(tmp) / f"{ex.id}.py"
            path.write_text(ex.with_answers({wrong.blank: wrong.answer}), encoding="utf-8")
            target.module_paths = {ex.id: path}
            seen: dict[str, dict] = {}
            run_suites(target, [ex.id], server=server, record_got=seen)
            for site, value in seen.get(ex.id, {}).items():
                if site in right.get(ex.id, {}) and _matches(value, right[ex.id][site]):
                    continue
                mistakes.setdefault(site, []).append([value, wrong.why])
    recording = recordings.get(ex.id, Recording())
    recording.inputs_digest = inputs_digest(course, ex)
    out = course.public_dir / RECORDED / f"{ex.id}.npz"
    recording.save(out, mistakes=mistakes, seconds=round(seconds, 3))
    return out


def build(course: Course, check: bool = False, record_refs: bool = True) -> BuildResult:
    exercises = course.exercises()
    env = environment(course)
    result = BuildResult()
    for mo in compile_catalogues(LOCALE_DIR, check=check):
        if check:
            result.stale.append(f"{mo} is older than its .po source")
        else:
            result.written.append(mo)
    wanted: dict[Path, str] = {course.exercises_dir / f"{ex.id}.py": render_stub(ex, env)
                               for ex in exercises}
    wanted[course.public_dir / MANIFEST] = manifest(course, exercises)
    for path, text in wanted.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            if check:
                result.stale.append(f"{path.relative_to(course.root)} differs from what "
                                    "`grader build` makes")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                result.written.append(path)
    ids = {ex.id for ex in exercises}
    extra = [p for p in course.exercises_dir.glob("*.py") if p.stem not in ids]
    extra += [p for p in (course.public_dir / RECORDED).glob("*.npz") if p.stem not in ids]
    for path in extra:
        if check:
            result.stale.append(f"{path.relative_to(course.root)} belongs to no exercise")
        else:
            path.unlink()
            result.removed.append(path)
    if not record_refs:
        return result
    todo = []
    for ex in exercises:
        path = course.public_dir / RECORDED / f"{ex.id}.npz"
        fresh = path.exists() and Recording.read_index(path).get(
            "inputs_digest") == inputs_digest(course, ex)
        if not fresh:
            if check:
                result.stale.append(f"{path.relative_to(course.root)} is older than "
                                    f"solutions/{ex.id}.py or its suite")
            else:
                todo.append(ex)
    server = ForkServerClient() if todo and not check else None
    try:
        for ex in todo:
            result.written.append(record(course, ex, server))
        bank = build_bank(course, exercises, check=check, server=server)
    finally:
        if server is not None:
            server.close()
    result.stale += bank.stale
    result.written += bank.written
    result.removed += bank.removed
    result.quiz_proven, result.quiz_seconds = bank.proven, bank.seconds
    return result


def copy_public(course: Course, dest: Path) -> None:
    """Copy the generated public data (manifest, recordings) to `dest` (a .edrill folder)."""
    shutil.copytree(course.public_dir, dest, dirs_exist_ok=True)
