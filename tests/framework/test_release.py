"""`grader release`: the student bundle holds no solution code, and its public checks pass on
a correct answer with only the edrill package installed (no course, no solutions/).

The leak scan here is written independently of grader.release's own: it reads the course's
solutions, hidden suites and assignment, and looks for them in every byte of the bundle.
"only edrill installed" is the edrill wheel the bundle carries, installed by pip into a folder
of its own and put first on the path; the course repository is not reachable from the bundle.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from grader.assignment import load_assignment
from grader.course import Course
from grader.release import leaks
from tests.framework.conftest import ROOT, run_cli

ASSIGNMENT = "day3-rnn"


def installed_package(release: Path, dest: Path) -> Path:
    """The wheel the bundle carries, installed by pip (offline, without dependencies: numpy,
    pytest and jinja2 come from this interpreter) into a folder of its own."""
    wheels = sorted((release / "wheels").glob("edrill-*-py3-none-any.whl"))
    assert len(wheels) == 1, wheels
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--no-index", "--target", str(dest), str(wheels[0])],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return dest


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EDRILL_")}
    env.update(PYTHONPATH=str(site), EDRILL_LANG="en")
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("release") / ASSIGNMENT
    proc = run_cli("grader", "release", ASSIGNMENT, str(out))
    assert proc.returncode == 0, proc.stderr
    assert "left out: test_memory_task" in proc.stdout  # lstm_cell's after_due_date check
    return out


def forbidden(course: Course) -> list[tuple[str | None, str, str]]:
    """(exercise or None for everywhere, what, text) that must not be in the bundle."""
    assignment = load_assignment(course, ASSIGNMENT)
    out = []
    for ex in course.exercises():
        if ex.id not in assignment.exercises:
            continue
        for blank in ex.blanks:
            for line in blank.answer.splitlines():
                if len(line.strip()) >= 8:
                    out.append((None, f"answer of {ex.id} blank {blank.number}", line.strip()))
        public = course.suite(ex.id).read_text(encoding="utf-8")
        for node in ast.parse(public).body:
            if (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
                    and not assignment.released(ex.id, node.name)):
                out.append((ex.id, f"left-out check {ex.id}.{node.name}", node.name))
        hidden = ROOT / "tests" / "hidden" / f"test_{ex.id}.py"
        if hidden.exists():
            tree = ast.parse(hidden.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                    out.append((ex.id, f"hidden check {ex.id}.{node.name}", node.name))
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and len(node.value) >= 12 and node.value not in public):
                    out.append((None, f"hidden-test string of {ex.id}", node.value))
    return out


def test_the_release_holds_no_solution_code_nor_hidden_check(release, course):
    assignment = load_assignment(course, ASSIGNMENT)
    files = sorted(p for p in release.rglob("*") if p.is_file())
    names = {str(p.relative_to(release)) for p in files}
    expected = {"README.md", ".edrill/workspace.json", ".edrill/course.json",
                ".edrill/assignment.json"}
    wheels = [n for n in names if n.startswith("wheels/")]
    assert len(wheels) == 1 and wheels[0].endswith("-py3-none-any.whl")
    expected |= set(wheels)
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert f"python3 -m pip install {wheels[0]}" in readme
    for ex in assignment.exercises:
        expected |= {f"{ex}.py", f".edrill/suites/test_{ex}.py", f".edrill/recorded/{ex}.npz",
                     f".edrill/stubs/{ex}.py"}
    assert names == expected  # no solutions/, no tests/hidden/, nothing of other exercises
    solutions = {p.read_bytes() for p in (ROOT / "solutions").glob("*.py")}
    hits = []
    for path in files:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace") if path.suffix != ".npz" \
            else data.decode("latin-1")  # np.savez stores the JSON index uncompressed
        if path.suffix == ".whl":  # the edrill package: the text of each of its modules
            with zipfile.ZipFile(path) as zf:
                members = [n for n in zf.namelist() if n.endswith((".py", ".txt", ".ini"))]
                assert not [n for n in members if n.startswith(("solutions/", "tests/"))]
                text = "\n".join(zf.read(n).decode("utf-8") for n in members)
        # the modules that parse and scan solution files name their markers
        marked = text if path.suffix != ".whl" else "\n".join(
            zipfile.ZipFile(path).read(n).decode("utf-8") for n in members
            if n not in ("grader/solution.py", "grader/release.py"))
        owner = path.stem.removeprefix("test_")
        assert data not in solutions, f"{path} is a solution module"
        for marker in ("# /// exercise", "BEGIN BLANK", "END BLANK", "# BLANK:",
                       "import solutions"):
            assert marker not in marked, f"{path} holds {marker!r}"
        for ex_id, what, needle in forbidden(course):
            if ex_id is not None and owner in assignment.exercises and owner != ex_id:
                continue  # another exercise may have a (visible) check of the same name
            if needle in text:
                hits.append(f"{path.relative_to(release)}: {what}: {needle[:50]!r}")
    assert not hits, "\n".join(hits)
    # and the recorded values are only those of shipped checks
    from grader.reference import Recording
    shipped = set()
    for ex in assignment.exercises:
        suite = (release / ".edrill" / "suites" / f"test_{ex}.py").read_text(encoding="utf-8")
        tests = {n.name for n in ast.parse(suite).body if isinstance(n, ast.FunctionDef)
                 and n.name.startswith("test_")}
        shipped |= tests
        index = Recording.read_index(release / ".edrill" / "recorded" / f"{ex}.npz")
        assert {s.split("::")[0] for s in index["digests"]} <= tests
        assert not any("control" in t for t in tests)
    assert "test_memory_task" not in (release / ".edrill" / "suites" /
                                      "test_lstm_cell.py").read_text(encoding="utf-8")
    assert leaks(course, assignment, [ex for ex in course.exercises()
                                      if ex.id in assignment.exercises], release) == []


def test_public_checks_pass_on_a_correct_answer_with_only_edrill_installed(release, tmp_path):
    site = installed_package(release, tmp_path / "site")
    where = run_installed(site, tmp_path, "-c", "import grader; print(grader.__file__)")
    assert where.stdout.strip() == str(site / "grader" / "__init__.py"), where.stderr
    work = tmp_path / "student"
    shutil.copytree(release, work)
    info = json.loads((work / ".edrill" / "assignment.json").read_text(encoding="utf-8"))

    stubs = run_installed(site, work, "-m", "grader.cli.grade")
    assert stubs.returncode == 1, stubs.stderr
    hidden_total = sum(v["count"] for v in info["unreleased"].values())
    hidden_points = sum(v["points"] for v in info["unreleased"].values())
    assert (f"instructors also run {hidden_total} hidden checks ({hidden_points} points)"
            in stubs.stdout)

    for ex in info["points"]:
        shutil.copy2(ROOT / "solutions" / f"{ex}.py", work / f"{ex}.py")
    proc = run_installed(site, work, "-m", "grader.cli.grade", "--json")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    report = json.loads(proc.stdout)
    assert report["passed"] == report["total"] == len(info["points"])
    for ex in report["exercises"]:
        assert ex["status"] == "passed" and ex["score"] == ex["max_score"] > 0
        assert ex["hidden_checks"] == {k: info["unreleased"][ex["id"]][k]
                                       for k in ("count", "points")}
        assert not any(c["name"].startswith("test_hidden") or c["name"] == "test_memory_task"
                       and ex["id"] == "lstm_cell" for c in ex["checks"])
    assert report["exercises"][0]["hidden_checks"]["count"] > 0


def test_release_refuses_bad_input_with_the_fix(tmp_path, course):
    proc = run_cli("grader", "release", "no-such-hw", str(tmp_path / "a"))
    assert proc.returncode == 2 and "no assignment 'no-such-hw'" in proc.stderr
    assert "day3-rnn" in proc.stderr and "Traceback" not in proc.stderr
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "mine.txt").write_text("keep me", encoding="utf-8")
    proc = run_cli("grader", "release", ASSIGNMENT, str(busy))
    assert proc.returncode == 2 and "--force" in proc.stderr
    proc = run_cli("grader", "release", ASSIGNMENT, str(busy), "--force")
    assert proc.returncode == 2 and "not an earlier release" in proc.stderr
    assert (busy / "mine.txt").read_text(encoding="utf-8") == "keep me"
    proc = run_cli("grader", "release", ASSIGNMENT, str(ROOT / "build" / "rel"))
    assert proc.returncode == 2 and "inside the course repository" in proc.stderr
    out = tmp_path / "rel"
    assert run_cli("grader", "release", ASSIGNMENT, str(out)).returncode == 0
    (out / "gradient_clipping.py").write_text("# old\n", encoding="utf-8")
    proc = run_cli("grader", "release", ASSIGNMENT, str(out), "--force")
    assert proc.returncode == 0, proc.stderr
    assert "# old" not in (out / "gradient_clipping.py").read_text(encoding="utf-8")
    assert not list(tmp_path.glob("*.edrill-partial")) and not list(tmp_path.glob("*-old"))


def test_the_leak_scan_finds_a_planted_solution_and_answer(release, tmp_path, course):
    assignment = load_assignment(course, ASSIGNMENT)
    exercises = [ex for ex in course.exercises() if ex.id in assignment.exercises]
    bad = tmp_path / "bad"
    shutil.copytree(release, bad)
    shutil.copy2(ROOT / "solutions" / "lstm_cell.py", bad / "notes.py")
    (bad / ".edrill" / "suites" / "test_gru_update.py").write_text(
        "def test_hidden_random_sizes(student, rng):\n    pass\n", encoding="utf-8")
    found = "\n".join(leaks(course, assignment, exercises, bad))
    assert "notes.py is a solution file" in found
    assert "answer of blank 1 of lstm_cell" in found
    assert "hidden check gru_update.test_hidden_random_sizes" in found


def test_given_code_that_shows_another_answer_needs_the_instructors_word(tmp_path, course):
    """backprop_two_layer's given code holds a finished softmax: in one assignment with the
    softmax exercise, that is the course's design, not a fault of the release — refused
    until the instructor says so, then listed."""
    spec = tmp_path / "day1-mix.toml"
    spec.write_text('id = "day1-mix"\ntitle = "Day 1"\ndue = 2026-12-15T23:59:00+09:00\n'
                    'exercises = ["softmax", "backprop_two_layer", "numerical_gradient"]\n',
                    encoding="utf-8")
    out = tmp_path / "out"
    refused = run_cli("grader", "release", str(spec), str(out), "--install", "pip install x")
    assert refused.returncode == 2 and not out.exists()
    assert "backprop_two_layer.py holds the answer of blank 1 of softmax" in refused.stderr
    assert "--allow-given-code" in refused.stderr and "Traceback" not in refused.stderr
    done = run_cli("grader", "release", str(spec), str(out), "--install", "pip install x",
                   "--allow-given-code")
    assert done.returncode == 0, done.stderr
    assert "note (--allow-given-code): backprop_two_layer.py holds the answer" in done.stdout
    # a hint that spells out the answer stays with the instructors
    assert "left out: they give the answer" in done.stdout
    manifest = (out / ".edrill" / "course.json").read_text(encoding="utf-8")
    numerical = next(ex for ex in course.exercises() if ex.id == "numerical_gradient")
    pieces = [line.strip() for b in numerical.blanks for line in b.answer.splitlines()
              if len(line.strip()) >= 8]
    assert pieces and not [p for p in pieces if p in manifest]
    recorded = (out / ".edrill" / "recorded" / "numerical_gradient.npz").read_bytes()
    assert not [p for p in pieces if p.encode() in recorded]


@pytest.mark.parametrize("day", [1, 2, 3, 4])
def test_every_day_of_the_course_can_be_released(tmp_path, course, day):
    """A whole day as one assignment, with the edrill wheel the README installs: nothing in
    the bundle, the wheel included, gives an answer away (the given code that shows another
    exercise's answer is the course's design: allowed, and listed)."""
    ids = [ex.id for ex in course.exercises() if ex.day == day]
    spec = tmp_path / f"day{day}.toml"
    spec.write_text(f'id = "day{day}"\ntitle = "Day {day}"\n'
                    'due = 2026-12-15T23:59:00+09:00\nexercises = ['
                    + ", ".join(f'"{i}"' for i in ids) + "]\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("grader", "release", str(spec), str(out), "--allow-given-code")
    assert proc.returncode == 0, proc.stderr
    assert len(list((out / "wheels").glob("*.whl"))) == 1
    assert {p.stem for p in out.glob("*.py")} == set(ids)
