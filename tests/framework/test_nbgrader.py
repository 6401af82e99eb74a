"""`grader nbgrader` and `grader export --nbgrader`, and the real nbgrader round trip.

The first tests need no nbgrader: the source notebooks' structure (nbformat v4, nbgrader
metadata schema 3, solution markers, locked test cells, points), and that nothing of the
checks' code is under `source/`. The round trip runs the real nbgrader (`nbgrader
generate_assignment`, a correct and a wrong submission, `nbgrader autograde`, the scores
read back through `nbgrader.api.Gradebook`), grades the same submitted notebooks with
`grader batch` and requires the two to agree cell by cell, hidden checks included, then
exports the batch's scores into a gradebook nbgrader never autograded and reads them back
through the same API.

The hidden checks run in nbgrader's kernel with the seed `grader batch` derives for the
student (grader.notebooks.cell). The round trip proves it with a third student, carol: her
gradient_clipping is right except on one gradient shape that her own seed draws in the
hidden checks and the seeds of alice, bob and the preview seed 0 do not; both graders must
fail exactly the hidden checks that draw it for her.

nbgrader is found in this Python (CI: `pip install -e '.[dev,nbgrader]'`), else in the venv
named by EDRILL_NBGRADER_VENV. Without it the round trip skips locally and fails in CI.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from grader.assignment import load_assignment
from grader.hidden import check_entropy, derive_seed, hidden_suite, suite_checks
from grader.notebooks import cell as nbcell
from grader.notebooks.layout import Layout, source_notebook, student_notebook
from grader.notebooks.source import named_checks
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


def test_hidden_suites_are_test_cells_named_only_inside_hidden_markers(written, course):
    """Every check of an exercise's hidden suite has its test cell, named only between the
    hidden-test markers, with a grade id that does not name it; the points of every cell
    are the check's share of all its checks, hidden ones included."""
    assignment = load_assignment(course, ASSIGNMENT)
    for ex_id in assignment.exercises:
        suite = hidden_suite(course, ex_id)
        assert suite.is_file(), f"day3-rnn's {ex_id} has a hidden suite (H3)"
        hidden = [c for c in suite_checks(suite) if c.kind == "check"]
        public = [c for c in suite_checks(course.suite(ex_id)) if c.kind == "check"]
        top = sum(c.points for c in hidden + public)
        cells = cells_of(written / "source" / ASSIGNMENT / f"{ex_id}.ipynb")
        for check in hidden:
            named = [c for c in cells if check.name in text(c)]
            assert len(named) == 1, (ex_id, check.name)
            body = text(named[0])
            inside = body.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
            assert f'check("{ex_id}", "{check.name}", hidden=True)' in inside
            assert check.name not in body.replace(inside, "")
            meta = named[0]["metadata"]["nbgrader"]
            assert re.fullmatch(rf"{ex_id}-hidden-\d+", meta["grade_id"]), meta["grade_id"]
            assert meta["points"] == pytest.approx(
                check.points / top * assignment.points[ex_id], rel=1e-12)


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


def test_the_kernel_seeds_hidden_checks_as_grader_batch_does(tmp_path, monkeypatch, course):
    """nbgrader autograde runs the kernel in autograded/<student>/<assignment>/ with
    NBGRADER_EXECUTION=autograde: the seed is batch's HMAC(secret, student, exercise); in
    another layout, or without the secret, it is an error naming the fix, never a seed."""
    here = tmp_path / "autograded" / "alice" / ASSIGNMENT
    here.mkdir(parents=True)
    monkeypatch.setenv("EDRILL_COURSE_SECRET", "s3cret")
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert nbcell.kernel_seed(course, "lstm_cell", here) == nbcell.PREVIEW_SEED  # not autograde
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert nbcell.kernel_student(here) == "alice"
    assert nbcell.kernel_seed(course, "lstm_cell", here) == \
        derive_seed(b"s3cret", "alice", "lstm_cell")
    with pytest.raises(nbcell.SeedError, match="autograded/<student>/<assignment>"):
        nbcell.kernel_seed(course, "lstm_cell", tmp_path / "elsewhere" / "alice" / ASSIGNMENT)
    monkeypatch.delenv("EDRILL_COURSE_SECRET")
    monkeypatch.setattr("grader.hidden.SECRET_FILE", ".no-such-edrill-secret")
    with pytest.raises(nbcell.SeedError, match="need the course secret in the autograding "
                                             "kernel.*EDRILL_COURSE_SECRET"):
        nbcell.kernel_seed(course, "lstm_cell", here)


def test_without_the_secret_a_hidden_cell_fails_and_says_why(tmp_path, monkeypatch, course):
    """In autograde without the course secret the public cells are graded, the hidden
    suite's cells fail with the instructor's fix (the kernel's test cells, run here)."""
    here = tmp_path / "autograded" / "alice" / ASSIGNMENT
    here.mkdir(parents=True)
    layout = Layout.of(parse_solution(ROOT / "solutions" / "gradient_clipping.py"))
    nb = student_notebook(source_notebook(layout, []), layout.solution_cells("correct"))
    (here / "gradient_clipping.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.chdir(here)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    monkeypatch.delenv("EDRILL_COURSE_SECRET", raising=False)
    monkeypatch.setattr("grader.hidden.SECRET_FILE", ".no-such-edrill-secret")
    monkeypatch.setattr(nbcell, "_graded", {})
    nbcell.check("gradient_clipping", "test_known_values")  # a public check passes
    with pytest.raises(AssertionError, match="need the course secret in the autograding"):
        nbcell.check("gradient_clipping", "test_hidden_random_clipped", hidden=True)


SECRET_TRIES = 200
PUBLIC_SHAPES = {(6,), (3, 4), (2, 3, 2), (2,)}  # gradient_clipping's public suite


def _module_at(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hidden_draws(course, seed: int) -> dict[str, set[tuple]]:
    """check -> the gradient shapes gradient_clipping's hidden checks draw with `seed`: the
    hidden suite's own code run with the rng the plugin makes and a student that records
    its inputs and answers as the reference does."""
    suite = _module_at(hidden_suite(course, "gradient_clipping"), "h9_hidden_clipping")
    reference = _module_at(ROOT / "solutions" / "gradient_clipping.py", "h9_ref_clipping")
    out: dict[str, set[tuple]] = {}
    for check in suite_checks(hidden_suite(course, "gradient_clipping")):
        shapes = out.setdefault(check.name, set())

        class Recorder:
            @staticmethod
            def gradient_clipping(grad, threshold, shapes=shapes):
                shapes.add(tuple(grad.shape))
                return reference.gradient_clipping(grad, threshold)

        func = getattr(suite, check.name)
        args = {"student": Recorder, "reference": reference,
                "rng": np.random.default_rng([seed, check_entropy(check.name)])}
        func(**{k: v for k, v in args.items() if k in inspect.signature(func).parameters})
    return out


def seed_trap(course, students: list[str]) -> tuple[str, tuple, dict[str, set[tuple]]]:
    """(a secret, a gradient shape, carol's draws per hidden check) where carol's seed draws
    the shape and the seeds of `students` and the preview seed do not."""
    for k in range(SECRET_TRIES):
        secret = f"h9-round-trip-{k}"
        mine = hidden_draws(course, derive_seed(secret.encode(), "carol", "gradient_clipping"))
        others = set()
        for seed in [nbcell.PREVIEW_SEED, *(derive_seed(secret.encode(), s, "gradient_clipping")
                                          for s in students)]:
            others |= set().union(*hidden_draws(course, seed).values())
        for shape in sorted(set().union(*mine.values())):
            if len(shape) == 3 and shape not in others | PUBLIC_SHAPES:
                return secret, shape, mine
    raise AssertionError(f"no seed trap in {SECRET_TRIES} secrets")


def carol_cells(layout: Layout, trap: tuple) -> list[str]:
    """The reference answer, wrapped to halve the result on one gradient shape."""
    cells = layout.solution_cells("correct")
    cells[-1] += ("\n_right = gradient_clipping\n\n\n"
                  "def gradient_clipping(grad, threshold):\n"
                  "    out = _right(grad, threshold)\n"
                  f"    return out * 0.5 if grad.shape == {trap!r} else out\n")
    return cells


def submit(course_dir: Path, student: str, kind: str, exercises, trap=None) -> None:
    """The released notebooks with the student's solution cells (the reference answer,
    each exercise's first recorded wrong answer, or carol's seed trap)."""
    folder = course_dir / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    for ex_id in exercises:
        layout = Layout.of(parse_solution(ROOT / "solutions" / f"{ex_id}.py"))
        release = json.loads((course_dir / "release" / ASSIGNMENT / f"{ex_id}.ipynb")
                             .read_text(encoding="utf-8"))
        if kind == "trap":
            cells = carol_cells(layout, trap) if ex_id == "gradient_clipping" \
                else layout.solution_cells("correct")
        else:
            cells = layout.solution_cells(kind)
        nb = student_notebook(release, cells)
        (folder / f"{ex_id}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (folder / "timestamp.txt").write_text("2026-12-14 12:00:00.000000 UTC\n")


def test_nbgrader_round_trip_agrees_with_grader_batch(written, course, nb_python, tmp_path,
                                                      monkeypatch):
    assignment = load_assignment(course, ASSIGNMENT)
    exercises = list(assignment.exercises)
    secret, trap, carol_draws = seed_trap(course, ["alice", "bob"])
    # the course secret of both graders (the autograding kernel inherits nbgrader's
    # environment; `grader batch` reads it too): none is written into the checkout
    monkeypatch.setenv("EDRILL_COURSE_SECRET", secret)
    course_dir = tmp_path / "course"
    shutil.copytree(written, course_dir)
    nbgrader(nb_python, course_dir, "generate_assignment", ASSIGNMENT, "--force")

    release = course_dir / "release" / ASSIGNMENT
    released = "\n".join(p.read_text(encoding="utf-8") for p in release.iterdir())
    assert "### BEGIN SOLUTION" not in released and "raise NotImplementedError()" in released
    assert "HIDDEN TESTS" not in released and "hidden=True" not in released
    assert "test_memory_task" not in (release / "lstm_cell.ipynb").read_text(encoding="utf-8")
    for ex_id in exercises:  # no hidden block: not one hidden suite's check is named
        for check in suite_checks(hidden_suite(course, ex_id)):
            assert check.name not in released, (ex_id, check.name)
    source_cells = {ex_id: named_checks(json.loads(
        (course_dir / "source" / ASSIGNMENT / f"{ex_id}.ipynb").read_text(encoding="utf-8")))
        for ex_id in exercises}
    release_ids = {c["metadata"]["nbgrader"].get("grade_id") for ex_id in exercises
                   for c in cells_of(release / f"{ex_id}.ipynb")}
    for ex_id, named in source_cells.items():  # the hidden cells stay, emptied of their names
        for grade_id in named:
            assert grade_id in release_ids, (ex_id, grade_id)

    students = {"alice": "correct", "bob": "wrong", "carol": "trap"}
    for student, kind in students.items():
        submit(course_dir, student, kind, exercises, trap=trap)
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
        seeds = {(s, e): seed for s, e, seed in con.execute(
            "SELECT student, exercise, seed FROM results")}
        checks = {(s, e, n): (pts, top, status, hidden) for s, e, n, pts, top, status, hidden
                  in con.execute("SELECT student, exercise, name, points, max_points, status, "
                                 "hidden FROM checks")}
    assert set(rows) == {(s, e) for s in students for e in exercises}
    for (student, ex_id), seed in seeds.items():  # batch's seeds: the kernel's derivation
        assert seed == derive_seed(secret.encode(), student, ex_id), (student, ex_id)
    for ex_id in exercises:  # the hidden checks count in batch's max_score
        hidden_top = sum(top for (s, e, _), (_, top, _, h) in checks.items()
                         if s == "alice" and e == ex_id and h)
        assert hidden_top > 0 and rows[("alice", ex_id)][1] == sum(
            top for (s, e, _), (_, top, _, _) in checks.items() if s == "alice" and e == ex_id)

    # carol: only the hidden checks that draw the trap with her seed fail, in batch …
    carol = {n: (status, h) for (s, e, n), (_, _, status, h) in checks.items()
             if s == "carol" and e == "gradient_clipping"}
    assert all(status == "passed" for status, h in carol.values() if not h), carol
    for name, shapes in carol_draws.items():
        assert (carol[name][0] == "passed") == (trap not in shapes), (name, trap, carol)
    assert any(status != "passed" for status, _ in carol.values())

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
            for grade_id, (_, name) in source_cells[ex_id].items():  # … and cell by cell
                pts, top, _, _ = checks[(student, ex_id, name)]
                score, cell_max = by_nbgrader[student]["_cells"][grade_id]
                assert score == pytest.approx(cell_max * pts / top), (student, grade_id, name)
    full = assignment.max_points
    assert sum(v[0] for k, v in by_nbgrader["alice"].items() if k != "_cells") == \
        pytest.approx(full)
    bob = {k: v[0] for k, v in by_nbgrader["bob"].items() if k != "_cells"}
    assert all(bob[ex] < assignment.points[ex] for ex in exercises), bob
    assert by_nbgrader["alice"]["_cells"]["lstm_cell-hidden-1"][0] > 0  # the hidden cell ran
    assert by_nbgrader["carol"]["gradient_clipping"][0] < by_nbgrader["alice"][
        "gradient_clipping"][0]  # carol's seed trap bit in nbgrader's kernel too
    assert all(by_nbgrader["carol"][ex][0] == pytest.approx(assignment.points[ex])
               for ex in exercises if ex != "gradient_clipping")

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
