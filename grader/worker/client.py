"""The trusted side's handle on worker processes: the fork-server and one worker.

`ForkServerClient` starts the fork-server (in the background: the first fork waits for it,
so the 0.2 s of a cold numpy overlaps with loading pytest and the suites; this module
imports nothing heavy, so a command can start the fork-server first thing). `WorkerProcess`
is one forked worker and its channel; every request has a wall-clock deadline, and a
worker that misses it is killed with its whole process tree.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported by the channel, not before the fork-server starts
    import numpy as np

PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])
SINGLE_THREAD_ENV = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
}
SIGNAL_NAMES = {int(s): s.name for s in signal.Signals}
# The per-call clock (`CallClock`): a call over its timeout S of wall time is cut, unless
# it was slow because it waited for a CPU (other students' code on a busy machine): then it
# runs on until it has had CPU_FLOOR × S seconds of CPU, or would be over S even without
# the waiting, or reaches BACKSTOP × S of wall time. The course's honest calls need far
# less: at most 4 % of their timeout in CPU time (0.04 s of 3 s; the LSTM memory task
# 0.73 s of its 20 s), so S/10 leaves them a margin of 2.5x to 7x on a slower machine,
# while a loop on a busy machine costs S/10 of CPU instead of S.
CPU_FLOOR = 0.1
BACKSTOP = 10.0


class WorkerGone(Exception):
    """The worker ended (or was killed) before it answered."""

    def __init__(self, how: dict | None, timed_out: bool = False) -> None:
        self.how = how or {}
        self.timed_out = timed_out
        super().__init__(describe_end(self.how))


def describe_end(how: dict) -> str:
    status = how.get("status") or {}
    if "signal" in status:
        name = SIGNAL_NAMES.get(status["signal"], f"signal {status['signal']}")
        return f"killed by {name}"
    if "exit" in status:
        return f"exited with status {status['exit']}"
    return "ended"


class ForkServerError(RuntimeError):
    pass


@dataclass
class Launcher:
    """How to start the fork-server inside a sandbox (grader.sandbox.linux builds these).

    The command run is ``argv_prefix + [python, "-I", "-B", "-c", <start code>, <fd>,
    "--sandboxed"]``: `argv_prefix` is e.g. ``bwrap …`` (it must keep the inherited control
    socket open), `python` and `package_parent` are paths as seen inside. `preexec` runs in
    the child before exec (rlimits, then dropping to the slot's uid); `env` is the
    environment of the launcher process itself. With `pid_namespace`, worker pids are
    pids of another namespace: the trusted side never signals them, it asks the
    fork-server (which runs inside) to kill. Worker logs are opened by the trusted side and
    passed to the worker as a file descriptor, so the worker needs no path to them.
    """

    argv_prefix: list[str]
    python: str
    package_parent: str
    preexec: Callable[[], None] | None = None
    env: dict[str, str] = field(default_factory=dict)
    pid_namespace: bool = True


class ForkServerClient:
    """A fork-server process, started at once, used when the first worker is needed."""

    def __new__(cls, extra_env: dict[str, str] | None = None,
                launcher: Launcher | None = None):
        # Windows (no fork): a spawned interpreter per worker, in a Job Object
        # (grader.worker.spawn); EDRILL_WORKER=spawn selects it anywhere, for its tests
        if cls is ForkServerClient and launcher is None:
            from grader.worker.spawn import SpawnServerClient, spawn_workers

            if spawn_workers():
                return super().__new__(SpawnServerClient)
        return super().__new__(cls)

    def __init__(self, extra_env: dict[str, str] | None = None,
                 launcher: Launcher | None = None) -> None:
        if not hasattr(os, "fork") or not hasattr(socket, "send_fds"):
            raise ForkServerError(
                "edrill's isolated worker needs a POSIX system (Linux or macOS) for now; on "
                "Windows, use WSL (Windows support is planned)")
        self.launcher = launcher
        self._owner = os.getpid()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._stderr = tempfile.TemporaryFile()
        if launcher is None:
            env = dict(os.environ, **SINGLE_THREAD_ENV, **(extra_env or {}))
            code = (f"import sys; sys.path.insert(0, {PACKAGE_PARENT!r}); "
                    "from grader.worker.forkserver import main; main()")
            self.proc = subprocess.Popen(
                [sys.executable, "-I", "-B", "-c", code, str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=self._stderr, env=env, close_fds=True,
            )
        else:
            code = (f"import sys; sys.path.insert(0, {launcher.package_parent!r}); "
                    "from grader.worker.forkserver import main; main()")
            self.proc = subprocess.Popen(
                [*launcher.argv_prefix, launcher.python, "-I", "-B", "-c", code,
                 str(theirs.fileno()), "--sandboxed"],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=self._stderr,
                env=dict(launcher.env, **(extra_env or {})), close_fds=True,
                preexec_fn=launcher.preexec,
            )
        theirs.close()
        self.ctrl = ours
        self.ready = False

    @property
    def sandboxed(self) -> bool:
        return self.launcher is not None

    def alive(self) -> bool:
        """The fork-server process (or its launcher) is still running (also asked from a
        forked copy of the process that started it, which cannot wait for it)."""
        if os.getpid() == self._owner:
            return self.proc.poll() is None
        try:
            with open(f"/proc/{self.proc.pid}/stat", "rb") as f:
                return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
        except (OSError, IndexError):
            return False

    def _recv(self, timeout: float) -> dict:
        self.ctrl.settimeout(timeout)
        try:
            data = self.ctrl.recv(64 * 1024)
        except TimeoutError:
            raise ForkServerError(self._failure("the fork-server did not answer")) from None
        if not data:
            raise ForkServerError(self._failure("the fork-server has ended"))
        return json.loads(data)

    def _await_sandboxed_ready(self, timeout: float = 60.0) -> None:
        """Wait for {"ready": true}; a launcher that ended (bwrap refused to start: its
        reason is on stderr) is reported at once, not after the whole timeout (a datagram
        socket does not tell us its other end closed)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._recv(min(0.1, max(0.001, deadline - time.monotonic())))
                return
            except ForkServerError:
                if time.monotonic() >= deadline:
                    raise
                if not self.alive():
                    raise ForkServerError(self._failure(
                        "the sandbox ended before its fork-server started")) from None

    def _failure(self, what: str) -> str:
        self._stderr.seek(0)
        err = self._stderr.read().decode("utf-8", "replace")[-2000:]
        return f"{what}{': ' + err.strip() if err.strip() else ''}"

    def request(self, message: dict, fds: list[int] = (), timeout: float = 30.0) -> dict:
        """Send a request and wait for its answer, which comes back on a socket made for
        this request alone (sent along with it): processes sharing this fork-server (a
        slot's lanes) never read each other's answers."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            try:
                self.notify(dict(message, reply_fd=True), [*fds, theirs.fileno()])
            finally:
                theirs.close()
            ours.settimeout(timeout)
            try:
                data = ours.recv(64 * 1024)
            except TimeoutError:
                raise ForkServerError(self._failure("the fork-server did not answer")) from None
            except OSError as err:
                raise ForkServerError(self._failure(f"the fork-server is gone ({err})")
                                      ) from None
        finally:
            ours.close()
        if not data:  # it ended with our socket unanswered
            raise ForkServerError(self._failure("the fork-server has ended"))
        reply = json.loads(data)
        if "error" in reply:
            raise ForkServerError(reply["error"])
        return reply

    def wait_ready(self) -> None:
        """Wait until the fork-server has started (its `ready` message); done by the
        process that started it before it forks lanes that share it."""
        if not self.ready:
            if self.launcher is not None:
                self._await_sandboxed_ready()
            else:
                self._recv(timeout=60.0)  # {"ready": true}
            self.ready = True

    def shutdown(self) -> None:
        """Ask the fork-server to stop its workers and quit (any process may do this)."""
        with contextlib.suppress(OSError):
            self.ctrl.send(json.dumps({"op": "quit"}).encode())
        self.ctrl.close()

    def reap(self) -> None:
        """Wait for the fork-server process (only the process that started it can)."""
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._stderr.close()

    def close(self) -> None:
        self.shutdown()
        self.reap()

    def notify(self, message: dict, fds: list[int] = ()) -> None:
        """Send a request (with `reply: false` it gets no answer)."""
        self.wait_ready()
        try:
            socket.send_fds(self.ctrl, [json.dumps(message).encode()], list(fds))
        except OSError as err:
            raise ForkServerError(self._failure(f"the fork-server is gone ({err})")) from None


def sched_stats(pid: int) -> tuple[float, float] | None:
    """(seconds on a CPU, seconds waiting in a run queue) of `pid`'s main thread, from
    /proc/<pid>/schedstat (Linux); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/schedstat", "rb") as f:
            run, wait = f.read().split()[:2]
        return int(run) / 1e9, int(wait) / 1e9
    except (OSError, ValueError):
        return None


def host_pid_of(root: int, nspid: int) -> int | None:
    """The host pid of the process under `root` whose pid in its own (innermost) pid
    namespace is `nspid` (a sandboxed worker), from /proc; None if there is none."""
    todo, seen = [root], 0
    while todo and seen < 4096:
        pid = todo.pop()
        seen += 1
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
        if pid == root:
            continue
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("NSpid:"):
                        if int(line.split()[-1]) == nspid:
                            return pid
                        break
        except (OSError, ValueError):
            continue
    return None


class CallClock:
    """Decides when a call into a worker is over its time, fairly on a busy machine.

    The limit S is wall-clock: code that loops, sleeps or blocks is cut after S seconds,
    as before. But many workers share the cores (slots, and lanes within a slot), and an
    honest call that only waited for a CPU must not be cut for it: when S has passed, the
    worker's scheduler statistics (/proc/<pid>/schedstat: time on a CPU, time waiting in
    a run queue) are read, and the call is given more time while (a) it would still be
    under S had it never waited for a CPU, and (b) it has had less than CPU_FLOOR × S
    seconds of CPU time. So a call needing up to S/10 s of CPU is never cut because other
    code kept the cores busy; a loop is cut after S seconds of wall time and at least
    S/10 s of CPU. BACKSTOP × S of wall time ends any call. Where the statistics cannot be
    read (not Linux), the limit is plain wall-clock.
    """

    def __init__(self, timeout: float, pid: int | None) -> None:
        self.timeout = timeout
        self.pid = pid
        self.start = time.monotonic()
        self.base = sched_stats(pid) if pid is not None else None

    def more_time(self) -> float | None:
        """Seconds to wait before looking again, or None: the call is over its time."""
        if self.base is None:
            return None
        now = sched_stats(self.pid)
        if now is None:
            return None
        elapsed = time.monotonic() - self.start
        cpu = now[0] - self.base[0]
        waited = now[1] - self.base[1]
        left = min(self.timeout - (elapsed - waited),  # over S even without the waiting
                   CPU_FLOOR * self.timeout - cpu,  # it had its share of CPU
                   BACKSTOP * self.timeout - elapsed)
        if left <= 0:
            return None
        return max(0.02, left)  # neither can come sooner than this


class WorkerProcess:
    """One worker forked by the fork-server, serving one student module.

    The fork request gets no answer from the fork-server: the worker itself says hello with
    its pid as its first message, before it imports any student code, so asking for a
    worker costs the caller no wait.
    """

    def __init__(self, server: ForkServerClient, spec: dict) -> None:
        from grader.worker.protocol import Channel

        self.server = server
        # Windows has no AF_UNIX socketpair: its socketpair() is a loopback TCP pair
        ours, theirs = (socket.socketpair() if sys.platform == "win32"
                        else socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM))
        fds = [theirs.fileno()]
        log_fd = None
        if server.sandboxed:  # the worker cannot reach our log path: hand it the file
            log_fd = os.open(spec["log_path"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                             | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
            fds.append(log_fd)
            spec = dict(spec, log_fd=True)
        try:
            server.notify({"op": "fork", "spec": spec, "reply": False}, fds)
        finally:
            theirs.close()
            if log_fd is not None:
                os.close(log_fd)
        self.channel = Channel(ours)
        self.alive = True
        self._pid: int | None = None
        self._host_pid: int | None = None  # 0: not found

    @property
    def pid(self) -> int:
        """The worker's pid, from its hello (waited for the first time it is needed)."""
        if self._pid is None:
            self._pid = self._hello(time.monotonic() + 10.0)
        return self._pid

    def _hello(self, deadline: float) -> int:
        header, _ = self.channel.recv(deadline)
        pid = header.get("hello")
        if type(pid) is not int or pid <= 1:
            raise ForkServerError("a new worker did not say hello")
        return pid

    def request(self, header: dict, arrays: list[np.ndarray] = (),
                timeout: float = 5.0) -> tuple[dict, list[np.ndarray]]:
        self.send(header, arrays)
        return self.receive(timeout)

    def send(self, header: dict, arrays: list[np.ndarray] = ()) -> None:
        from grader.worker.protocol import ChannelClosed

        if not self.alive:
            raise WorkerGone({"status": None})
        try:
            self.channel.send(header, list(arrays))
        except ChannelClosed:
            raise WorkerGone(self.end(kill=False)) from None

    def receive(self, timeout: float) -> tuple[dict, list[np.ndarray]]:
        """The next reply; a worker that gives none within `timeout` seconds (by its
        `CallClock`) is killed."""
        from grader.worker.protocol import ChannelClosed, ChannelTimeout

        if not self.alive:
            raise WorkerGone({"status": None})
        deadline = time.monotonic() + timeout
        try:
            if self._pid is None:
                self._pid = self._hello(deadline)
            clock = CallClock(timeout, self.host_pid())
            while not self._readable(deadline):
                more = clock.more_time()
                if more is None:
                    raise ChannelTimeout("over its time")
                deadline = time.monotonic() + more
            # the answer has begun: a large one may take a moment to arrive in full
            return self.channel.recv(max(deadline, time.monotonic() + 0.5))
        except ChannelTimeout:
            raise WorkerGone(self.end(kill=True), timed_out=True) from None
        except ChannelClosed:
            raise WorkerGone(self.end(kill=False)) from None

    def _readable(self, deadline: float) -> bool:
        """Wait until the worker's channel has something to read (or was closed)."""
        poller = select.poll()
        poller.register(self.channel.sock.fileno(), select.POLLIN | select.POLLHUP)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                if poller.poll(left * 1000):
                    return True
            except InterruptedError:
                continue

    def host_pid(self) -> int | None:
        """The worker's pid as this process sees it (found once under the sandbox's
        launcher when the worker lives in another pid namespace)."""
        if self._host_pid is None and self._pid is not None:
            launcher = self.server.launcher
            if launcher is None or not launcher.pid_namespace:
                self._host_pid = self._pid
            else:
                self._host_pid = host_pid_of(self.server.proc.pid, self._pid) or 0
        return self._host_pid or None

    def end(self, kill: bool = True, wait: bool = True) -> dict:
        """Stop the worker (and everything it started); say how it ended.

        With `wait=False` the fork-server kills, reaps and sweeps on its own while the
        caller goes on (the end of an exercise needs no account of how the worker ended).
        """
        if not self.alive:
            return {}
        if self._pid is None:
            try:
                self._pid = self._hello(time.monotonic() + 2.0)
            except Exception:  # no hello: the fork never happened, nothing to stop
                self.alive = False
                self.channel.close()
                return {}
        self.alive = False
        self.channel.close()
        if kill and hasattr(os, "killpg") and not (self.server.sandboxed
                                                   and self.server.launcher.pid_namespace):
            # do not wait for the fork-server's answer to stop the tree (a pid of another
            # namespace is not ours to signal: there the fork-server's kill does it)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, signal.SIGKILL)
        message = {"op": "kill" if kill else "reap", "pid": self.pid, "wait": 1.0}
        try:
            if not wait:
                self.server.notify(dict(message, reply=False))
                return {}
            return self.server.request(message)
        except ForkServerError:
            return {}
