"""`grader nbgrader` and `grader export --nbgrader`, and the real nbgrader round trip.

The first tests need no nbgrader: the source notebooks' structure (nbformat v4, nbgrader
metadata schema 3, solution markers, locked test cells, points), and that nothing of the
checks' code is under `source/`. The round trip runs the real nbgrader (`nbgrader
generate_assignment`, a correct and a wrong submission, `nbgrader autograde`, the scores
read back through `nbgrader.api.Gradebook`), grades the same submitted notebooks with
`grader batch` and requires the two to agree, then exports the batch's scores into a
gradebook nbgrader never autograded and reads them back through the same API.

nbgrader is found in this Python (CI: `pip install -e '.[dev,nbgrader]'`), else in the venv
named by EDRILL_NBGRADER_VENV. Without it the round trip skips locally and fails in CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from grader.assignment import load_assignment
from grader.notebooks.layout import Layout, student_notebook
from grader.solution import parse_solution
from tests.framework.conftest import ROOT, run_cli

ASSIGNMENT = "day3-rnn"
IN_CI = os.environ.get("CI") == "true"
NB_KEYS = {"schema_version", "grade", "solution", "locked", "grade_id", "points"}


def nbgrader_python() -> Path | None:
    """A Python in which nbgrader imports (this one, or EDRILL_NBGRADER_VENV's)."""
    candidates = [Path(sys.executable)]
    if os.environ.get("EDRILL_NBGRADER_VENV"):
        candidates.append(Path(os.environ["EDRILL_NBGRADER_VENV"]) / "bin" / "python")
    for python in candidates:
        if python.exists() and subprocess.run([str(python), "-c", "import nbgrader"],
                                              capture_output=True).returncode == 0:
            return python
    return None


@pytest.fixture(scope="module")
def nb_python() -> Path:
    python = nbgrader_python()
    if python is None:
        reason = ("nbgrader is not installed: pip install -e '.[nbgrader]' (or set "
                  "EDRILL_NBGRADER_VENV to a venv that has it)")
        if IN_CI:
            pytest.fail(f"CI must run the nbgrader round trip: {reason}")
        pytest.skip(reason)
    return python


def nb_env(python: Path) -> dict[str, str]:
    """nbgrader's venv first on PATH (it runs `alembic`), this checkout importable."""
    env = dict(os.environ, EDRILL_LANG="en", OPENBLAS_NUM_THREADS="1")
    env["PATH"] = str(python.parent) + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def nbgrader(python: Path, course: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(python), "-m", "nbgrader", *args], cwd=course,
                          env=nb_env(python), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"nbgrader {' '.join(args)}:\n{proc.stdout[-3000:]}\n" \
                                 f"{proc.stderr[-3000:]}"
    return proc


READ_SCORES = """
import json, sys
from nbgrader.api import Gradebook
out = {}
with Gradebook("sqlite:///" + sys.argv[1], sys.argv[2]) as gb:
    for student in sys.argv[4:]:
        sub = gb.find_submission(sys.argv[3], student)
        out[student] = {nb.name: [nb.score, nb.max_score] for nb in sub.notebooks}
        out[student]["_cells"] = {g.name: [g.score, g.max_score]
                                  for nb in sub.notebooks for g in nb.grades}
print(json.dumps(out))
"""


def gradebook_scores(python: Path, course: Path, students: list[str]) -> dict:
    proc = subprocess.run([str(python), "-c", READ_SCORES, str(course / "gradebook.db"),
                           "edrill", ASSIGNMENT, *students], env=nb_env(python),
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    course_dir = tmp_path_factory.mktemp("nbcourse") / "course"
    proc = run_cli("grader", "nbgrader", ASSIGNMENT, str(course_dir))
    assert proc.returncode == 0, proc.stderr
    assert "nbgrader generate_assignment day3-rnn" in proc.stdout
    return course_dir


def cells_of(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and nb["nbformat_minor"] == 5
    return nb["cells"]


def text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_source_notebooks_carry_nbgrader_schema_3_metadata(written, course):
    assignment = load_assignment(course, ASSIGNMENT)
    folder = written / "source" / ASSIGNMENT
    assert sorted(p.stem for p in folder.iterdir()) == sorted(assignment.exercises)
    for ex_id in assignment.exercises:
        cells = cells_of(folder / f"{ex_id}.ipynb")
        ids = [c["id"] for c in cells]
        assert len(set(ids)) == len(ids)
        total, solutions, tests = 0.0, 0, 0
        for cell in cells:
            meta = cell["metadata"]["nbgrader"]
            assert set(meta) <= NB_KEYS and meta["schema_version"] == 3
            assert {"schema_version", "grade", "solution", "locked"} <= set(meta)
            if meta["grade"] or meta["solution"] or meta["locked"]:
                assert meta["grade_id"] and re.fullmatch(r"[A-Za-z0-9_-]+", meta["grade_id"])
            assert ("points" in meta) == meta["grade"]
            if meta["solution"]:
                solutions += 1
                assert not meta["locked"] and not meta["grade"]
                assert "### BEGIN SOLUTION" in text(cell) and "### END SOLUTION" in text(cell)
            if meta["grade"]:
                tests += 1
                assert meta["locked"] and not meta["solution"]
                assert "from grader.notebooks.cell import check" in text(cell)
                total += meta["points"]
        assert solutions >= 1 and tests >= 3
        assert total == pytest.approx(assignment.points[ex_id])
    assert "course_id = 'edrill'" in (written / "nbgrader_config.py").read_text()


def test_checks_that_are_not_visible_are_named_only_inside_hidden_markers(written, course):
    lstm = cells_of(written / "source" / ASSIGNMENT / "lstm_cell.ipynb")
    memory = [c for c in lstm if "test_memory_task" in text(c)]  # after_due_date in the toml
    assert len(memory) == 1
    body = text(memory[0])
    inside = body.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    assert "test_memory_task" in inside and "hidden=True" in inside
    assert "test_memory_task" not in body.replace(inside, "")
    assert memory[0]["metadata"]["nbgrader"]["grade_id"] == "lstm_cell-hidden-1"


def test_no_check_code_and_no_hidden_suite_under_source(written, course):
    """Only notebooks under source/ (nbgrader releases every other file there), and no
    line of a suite's or a hidden suite's code in them: the cells only name checks."""
    files = [p for p in (written / "source").rglob("*") if p.is_file()]
    assert all(p.suffix == ".ipynb" for p in files), files
    text_all = "\n".join(p.read_text(encoding="utf-8") for p in files)
    for suite in [*course.suites_dir.glob("test_*.py"),
                  *(course.root / "tests" / "hidden").glob("test_*.py")]:
        if suite.stem.removeprefix("test_") not in load_assignment(course, ASSIGNMENT).exercises:
            continue
        code = [ln.strip() for ln in suite.read_text(encoding="utf-8").splitlines()
                if len(ln.strip()) > 30 and not ln.strip().startswith(("#", "from", "import"))]
        leaked = [ln for ln in code if json.dumps(ln)[1:-1] in text_all]
        assert not leaked, f"{suite.name} leaked into source/: {leaked[:3]}"
    assert "def test_" not in text_all and "@check" not in text_all


def test_an_existing_config_is_kept_and_bad_input_is_one_line(tmp_path, written):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n# mine\n")
    proc = run_cli("grader", "nbgrader", ASSIGNMENT, str(tmp_path), "--course-id", "x")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "nbgrader_config.py").read_text() == "c = get_config()\n# mine\n"
    bad = run_cli("grader", "nbgrader", "no-such", str(tmp_path / "c"))
    assert bad.returncode == 2 and "no assignment 'no-such'" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    (tmp_path / "file").write_text("")
    bad = run_cli("grader", "nbgrader", ASSIGNMENT, str(tmp_path / "file"))
    assert bad.returncode == 2 and "is not a folder" in bad.stderr
    no_db = run_cli("grader", "export", ASSIGNMENT, "--nbgrader", str(written),
                    "--db", str(tmp_path / "none.sqlite"))
    assert no_db.returncode == 2 and "Traceback" not in no_db.stderr, no_db.stderr


def submit(course_dir: Path, student: str, kind: str, exercises) -> None:
    """The released notebooks with the student's solution cells (the reference answer, or
    each exercise's first recorded wrong answer)."""
    folder = course_dir / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    for ex_id in exercises:
        layout = Layout.of(parse_solution(ROOT / "solutions" / f"{ex_id}.py"))
        release = json.loads((course_dir / "release" / ASSIGNMENT / f"{ex_id}.ipynb")
                             .read_text(encoding="utf-8"))
        nb = student_notebook(release, layout.solution_cells(kind))
        (folder / f"{ex_id}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (folder / "timestamp.txt").write_text("2026-12-14 12:00:00.000000 UTC\n")


def test_nbgrader_round_trip_agrees_with_grader_batch(written, course, nb_python, tmp_path):
    assignment = load_assignment(course, ASSIGNMENT)
    exercises = list(assignment.exercises)
    course_dir = tmp_path / "course"
    shutil.copytree(written, course_dir)
    nbgrader(nb_python, course_dir, "generate_assignment", ASSIGNMENT, "--force")

    release = course_dir / "release" / ASSIGNMENT
    released = "\n".join(p.read_text(encoding="utf-8") for p in release.iterdir())
    assert "### BEGIN SOLUTION" not in released and "raise NotImplementedError()" in released
    assert "HIDDEN TESTS" not in released and "hidden=True" not in released
    assert "test_memory_task" not in (release / "lstm_cell.ipynb").read_text(encoding="utf-8")

    students = {"alice": "correct", "bob": "wrong"}
    for student, kind in students.items():
        submit(course_dir, student, kind, exercises)
        nbgrader(nb_python, course_dir, "db", "student", "add", student)
    exported = tmp_path / "exported"  # a gradebook nbgrader never autogrades
    shutil.copytree(course_dir, exported)

    nbgrader(nb_python, course_dir, "autograde", ASSIGNMENT)
    by_nbgrader = gradebook_scores(nb_python, course_dir, list(students))

    db = tmp_path / "grades.sqlite"
    proc = run_cli("grader", "batch", str(course_dir / "submitted"), "--db", str(db),
                   "--sandbox", "none", "--quiet", "--assignment", ASSIGNMENT)
    assert proc.returncode == 0, proc.stderr
    with sqlite3.connect(db) as con:
        rows = {(s, e): (score, top) for s, e, score, top in con.execute(
            "SELECT student, exercise, score, max_score FROM results")}
    assert set(rows) == {(s, e) for s in students for e in exercises}

    for student in students:  # shown with -s: the figures the test compares
        print(student, {ex: (by_nbgrader[student][ex][0], rows[(student, ex)])
                        for ex in exercises})
    for student in students:
        for ex_id in exercises:
            score, top = rows[(student, ex_id)]
            want = score / top * assignment.points[ex_id]
            got, cap = by_nbgrader[student][ex_id]
            assert cap == pytest.approx(assignment.points[ex_id])
            assert got == pytest.approx(want), (student, ex_id, got, want)
    full = assignment.max_points
    assert sum(v[0] for k, v in by_nbgrader["alice"].items() if k != "_cells") == \
        pytest.approx(full)
    bob = {k: v[0] for k, v in by_nbgrader["bob"].items() if k != "_cells"}
    assert all(bob[ex] < assignment.points[ex] for ex in exercises), bob
    assert by_nbgrader["alice"]["_cells"]["lstm_cell-hidden-1"][0] > 0  # the hidden cell ran

    # the batch's scores into the gradebook nbgrader did not autograde, read back the same
    export = subprocess.run([str(nb_python), "-m", "grader.cli.instructor", "export",
                             ASSIGNMENT, "--nbgrader", str(exported), "--db", str(db)], cwd=ROOT,
                            env=nb_env(nb_python), capture_output=True, text=True, timeout=300)
    assert export.returncode == 0, export.stderr
    assert f"alice: {full:g}/{full}" in export.stdout
    by_export = gradebook_scores(nb_python, exported, list(students))
    for student in students:
        for ex_id in exercises:
            assert by_export[student][ex_id] == pytest.approx(by_nbgrader[student][ex_id])
        cells = by_nbgrader[student]["_cells"]
        assert set(by_export[student]["_cells"]) == set(cells)
        for name, (score, top) in by_export[student]["_cells"].items():
            assert (score, top) == pytest.approx(tuple(cells[name])), (student, name)

    # an instructor's override reaches the gradebook as manual scores; alice is untouched
    proc = run_cli("grader", "override", ASSIGNMENT, "bob", "gradient_clipping", "9",
                   "--reason", "appeal: the clipping was right for the exam's convention",
                   "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    again = subprocess.run([str(nb_python), "-m", "grader.cli.instructor", "export",
                            ASSIGNMENT, "--nbgrader", str(exported), "--db", str(db)], cwd=ROOT,
                           env=nb_env(nb_python), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    after = gradebook_scores(nb_python, exported, list(students))
    assert after["bob"]["gradient_clipping"][0] == pytest.approx(9.0)
    for ex_id in exercises:
        assert after["alice"][ex_id] == pytest.approx(by_export["alice"][ex_id])
        if ex_id != "gradient_clipping":
            assert after["bob"][ex_id] == pytest.approx(by_export["bob"][ex_id])
