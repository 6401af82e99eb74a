"""Grading hosts: the Gradescope autograder zip, run for real in a fake /autograder, and the
GitHub Classroom config, its commands run for real in a workspace.

The autograder's setup.sh builds its venv with --system-site-packages and pip without an
index (PIP_NO_INDEX), so the test needs no network: only the edrill wheel of the zip is
installed, the dependencies are this interpreter's. PYTHONPATH is removed, so the venv
imports edrill from the wheel, which the tests check.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from grader.assignment import load_assignment
from grader.course import Course
from grader.gradescope import make_results
from tests.framework.conftest import run_cli

# Gradescope's documented results.json fields (INTEROP.md; gradescope-autograders specs)
TOP_FIELDS = {"score", "execution_time", "output", "output_format", "visibility",
              "stdout_visibility", "extra_data", "tests", "leaderboard"}
TEST_FIELDS = {"score", "max_score", "status", "name", "name_format", "number", "output",
               "output_format", "tags", "visibility", "extra_data"}
VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}
FORMATS = {"text", "html", "simple_format", "md", "ansi"}
STATUSES = {"passed", "failed"}
EXERCISES = ("gradient_clipping", "lstm_cell")
ASSIGNMENT = """id = "{id}"
title = {{ ja = "テスト", en = "Host test" }}
due = 2026-12-15T23:59:00+09:00
exercises = ["gradient_clipping", "lstm_cell"]

[points]
lstm_cell = 20

[late]
penalty_per_day = 0.25
cutoff_days = 3

[visibility]
default = "visible"
gradient_clipping.test_known_values = "hidden"
lstm_cell.test_memory_task = "after_due_date"
"""


def validate_results(data: dict) -> None:
    """results.json holds only documented fields, each of its documented type."""
    assert isinstance(data, dict)
    assert set(data) <= TOP_FIELDS, set(data) - TOP_FIELDS
    assert isinstance(data["score"], int | float)
    assert isinstance(data.get("execution_time", 0), int)
    assert isinstance(data.get("output", ""), str)
    assert data.get("output_format", "text") in FORMATS
    assert data.get("visibility", "visible") in VISIBILITIES
    assert data.get("stdout_visibility", "hidden") in VISIBILITIES
    assert isinstance(data.get("extra_data", {}), dict)
    assert isinstance(data["tests"], list)
    numbers = set()
    for test in data["tests"]:
        assert set(test) <= TEST_FIELDS, set(test) - TEST_FIELDS
        assert isinstance(test["score"], int | float)
        assert isinstance(test["max_score"], int | float)
        assert 0 <= test["score"] <= test["max_score"] + 1e-9
        assert test["status"] in STATUSES
        assert (test["status"] == "passed") == (test["score"] == test["max_score"]) \
            or test["max_score"] == 0
        assert isinstance(test["name"], str) and test["name"]
        assert isinstance(test["number"], str) and test["number"] not in numbers
        numbers.add(test["number"])
        assert isinstance(test.get("output", ""), str)
        assert test.get("output_format", "text") in FORMATS
        assert all(isinstance(t, str) for t in test.get("tags", []))
        assert test["visibility"] in VISIBILITIES
        assert isinstance(test.get("extra_data", {}), dict)
    json.dumps(data)  # plain JSON all through


def by_check(data: dict) -> dict[str, dict]:
    return {t["name"]: t for t in data["tests"]}


def wrong(text: str) -> str:
    changed = text.replace("return grad * rate", "return grad / rate")
    assert changed != text
    return changed


# ---------------------------------------------------------------------- Gradescope
@pytest.fixture(scope="module")
def autograder(tmp_path_factory, course: Course) -> dict:
    """The zip of a test assignment, unpacked into a fake /autograder, setup.sh run."""
    tmp = tmp_path_factory.mktemp("gradescope")
    spec = tmp / "host-test.toml"
    spec.write_text(ASSIGNMENT.format(id="host-test"), encoding="utf-8")
    out = tmp / "autograder.zip"
    proc = run_cli("grader", "--course", str(course.root), "gradescope", str(spec), str(out))
    assert proc.returncode == 0, proc.stderr
    assert "never give this zip to students" in proc.stdout
    root = tmp / "autograder"
    (root / "source").mkdir(parents=True)
    with zipfile.ZipFile(out) as zf:
        zf.extractall(root / "source")
        modes = {i.filename: i.external_attr >> 16 for i in zf.infolist()}
    for name in ("setup.sh", "run_autograder"):  # zipfile drops the modes: as Gradescope
        assert modes[name] & stat.S_IXUSR, name
        (root / "source" / name).chmod(0o755)
    shutil.copy2(root / "source" / "run_autograder", root / "run_autograder")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(EDRILL_AUTOGRADER_ROOT=str(root), EDRILL_PYTHON=sys.executable,
               EDRILL_VENV_FLAGS="--system-site-packages", PIP_NO_INDEX="1")
    setup = subprocess.run(["bash", str(root / "source" / "setup.sh")], cwd=root / "source",
                           env=env, capture_output=True, text=True, timeout=600)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    where = subprocess.run([str(root / "edrill-venv" / "bin" / "python"), "-I", "-c",
                            "import grader; print(grader.__file__)"],
                           env=env, capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(root / "edrill-venv"), where
    return {"root": root, "zip": out, "env": env, "names": set(modes)}


def run_autograder(ag: dict, files: dict[str, str], created_at: str | None
                   ) -> tuple[int, dict, str]:
    root = ag["root"]
    shutil.rmtree(root / "submission", ignore_errors=True)
    shutil.rmtree(root / "results", ignore_errors=True)
    (root / "submission").mkdir()
    (root / "results").mkdir()
    for name, text in files.items():
        path = root / "submission" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    meta = {"id": 1, "users": [{"email": "s@example.com", "id": 4242, "name": "S"}]}
    if created_at:
        meta["created_at"] = created_at
    (root / "submission_metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    proc = subprocess.run([str(root / "run_autograder")], cwd=root, env=ag["env"],
                          capture_output=True, text=True, timeout=600)
    data = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    return proc.returncode, data, proc.stdout + proc.stderr


def test_the_zip_holds_what_grading_needs(autograder: dict) -> None:
    names = autograder["names"]
    assert {"setup.sh", "run_autograder", "edrill-autograder.json"} <= names
    wheels = [n for n in names if re.fullmatch(r"wheels/edrill-[^/]+-py3-none-any\.whl", n)]
    assert len(wheels) == 1
    for ex in EXERCISES:
        assert f"course/solutions/{ex}.py" in names
        assert f"course/tests/suites/test_{ex}.py" in names
    assert "course/assignments/host-test.toml" in names
    assert "course/tests/suites/test_gru_update.py" not in names  # not in the assignment
    # hidden suites run there: the course secret goes along, so every run and regrade of a
    # student draws the same hidden inputs (each Gradescope run is a fresh container)
    assert "course/tests/hidden/test_gradient_clipping.py" in names
    assert "course/.edrill-secret" in names
    with zipfile.ZipFile(autograder["root"] / "source" / wheels[0]) as wheel:
        inside = set(wheel.namelist())
    # what an installed edrill needs besides its modules
    assert {"grader/suites.ini", "grader/locale/ja/LC_MESSAGES/edrill.mo",
            "grader/data/digits.npz"} <= inside
    assert not any(n.startswith(("solutions/", "tests/")) for n in inside)


def test_a_correct_submission_scores_full_marks(autograder: dict, course: Course) -> None:
    files = {f"{ex}.py": (course.solutions_dir / f"{ex}.py").read_text(encoding="utf-8")
             for ex in EXERCISES}
    code, data, log = run_autograder(autograder, files, "2026-12-15T20:00:00+09:00")
    assert code == 0, log
    validate_results(data)
    assert data["score"] == 30.0, data["output"]
    assert all(t["status"] == "passed" for t in data["tests"])
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(30.0)
    assert data["stdout_visibility"] == "hidden"
    tests = by_check(data)
    # per-check visibility from the assignment file
    assert tests["gradient_clipping · test_known_values"]["visibility"] == "hidden"
    assert tests["lstm_cell · test_memory_task"]["visibility"] == "after_due_date"
    assert tests["gradient_clipping · test_shape_and_dtype"]["visibility"] == "visible"
    from_hidden_suites = [t for n, t in tests.items() if "· test_hidden_" in n]
    assert from_hidden_suites and all(t["visibility"] == "hidden" for t in from_hidden_suites)
    others = [t for n, t in tests.items() if n not in ("gradient_clipping · test_known_values",
                                                       "lstm_cell · test_memory_task")
              and "· test_hidden_" not in n]
    assert others and all(t["visibility"] == "visible" for t in others)
    # scaled to the assignment's points: lstm_cell is worth 20 here
    assert sum(t["max_score"] for t in data["tests"] if t["name"].startswith("lstm_cell")) \
        == pytest.approx(20.0)
    assert data["extra_data"]["student"] == "gs-4242"
    assert data["extra_data"]["late"]["days_late"] == 0


def test_a_wrong_late_submission(autograder: dict, course: Course) -> None:
    text = (course.solutions_dir / "gradient_clipping.py").read_text(encoding="utf-8")
    # a workspace-like folder: found below the submission root; lstm_cell not submitted
    files = {"work/gradient_clipping.py": wrong(text)}
    code, data, log = run_autograder(autograder, files, "2026-12-17T09:00:00+09:00")
    assert code == 0, log
    validate_results(data)
    tests = by_check(data)
    known = tests["gradient_clipping · test_known_values"]
    assert known["status"] == "failed" and known["score"] == 0
    assert "expected" in known["output"] and "got" in known["output"]
    assert tests["gradient_clipping · test_shape_and_dtype"]["status"] == "passed"
    missing = tests["lstm_cell"]
    assert missing["status"] == "failed" and missing["max_score"] == 20
    assert "not submitted" in missing["output"] and missing["visibility"] == "visible"
    raw = sum(t["score"] for t in data["tests"])
    assert 0 < raw < 10
    late = data["extra_data"]["late"]
    assert late["days_late"] == 2 and late["kept_share"] == pytest.approx(0.5)
    assert data["score"] == pytest.approx(raw * 0.5, abs=1e-3)
    assert "2 day(s) late" in data["output"]
    # the student's summary names visible checks only
    assert "test_known_values" not in data["output"]
    # a regrade (a fresh run of the same submission) replays the same hidden inputs
    _code, again, log = run_autograder(autograder, files, "2026-12-17T09:00:00+09:00")
    hidden = {n: (t["score"], t["output"]) for n, t in by_check(data).items()
              if "test_hidden" in n or t["visibility"] == "hidden"}
    assert hidden and hidden == {n: (t["score"], t["output"]) for n, t in by_check(again).items()
                                 if n in hidden}, log


def test_a_submission_past_the_cutoff_gets_nothing(course: Course) -> None:
    a = load_assignment(course, "day3-rnn")  # cutoff 3 days
    rows = [{"exercise": "gradient_clipping", "status": "passed", "score": 2,
             "max_score": 2, "message": ""}]
    checks = [{"exercise": "gradient_clipping", "name": "test_public", "kind": "K",
               "status": "passed", "points": 2, "max_points": 2, "message": ""}]
    late = datetime(2026, 12, 20, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    data = make_results(a, rows, checks, {}, submitted_at=late, student="s", seconds=1.0)
    validate_results(data)
    assert data["tests"][0]["score"] == 10  # the checks keep their scores; the total is 0
    assert data["score"] == 0 and data["extra_data"]["late"]["accepted"] is False
    assert "not accepted" in data["output"]


def test_an_autograder_failure_still_writes_results(autograder: dict, tmp_path: Path) -> None:
    broken = tmp_path / "autograder"
    shutil.copytree(autograder["root"] / "source", broken / "source",
                    ignore=shutil.ignore_patterns("course"))
    (broken / "submission").mkdir()
    env = dict(autograder["env"], EDRILL_AUTOGRADER_ROOT=str(broken))
    # no venv: setup.sh never ran here
    proc = subprocess.run(["bash", str(broken / "source" / "run_autograder")], cwd=broken,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    data = json.loads((broken / "results" / "results.json").read_text(encoding="utf-8"))
    validate_results(data)
    assert "not set up" in data["output"]
    # with the venv but without the course files: our failure, said as such
    (broken / "edrill-venv").symlink_to(autograder["root"] / "edrill-venv")
    proc = subprocess.run(["bash", str(broken / "source" / "run_autograder")], cwd=broken,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert "Traceback" in proc.stderr  # for the instructor, in Gradescope's stdout box
    data = json.loads((broken / "results" / "results.json").read_text(encoding="utf-8"))
    validate_results(data)
    assert data["score"] == 0 and "tell your instructor" in data["output"]
    assert "internal_error" in data["extra_data"]


def test_checks_of_a_hidden_suite_are_hidden(course: Course) -> None:
    """A check stored with hidden=1 (tests/hidden) is never shown, whatever the default."""
    a = load_assignment(course, "day3-rnn")
    rows = [{"exercise": "gradient_clipping", "status": "failed", "score": 1,
             "max_score": 2, "message": ""}]
    checks = [{"exercise": "gradient_clipping", "name": "test_public", "kind": "K",
               "status": "passed", "points": 1, "max_points": 1, "message": ""},
              {"exercise": "gradient_clipping", "name": "test_random_inputs", "kind": "K",
               "status": "failed", "points": 0, "max_points": 1, "hidden": 1,
               "message": "mismatch"}]
    data = make_results(a, rows, checks, {}, submitted_at=None, student="s", seconds=1.0)
    validate_results(data)
    tests = by_check(data)
    assert tests["gradient_clipping · test_random_inputs"]["visibility"] == "hidden"
    assert tests["gradient_clipping · test_public"]["visibility"] == "visible"
    assert "test_random_inputs" not in data["output"]
    assert tests["gradient_clipping · test_public"]["score"] == pytest.approx(
        a.points["gradient_clipping"] / 2)


@pytest.mark.parametrize("args, says", [
    (["no-such-assignment", "out.zip"], "no assignment 'no-such-assignment'"),
    (["day3-rnn", "out.tar"], "Gradescope takes a .zip"),
    (["day3-rnn", "missing/dir/out.zip"], "does not exist"),
])
def test_gradescope_bad_input(tmp_path: Path, course: Course, args, says) -> None:
    args = [args[0], str(tmp_path / args[1])]
    proc = run_cli("grader", "--course", str(course.root), "gradescope", *args)
    assert proc.returncode == 2
    assert says in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.rglob("*.zip")) and not list(tmp_path.rglob("*.tmp"))


# ---------------------------------------------------------------------- GitHub Classroom
def run_classroom_tests(repo: Path, env: dict) -> dict[str, int]:
    """What GitHub Classroom does with autograding.json: per test, setup then run in the
    repository; exit status 0 (and the expected output included) earns the points."""
    config = json.loads((repo / ".github/classroom/autograding.json").read_text())
    earned = {}
    for test in config["tests"]:
        assert set(test) == {"name", "setup", "run", "input", "output", "comparison",
                             "timeout", "points"}
        assert test["comparison"] in ("included", "exact", "regex")
        assert isinstance(test["points"], int) and test["timeout"] >= 1
        seconds = test["timeout"] * 60
        setup = subprocess.run(["sh", "-c", test["setup"]], cwd=repo, env=env,
                               capture_output=True, text=True, timeout=seconds)
        assert setup.returncode == 0, setup.stdout + setup.stderr
        proc = subprocess.run(["sh", "-c", test["run"]], cwd=repo, env=env,
                              input=test["input"], capture_output=True, text=True,
                              timeout=seconds)
        ok = proc.returncode == 0 and test["output"] in proc.stdout
        earned[test["name"]] = test["points"] if ok else 0
    return earned


def test_classroom_config_runs_locally(tmp_path: Path, workspace: Path,
                                       course: Course) -> None:
    spec = tmp_path / "host-test.toml"
    spec.write_text(ASSIGNMENT.format(id="host-test"), encoding="utf-8")
    # gradient_clipping answered right; lstm_cell left as the stub
    shutil.copy(course.solutions_dir / "gradient_clipping.py", workspace)
    proc = run_cli("grader", "--course", str(course.root), "classroom", str(spec),
                   "--repo", str(workspace))
    assert proc.returncode == 0, proc.stderr
    assert "nothing is hidden" in proc.stdout
    assert (workspace / ".github/workflows/classroom.yml").is_file()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "RUNNER_TEMP", "EDRILL_COURSE")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", TMPDIR=str(tmp_path),
               EDRILL_VENV_FLAGS="--system-site-packages", PIP_NO_INDEX="1")
    earned = run_classroom_tests(workspace, env)
    assert earned == {"gradient_clipping": 10, "lstm_cell": 0}
    # the venv's edrill is the bundled wheel's
    where = subprocess.run([str(tmp_path / "edrill-venv/bin/python"), "-I", "-c",
                            "import grader; print(grader.__file__)"], env=env,
                           capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(tmp_path / "edrill-venv")
    # now answer lstm_cell too: its run command (the venv is set up) earns its points
    shutil.copy(course.solutions_dir / "lstm_cell.py", workspace)
    config = json.loads((workspace / ".github/classroom/autograding.json").read_text())
    run = next(t["run"] for t in config["tests"] if t["name"] == "lstm_cell")
    proc = subprocess.run(["sh", "-c", run], cwd=workspace, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_classroom_workflow_matches_the_config(tmp_path: Path, workspace: Path,
                                               course: Course) -> None:
    yaml = pytest.importorskip("yaml")
    proc = run_cli("grader", "--course", str(course.root), "classroom", "day3-rnn",
                   "--repo", str(workspace), "--install", "edrill==0.1.0")
    assert proc.returncode == 0, proc.stderr
    assert not (workspace / ".github/classroom/wheels").exists()
    config = json.loads((workspace / ".github/classroom/autograding.json").read_text())
    flow = yaml.safe_load((workspace / ".github/workflows/classroom.yml").read_text())
    steps = flow["jobs"]["run-autograding-tests"]["steps"]
    graders = [s for s in steps
               if s.get("uses") == "classroom-resources/autograding-command-grader@v1"]
    assert [s["with"]["test-name"] for s in graders] == [t["name"] for t in config["tests"]]
    for step, test in zip(graders, config["tests"], strict=True):
        assert step["with"]["command"] == test["run"]
        assert step["with"]["setup-command"] == test["setup"]
        assert step["with"]["max-score"] == test["points"]
        assert "edrill==0.1.0" in test["setup"]
    reporter = steps[-1]
    assert reporter["with"]["runners"] == ",".join(t["name"] for t in config["tests"])
    assert set(reporter["env"]) == {f"{t['name'].upper()}_RESULTS" for t in config["tests"]}
    assert sum(t["points"] for t in config["tests"]) == 60


def test_classroom_needs_a_workspace(tmp_path: Path, course: Course) -> None:
    proc = run_cli("grader", "--course", str(course.root), "classroom", "day3-rnn",
                   "--repo", str(tmp_path))
    assert proc.returncode == 2 and "not a student workspace" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / ".github").exists()
