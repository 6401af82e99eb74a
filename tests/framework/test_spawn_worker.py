"""The spawned worker (Windows' path, grader.worker.spawn), run here with EDRILL_WORKER=spawn:
the same verdicts as the fork-server, and a timeout kills the worker's whole process tree.
The Job Object calls themselves need Windows; their structure is checked here."""

from __future__ import annotations

import ctypes
import os
import sys
import time
from pathlib import Path

import pytest

from grader.worker.spawn import (
    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    job_limits,
)
from tests.framework.conftest import by_id, grade_json

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX run of the spawn path")

IDS = ["conv_output_size", "sigmoid", "softmax"]


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def test_spawned_workers_give_the_fork_servers_verdicts(workspace: Path):
    path = workspace / "conv_output_size.py"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "return _blank(1)", "return (H + 2 * P - FH) / S + 1"), encoding="utf-8")
    code_f, forked = grade_json(*IDS, cwd=workspace, env={"EDRILL_WORKER": "fork"})
    code_s, spawned = grade_json(*IDS, cwd=workspace, env={"EDRILL_WORKER": "spawn"})
    assert code_f == code_s == 1
    assert by_id(forked) == by_id(spawned)
    assert by_id(spawned)["conv_output_size"]["status"] == "failed"


def test_a_timeout_kills_the_whole_tree(workspace: Path, tmp_path: Path):
    pids = tmp_path / "pids"
    path = workspace / "conv_output_size.py"
    path.write_text(path.read_text(encoding="utf-8").replace("return _blank(1)", (
        "import os, subprocess, sys\n"
        "    child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(120)'])\n"
        f"    open({str(pids)!r}, 'a').write(f'{{os.getpid()}} {{child.pid}}\\n')\n"
        "    while True:\n        pass")), encoding="utf-8")
    code, report = grade_json("conv_output_size", "--timeout", "1", cwd=workspace,
                              env={"EDRILL_WORKER": "spawn"})
    assert code == 1 and by_id(report)["conv_output_size"]["status"] == "timeout"
    started = [int(p) for line in pids.read_text().split("\n") if line for p in line.split()]
    assert started, "the student's code never ran"
    deadline = time.monotonic() + 5
    while any(alive(p) for p in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [p for p in started if alive(p)], "a process of the worker outlived the timeout"
    assert os.getpid() not in started


def test_job_object_limits_have_windows_layout():
    info = job_limits(memory=4 * 1024**3, cpu_seconds=120)
    if ctypes.sizeof(ctypes.c_void_p) == 8:
        assert ctypes.sizeof(info) == 144  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION on x64
    flags = info.BasicLimitInformation.LimitFlags
    assert flags & JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE and flags & JOB_OBJECT_LIMIT_PROCESS_MEMORY
    assert info.ProcessMemoryLimit == 4 * 1024**3
    assert info.BasicLimitInformation.PerProcessUserTimeLimit == 120 * 10_000_000


def test_the_client_spawns_when_asked(monkeypatch):
    from grader.worker.client import ForkServerClient
    from grader.worker.spawn import SpawnServerClient

    monkeypatch.setenv("EDRILL_WORKER", "spawn")
    server = ForkServerClient()
    try:
        assert isinstance(server, SpawnServerClient) and server.proc is None
    finally:
        server.close()
    monkeypatch.delenv("EDRILL_WORKER")
    server = ForkServerClient()
    try:
        assert not isinstance(server, SpawnServerClient)
    finally:
        server.close()
