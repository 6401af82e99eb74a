"""The worker boundary itself, on a small module: values, handles, in-place updates, ends."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from grader.worker.client import ForkServerClient
from grader.worker.session import (
    IsolatedSession,
    StaleHandle,
    StudentCrash,
    StudentError,
    StudentImportError,
    StudentTimeout,
)

MODULE = '''
import os, sys, time
import numpy as np

def add(a, b):
    return a + b

def scalar():
    return np.int64(3), 3, 3.0, np.float32(1.5), True, None, "text"

def sgd(params, grads, lr=0.1):
    for key in params:
        params[key] -= lr * grads[key]

def rebind(params):
    params["W"] = params["W"] * 2
    params["new"] = np.ones(1)

class Layer:
    def __init__(self, W):
        self.params = [W]
        self.grads = [np.zeros_like(W)]
    def forward(self, x):
        self.x = x
        return x @ self.params[0]
    def backward(self, dout):
        self.grads[0][...] = self.x.T @ dout
        return dout @ self.params[0].T

def boom():
    raise ValueError("shapes (3,8) and (16,3) not aligned")

def unfilled():
    raise NotImplementedError("blank 2 of demo is not filled in yet")

def spin():
    while True:
        pass

def hard_exit():
    os._exit(0)

def big():
    return np.zeros(10)
'''


@pytest.fixture(scope="module")
def server():
    srv = ForkServerClient()
    yield srv
    srv.close()


@pytest.fixture
def session(server, tmp_path: Path):
    path = tmp_path / "demo.py"
    path.write_text(MODULE)
    s = IsolatedSession(server, path, "demo", tmp_path, timeout=1.0)
    yield s
    s.close()


def test_calls_return_plain_data_with_types_kept(session):
    assert np.array_equal(session.module.add(np.ones(3), 2.0), np.full(3, 3.0))
    got = session.module.scalar()
    assert [type(v) for v in got] == [np.int64, int, float, np.float32, bool, type(None), str]


def test_in_place_updates_reach_the_caller(session):
    params = {"W": np.ones((2, 2)), "b": np.zeros(2)}
    W = params["W"]
    session.module.sgd(params, {"W": np.ones((2, 2)), "b": np.ones(2)})
    assert W is params["W"] and np.allclose(W, 0.9) and np.allclose(params["b"], -0.1)
    session.module.rebind(params)
    assert np.allclose(params["W"], 1.8) and "new" in params


def test_a_replaced_entry_is_replaced_and_one_written_into_is_written_into(session):
    # as in one process: an array held before the call sees in-place writes only
    params = {"W": np.ones((2, 2)), "b": np.zeros(2)}
    held = dict(params)
    session.module.rebind(params)  # params["W"] = params["W"] * 2
    assert np.allclose(params["W"], 2.0) and params["W"] is not held["W"]
    assert np.allclose(held["W"], 1.0)
    del params["new"]
    session.module.sgd(params, {"W": np.ones((2, 2)), "b": np.ones(2)}, 0.5)
    assert np.allclose(params["W"], 1.5) and np.allclose(held["b"], -0.5)
    assert np.allclose(held["W"], 1.0)


def test_objects_live_in_the_worker_behind_handles(session):
    layer = session.module.Layer(np.eye(2) * 2)
    out = layer.forward(np.ones((3, 2)))
    assert np.allclose(out, 2.0)
    layer.backward(np.ones((3, 2)))
    assert np.allclose(layer.grads[0], 3.0)
    layer.params = [np.eye(2)]
    assert np.allclose(layer.forward(np.ones((1, 2))), 1.0)


def test_exceptions_come_back_with_type_message_and_line(session):
    with pytest.raises(StudentError) as err:
        session.module.boom()
    assert err.value.type == "ValueError" and "not aligned" in err.value.message
    raise_line = MODULE.splitlines().index("def boom():") + 2
    assert err.value.frames[-1]["file"] == "demo.py"
    assert err.value.frames[-1]["line"] == raise_line
    with pytest.raises(StudentError) as err:
        session.module.unfilled()
    assert err.value.unfilled_blank == 2


def test_a_timeout_kills_the_worker_and_is_remembered(session):
    with pytest.raises(StudentTimeout):
        session.module.spin()
    with pytest.raises(StudentTimeout) as err:
        session.module.add(1, 2)
    assert err.value.earlier


def test_after_a_crash_a_fresh_worker_serves_and_old_handles_are_stale(session):
    layer = session.module.Layer(np.eye(2))
    with pytest.raises(StudentCrash) as err:
        session.module.hard_exit()
    assert err.value.exit_code == 0
    assert session.module.add(1, 2) == 3
    with pytest.raises(StaleHandle):
        layer.forward(np.ones((1, 2)))


def test_an_import_failure_is_remembered(server, tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("def f(:\n    pass\n")
    s = IsolatedSession(server, path, "broken", tmp_path)
    try:
        for _ in range(2):
            with pytest.raises(StudentImportError) as err:
                s.module.f()
            assert err.value.cause.type == "SyntaxError"
        assert s.generation == 1  # the second call did not start another worker
    finally:
        s.close()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux")
def test_a_worker_whose_fork_server_died_before_it_was_set_up_never_runs(tmp_path):
    """Regression: a worker forked just before its fork-server was killed (by another
    exercise of the same student) had no parent-death signal yet, lived on under whoever
    adopted it and ran the student's code there. It must end instead of saying hello."""
    import os
    import socket
    import time

    from grader.worker import forkserver

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    ctrl, ctrl_theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    pid = os.fork()
    if pid == 0:  # plays the fork-server, and dies right after forking the worker
        try:
            ours.close()  # the worker must hold no end of the test's side
            ctrl.close()
            me = os.getpid()
            real = forkserver._prctl

            def late(option: int, value: int) -> None:  # the worker is slow to set it up
                if option == forkserver.PR_SET_PDEATHSIG:
                    deadline = time.monotonic() + 10
                    while os.getppid() == me and time.monotonic() < deadline:
                        time.sleep(0.01)
                real(option, value)

            forkserver._prctl = late
            spec = {"module_path": str(tmp_path / "m.py"), "module_name": "m",
                    "student_dir": str(tmp_path), "log_path": str(tmp_path / "log")}
            forkserver.ForkServer(ctrl_theirs).fork(spec, os.dup(theirs.fileno()))
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    theirs.close()
    ctrl_theirs.close()
    ours.settimeout(20)
    try:
        said = ours.recv(100)
    finally:
        ours.close()  # a worker that did say hello sees the end of its channel and ends
        ctrl.close()
    assert said == b"", f"the orphaned worker said hello: {said!r}"


BUSY = '''
import time

def burn(seconds):
    """Use `seconds` of CPU time (not wall time), whatever the machine's speed."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return True

def spin():
    while True:
        pass
'''


@pytest.mark.skipif(not (hasattr(os, "sched_setaffinity")
                         and Path("/proc/self/schedstat").exists()),
                    reason="needs CPU affinity and /proc/<pid>/schedstat (Linux)")
def test_a_call_that_only_waited_for_a_busy_core_is_not_cut(tmp_path):
    """The per-call clock (CallClock): one core shared by 30 busy processes and the worker.
    A call needing 0.12 s of CPU takes ~3.7 s of wall time there, over its 2 s timeout: it
    only waited for the core, and it is under the CPU floor (S/10 = 0.2 s), so it is not
    cut. A loop under the same contention is still cut. (A plain wall clock cuts both.)"""
    core = min(os.sched_getaffinity(0))
    mine = os.sched_getaffinity(0)
    # each in a session of its own, as each worker is: with the scheduler's autogroups,
    # sessions (not processes) share a core
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"],
                             preexec_fn=lambda: os.sched_setaffinity(0, {core}),
                             start_new_session=True)
            for _ in range(30)]
    try:
        os.sched_setaffinity(0, {core})  # the fork-server (and its workers) inherit it
        try:
            srv = ForkServerClient()
            srv.wait_ready()
        finally:
            os.sched_setaffinity(0, mine)
        path = tmp_path / "busy.py"
        path.write_text(BUSY)
        session = IsolatedSession(srv, path, "busy", tmp_path, timeout=2.0)
        try:
            start = time.monotonic()
            assert session.module.burn(0.12) is True
            waited = time.monotonic() - start
            assert waited > 2.0, f"the core was not busy enough to test this ({waited:.2f} s)"
            with pytest.raises(StudentTimeout):
                session.module.spin()
        finally:
            session.close()
            srv.close()
    finally:
        for hog in hogs:
            hog.kill()
        for hog in hogs:
            hog.wait()
