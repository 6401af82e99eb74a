"""Everyday comfort: `grade watch`, `grade reset ID`, `grade update` — never losing an answer."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.framework.conftest import ROOT, run_cli

SOLVED = ROOT / "solutions"


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- watch


def test_watch_grades_again_on_save_and_stops_on_ctrl_c(workspace):
    env = dict(os.environ, EDRILL_LANG="en", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "grader.cli.grade", "watch", "sigmoid",
                             "--interval", "0.1"], cwd=workspace, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()

    def wait_for(text: str, seconds: float = 60) -> list[str]:
        seen, end = [], time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if text in line:
                return seen
        raise AssertionError(f"no {text!r} in:\n{''.join(seen)}")

    try:
        wait_for("Watching 1 exercise files")
        assert any("not filled in yet" in x for x in wait_for("Progress: 0/1"))
        time.sleep(0.3)
        shutil.copy(SOLVED / "sigmoid.py", workspace / "sigmoid.py")  # the student saves
        os.utime(workspace / "sigmoid.py")
        assert any("✔ sigmoid" in x for x in wait_for("Progress: 1/1"))
        proc.send_signal(signal.SIGINT)
        wait_for("Stopped watching.")
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    state = json.loads((workspace / ".edrill" / "state.json").read_text(encoding="utf-8"))
    assert state["results"]["sigmoid"]["status"] == "passed"  # remembered like `grade`
    sessions = run_cli("grade", "progress", "--json", cwd=workspace)
    assert json.loads(sessions.stdout)["activity"][-1]["grade_runs"] == 2


def test_watch_refuses_bad_input(workspace, tmp_path):
    assert run_cli("grade", "watch", "nope", cwd=workspace).returncode == 2
    bad = run_cli("grade", "watch", "--interval", "0", cwd=workspace)
    assert bad.returncode == 2 and "--interval" in bad.stderr
    assert run_cli("grade", "watch", cwd=tmp_path).returncode == 2


# --------------------------------------------------------------------------- reset


def test_reset_restores_the_stub_and_keeps_a_timestamped_backup(workspace):
    stub = (workspace / "gru_update.py").read_bytes()
    mine = b"# my answer\n" + stub
    (workspace / "gru_update.py").write_bytes(mine)
    proc = run_cli("grade", "reset", "gru_update", cwd=workspace)
    assert proc.returncode == 0, proc.stderr
    assert (workspace / "gru_update.py").read_bytes() == stub
    backups = list((workspace / "backups").glob("gru_update-*.py"))
    assert len(backups) == 1 and backups[0].read_bytes() == mine
    assert str(backups[0].relative_to(workspace)) in proc.stdout
    # again: nothing to do, no second backup; a second edit gets a backup of its own
    assert "already the stub" in run_cli("grade", "reset", "gru_update", cwd=workspace).stdout
    (workspace / "gru_update.py").write_bytes(b"# second try\n")
    assert run_cli("grade", "reset", "gru_update", cwd=workspace).returncode == 0
    kept = sorted(p.read_bytes() for p in (workspace / "backups").glob("gru_update-*.py"))
    assert kept == sorted([mine, b"# second try\n"])
    # a missing file comes back; Japanese messages
    (workspace / "sigmoid.py").unlink()
    ja = run_cli("grade", "reset", "sigmoid", "--lang", "ja", cwd=workspace)
    assert ja.returncode == 0 and "スタブを置きました" in ja.stdout
    assert (workspace / "sigmoid.py").exists()


def test_reset_refuses_bad_input_in_one_line(workspace, tmp_path):
    proc = run_cli("grade", "reset", "nope", cwd=workspace)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "no exercise nope" in proc.stderr
    assert run_cli("grade", "reset", "sigmoid", cwd=tmp_path).returncode == 2
    # a workspace without its kept stubs, and no course of its version to take them from
    shutil.rmtree(workspace / ".edrill" / "stubs")
    marker = workspace / ".edrill" / "workspace.json"
    data = json.loads(marker.read_text(encoding="utf-8"))
    data["course"]["version"] = "1999.1.1"
    marker.write_text(json.dumps(data), encoding="utf-8")
    (workspace / "sigmoid.py").write_text("# mine\n", encoding="utf-8")
    old = run_cli("grade", "reset", "sigmoid", cwd=workspace)
    assert old.returncode == 2 and "grade update" in old.stderr
    assert (workspace / "sigmoid.py").read_text(encoding="utf-8") == "# mine\n"


# --------------------------------------------------------------------------- update


def old_course(tmp_path: Path) -> Path:
    """The course as it was: version 2026.10.0, without `pruning`, with an exercise the
    new version dropped (`old_sigmoid`), and other stubs for gru_update and gru_reset."""
    old = tmp_path / "old-course"
    shutil.copytree(ROOT / "tests" / "suites", old / "tests" / "suites")
    shutil.copytree(ROOT / "exercises", old / "exercises")
    shutil.copy(ROOT / "course.toml", old / "course.toml")
    ex = old / "exercises"
    meta = ex / ".edrill"
    manifest = json.loads((meta / "course.json").read_text(encoding="utf-8"))
    manifest["course"]["version"] = "2026.10.0"
    entries = [e for e in manifest["exercises"] if e["id"] != "pruning"]
    dropped = dict(next(e for e in entries if e["id"] == "sigmoid"), id="old_sigmoid")
    manifest["exercises"] = [*entries, dropped]
    (meta / "course.json").write_text(json.dumps(manifest, ensure_ascii=False),
                                      encoding="utf-8")
    shutil.copy(ex / "sigmoid.py", ex / "old_sigmoid.py")
    shutil.copy(old / "tests" / "suites" / "test_sigmoid.py",
                old / "tests" / "suites" / "test_old_sigmoid.py")
    shutil.copy(meta / "recorded" / "sigmoid.npz", meta / "recorded" / "old_sigmoid.npz")
    for ex_id in ("gru_update", "gru_reset"):
        path = ex / f"{ex_id}.py"
        path.write_text("# the stub of 2026.10.0\n" + path.read_text(encoding="utf-8"),
                        encoding="utf-8")
    return old


def test_update_brings_a_workspace_to_the_new_version_without_losing_an_answer(tmp_path):
    old = old_course(tmp_path)
    ws = tmp_path / "ws"
    made = run_cli("grade", "init", str(ws), "--course", str(old))
    assert made.returncode == 0, made.stderr
    assert not (ws / "pruning.py").exists()
    # the student: answers gru_update (its stub will change), sigmoid (its stub will not),
    # old_sigmoid (dropped), leaves gru_reset untouched, grades once, asks a hint
    answers = {
        "gru_update": b"# my GRU\n" + (ws / "gru_update.py").read_bytes(),
        "sigmoid": (SOLVED / "sigmoid.py").read_bytes(),
        "old_sigmoid": b"# my old one\n",
    }
    for ex_id, data in answers.items():
        (ws / f"{ex_id}.py").write_bytes(data)
    assert run_cli("grade", "sigmoid", cwd=ws).returncode == 0
    assert run_cli("grade", "hint", "gru_update", cwd=ws).returncode == 0
    progress = (ws / ".edrill" / "progress.sqlite").read_bytes()
    state = (ws / ".edrill" / "state.json").read_bytes()

    before = tree_digest(ws)
    dry = run_cli("grade", "update", "--from", str(ROOT), "--dry-run", cwd=ws)
    assert dry.returncode == 0, dry.stderr
    assert "2026.10.0 → 2026.11.1" in dry.stdout and "dry run" in dry.stdout
    assert tree_digest(ws) == before

    proc = run_cli("grade", "update", "--from", str(ROOT), cwd=ws)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "new stubs: pruning" in out
    assert "replaced by the new ones: gru_reset" in out
    assert "gru_update.py + gru_update.new.py" in out
    assert "no longer in the course, your files kept: old_sigmoid" in out
    # not a single answer lost: every edited file byte for byte
    for ex_id, data in answers.items():
        assert (ws / f"{ex_id}.py").read_bytes() == data, ex_id
    new_stub = (ROOT / "exercises" / "gru_update.py").read_bytes()
    assert (ws / "gru_update.new.py").read_bytes() == new_stub
    assert (ws / "gru_reset.py").read_bytes() == (ROOT / "exercises" / "gru_reset.py").read_bytes()
    assert (ws / "pruning.py").read_bytes() == (ROOT / "exercises" / "pruning.py").read_bytes()
    assert not (ws / "sigmoid.new.py").exists()
    # the new public data, the old kept in .edrill/previous/, progress and state untouched
    meta = ws / ".edrill"
    assert json.loads((meta / "workspace.json").read_text())["course"]["version"] == "2026.11.1"
    assert (meta / "suites" / "test_pruning.py").is_file()
    assert not (meta / "suites" / "test_old_sigmoid.py").exists()
    previous = [p for p in (meta / "previous").iterdir()]
    assert len(previous) == 1 and (previous[0] / "suites" / "test_old_sigmoid.py").is_file()
    assert (previous[0] / "files" / "gru_reset.py").read_bytes().startswith(
        b"# the stub of 2026.10.0")
    assert (meta / "progress.sqlite").read_bytes() == progress
    assert (meta / "state.json").read_bytes() == state
    # it grades, the quiz still serves, and a second update has nothing to do
    graded = run_cli("grade", "--json", "sigmoid", "pruning", cwd=ws)
    assert graded.returncode == 1, graded.stderr
    statuses = {e["id"]: e["status"] for e in json.loads(graded.stdout)["exercises"]}
    assert statuses == {"sigmoid": "passed", "pruning": "unfilled"}
    assert run_cli("grade", "quiz", "--count", "1", "--seed", "1", "--json",
                   cwd=ws).returncode == 0
    again = run_cli("grade", "update", "--from", str(ROOT), cwd=ws)
    assert again.returncode == 0 and "up to date" in again.stdout
    assert (ws / "gru_update.new.py").read_bytes() == new_stub


def test_update_of_a_workspace_that_kept_no_stubs_never_writes_an_edited_file(workspace):
    shutil.rmtree(workspace / ".edrill" / "stubs")  # made by an older edrill
    mine = b"# my answer\n" + (workspace / "gru_update.py").read_bytes()
    (workspace / "gru_update.py").write_bytes(mine)
    suite = workspace / ".edrill" / "suites" / "test_gru_update.py"
    suite.write_text(suite.read_text(encoding="utf-8") + "\n# older\n", encoding="utf-8")
    proc = run_cli("grade", "update", "--from", str(ROOT), cwd=workspace)
    assert proc.returncode == 0, proc.stderr
    assert (workspace / "gru_update.py").read_bytes() == mine
    assert (workspace / "gru_update.new.py").is_file()
    assert (workspace / ".edrill" / "stubs" / "gru_update.py").is_file()
    # now the stubs are kept: reset works
    assert run_cli("grade", "reset", "gru_update", cwd=workspace).returncode == 0


def test_update_refuses_bad_sources_in_one_line(workspace, tmp_path):
    for args, words in ((["--from", str(tmp_path / "nope")], "no such folder"),
                        (["--from", str(workspace)], "is this workspace")):
        proc = run_cli("grade", "update", *args, cwd=workspace)
        assert proc.returncode == 2 and words in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    broken = old_course(tmp_path)
    (broken / "exercises" / ".edrill" / "recorded" / "sigmoid.npz").unlink()
    proc = run_cli("grade", "update", "--from", str(broken), cwd=workspace)
    assert proc.returncode == 2 and "incomplete" in proc.stderr and "sigmoid" in proc.stderr
