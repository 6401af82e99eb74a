"""The README's "Running a course" walkthrough, command by command, as a new instructor runs it.

An assignment file is written in a copy of the course, released, answered by four students
(on time and right, on time and wrong, two days late, past the cutoff), batch-graded in one
go, one grade is overridden, and the grades leave as CSV, JSON, a Gradescope zip and the
class report. Each step is the real CLI; the figures checked are the ones an instructor
would look at. (The nbgrader round trip and the release leak test have files of their own:
test_nbgrader.py, test_release.py.)
"""

from __future__ import annotations

import csv
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.framework.conftest import ROOT, run_cli

ASSIGNMENT = """\
id = "week3"
title = { ja = "第 3 週: RNN", en = "Week 3: RNN" }
due = 2026-12-15T23:59:00+09:00
exercises = ["gradient_clipping", "gru_update"]

[points]
gru_update = 20

[late]
penalty_per_day = 0.25
cutoff_days = 3
"""
STUDENTS = {  # name -> (answer, when handed in)
    "aiko": ("right", "2026-12-15 10:00:00.000000 UTC"),
    "bunta": ("wrong", "2026-12-15T20:00:00+09:00"),
    "chika": ("right", "2026-12-17T09:00:00+09:00"),  # 2 started days late: 50 % kept
    "daichi": ("right", "2026-12-20T09:00:00+09:00"),  # past the 3-day cutoff: 0
}


def copy_course(dest: Path) -> Path:
    """The course repository as a new instructor has it (a checkout), without build output."""
    ignore = shutil.ignore_patterns(".git", ".venv*", "build", "*.egg-info", "__pycache__",
                                    ".ruff_cache", ".pytest_cache", ".edrill-secret")
    for name in ("course.toml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("solutions", "exercises", "tests", "templates", "assignments"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    return dest


def grader(course: Path, *args: str) -> str:
    proc = run_cli("grader", "--course", str(course), *args, cwd=course.parent)
    assert proc.returncode == 0, f"grader {' '.join(args)}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def walked(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("workflow")
    (base / "course").mkdir()
    course = copy_course(base / "course")
    # 1. define the assignment
    (course / "assignments" / "week3.toml").write_text(ASSIGNMENT, encoding="utf-8")
    # 2. release it
    release = base / "release" / "week3"
    grader(course, "release", "week3", str(release))
    assert (release / "gradient_clipping.py").is_file() and not (release / "solutions").exists()
    # 3. the students answer in their copy of the release and hand in their files
    submissions = base / "submissions"
    for name, (answer, stamp) in STUDENTS.items():
        folder = submissions / name
        shutil.copytree(release, folder, ignore=shutil.ignore_patterns("wheels", "README.md"))
        for ex in ("gradient_clipping", "gru_update"):
            text = (course / "solutions" / f"{ex}.py").read_text(encoding="utf-8")
            if answer == "wrong" and ex == "gradient_clipping":
                text = text.replace("return grad * rate", "return grad / rate")
            (folder / f"{ex}.py").write_text(text, encoding="utf-8")
        (folder / "timestamp.txt").write_text(stamp + "\n", encoding="utf-8")
    db = base / "grades.sqlite"
    # 4. grade them all (the sandbox's own tests are test_sandbox / test_redteam)
    grader(course, "batch", str(submissions), "--assignment", "week3", "--db", str(db),
           "--sandbox", "none", "--quiet")
    sheet_before = json.loads(grader(course, "grades", "week3", "--db", str(db), "--json"))
    # 5. one grade overridden, with its reason
    grader(course, "override", "week3", "bunta", "gradient_clipping", "7", "--reason",
           "appeal: divided by the rate, but explained the clipping correctly", "--db",
           str(db), "--who", "sensei")
    sheet = json.loads(grader(course, "grades", "week3", "--db", str(db), "--json"))
    audit = grader(course, "grades", "week3", "--db", str(db), "--audit")
    # 6. feedback pages, exports, the Gradescope autograder, the class report
    grader(course, "feedback", "week3", str(base / "feedback"), "--db", str(db), "--lang", "ja")
    grader(course, "export", "week3", "--csv", str(base / "week3.csv"), "--json",
           str(base / "json"), "--db", str(db))
    grader(course, "gradescope", "week3", str(base / "week3-autograder.zip"))
    grader(course, "report", "--assignment", "week3", "--db", str(db), "--out",
           str(base / "report.html"))
    return {"base": base, "course": course, "db": db, "audit": audit,
            "before": {r["student"]: r for r in sheet_before["students"]},
            "sheet": {r["student"]: r for r in sheet["students"]}}


def total(row: dict) -> float:
    return float(row["total"])


def test_late_work_is_scored_by_the_policy(walked) -> None:
    rows = walked["before"]
    assert total(rows["aiko"]) == pytest.approx(30.0)
    assert total(rows["chika"]) == pytest.approx(15.0)  # 2 days × 25 % off
    assert total(rows["daichi"]) == 0.0  # past the cutoff
    assert 0 < total(rows["bunta"]) < 30.0  # the wrong clipping


def test_the_override_counts_and_is_in_the_audit_trail(walked) -> None:
    before, after = walked["before"]["bunta"], walked["sheet"]["bunta"]
    gru = 20.0  # bunta's gru_update is right
    assert total(after) == pytest.approx(7.0 + gru)
    assert total(before) != total(after)
    assert "sensei" in walked["audit"] and "appeal: divided by the rate" in walked["audit"]


def test_exports_carry_the_final_grades(walked) -> None:
    base = walked["base"]
    with open(base / "week3.csv", newline="", encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert set(rows) == set(STUDENTS)
    assert float(rows["bunta"]["gradient_clipping"]) == pytest.approx(7.0)
    assert float(rows["chika"]["total"]) == pytest.approx(15.0)
    one = json.loads((base / "json" / "aiko.json").read_text(encoding="utf-8"))
    assert json.dumps(one).count("gru_update") >= 1
    feedback = (base / "feedback" / "bunta.html").read_text(encoding="utf-8")
    assert "appeal: divided by the rate" in feedback
    with zipfile.ZipFile(base / "week3-autograder.zip") as zf:
        names = set(zf.namelist())
    assert {"setup.sh", "run_autograder", "course/assignments/week3.toml"} <= names
    report = (base / "report.html").read_text(encoding="utf-8")
    assert "week3" in report.lower() or "Week 3" in report
