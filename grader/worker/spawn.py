"""Workers without fork: one spawned interpreter per exercise (Windows; `EDRILL_WORKER=spawn`).

The fork-server (grader.worker.forkserver) needs fork() and SCM_RIGHTS, which Windows does
not have. `SpawnServerClient` offers the fork-server's interface (`ForkServerClient` hands
one out by itself on Windows, or anywhere with `EDRILL_WORKER=spawn`), so the engine, the
sessions and `WorkerProcess` are unchanged:

- ``fork``: start ``python -I -B -c <grader.worker.spawn.child_main>`` with pipes as stdin
  and stdout. The new interpreter writes its own pid (under a venv launcher that is not the
  launcher's pid) and waits; the trusted side puts that process (and the launcher) into a
  Windows Job Object (kill-on-close, a memory limit from the worker's `as` limit, a CPU time
  limit) before any student code can run, hands it the worker's socket —
  `socket.share(pid)` on Windows, an inherited descriptor elsewhere — with the spec on
  stdin, and the worker serves exactly as a forked one (grader.worker.child.start). Each
  costs a cold interpreter with numpy (~0.3 s), not a fork (~2 ms).
- ``kill``: the whole process tree: TerminateJobObject on Windows (every process the student
  started is in the job, and closing the job kills what is left), `taskkill /T /F /PID` if
  the job cannot be used; elsewhere SIGKILL to the worker's session's process group.
- ``reap``: wait briefly for a worker that ended by itself, then kill as above.

On POSIX this path is for tests of the spawned worker only: the fork-server also catches
children that leave the process group (a subreaper); this does not.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time

from grader.worker.client import PACKAGE_PARENT, SINGLE_THREAD_ENV, ForkServerClient

WINDOWS = sys.platform == "win32"
HANDSHAKE_TIMEOUT = 60.0


def spawn_workers() -> bool:
    """Workers are spawned, not forked: on Windows (no fork), or with EDRILL_WORKER=spawn."""
    return (WINDOWS or not hasattr(os, "fork") or not hasattr(socket, "send_fds")
            or os.environ.get("EDRILL_WORKER") == "spawn")


class _NoControlSocket:
    def close(self) -> None:
        pass


class SpawnServerClient(ForkServerClient):
    """The fork-server's interface, served by spawning a fresh interpreter per worker."""

    def __init__(self, extra_env: dict[str, str] | None = None, launcher=None) -> None:
        if launcher is not None:
            raise ValueError("a sandbox launcher needs the fork-server")
        self.launcher = None
        self._owner = os.getpid()
        self.env = dict(os.environ, **SINGLE_THREAD_ENV, **(extra_env or {}))
        self.workers: dict[int, tuple[subprocess.Popen, object | None]] = {}
        self.ctrl = _NoControlSocket()
        self.proc = None
        self.ready = True

    def alive(self) -> bool:
        return True

    # -- the fork-server's requests
    def notify(self, message: dict, fds=()) -> None:
        self._handle(message, list(fds))

    def request(self, message: dict, fds=(), timeout: float = 30.0) -> dict:
        return self._handle(message, list(fds))

    def _handle(self, message: dict, fds: list[int]) -> dict:
        from grader.worker.client import ForkServerError

        op = message.get("op")
        if op == "fork":
            if len(fds) != 1:
                raise ForkServerError("fork needs exactly one socket")
            return {"pid": self._spawn(message["spec"], fds[0])}
        if op in ("kill", "reap"):
            return self._finish(int(message["pid"]), op == "kill",
                                float(message.get("wait", 1.0)))
        if op == "quit":
            self._stop_all()
            return {}
        raise ForkServerError(f"unknown op {op!r}")

    def _spawn(self, spec: dict, fd: int) -> int:
        from grader.worker.client import ForkServerError

        code = (f"import sys; sys.path.insert(0, {PACKAGE_PARENT!r}); "
                "from grader.worker.spawn import child_main; child_main()")
        kwargs: dict = {}
        if WINDOWS:
            kwargs["creationflags"] = (subprocess.CREATE_NEW_PROCESS_GROUP
                                       | getattr(subprocess, "CREATE_NO_WINDOW", 0))
        else:
            kwargs.update(pass_fds=[fd], start_new_session=True)
        proc = subprocess.Popen([sys.executable, "-I", "-B", "-c", code], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=self.env, close_fds=True, **kwargs)
        job = None
        try:
            pid = _read_pid(proc)
            if WINDOWS:
                job = JobObject(memory=spec.get("limits", {}).get("as"),
                                cpu_seconds=spec.get("limits", {}).get("cpu"))
                job.assign(proc.pid)
                if pid != proc.pid:  # a venv's python.exe is a launcher: its child serves
                    job.assign(pid)
                sock = socket.socket(fileno=fd)
                try:
                    handoff = {"share": sock.share(pid).hex()}
                finally:
                    sock.detach()  # the caller still owns (and closes) this socket
            else:
                handoff = {"fd": fd}
            proc.stdin.write((json.dumps({"spec": spec, **handoff}) + "\n").encode())
            proc.stdin.close()
        except (OSError, ValueError, ForkServerError) as err:
            _kill_tree(proc, job)
            raise ForkServerError(f"a worker could not be started: {err}") from None
        finally:
            with contextlib.suppress(OSError):
                proc.stdout.close()
        self.workers[pid] = (proc, job)
        return pid

    def _finish(self, pid: int, kill: bool, wait: float) -> dict:
        entry = self.workers.pop(pid, None)
        if entry is None:
            return {"pid": pid, "status": None, "killed": False}
        proc, job = entry
        killed = False
        if not kill:
            try:
                proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                kill = True
        if kill:
            _kill_tree(proc, job)
            killed = True
        elif not WINDOWS:  # whatever it left behind in its session's group
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        if job is not None:
            job.close()  # kill-on-close: nothing of the worker outlives its job
        try:
            code = proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:
            return {"pid": pid, "status": None, "killed": killed}
        status = {"signal": -code} if code < 0 else {"exit": code}
        return {"pid": pid, "status": status, "killed": killed}

    def _stop_all(self) -> None:
        for pid in list(self.workers):
            self._finish(pid, True, 0)

    def shutdown(self) -> None:
        if os.getpid() == self._owner or not WINDOWS:
            self._stop_all()

    def reap(self) -> None:
        pass

    def close(self) -> None:
        self.shutdown()


def _read_pid(proc: subprocess.Popen) -> int:
    """The first line the new interpreter writes: its own pid (within the timeout)."""
    from grader.worker.client import ForkServerError

    deadline = time.monotonic() + HANDSHAKE_TIMEOUT
    line = b""
    while not line.endswith(b"\n"):
        if time.monotonic() > deadline:
            raise ForkServerError("a spawned worker did not start in time")
        chunk = proc.stdout.read(1)  # a few bytes, written at once by the child
        if not chunk:
            raise ForkServerError(f"a spawned worker ended at start (status {proc.poll()})")
        line += chunk
    pid = int(line.strip())
    if pid <= 0:
        raise ForkServerError("a spawned worker sent a bad pid")
    return pid


def _kill_tree(proc: subprocess.Popen, job) -> None:
    """Kill the worker and every process it started."""
    if WINDOWS:
        if job is not None:
            try:
                job.terminate()
                return
            except OSError:
                pass
        subprocess.run(["taskkill", "/T", "/F", "/PID", str(proc.pid)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        with contextlib.suppress(OSError):
            proc.kill()
        return
    for send in (os.killpg, os.kill):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            send(proc.pid, signal.SIGKILL)


def child_main() -> None:
    """The spawned worker: say our pid, receive the socket and spec, then serve."""
    from grader.worker import child

    out = os.fdopen(1, "wb", closefd=False)
    out.write(f"{os.getpid()}\n".encode())
    out.flush()
    handoff = json.loads(sys.stdin.buffer.readline())
    if "share" in handoff:
        sock = socket.fromshare(bytes.fromhex(handoff["share"]))
    else:
        sock = socket.socket(fileno=int(handoff["fd"]))
    code = 0
    try:
        child.start(sock, handoff["spec"])
    except BaseException:  # noqa: B036 - as a forked worker: end, never return
        code = 70
    finally:
        os._exit(code)


# -- Windows Job Objects (ctypes; only ever called on Windows) -------------------------------

JOB_OBJECT_LIMIT_PROCESS_TIME = 0x00000002
JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x00000400
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
PROCESS_SET_QUOTA, PROCESS_TERMINATE = 0x0100, 0x0001


def _structures():
    import ctypes

    class BasicLimits(ctypes.Structure):
        _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64),
                    ("PerJobUserTimeLimit", ctypes.c_int64),
                    ("LimitFlags", ctypes.c_uint32),
                    ("MinimumWorkingSetSize", ctypes.c_size_t),
                    ("MaximumWorkingSetSize", ctypes.c_size_t),
                    ("ActiveProcessLimit", ctypes.c_uint32),
                    ("Affinity", ctypes.c_size_t),
                    ("PriorityClass", ctypes.c_uint32),
                    ("SchedulingClass", ctypes.c_uint32)]

    class IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class ExtendedLimits(ctypes.Structure):
        _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", IoCounters),
                    ("ProcessMemoryLimit", ctypes.c_size_t),
                    ("JobMemoryLimit", ctypes.c_size_t),
                    ("PeakProcessMemoryUsed", ctypes.c_size_t),
                    ("PeakJobMemoryUsed", ctypes.c_size_t)]

    return BasicLimits, IoCounters, ExtendedLimits


def job_limits(memory: int | None, cpu_seconds: float | None):
    """The JOBOBJECT_EXTENDED_LIMIT_INFORMATION of a worker's job (built on any platform)."""
    _basic, _io, extended = _structures()
    info = extended()
    flags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
    if memory:
        flags |= JOB_OBJECT_LIMIT_PROCESS_MEMORY
        info.ProcessMemoryLimit = int(memory)
    if cpu_seconds:
        flags |= JOB_OBJECT_LIMIT_PROCESS_TIME
        info.BasicLimitInformation.PerProcessUserTimeLimit = int(cpu_seconds * 10_000_000)
    info.BasicLimitInformation.LimitFlags = flags
    return info


class JobObject:
    """A Windows Job Object: every process in it is killed by `terminate` or on close."""

    def __init__(self, memory: int | None = None, cpu_seconds: float | None = None) -> None:
        import ctypes

        self._k32 = ctypes.WinDLL("kernel32", use_last_error=True)
        self._k32.CreateJobObjectW.restype = ctypes.c_void_p
        self._k32.OpenProcess.restype = ctypes.c_void_p
        self.handle = self._k32.CreateJobObjectW(None, None)
        if not self.handle:
            raise ctypes.WinError(ctypes.get_last_error())
        info = job_limits(memory, cpu_seconds)
        if not self._k32.SetInformationJobObject(
                ctypes.c_void_p(self.handle), JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
                ctypes.byref(info), ctypes.sizeof(info)):
            err = ctypes.WinError(ctypes.get_last_error())
            self.close()
            raise err

    def assign(self, pid: int) -> None:
        import ctypes

        process = self._k32.OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, False, pid)
        if not process:
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            if not self._k32.AssignProcessToJobObject(ctypes.c_void_p(self.handle),
                                                      ctypes.c_void_p(process)):
                raise ctypes.WinError(ctypes.get_last_error())
        finally:
            self._k32.CloseHandle(ctypes.c_void_p(process))

    def terminate(self) -> None:
        import ctypes

        if self.handle and not self._k32.TerminateJobObject(ctypes.c_void_p(self.handle), 1):
            raise ctypes.WinError(ctypes.get_last_error())

    def close(self) -> None:
        import ctypes

        if self.handle:
            self._k32.CloseHandle(ctypes.c_void_p(self.handle))
            self.handle = None
