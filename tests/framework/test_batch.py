"""`grader batch`: discovery, the SQLite store, resume after kill -9, slots, notebooks.

Real submissions folders (made from solutions/ and the stubs), the real CLI as a
subprocess with `--sandbox none` (the OS sandbox is tested with the sandbox itself), real
SQLite files.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.batch.discover import discover, notebook_module
from grader.cli.common import UsageError
from grader.course import Course
from tests.framework.conftest import ROOT, run_cli

EXERCISES = ["conv_output_size", "gradient_clipping", "embedding"]
WRONG = ("return (H + 2*P - FH) // S + 1", "return (H + 2*P - FH) / S + 1")


def write_student(folder: Path, kind: str, exercises=EXERCISES) -> None:
    """good: the solutions; stub: the stubs; wrong: conv_output_size with `/`;
    broken: a syntax error in conv_output_size, the rest solutions."""
    folder.mkdir(parents=True)
    for ex in exercises:
        source = (ROOT / ("exercises" if kind == "stub" else "solutions") / f"{ex}.py"
                  ).read_text(encoding="utf-8")
        if ex == "conv_output_size" and kind == "wrong":
            assert WRONG[0] in source
            source = source.replace(*WRONG)
        if ex == "conv_output_size" and kind == "broken":
            source = "def conv_output_size(H, FH, P=0, S=1):\n    return (H +\n"
        (folder / f"{ex}.py").write_text(source, encoding="utf-8")


def hidden_points(ex_id: str) -> int:
    """Points of the exercise's hidden checks, which grader batch adds to its own."""
    from grader.hidden import hidden_points as points

    return points(Course(ROOT), ex_id)


def batch(subs: Path, db: Path, *extra: str, course: Path = ROOT) -> dict:
    proc = run_cli("grader", "--course", str(course), "batch", str(subs), "--db", str(db),
                   "--sandbox", "none", "--json", "--quiet", *extra, cwd=db.parent)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def rows(db: Path) -> tuple[dict, dict]:
    """The results and checks, keyed, without what differs between two runs (timings)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    results = {(r["student"], r["exercise"]): {k: r[k] for k in r.keys()
                                               if k not in ("seconds", "graded_at", "run_id")}
               for r in con.execute("SELECT * FROM results")}
    checks = {(r["student"], r["exercise"], r["name"]): {k: r[k] for k in r.keys()
                                                         if k != "seconds"}
              for r in con.execute("SELECT * FROM checks")}
    con.close()
    return results, checks


def run_ids(db: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {(s, e): r for s, e, r in con.execute("SELECT student, exercise, run_id FROM results")}
    con.close()
    return out


STUDENTS = {"s1-good": "good", "s2-stub": "stub", "s3-wrong": "wrong", "s4-broken": "broken",
            "s5-good": "good", "s6-wrong": "wrong", "s7-good": "good", "s8-stub": "stub"}


@pytest.fixture(scope="module")
def submissions(tmp_path_factory) -> Path:
    subs = tmp_path_factory.mktemp("batch") / "submissions"
    for name, kind in STUDENTS.items():
        write_student(subs / name, kind)
    (subs / "s9-empty").mkdir()
    return subs


@pytest.fixture(scope="module")
def clean(submissions, tmp_path_factory) -> tuple[dict, tuple[dict, dict]]:
    """One uninterrupted run with one slot: its summary and its rows."""
    db = tmp_path_factory.mktemp("clean") / "grades.sqlite"
    summary = batch(submissions, db, "--slots", "1")
    return summary, rows(db)


def test_a_clean_run_grades_every_student_once(clean):
    summary, (results, checks) = clean
    assert summary["graded_students"] == len(STUDENTS)
    assert summary["problems"] == {"s9-empty": summary["problems"]["s9-empty"]}
    assert "no exercise files" in summary["problems"]["s9-empty"]
    by = {k: v["status"] for k, v in results.items()}
    assert {by["s1-good", ex] for ex in EXERCISES} == {"passed"}
    assert {by["s2-stub", ex] for ex in EXERCISES} == {"unfilled"}
    assert by["s3-wrong", "conv_output_size"] == "failed"
    assert by["s3-wrong", "embedding"] == "passed"
    broken = results["s4-broken", "conv_output_size"]
    assert broken["status"] == "error" and broken["score"] == 0
    assert "SyntaxError" in broken["message"] and "line 2" in broken["message"]
    good = results["s1-good", "conv_output_size"]
    assert good["score"] == good["max_score"] > 0 and len(good["suite_version"]) == 64
    assert sum(1 for k in checks if k[:2] == ("s1-good", "conv_output_size")) >= 3
    assert summary["statuses"] == summary["graded_statuses"]


def test_two_slots_give_the_same_rows_as_one(tmp_path):
    subs = tmp_path / "subs"
    write_student(subs / "a-good", "good")
    write_student(subs / "b-wrong", "wrong")
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    assert batch(subs, one, "--slots", "1")["graded_students"] == 2
    summary = batch(subs, two, "--slots", "2")
    assert summary["slots"] == 2 and summary["graded_students"] == 2
    assert rows(one) == rows(two)


def _students_stored(db: Path) -> set[str]:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return {s for (s,) in con.execute("SELECT DISTINCT student FROM results")}
        finally:
            con.close()
    except sqlite3.OperationalError:  # not created yet
        return set()


def _slots_gone(db: Path) -> bool:
    """No process (the killed parent's forked slots) still runs with this --db."""
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if str(db).encode() in cmdline and b"batch" in cmdline:
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()
                if stat[0] != "Z":
                    return False
    return True


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_kill_9_at_any_moment_then_rerun_gives_the_rows_of_a_clean_run(submissions, clean,
                                                                       tmp_path):
    db = tmp_path / "grades.sqlite"
    clean_results, clean_checks = clean[1]
    expected = {s: {e for (st, e) in clean_results if st == s} for s in STUDENTS}
    argv = [sys.executable, "-m", "grader.cli.instructor", "--course", str(ROOT), "batch",
            str(submissions), "--db", str(db), "--sandbox", "none", "--slots", "1", "--quiet"]
    env = dict(os.environ, EDRILL_LANG="en")
    kills = 0
    while True:
        before = _students_stored(db)
        ids_before = run_ids(db) if db.exists() else {}
        proc = subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        # kill -9 as soon as one more student is stored (mid-way through the next one)
        while proc.poll() is None and len(_students_stored(db)) <= len(before):
            time.sleep(0.02)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        proc.stderr.close()
        deadline = time.monotonic() + 20
        while not _slots_gone(db) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _slots_gone(db), "a slot outlived its killed parent"
        results, checks = rows(db)
        # every student is complete or absent, and equal to the clean run where present
        for student in {s for s, _ in results}:
            assert {e for s, e in results if s == student} == expected[student], student
        for key, row in results.items():
            assert row == clean_results[key], key
        for key, row in checks.items():
            assert row == clean_checks[key], key
        after = run_ids(db)  # this run graded only what was missing
        assert {k: after[k] for k in ids_before} == ids_before
        if proc.returncode == 0:
            break
        assert kills < 3 * len(STUDENTS), "the batch never finished"
    assert kills >= 2  # the loop really killed it mid-run more than once
    assert rows(db) == (clean_results, clean_checks)
    # a run after that grades nothing, and a run after the kills graded only the missing
    stored_ids = run_ids(db)
    summary = batch(submissions, db)
    assert summary["graded_exercises"] == 0 and summary["up_to_date_exercises"] == len(
        clean_results)
    assert run_ids(db) == stored_ids
    con = sqlite3.connect(db)
    finished = dict(con.execute("SELECT id, finished FROM runs"))
    con.close()
    assert len(finished) == kills + 2 and 0 < sum(v is None for v in finished.values()) <= kills


def test_a_changed_submission_is_graded_again_and_an_unchanged_one_not(tmp_path):
    subs = tmp_path / "subs"
    write_student(subs / "a", "good", EXERCISES[:2])
    write_student(subs / "b", "wrong", EXERCISES[:2])
    db = tmp_path / "g.sqlite"
    first = batch(subs, db)
    assert first["graded_exercises"] == 4
    before = run_ids(db)
    path = subs / "b" / "conv_output_size.py"
    path.write_text(path.read_text(encoding="utf-8").replace(WRONG[1], WRONG[0]),
                    encoding="utf-8")
    again = batch(subs, db)
    assert again["graded_students"] == 1 and again["graded_exercises"] == 1
    assert again["up_to_date_exercises"] == 3
    after = run_ids(db)
    assert after["b", "conv_output_size"] == again["run_id"]
    assert {k: v for k, v in after.items() if k != ("b", "conv_output_size")} == \
        {k: v for k, v in before.items() if k != ("b", "conv_output_size")}
    assert rows(db)[0]["b", "conv_output_size"]["status"] == "passed"
    report = run_cli("grader", "batch", str(subs), "--db", str(db), "--report")  # read-only
    assert report.returncode == 0, report.stderr
    full = 20 + hidden_points("gradient_clipping")  # conv_output_size has no hidden suite
    assert [line.split()[:2] for line in report.stdout.splitlines()[1:]] == [
        ["a", f"{full}/{full}"], ["b", f"{full}/{full}"]]
    # a file that is gone takes its row with it
    (subs / "a" / "gradient_clipping.py").unlink()
    batch(subs, db)
    assert ("a", "gradient_clipping") not in rows(db)[0]


def course_copy(tmp_path: Path) -> Path:
    """A course of its own (config, solutions, public suites, stub metadata) to change."""
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(ROOT / "course.toml", course)
    for part in ("solutions", "tests/suites", "exercises/.edrill"):
        shutil.copytree(ROOT / part, course / part)
    return course


def test_a_changed_suite_is_graded_again(tmp_path):
    course = course_copy(tmp_path)
    subs = tmp_path / "subs"
    write_student(subs / "a", "good", EXERCISES[:2])
    db = tmp_path / "g.sqlite"
    assert batch(subs, db, course=course)["graded_exercises"] == 2
    assert batch(subs, db, course=course)["graded_exercises"] == 0
    suite = course / "tests" / "suites" / "test_gradient_clipping.py"
    suite.write_text(suite.read_text(encoding="utf-8") + "\n# revised\n", encoding="utf-8")
    again = batch(subs, db, course=course)
    assert again["graded_exercises"] == 1
    assert run_ids(db)["a", "gradient_clipping"] == again["run_id"]



def test_a_course_missing_a_suite_stops_the_batch_naming_the_file(tmp_path):
    course = course_copy(tmp_path)
    suite = course / "tests" / "suites" / "test_gradient_clipping.py"
    suite.unlink()
    subs = tmp_path / "subs"
    write_student(subs / "a", "good", EXERCISES[:2])
    db = tmp_path / "g.sqlite"
    proc = run_cli("grader", "--course", str(course), "batch", str(subs), "--db", str(db),
                   "--sandbox", "none", "--quiet", cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert "the batch stopped: the grading suites could not be collected" in proc.stderr
    assert f"missing: {suite}" in proc.stderr


def test_the_suite_version_covers_the_harness_and_the_grading_code(tmp_path, monkeypatch):
    # a new edrill whose memory task trains differently must regrade lstm_cell, as a
    # changed suite does: the harness modules and the checking code are in the version
    from grader.batch import store

    course = Course(ROOT)
    names = {p.name for p in store.versioned_files(course, "lstm_cell")}
    assert {"test_lstm_cell.py", "lstm_cell.py", "memory_task.py", "judge.py", "verify.py",
            "checks.py", "fixtures.py"} <= names
    before = store.suite_version(course, "lstm_cell")
    copy = tmp_path / "grader"
    shutil.copytree(store.GRADER, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(store, "GRADER", copy)
    assert store.suite_version(course, "lstm_cell") == before  # the same code, the same hash
    harness = copy / "harness" / "memory_task.py"
    harness.write_text(harness.read_text(encoding="utf-8").replace(
        "LEARNED_BATCHES = 5", "LEARNED_BATCHES = 6"), encoding="utf-8")
    assert store.suite_version(course, "lstm_cell") != before

# ---------------------------------------------------------------------- nbgrader notebooks
def notebook(*cells: tuple[str, str, dict | None]) -> str:
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": kind, "metadata": {"nbgrader": nbg} if nbg else {},
                   "source": source.splitlines(keepends=True),
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for kind, source, nbg in cells]})


def conv_notebook(answer: str) -> str:
    """conv_output_size as an nbgrader notebook: the solution's code, with `answer` as its
    returned expression, a magic, a shell line and a test cell."""
    solution = (ROOT / "solutions" / "conv_output_size.py").read_text(encoding="utf-8")
    body = "def" + solution.split("\ndef", 1)[1].split("if __name__")[0]
    body = body.replace("(H + 2*P - FH) // S + 1  # BLANK: (H + 2*P - FH) // S + 1", answer)
    return notebook(
        ("markdown", "# Convolution output size", None),
        ("code", "%matplotlib inline\n!pip list\nimport numpy as np", None),
        ("code", body.strip(), {"grade": False, "solution": True, "grade_id": "answer"}),
        ("code", "assert conv_output_size(5, 3, 1, 2) == 3\nraise SystemExit",
         {"grade": True, "solution": False, "grade_id": "tests", "points": 1}))


def test_nbgrader_layout_takes_the_solution_cells_and_drops_tests_and_magics(tmp_path):
    sub = tmp_path / "nb" / "submitted"
    (sub / "alice" / "day2").mkdir(parents=True)
    (sub / "alice" / "day2" / "conv_output_size.ipynb").write_text(
        conv_notebook("(H + 2*P - FH) // S + 1"), encoding="utf-8")
    (sub / "alice" / "day2" / "notes.ipynb").write_text(notebook(), encoding="utf-8")
    (sub / "bob" / "day2").mkdir(parents=True)
    (sub / "bob" / "day2" / "conv_output_size.ipynb").write_text('{"cells": [', "utf-8")
    (sub / "carol" / "day2").mkdir(parents=True)
    (sub / "carol" / "day2" / "conv_output_size.ipynb").write_text(
        conv_notebook("(H + 2*P -"), encoding="utf-8")
    (sub / "dave").mkdir()
    for root in (tmp_path / "nb", sub):  # the course folder, or submitted/ itself
        found = discover(root, ["conv_output_size", "gradient_clipping"])
        assert found.layout == "nbgrader"
        assert [(s.student, s.exercise) for s in found.submissions] == [
            ("alice", "conv_output_size"), ("bob", "conv_output_size"),
            ("carol", "conv_output_size")]
        assert "no exercise notebooks" in found.problems["dave"]
    alice, bob, carol = found.submissions
    code = alice.source.decode()
    assert code.startswith("import numpy as np\n\ndef conv_output_size(H: int, FH: int")
    assert code.endswith("    return (H + 2*P - FH) // S + 1\n")
    assert "assert" not in code and "%" not in code and "!pip" not in code
    assert bob.source is None and "invalid JSON" in bob.error
    db = tmp_path / "g.sqlite"
    summary = batch(tmp_path / "nb", db)
    assert summary["layout"] == "nbgrader" and summary["graded_exercises"] == 3
    results = rows(db)[0]
    assert results["alice", "conv_output_size"]["status"] == "passed"
    assert results["bob", "conv_output_size"]["status"] == "error"
    assert "not gradable" in results["bob", "conv_output_size"]["message"]
    assert "invalid JSON" in results["bob", "conv_output_size"]["message"]
    assert results["carol", "conv_output_size"]["status"] == "error"
    assert "SyntaxError" in results["carol", "conv_output_size"]["message"]
    assert batch(tmp_path / "nb", db)["graded_exercises"] == 0  # all stored, even errors


def test_notebook_errors_are_named():
    with pytest.raises(ValueError, match="nbformat 3"):
        notebook_module(json.dumps({"worksheets": []}).encode())
    with pytest.raises(ValueError, match="not UTF-8"):
        notebook_module(b"\xff\xfe")
    with pytest.raises(ValueError, match="cell 1"):
        notebook_module(json.dumps({"cells": [{"cell_type": "code", "source": 3}]}).encode())


def test_folder_discovery_workspaces_links_and_duplicates(tmp_path):
    ids = ["conv_output_size", "gradient_clipping"]
    (tmp_path / "ann" / "ws" / ".edrill").mkdir(parents=True)
    (tmp_path / "ann" / "ws" / "conv_output_size.py").write_text("x = 1\n")
    (tmp_path / "ann" / "other").mkdir()
    (tmp_path / "ann" / "other" / "gradient_clipping.py").write_text("not a workspace\n")
    (tmp_path / "ben").mkdir()
    (tmp_path / "ben" / "conv_output_size.py").symlink_to(ROOT / "solutions" /
                                                          "conv_output_size.py")
    (tmp_path / "cy" / "ws" / ".edrill").mkdir(parents=True)
    (tmp_path / "cy" / "conv_output_size.py").write_text("a = 1\n")
    (tmp_path / "cy" / "ws" / "conv_output_size.py").write_text("b = 2\n")
    (tmp_path / "cy" / "notes.py").write_text("")
    found = discover(tmp_path, ids)
    subs = {(s.student, s.exercise): s for s in found.submissions}
    assert set(subs) == {("ann", "conv_output_size"), ("ben", "conv_output_size"),
                         ("cy", "conv_output_size")}
    assert subs["ann", "conv_output_size"].source == b"x = 1\n"
    assert subs["ben", "conv_output_size"].source is None  # never follows a link
    assert "symbolic link" in subs["ben", "conv_output_size"].error
    assert "submitted 2 times" in subs["cy", "conv_output_size"].error
    with pytest.raises(Exception, match="does not exist"):
        discover(tmp_path / "missing", ids)


def test_bwrap_unavailable_is_a_usage_error_naming_the_fix(monkeypatch, tmp_path):
    import grader.sandbox
    from grader.cli import batch as cli_batch
    from grader.sandbox import base

    monkeypatch.setitem(sys.modules, "grader.sandbox.linux", None)  # not there yet
    monkeypatch.delattr(grader.sandbox, "linux", raising=False)
    with pytest.raises(UsageError) as err:
        cli_batch._open_sandbox("bwrap")(1)
    assert "grader sandbox check" in str(err.value) and "--sandbox none" in str(err.value)

    def refuse(mode, slots, **options):
        raise base.SandboxError("bwrap: setting up uid map: Permission denied")

    monkeypatch.setattr(base, "open_sandbox", refuse)
    with pytest.raises(UsageError) as err:
        cli_batch._open_sandbox("bwrap")(1)
    assert "Permission denied" in str(err.value) and "grader sandbox check" in str(err.value)


def test_the_results_file_never_goes_into_the_students_space(tmp_path):
    write_student(tmp_path / "subs" / "a", "good", EXERCISES[:1])
    proc = run_cli("grader", "batch", str(tmp_path / "subs"), "--db",
                   str(tmp_path / "subs" / "g.sqlite"), "--sandbox", "none")
    assert proc.returncode == 2 and "students' space" in proc.stderr
    proc = run_cli("grader", "batch", str(tmp_path / "nothing"), "--sandbox", "none",
                   "--db", str(tmp_path / "g.sqlite"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_rows_keep_at_most_4_kib_of_a_students_output():
    from grader.batch.slot import OUTPUT_CAP, exercise_row
    from grader.report import ExerciseReport

    rep = ExerciseReport(id="x", title="x", day=1, section=1, output="y" * 100_000)
    row = exercise_row(rep, 0.5)
    assert len(row["output"]) < OUTPUT_CAP + 100 and "95904 more characters" in row["output"]


def test_a_sandbox_that_cannot_start_stops_the_batch_with_its_reason(tmp_path):
    for name in ("a", "b", "c", "d", "e"):
        write_student(tmp_path / "subs" / name, "good", EXERCISES[:1])
    code = ("import sys\n"
            "from grader.sandbox import base\n"
            "def server(self, slot):\n"
            "    raise base.SandboxError('bwrap: No permissions to create a new namespace')\n"
            "base.Sandbox.server = server\n"
            "from grader.cli.instructor import main\n"
            "sys.exit(main(sys.argv[1:]))\n")
    proc = subprocess.run(
        [sys.executable, "-c", code, "--course", str(ROOT), "batch", str(tmp_path / "subs"),
         "--db", str(tmp_path / "g.sqlite"), "--sandbox", "none", "--slots", "1", "--quiet"],
        capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert "No permissions to create a new namespace" in proc.stderr
    results = rows(tmp_path / "g.sqlite")[0]
    assert len(results) == 3  # three slots failed, then it stopped
    assert all(r["status"] == "error" and r["suite_version"] == "" for r in results.values())


def test_one_writing_batch_per_results_file(tmp_path):
    from grader.batch.store import ResultStore, StoreError

    first = ResultStore(tmp_path / "g.sqlite")
    with pytest.raises(StoreError, match="another `grader batch` is writing"):
        ResultStore(tmp_path / "g.sqlite")
    ResultStore(tmp_path / "g.sqlite", readonly=True).close()  # --report still reads
    first.close()
    ResultStore(tmp_path / "g.sqlite").close()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_over_the_wall_limit_the_slot_is_killed_with_its_tree_and_the_rest_is_timeout(
        tmp_path):
    subs = tmp_path / "subs"
    write_student(subs / "a-slow", "good")
    pidfile = tmp_path / "daemon.pid"
    daemon_code = (f"import os, time\nif os.fork() == 0:\n    os.setsid()\n"
                   f"    open({str(pidfile)!r}, 'w').write(str(os.getpid()))\n"
                   "    time.sleep(600)\n")
    hang = "\n\ndef gradient_clipping(grad, threshold):  # every call hangs\n    time.sleep(600)\n"
    slow = subs / "a-slow" / "gradient_clipping.py"
    slow.write_text(daemon_code + slow.read_text(encoding="utf-8") + hang, encoding="utf-8")
    write_student(subs / "b-good", "good", EXERCISES[:1])
    db = tmp_path / "g.sqlite"
    # per call 60 s: only the wall limit of the whole submission can stop the hang
    summary = batch(subs, db, "--slots", "1", "--timeout", "60", "--submission-timeout", "20")
    assert summary["graded_students"] == 2
    results = rows(db)[0]
    # the student's exercises run in parallel lanes: the others finished and are kept
    for ex in ("conv_output_size", "embedding"):
        assert results["a-slow", ex]["status"] == "passed"
    assert results["a-slow", "gradient_clipping"]["status"] == "timeout"
    assert "wall limit of 20 s" in results["a-slow", "gradient_clipping"]["message"]
    assert results["b-good", "conv_output_size"]["status"] == "passed"  # a fresh slot
    daemon = int(pidfile.read_text())
    assert not Path(f"/proc/{daemon}").exists() or \
        Path(f"/proc/{daemon}/stat").read_text().rsplit(")", 1)[-1].split()[0] == "Z"


ORPHAN_ATTACK = '''
import os, signal, time


def _attack():
    """Leave a setsid() grandchild behind, then kill the fork-server: the worker dies with
    it (parent-death signal), the grandchild is adopted by the nearest subreaper above.
    There it notes at once who adopted it (the test's proof: a slot, never the batch), then
    tries `killpg(getppid())` and `kill(getppid())` unless its slot has reaped it first."""
    worker = os.getpid()
    if os.fork() == 0:  # a parent-death signal is not inherited: this one lives on
        try:
            os.setsid()
            for _ in range(1000):
                if os.getppid() != worker:
                    break
                time.sleep(0.01)
            adopter = os.getppid()  # noted at once: the slot may reap this process soon
            with open({record!r}, "w") as f:
                f.write(f"{{adopter}} {{os.getpgid(adopter)}}")
            time.sleep(0.3)  # until the fork-server's own end has been dealt with
            for send in (os.killpg, os.kill):
                try:
                    send(adopter, signal.SIGKILL)
                except OSError:
                    pass
        finally:
            os._exit(0)
    os.kill(os.getppid(), signal.SIGKILL)  # the fork-server


_original = conv_output_size


def conv_output_size(*args, **kwargs):
    _attack()
    return _original(*args, **kwargs)
'''


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_an_orphan_of_a_killed_fork_server_cannot_reach_the_batch(tmp_path):
    """Regression (a red-team run SIGKILLed after 23 s): a student's process that outlived
    its fork-server was adopted by the batch's parent (the subreaper) and killed it with
    `killpg(getppid())`. Each slot now leads its own session and adopts its own orphans:
    the worst such a process reaches is its own slot, and the batch goes on."""
    subs = tmp_path / "subs"
    write_student(subs / "a-orphan", "good", EXERCISES[:1])
    record = tmp_path / "adopter.txt"
    path = subs / "a-orphan" / "conv_output_size.py"
    path.write_text(path.read_text(encoding="utf-8")
                    + ORPHAN_ATTACK.format(record=str(record)), encoding="utf-8")
    write_student(subs / "b-good", "good")
    db = tmp_path / "g.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader.cli.instructor", "--course", str(ROOT), "batch",
         str(subs), "--db", str(db), "--sandbox", "none", "--slots", "1", "--json",
         "--quiet"], cwd=tmp_path, env=dict(os.environ, EDRILL_LANG="en"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)  # the batch leads its group, as from a shell
    try:
        out, err = proc.communicate(timeout=240)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode in (0, 3), f"the batch was killed ({proc.returncode}): {err}"
    adopter, group = map(int, record.read_text().split())
    assert adopter != proc.pid and group != proc.pid, (adopter, group, proc.pid)
    summary = json.loads(out)
    assert summary["graded_students"] == 2
    results = rows(db)[0]
    assert {results["b-good", ex]["status"] for ex in EXERCISES} == {"passed"}
    assert results["a-orphan", "conv_output_size"]["score"] == 0


LOOPERS = 5
HEAVY = ["lstm_cell", "simple_rnn_binary_addition", "gru_update", "batchnorm_backward",
         "two_layer_net_training", "momentum", "adam", "rmsprop"]
LOOP_EVERY_FUNCTION = '''

import types as _types

for _name, _value in list(globals().items()):  # every function of the module loops
    if isinstance(_value, _types.FunctionType) and not _name.startswith("_"):
        def _looping(*args, **kwargs):
            while True:
                pass
        globals()[_name] = _looping
'''


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs CPU affinity")
def test_honest_heavy_exercises_pass_on_a_saturated_core_next_to_loopers(tmp_path):
    """Fairness of the per-call clock: the whole batch on ONE core, four slots with their
    lanes, five students whose every function loops beside an honest student with the
    course's heaviest training runs, with a per-call timeout of 1 s. The honest calls wait
    for the core longer than their wall timeout; they are not cut for it (the clock gives
    a call that only waited more time, up to S/10 of CPU), while every loop is still cut.
    (test_worker's busy-core test shows the clock itself against a plain wall clock.)"""
    subs = tmp_path / "subs"
    write_student(subs / "honest", "good", HEAVY)
    for k in range(LOOPERS):
        write_student(subs / f"loop{k}", "good", HEAVY)
        for path in (subs / f"loop{k}").iterdir():
            path.write_text(path.read_text(encoding="utf-8") + LOOP_EVERY_FUNCTION,
                            encoding="utf-8")
    db = tmp_path / "g.sqlite"
    core = min(os.sched_getaffinity(0))
    proc = subprocess.run(
        [sys.executable, "-m", "grader.cli.instructor", "--course", str(ROOT), "batch",
         str(subs), "--db", str(db), "--sandbox", "none", "--slots", "4", "--timeout", "1",
         "--submission-timeout", "600", "--json", "--quiet"],
        cwd=tmp_path, env=dict(os.environ, EDRILL_LANG="en"), capture_output=True,
        text=True, timeout=900, preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    assert proc.returncode == 0, proc.stderr
    results = rows(db)[0]
    honest = {ex: (results["honest", ex]["status"], results["honest", ex]["message"])
              for ex in HEAVY}
    assert all(status == "passed" for status, _ in honest.values()), honest
    for k in range(LOOPERS):
        statuses = [results[f"loop{k}", ex]["status"] for ex in HEAVY]
        assert statuses.count("timeout") >= 4, statuses  # (methods of classes do not loop)
