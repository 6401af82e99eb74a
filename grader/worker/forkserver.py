"""The fork-server: a process with numpy loaded that forks one fresh worker per exercise.

A cold Python with numpy costs ~0.2 s; a fork of a process that already holds numpy costs
~2 ms (GRADING.md). The fork-server never runs student code itself. It answers requests
on a datagram control socket from the trusted process:

- ``fork`` (with one socket attached as SCM_RIGHTS): fork a worker that serves on it
  (its first message, a hello with its pid, is the answer: the fork-server sends none);
- ``kill``: SIGKILL the worker's process group, reap it, sweep its orphans;
- ``reap``: wait (briefly) for a worker that ended by itself and report how it ended.

A request that wants an answer carries, as its last attached descriptor, a socket of its
own for the reply (``reply_fd``): several trusted processes (a slot's lanes) may share one
fork-server, and their replies must not cross on the one control socket.

It sets itself as child subreaper (Linux), so a student's double-forked or `setsid()`
process that escapes the worker's process group is re-parented here and killed in the
sweep. It dies with the trusted process (PR_SET_PDEATHSIG, and EOF on its socket).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import json
import os
import pkgutil
import signal
import socket
import sys
import time

MAX_MESSAGE = 64 * 1024


def _prctl(option: int, value: int) -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36


def describe_status(status: int) -> dict:
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status)}
    return {"exit": os.WEXITSTATUS(status)}


class ForkServer:
    def __init__(self, ctrl: socket.socket) -> None:
        self.ctrl = ctrl
        self.workers: dict[int, dict | None] = {}  # pid -> exit status once reaped

    def reply(self, message: dict, to: socket.socket | None = None) -> None:
        """Answer on the request's own reply socket (closed after), else on the control
        socket (only the start-up `ready` goes there)."""
        data = json.dumps(message).encode()
        if to is None:
            self.ctrl.send(data)
            return
        with contextlib.suppress(OSError):  # the asker may be gone: nothing to answer
            to.send(data)
        to.close()

    def collect(self) -> None:
        """Reap every child that has ended; remember how the workers ended."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid in self.workers:
                self.workers[pid] = describe_status(status)

    def children(self) -> set[int]:
        pids: set[int] = set()
        task_dir = f"/proc/{os.getpid()}/task"
        try:
            for tid in os.listdir(task_dir):
                with open(f"{task_dir}/{tid}/children") as f:
                    pids.update(int(p) for p in f.read().split())
        except OSError:
            pass
        return pids

    def sweep_orphans(self) -> None:
        """Kill every child that is not a live worker: escaped grandchildren of workers."""
        for _ in range(50):
            self.collect()
            live = {p for p, st in self.workers.items() if st is None}
            strays = self.children() - live
            if not strays:
                return
            for pid in strays:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pid, signal.SIGKILL)
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.001)

    def wait_for(self, pid: int, timeout: float) -> dict | None:
        deadline = time.monotonic() + timeout
        while True:
            self.collect()
            status = self.workers.get(pid)
            if status is not None or time.monotonic() >= deadline:
                return status
            time.sleep(0.0005)

    def finish(self, pid: int, kill: bool, wait: float) -> dict:
        status = self.wait_for(pid, 0 if kill else wait)
        if status is None:
            for send in (os.killpg, os.kill):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    send(pid, signal.SIGKILL)
            status = self.wait_for(pid, 5.0)
            killed = True
        else:
            killed = False
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)  # whatever it left behind in its group
        self.sweep_orphans()
        self.workers.pop(pid, None)
        return {"pid": pid, "status": status, "killed": killed}

    def fork(self, spec: dict, fd: int, log_fd: int | None = None,
             reply_to: socket.socket | None = None) -> int:
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                self.ctrl.close()
                if reply_to is not None:
                    reply_to.close()
                os.setsid()
                _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
                if os.getppid() != parent:
                    # the fork-server died before the line above: this worker would live on
                    # under whoever adopted it (a name a student could signal); it must not
                    os._exit(70)
                from grader.worker import child

                child.start(socket.socket(fileno=fd), spec, log_fd)
            except BaseException:  # noqa: B036 - never return into the server's loop
                code = 70
            finally:
                os._exit(code)
        os.close(fd)
        if log_fd is not None:
            os.close(log_fd)
        self.workers[pid] = None
        return pid

    def serve(self) -> None:
        self.reply({"ready": True, "pid": os.getpid()})
        while True:
            try:
                data, fds, _flags, _addr = socket.recv_fds(self.ctrl, MAX_MESSAGE, 4)
            except OSError:
                break
            if not data:
                break
            try:
                request = json.loads(data)
            except ValueError:
                request = {}
            to = None
            if request.get("reply_fd") and fds:  # the asker's own socket for the answer
                to = socket.socket(fileno=fds.pop())
            wants = to is not None
            op = request.get("op")
            if op == "fork":
                # one socket, and the open log file when the trusted side sends it (sandbox)
                wanted = 2 if isinstance(request.get("spec"), dict) and request["spec"].get(
                    "log_fd") else 1
                if len(fds) != wanted:
                    for fd in fds:
                        os.close(fd)
                    if wants:
                        self.reply({"error": "fork needs exactly one socket"}, to)
                    continue
                try:
                    pid = self.fork(request["spec"], fds[0], fds[1] if wanted == 2 else None,
                                    to)
                except OSError as err:  # no fork (a process limit): the worker never says hello
                    for fd in fds:
                        os.close(fd)
                    if wants:
                        self.reply({"error": f"fork failed: {err}"}, to)
                    continue
                if wants:
                    self.reply({"pid": pid}, to)
            elif op in ("kill", "reap"):
                for fd in fds:
                    os.close(fd)
                outcome = self.finish(int(request["pid"]), op == "kill",
                                      float(request.get("wait", 1.0)))
                if wants:
                    self.reply(outcome, to)
            elif op == "quit":
                break
            else:
                for fd in fds:
                    os.close(fd)
                if wants:
                    self.reply({"error": f"unknown op {op!r}"}, to)
        for pid in list(self.workers):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        self.sweep_orphans()


def main() -> None:
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    if "--sandboxed" in sys.argv[2:]:
        # In a sandbox the workers run as the fork-server's own uid: undumpable, it cannot
        # be ptraced (nor its memory written through /proc) by a worker. The workers inherit
        # this, so neither can one worker touch another.
        _prctl(PR_SET_DUMPABLE, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the trusted process
    ctrl = socket.socket(fileno=int(sys.argv[1]))
    # What every worker needs, loaded once: numpy (with numpy.random), the worker's own
    # code, and the trusted harnesses the suites run in workers (`judge` is not one: it
    # judges in the trusted process).
    import numpy  # noqa: F401
    import numpy.random  # noqa: F401 - loaded lazily by numpy: once here, not per worker

    import grader.harness
    import grader.worker.child  # noqa: F401

    for info in pkgutil.iter_modules(grader.harness.__path__):
        if info.name != "judge":
            with contextlib.suppress(ImportError):
                importlib.import_module(f"grader.harness.{info.name}")

    # Move everything loaded so far out of the garbage collector's reach: a worker's
    # collections then do not write to (and copy) the pages it shares with this process.
    gc.freeze()
    ForkServer(ctrl).serve()


if __name__ == "__main__":
    main()
