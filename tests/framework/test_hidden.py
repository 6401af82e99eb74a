"""Hidden checks: seeds from the course secret, stored with the results and replayed on a
regrade; the store's new columns (and the migration of an older file); hidden messages
that never carry hidden test code or a traceback; selftest's proof of a hidden suite.

Real `grader batch` runs (subprocess, `--sandbox none`), real SQLite files.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from grader.batch.store import ResultStore
from grader.course import Course
from grader.hidden import (
    SECRET_ENV,
    SECRET_FILE,
    course_secret,
    derive_seed,
    suite_checks,
)
from tests.framework.conftest import ROOT, run_cli

EXERCISES = ["gradient_clipping", "embedding", "conv_output_size"]  # the last: no hidden suite
WRONG = ("return grad * rate  # BLANK: grad * rate", "return grad / norm")


def students(root: Path) -> Path:
    for name, kind in (("alice", "good"), ("bob", "wrong")):
        folder = root / name
        folder.mkdir(parents=True)
        for ex in EXERCISES:
            source = (ROOT / "solutions" / f"{ex}.py").read_text(encoding="utf-8")
            if kind == "wrong" and ex == "gradient_clipping":
                assert WRONG[0] in source
                source = source.replace(*WRONG)
            if ex == "embedding":  # says each time a worker imports it
                source = "print('IMPORTED')\n" + source
            if ex == "conv_output_size":  # student code looking for the course secret
                source = ("import os\nprint('SECRET=' + str(os.environ.get('"
                          + SECRET_ENV + "')))\n" + source)
            (folder / f"{ex}.py").write_text(source, encoding="utf-8")
    return root


def batch(subs: Path, db: Path, secret: str) -> None:
    proc = run_cli("grader", "batch", str(subs), "--db", str(db), "--sandbox", "none",
                   "--json", "--quiet", cwd=db.parent, env={SECRET_ENV: secret})
    assert proc.returncode == 0, proc.stderr


def table(db: Path, sql: str) -> list[dict]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(sql)]
    finally:
        con.close()


def test_seeds_are_an_hmac_of_secret_student_and_exercise():
    a = derive_seed(b"k1", "alice", "lstm_cell")
    assert a == derive_seed(b"k1", "alice", "lstm_cell")
    others = {derive_seed(b"k2", "alice", "lstm_cell"), derive_seed(b"k1", "bob", "lstm_cell"),
              derive_seed(b"k1", "alice", "gru_update"), derive_seed(b"k1", "alice\0", "x")}
    assert a not in others and len(others) == 4
    assert all(0 <= s < 2**63 for s in others | {a})  # a SQLite INTEGER


def test_the_secret_comes_from_the_env_or_a_private_git_ignored_file(tmp_path, monkeypatch):
    course = Course(tmp_path)
    monkeypatch.setenv(SECRET_ENV, "from-env")
    assert course_secret(course) == (b"from-env", f"${SECRET_ENV}")
    assert not (tmp_path / SECRET_FILE).exists()
    monkeypatch.delenv(SECRET_ENV)
    secret, where = course_secret(course)
    assert where.endswith("(new)") and len(secret) == 64
    assert stat.S_IMODE((tmp_path / SECRET_FILE).stat().st_mode) == 0o600
    assert course_secret(course) == (secret, str(tmp_path / SECRET_FILE))  # kept
    ignored = subprocess.run(["git", "check-ignore", "-q", SECRET_FILE], cwd=ROOT)
    assert ignored.returncode == 0, f"{SECRET_FILE} must be git-ignored"


def test_batch_runs_hidden_checks_stores_seeds_and_a_regrade_replays_them(tmp_path):
    subs = students(tmp_path / "subs")
    db = tmp_path / "grades.sqlite"
    batch(subs, db, "first-secret")
    results = {(r["student"], r["exercise"]): r for r in table(db, "SELECT * FROM results")}
    for student in ("alice", "bob"):
        for ex in ("gradient_clipping", "embedding"):
            assert results[(student, ex)]["seed"] == derive_seed(b"first-secret", student, ex)
        assert results[(student, "conv_output_size")]["seed"] is None
    assert "SECRET=None" in results[("alice", "conv_output_size")]["output"]  # not passed on
    # the public and the hidden suite of an exercise share its worker: imported once
    assert results[("alice", "embedding")]["output"].count("IMPORTED") == 1
    assert results[("alice", "gradient_clipping")]["seed"] != \
        results[("bob", "gradient_clipping")]["seed"]
    hidden_points = sum(c.points for c in suite_checks(
        ROOT / "tests" / "hidden" / "test_gradient_clipping.py"))
    assert results[("alice", "gradient_clipping")]["max_score"] == 10 + hidden_points
    assert results[("alice", "gradient_clipping")]["score"] == 10 + hidden_points

    checks = table(db, "SELECT * FROM checks WHERE hidden = 1 ORDER BY student, exercise, name")
    assert {c["name"] for c in checks if c["exercise"] == "gradient_clipping"} == {
        c.name for c in suite_checks(ROOT / "tests" / "hidden" / "test_gradient_clipping.py")}
    assert all(c["name"].startswith("test_hidden_") for c in checks)
    assert not table(db, "SELECT * FROM checks WHERE hidden = 1 AND exercise = "
                         "'conv_output_size'")
    bob = [c for c in checks if c["student"] == "bob" and c["exercise"] == "gradient_clipping"]
    assert bob and all(c["status"] == "failed" for c in bob)
    hidden_source = (ROOT / "tests" / "hidden" / "test_gradient_clipping.py").read_text(
        encoding="utf-8")
    code_lines = [ln.strip() for ln in hidden_source.splitlines() if len(ln.strip()) > 20
                  and not ln.strip().startswith(("en=", "ja=", '"', "@check"))]
    for c in bob:  # what went wrong, expected vs got — never the hidden code or a traceback
        assert c["message"] and "Traceback" not in c["message"]
        assert "tests/hidden" not in c["message"] and ".py\", line" not in c["message"]
        assert not [ln for ln in code_lines if ln in c["message"]]
    first = {c["name"]: c["message"] for c in bob}

    # a changed submission is graded again with its stored seed, even under another secret:
    # the same inputs, so the same messages (an appeal replays the exact run)
    path = subs / "bob" / "gradient_clipping.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# resubmitted\n", encoding="utf-8")
    batch(subs, db, "second-secret")
    again = table(db, "SELECT * FROM results WHERE student = 'bob'")
    seeds = {r["exercise"]: r["seed"] for r in again}
    assert seeds["gradient_clipping"] == results[("bob", "gradient_clipping")]["seed"]
    replay = {c["name"]: c["message"] for c in table(
        db, "SELECT * FROM checks WHERE hidden = 1 AND student = 'bob' AND "
            "exercise = 'gradient_clipping'")}
    assert replay == first

    # a fresh results file under the other secret draws other inputs
    other = tmp_path / "other.sqlite"
    batch(subs, other, "second-secret")
    fresh = {c["name"]: c["message"] for c in table(
        other, "SELECT * FROM checks WHERE hidden = 1 AND student = 'bob' AND "
               "exercise = 'gradient_clipping'")}
    assert fresh.keys() == first.keys() and fresh != first


def test_an_older_results_file_gets_the_new_columns_and_keeps_its_rows(tmp_path):
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.executescript("""
        CREATE TABLE runs (id INTEGER PRIMARY KEY, started REAL, finished REAL, sandbox TEXT,
                           slots INTEGER, course TEXT, argv TEXT);
        CREATE TABLE results (student TEXT, exercise TEXT, content_hash TEXT,
                              suite_version TEXT, status TEXT, score INTEGER,
                              max_score INTEGER, message TEXT, output TEXT, seconds REAL,
                              graded_at REAL, run_id INTEGER, PRIMARY KEY (student, exercise));
        CREATE TABLE checks (student TEXT, exercise TEXT, name TEXT, kind TEXT, status TEXT,
                             points INTEGER, max_points INTEGER, message TEXT, seconds REAL,
                             PRIMARY KEY (student, exercise, name));
        INSERT INTO results VALUES ('ann', 'sigmoid', 'h', 'v', 'passed', 10, 10, '', '', 0.1,
                                    0, 1);
        INSERT INTO checks VALUES ('ann', 'sigmoid', 'test_x', 'K', 'passed', 10, 10, '', 0.1);
    """)
    con.close()
    readonly = ResultStore(db, readonly=True)  # an old file can still be read as it is
    assert readonly.results()[0]["seed"] is None and readonly.checks()[0]["hidden"] == 0
    readonly.close()
    store = ResultStore(db)
    assert store.results()[0]["student"] == "ann" and store.results()[0]["seed"] is None
    assert store.checks()[0]["hidden"] == 0
    store.write_student("bea", [{"exercise": "lstm_cell", "status": "passed", "score": 1,
                                 "max_score": 1, "seed": 42, "checks": [
                                     {"name": "test_hidden_a", "status": "passed",
                                      "hidden": True}]}], run_id=1)
    store.close()
    cols = {r["name"] for r in table(db, "PRAGMA table_info(results)")}
    assert "seed" in cols
    assert table(db, "SELECT seed FROM results WHERE student = 'bea'") == [{"seed": 42}]
    assert table(db, "SELECT hidden FROM checks WHERE student = 'bea'") == [{"hidden": 1}]


@pytest.mark.parametrize("ex", ["gradient_clipping"])
def test_selftest_proves_the_hidden_suite(ex):
    proc = run_cli("grader", "selftest", ex, "-v")
    assert proc.returncode == 0, proc.stdout[-3000:]
    out = proc.stdout
    assert "✔ the solution passes the hidden checks for 6 seeds" in out
    assert "✔ the stub is unfilled at every hidden check" in out
    assert "✔ every hidden check draws fresh inputs from `rng`" in out
    assert out.count("is caught by hidden test_hidden_") >= 5


def test_every_assignment_exercise_has_a_hidden_suite(course):
    from grader.assignment import load_assignment

    assignment = load_assignment(course, "day3-rnn")
    for ex in assignment.exercises:
        path = ROOT / "tests" / "hidden" / f"test_{ex}.py"
        assert path.is_file(), f"{ex} has no hidden suite"
        checks = suite_checks(path)
        assert checks and all(c.kind == "check" and c.uses_rng for c in checks)
        assert json.dumps(assignment.visibility_of(ex, checks[0].name, hidden_suite=True)) \
            != '"visible"'
