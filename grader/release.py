"""`grader release ASSIGNMENT OUT`: the student bundle of an assignment.

The bundle is a workspace (`grade` works in it) holding only what the public checks need,
and nothing of `solutions/` or `tests/hidden/`::

    OUT/README.md                    the two commands (install edrill, `grade`), bilingual
    OUT/wheels/edrill-<v>-py3-none-any.whl   the edrill package the README installs (unless
                                     `--install` names another source); no course inside
    OUT/<id>.py                      the stubs of the assignment's exercises
    OUT/.edrill/workspace.json       the workspace marker, naming the assignment
    OUT/.edrill/stubs/<id>.py        the stubs as given (`grade reset ID`, `grade update`)
    OUT/.edrill/course.json          the public manifest of these exercises only
    OUT/.edrill/assignment.json      id, title, due date, points, late policy, and per exercise
                                     how many checks run only at grading (and their points)
    OUT/.edrill/suites/test_<id>.py  the public suite, without the checks the assignment does
                                     not make `visible` and without control runs
    OUT/.edrill/recorded/<id>.npz    the reference values recorded by `grader build`, only for
                                     the checks shipped

Before the bundle appears, `leaks` scans every file of it: no blank's answer text, no
solution header or blank marker, no name of a check left out, no string of a hidden suite
(inside the wheel too: the text of every member).
A finding stops the release (nothing is written at OUT). The bundle is written beside OUT
and renamed into place, so OUT is whole or absent.
"""

from __future__ import annotations

import ast
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from grader import __version__
from grader.assignment import Assignment
from grader.build import _answer_pieces, environment, inputs_digest, render_stub
from grader.course import (
    MANIFEST,
    MARKER_DIR,
    RECORDED,
    SUITES,
    WORKSPACE_FORMAT,
    WORKSPACE_MARKER,
    Course,
)
from grader.hidden import has_hidden_suite, hidden_suite, suite_checks, unreleased_checks
from grader.reference import Recording
from grader.solution import Exercise
from grader.workspace import STUBS

ASSIGNMENT_FILE = "assignment.json"
README = "README.md"
WHEELS = "wheels"  # the edrill wheel the bundle carries (grader.wheel), unless --install
# what only solution files carry: their metadata header and the blank markers
SOLUTION_MARKERS = ("# /// exercise", "# BEGIN BLANK", "# END BLANK", "# BLANK:")


class ReleaseError(Exception):
    """The release cannot be made; the message names the problem and the fix."""


@dataclass
class Release:
    path: Path
    exercises: list[str]
    shipped: dict[str, list[str]] = field(default_factory=dict)  # ex -> checks in the bundle
    left_out: dict[str, list[str]] = field(default_factory=dict)  # ex -> public checks not
    hints_left_out: dict[str, list[int]] = field(default_factory=dict)  # ex -> hint numbers
    given: list[str] = field(default_factory=list)  # answers another exercise's code shows


# ---------------------------------------------------------------------- the suite
def released_suite(source: str, drop: set[str]) -> str:
    """The suite's source without the top-level test functions named in `drop` (with their
    decorators)."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    cut: list[tuple[int, int]] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in drop:
            start = min([d.lineno for d in node.decorator_list] + [node.lineno])
            cut.append((start, node.end_lineno or node.lineno))
    keep = [line for k, line in enumerate(lines, 1)
            if not any(a <= k <= b for a, b in cut)]
    out = "".join(keep)
    while "\n\n\n\n" in out:
        out = out.replace("\n\n\n\n", "\n\n\n")
    ast.parse(out)  # still Python
    return out.rstrip("\n") + "\n"


def released_recording(path: Path, shipped: list[str], dest: Path,
                       answers: list[str] = ()) -> None:
    """Copy a recording keeping only the sites of the checks shipped. The explanations of
    recorded mistakes (one that ends by quoting the line the blank needs, say) keep their
    advice but not the answer's own text: each of `answers` becomes "…"."""
    recording, mistakes = Recording.load(path)
    index = Recording.read_index(path)

    def ours(site: str) -> bool:
        return site.split("::", 1)[0] in shipped

    kept = Recording({s: v for s, v in recording.entries.items() if ours(s)},
                     recording.inputs_digest)
    def redacted(why):
        if not isinstance(why, dict):
            return why
        out = {}
        for lang, text in why.items():
            for piece in sorted(answers, key=len, reverse=True):
                text = text.replace(piece, "…")
            out[lang] = text
        return out

    kept_mistakes = {s: [[m.value, redacted(m.why)] for m in found]
                     for s, found in mistakes.items() if ours(s)}
    kept.save(dest, mistakes=kept_mistakes, seconds=index.get("seconds"))


# ---------------------------------------------------------------------- the bundle
def check_built(course: Course, exercises: list[Exercise]) -> None:
    env = environment(course)
    stale = []
    for ex in exercises:
        stub = course.exercises_dir / f"{ex.id}.py"
        rec = course.public_dir / RECORDED / f"{ex.id}.npz"
        if not stub.is_file() or stub.read_text(encoding="utf-8") != render_stub(ex, env):
            stale.append(f"exercises/{ex.id}.py")
        if not rec.is_file() or Recording.read_index(rec).get(
                "inputs_digest") != inputs_digest(course, ex):
            stale.append(f"exercises/.edrill/recorded/{ex.id}.npz")
    if stale:
        raise ReleaseError(f"{', '.join(stale)} {'is' if len(stale) == 1 else 'are'} out of "
                           "date: run `grader build` first, then release again")


def late_text(assignment: Assignment) -> dict | None:
    late = assignment.late
    if not late.penalty_per_day and not late.cutoff_days:
        return None
    pct = round(late.penalty_per_day * 100)
    cutoff = late.cutoff_days
    return {"en": f"late work loses {pct} % per started day"
                  + (f", not accepted after {cutoff:g} days" if cutoff is not None else ""),
            "ja": f"提出遅れは 1 日（開始した日）ごとに {pct} % 減点"
                  + (f"、{cutoff:g} 日を過ぎると受け付けません" if cutoff is not None else "")}


def make_release(course: Course, assignment: Assignment, out: Path, *,
                 install: str | None = None, force: bool = False,
                 allow_given: bool = False) -> Release:
    """Write the bundle to `out`. Without `install` (the README's install command) the
    bundle carries an edrill wheel built from this package, and the README installs it."""
    out = out.expanduser().absolute()
    if out.exists() and not out.is_dir():
        raise ReleaseError(f"{out} exists and is not a folder: name a new folder")
    previous = out / MARKER_DIR / ASSIGNMENT_FILE
    if out.exists() and any(out.iterdir()):
        if not force:
            raise ReleaseError(f"{out} exists and is not empty: name a new folder, or pass "
                               "--force to replace an earlier release there")
        if not previous.is_file():
            raise ReleaseError(f"{out} is not an earlier release (no {MARKER_DIR}/"
                               f"{ASSIGNMENT_FILE}): --force replaces only a release; name "
                               "a new folder")
    if out.is_relative_to(course.root.resolve()):
        raise ReleaseError(f"{out} is inside the course repository: write the release "
                           "outside it (students must not get the course's other files)")
    by_id = {ex.id: ex for ex in course.exercises()}
    exercises = [by_id[x] for x in assignment.exercises]
    check_built(course, exercises)
    manifest = json.loads((course.public_dir / MANIFEST).read_text(encoding="utf-8"))

    staging = out.with_name(out.name + ".edrill-partial")
    if staging.exists():
        shutil.rmtree(staging)
    meta_dir = staging / MARKER_DIR
    (meta_dir / SUITES).mkdir(parents=True)
    (meta_dir / RECORDED).mkdir()
    result = Release(out, list(assignment.exercises))
    try:
        rows, metas = [], []
        for ex in exercises:
            tests = suite_checks(course.suite(ex.id))
            shipped = [t.name for t in tests
                       if t.kind == "check" and assignment.released(ex.id, t.name)]
            drop = {t.name for t in tests} - set(shipped)
            result.shipped[ex.id] = shipped
            result.left_out[ex.id] = sorted(t.name for t in tests
                                            if t.kind == "check" and t.name in drop)
            shutil.copy2(course.exercises_dir / f"{ex.id}.py", staging / f"{ex.id}.py")
            (meta_dir / STUBS).mkdir(exist_ok=True)  # as given: `grade reset`, `grade update`
            shutil.copy2(course.exercises_dir / f"{ex.id}.py", meta_dir / STUBS / f"{ex.id}.py")
            source = course.suite(ex.id).read_text(encoding="utf-8")
            (meta_dir / SUITES / f"test_{ex.id}.py").write_text(
                released_suite(source, drop), encoding="utf-8")
            released_recording(course.public_dir / RECORDED / f"{ex.id}.npz", shipped,
                               meta_dir / RECORDED / f"{ex.id}.npz",
                               answers=[piece for blank in ex.blanks
                                        for piece in _answer_pieces(blank.answer)])
            public_points = sum(t.points for t in tests if t.name in shipped)
            unreleased = unreleased_checks(course, assignment, ex.id)
            meta = dict(ex.meta(), points=public_points,
                        requires=[r for r in ex.requires if r in assignment.exercises])
            giving = hints_giving_the_answer(ex)  # a graded release keeps the answer back
            if giving:
                meta["hints"] = [h for k, h in enumerate(meta["hints"], 1) if k not in giving]
                result.hints_left_out[ex.id] = giving
            metas.append(meta)
            rows.append({"id": ex.id, "title": ex.title,
                         "assignment_points": assignment.points[ex.id],
                         "public_count": len(shipped), "public_points": public_points,
                         "unreleased": unreleased})
        (meta_dir / MANIFEST).write_text(json.dumps(
            dict(manifest, exercises=metas), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        info = {
            "id": assignment.id, "title": assignment.title,
            "due": assignment.due.isoformat(), "points": dict(assignment.points),
            "late": {"penalty_per_day": assignment.late.penalty_per_day,
                     "cutoff_days": assignment.late.cutoff_days,
                     "grace_minutes": assignment.late.grace_minutes},
            "unreleased": {r["id"]: {"count": r["unreleased"].count,
                                     "points": r["unreleased"].points,
                                     "after_due_date": r["unreleased"].after_due_date}
                           for r in rows},
            "released": datetime.now(UTC).isoformat(timespec="seconds"),
            "edrill": __version__,
        }
        (meta_dir / ASSIGNMENT_FILE).write_text(
            json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        marker = {"format": WORKSPACE_FORMAT, "course": manifest["course"],
                  "edrill": __version__, "assignment": assignment.id,
                  "created": info["released"]}
        (meta_dir / WORKSPACE_MARKER).write_text(
            json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
        if install is None:
            from grader.wheel import build_wheel

            (staging / WHEELS).mkdir()
            wheel = build_wheel(staging / WHEELS)
            install = f"python3 -m pip install {WHEELS}/{wheel.name}"
        readme = environment(course).get_template("release_README.md.j2").render(
            title=assignment.title, course_title=manifest["course"].get("title") or
            {"en": "", "ja": ""}, due=assignment.due.isoformat(), late=late_text(assignment),
            install=install, exercises=rows)
        (staging / README).write_text(readme, encoding="utf-8")
        found, given = scan(course, assignment, exercises, staging)
        if found:
            raise ReleaseError("the release would give away what students must not get, so "
                               "nothing was written:\n  " + "\n  ".join(found[:20]))
        if given and not allow_given:
            raise ReleaseError(
                "some exercises of the assignment show the answer of another one in their "
                "own given code, so nothing was written:\n  " + "\n  ".join(given[:20])
                + "\nfix: put the exercise whose answer is shown in an earlier assignment "
                "(its due date first), or pass --allow-given-code to release it as it is")
        result.given = given
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        old = out.with_name(out.name + ".edrill-old")
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(out)
    return result


# ---------------------------------------------------------------------- the leak scan
def secret_strings(course: Course, assignment: Assignment, exercises: list[Exercise],
                   shipped_text: str) -> list[tuple[str | None, str, str, str | None]]:
    """(scope, what, text, answer of) tuples that must not appear in a release of
    `assignment`. With a scope exercise, not in that exercise's files nor in the shared ones
    (a check name is only a leak there: another exercise may ship a check of the same
    name); with None, nowhere. `answer of` names the exercise whose blank the text answers
    (None for anything else)."""
    out: list[tuple[str | None, str, str, str | None]] = []
    for ex in exercises:
        for blank in ex.blanks:
            for piece in _answer_pieces(blank.answer):
                out.append((None, f"the answer of blank {blank.number} of {ex.id}", piece,
                            ex.id))
        for test in suite_checks(course.suite(ex.id)):
            if test.kind == "check" and not assignment.released(ex.id, test.name):
                out.append((ex.id, f"the left-out check {ex.id}.{test.name}", test.name,
                            None))
        if has_hidden_suite(course, ex.id):
            path = hidden_suite(course, ex.id)
            for test in suite_checks(path):
                out.append((ex.id, f"the hidden check {ex.id}.{test.name}", test.name, None))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and len(node.value.strip()) >= 12
                        and node.value.strip() not in shipped_text):
                    out.append((None, f"a string of tests/hidden/test_{ex.id}.py",
                                node.value.strip(), None))
    return out


def hints_giving_the_answer(ex: Exercise) -> list[int]:
    """The hints (numbered from 1) whose text holds an answer of the exercise's blanks."""
    pieces = [piece for blank in ex.blanks for piece in _answer_pieces(blank.answer)]
    return [k for k, hint in enumerate(ex.hints, 1)
            if any(piece in text for piece in pieces for text in hint.values())]


def leaks(course: Course, assignment: Assignment, exercises: list[Exercise],
          folder: Path) -> list[str]:
    """What in `folder` a student release must not hold (empty: nothing)."""
    return scan(course, assignment, exercises, folder)[0]


def scan(course: Course, assignment: Assignment, exercises: list[Exercise],
         folder: Path) -> tuple[list[str], list[str]]:
    """(leaks, given): what `folder` must not hold, and the answers of one exercise that
    another exercise's own files show (its given code builds on the first one's answer,
    say: the LSTM stub calls a finished sigmoid). The second kind is the course's design,
    not a fault of the release; the instructor decides (`--allow-given-code`)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    texts: dict[Path, str] = {}
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".whl":  # the edrill package: every member's text
            with zipfile.ZipFile(path) as zf:
                texts[path] = "\n".join(zf.read(n).decode("utf-8", errors="replace")
                                        for n in zf.namelist() if not n.endswith(".npz"))
        elif path.suffix == ".npz":  # the index (sites, digests, values as JSON) and arrays
            texts[path] = data.decode("latin-1") + json.dumps(Recording.read_index(path),
                                                              ensure_ascii=False)
        else:
            texts[path] = data.decode("utf-8", errors="replace")
    found = []
    solutions = {p.read_bytes() for p in course.solutions_dir.glob("*.py")}
    for path in files:
        rel = path.relative_to(folder)
        if path.read_bytes() in solutions:
            found.append(f"{rel} is a solution file")
        for marker in SOLUTION_MARKERS:
            if marker in texts[path] and path.suffix != ".whl":  # grader.solution names them
                found.append(f"{rel} holds {marker!r}, which only solution files carry")
    # a string that a shipped public file itself contains is not a leak of hidden code
    shipped_public = "\n".join(course.suite(ex.id).read_text(encoding="utf-8")
                               for ex in exercises)
    ids = {ex.id for ex in exercises}

    def owner(path: Path) -> str | None:
        stem = path.stem.removeprefix("test_")
        return stem if stem in ids else None

    given = []
    # the edrill package is framework code: a line of an answer can be ordinary code there
    # (`for t in reversed(range(T)):` in a BPTT loop); only a whole answer is a leak in it
    whole = {blank.answer.strip() for ex in exercises for blank in ex.blanks}
    for ex_id, what, text, answer_of in secret_strings(course, assignment, exercises,
                                                       shipped_public):
        for path in files:
            if ex_id is not None and owner(path) not in (None, ex_id):
                continue
            if path.suffix == ".whl" and answer_of is not None and text not in whole:
                continue
            if text in texts[path]:
                finding = f"{path.relative_to(folder)} holds {what}: {text[:60]!r}"
                if answer_of is not None and owner(path) not in (None, answer_of):
                    given.append(finding)
                else:
                    found.append(finding)
    return found, given
