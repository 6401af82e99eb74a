"""The Linux sandbox with real bubblewrap: what a worker inside can and cannot do.

Each test writes a small module into a slot's work dir and calls it in a worker forked by
the slot's fork-server, which runs inside bwrap as the slot's own uid. Skipped locally
when bwrap or root is missing; never skipped in CI (CI=true), where .ci/run installs
bubblewrap and runs `grader sandbox setup` first.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

from grader.engine import course_target, run_suites, summarize
from grader.sandbox import runtime as rt
from grader.sandbox.base import SandboxError, open_sandbox
from grader.sandbox.linux import Limits, uid_processes
from grader.worker.session import IsolatedSession, StudentCrash, StudentError, StudentTimeout
from tests.framework.conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI") == "true"
# not the default 61000+: a `grader batch` running on the same host must not share our uids
# (RLIMIT_NPROC counts every process of a uid)
TEST_UID_BASE = 61400


def _unavailable() -> str | None:
    if shutil.which("bwrap") is None:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    if os.geteuid() != 0:
        return "the sandbox needs root (a uid per slot)"
    return None


REASON = _unavailable()
if REASON and IN_CI:
    raise RuntimeError(f"CI must run the sandbox tests: {REASON}")
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

PROBE = '''
import os, socket, time

def read(path):
    with open(path, "rb") as f:
        return f.read(100)

def listdir(path):
    return sorted(os.listdir(path))

def write(path, size=10):
    with open(path, "wb") as f:
        f.write(b"x" * size)
    return os.path.getsize(path)

def connect(host, port):
    s = socket.create_connection((host, port), timeout=2)
    s.close()
    return "connected"

def ids():
    return os.getuid(), os.getgid(), os.getpid()

def env():
    return dict(os.environ)

def forkbomb():
    while True:
        try:
            os.fork()
        except OSError:
            time.sleep(0.01)

def daemon(marker):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            while True:
                with open(marker, "a") as f:
                    f.write("alive\\n")
                time.sleep(0.05)
        os._exit(0)
    time.sleep(0.2)
    return "started"

def parent():
    return os.getppid()

def kill_parent():
    os.kill(os.getppid(), 9)
    time.sleep(0.5)
    return "killed"

def stop_parent():
    os.kill(os.getppid(), 19)
    return "stopped"

def memory_bomb():
    chunks = []
    while True:
        chunks.append(bytearray(64 * 1024 * 1024))
'''


@pytest.fixture(scope="module")
def runtime():
    """The default runtime if it is up to date (CI builds it), else one of our own."""
    if rt.status(rt.DEFAULT_RUNTIME).up_to_date:
        yield rt.DEFAULT_RUNTIME
        return
    own = Path(tempfile.mkdtemp(prefix="edrill-test-runtime-", dir="/var/tmp"))
    os.chmod(own, 0o755)
    rt.setup(own)
    yield own
    shutil.rmtree(own, ignore_errors=True)


@pytest.fixture(scope="module")
def sandbox(runtime):
    sb = open_sandbox("bwrap", 2, runtime=runtime, uid_base=TEST_UID_BASE,
                      limits=Limits(nproc=32, tmpfs_size=32 * 1024**2,
                                  address_space=512 * 1024**2))
    yield sb
    sb.close()
    assert not uid_processes(sb.uid(0)) and not uid_processes(sb.uid(1))
    assert not sb.root.exists()


def probe(sb, slot: int = 0, timeout: float = 3.0) -> IsolatedSession:
    sb.reset(slot)
    path = sb.work_dir(slot) / "probe.py"
    path.write_text(PROBE)
    return IsolatedSession(sb.server(slot), path, "probe", sb.work_dir(slot), timeout=timeout)


def refused(call, *args) -> str:
    """The student-side exception type a call raised (it must raise one)."""
    with pytest.raises(StudentError) as err:
        call(*args)
    return err.value.type


def test_hidden_files_are_not_there(sandbox):
    s = probe(sandbox)
    try:
        for secret in (ROOT / "solutions" / "conv_output_size.py",
                       ROOT / "tests" / "framework" / "test_sandbox.py",
                       Path("/work/main/solutions/conv_output_size.py"),
                       Path("/root/.bashrc"), Path("/root")):
            assert refused(s.module.read, str(secret)) in (
                "FileNotFoundError", "PermissionError", "IsADirectoryError"), secret
        assert refused(s.module.listdir, "/root") in ("FileNotFoundError", "PermissionError")
        top = set(s.module.listdir("/"))
        assert top <= {"usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc", "proc",
                       "dev", "tmp", "opt", "var", "work"}, top
        # the runtime holds the grader package only: no tests, no solutions
        runtime = str(sandbox.runtime)
        assert "grader" in s.module.listdir(f"{runtime}/pkg")
        assert not {"tests", "solutions"} & set(s.module.listdir(f"{runtime}/pkg"))
    finally:
        s.close()


def test_no_network(sandbox):
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    s = probe(sandbox)
    try:
        assert refused(s.module.connect, "1.1.1.1", 53) in (
            "OSError", "TimeoutError", "ConnectionRefusedError")
        assert refused(s.module.connect, "127.0.0.1", port) in (
            "ConnectionRefusedError", "OSError")
    finally:
        s.close()
        listener.close()


def test_writes_only_in_its_work_dir_and_tmp_and_both_are_capped(sandbox):
    s = probe(sandbox)
    try:
        for path in ("/usr/x", "/etc/x", f"{sandbox.runtime}/x", "/x",
                     str(sandbox.work_dir(1) / "x"), "/proc/sys/kernel/x"):
            assert refused(s.module.write, path) in (
                "OSError", "PermissionError", "FileNotFoundError", "ReadOnlyFileSystemError"
            ), path
        assert s.module.write(str(sandbox.work_dir(0) / "mine.txt")) == 10
        assert s.module.write("/tmp/mine.txt") == 10
        assert (sandbox.tmp_dir(0) / "mine.txt").exists()
        if sandbox.tmpfs[0]:  # 32 MiB for the slot: the third 16 MiB file does not fit
            s.module.write("/tmp/a", 16 * 1024**2)
            assert refused(s.module.write, "/tmp/b", 20 * 1024**2) == "OSError"
    finally:
        s.close()
    sandbox.reset(0)
    assert not list(sandbox.work_dir(0).iterdir()) and not list(sandbox.tmp_dir(0).iterdir())


def test_environment_is_clean(sandbox):
    s = probe(sandbox)
    try:
        env = s.module.env()
        assert env.get("OPENBLAS_NUM_THREADS") == "1" and env.get("PYTHONHASHSEED") == "0"
        assert not any(k.startswith(("PYTEST", "EDRILL", "CI")) for k in env), env
        assert "PYTHONPATH" not in env
    finally:
        s.close()


def test_slots_have_their_own_uids_and_cannot_see_each_other(sandbox):
    a, b = probe(sandbox, 0), probe(sandbox, 1)
    try:
        uid_a, _gid, pid_a = a.module.ids()
        uid_b, _gid, _pid = b.module.ids()
        assert (uid_a, uid_b) == (sandbox.uid(0), sandbox.uid(1))
        assert pid_a < 100  # a pid of the sandbox's own namespace
        assert refused(a.module.listdir, str(sandbox.work_dir(1))) in (
            "FileNotFoundError", "PermissionError")
        for slot in (0, 1):
            st = sandbox.work_dir(slot).stat()
            assert st.st_uid == sandbox.uid(slot) and st.st_mode & 0o077 == 0
    finally:
        a.close()
        b.close()


def test_a_fork_bomb_is_bounded_and_the_slot_recovers(sandbox):
    s = probe(sandbox, timeout=2.0)
    most = [0]
    done = threading.Event()

    def watch() -> None:  # how many processes the slot's uid holds while the bomb runs
        while not done.is_set():
            most[0] = max(most[0], len(uid_processes(sandbox.uid(0))))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with pytest.raises((StudentTimeout, StudentCrash)):
            s.module.forkbomb()
    finally:
        done.set()
        watcher.join()
    assert sandbox.limits.nproc // 2 < most[0] <= sandbox.limits.nproc, most
    s.close()
    sandbox.reset(0)
    assert sandbox.strays(0) == set()
    after = probe(sandbox)
    try:
        assert after.module.ids()[0] == sandbox.uid(0)
    finally:
        after.close()


def test_a_setsid_daemon_does_not_outlive_reset(sandbox):
    s = probe(sandbox)
    try:
        assert s.module.daemon("/tmp/daemon.log") == "started"
        assert len(sandbox.strays(0)) >= 2  # the worker and its daemon, still running
        sandbox.reset(0)  # the worker is not even closed: reset kills both
        assert sandbox.strays(0) == set()
        time.sleep(0.2)
        assert not (sandbox.tmp_dir(0) / "daemon.log").exists()
    finally:
        s.close()


def test_a_memory_bomb_dies(sandbox):
    s = probe(sandbox)
    try:
        with pytest.raises((StudentError, StudentCrash)) as err:
            s.module.memory_bomb()
        if isinstance(err.value, StudentError):
            assert err.value.type == "MemoryError"
        assert s.module.ids()[0] == sandbox.uid(0)  # a fresh worker serves again
    finally:
        s.close()


def test_a_real_exercise_is_graded_inside(sandbox, course):
    sandbox.reset(1)
    work = sandbox.work_dir(1)
    shutil.copy(course.solutions_dir / "conv_output_size.py", work / "conv_output_size.py")
    target = course_target(course, work)
    runs, _code = run_suites(target, ["conv_output_size"], server=sandbox.server(1))
    report = summarize(target, "conv_output_size", runs.get("conv_output_size"))
    assert report.status == "passed" and report.score == report.max_score > 0, report


def test_the_fork_server_cannot_be_read_or_traced_by_a_worker(sandbox):
    s = probe(sandbox)
    try:
        server = s.module.parent()
        for what in ("environ", "mem", "maps"):
            assert refused(s.module.read, f"/proc/{server}/{what}") == "PermissionError", what
    finally:
        s.close()


@pytest.mark.parametrize("by", ["the host", "a worker", "a worker stopping it"])
def test_a_killed_fork_server_is_restarted(sandbox, by):
    old = sandbox.server(0)
    if by == "the host":
        old.proc.kill()
    elif by == "a worker stopping it":
        s = probe(sandbox)
        assert s.module.stop_parent() == "stopped"
        s.close()
        sandbox.reset(0)  # continued: the same fork-server serves on
        s = probe(sandbox)
        try:
            assert sandbox.server(0) is old and s.module.ids()[0] == sandbox.uid(0)
        finally:
            s.close()
        return
    else:
        s = probe(sandbox)
        with pytest.raises((StudentCrash, StudentError, StudentTimeout)):
            s.module.kill_parent()
        s.close()
    old.proc.wait(timeout=10)
    sandbox.reset(0)
    s = probe(sandbox)
    try:
        assert sandbox.server(0) is not old and s.module.ids()[0] == sandbox.uid(0)
    finally:
        s.close()


def test_unshare_mode_runs_workers_without_network(runtime):
    try:
        sb = open_sandbox("unshare", 1, runtime=runtime, uid_base=TEST_UID_BASE + 10)
    except SandboxError as err:
        pytest.skip(str(err)) if not IN_CI else pytest.fail(str(err))
    try:
        s = probe(sb)
        try:
            uid, _gid, pid = s.module.ids()
            assert uid == sb.uid(0) and pid < 100
            assert refused(s.module.connect, "1.1.1.1", 53) in ("OSError", "TimeoutError")
            assert refused(s.module.read, "/root/.bashrc") in (
                "PermissionError", "FileNotFoundError")
        finally:
            s.close()
    finally:
        sb.close()
    assert not uid_processes(sb.uid(0))


def test_a_missing_or_stale_runtime_is_refused_with_the_fix(tmp_path, runtime):
    with pytest.raises(SandboxError, match="grader sandbox setup"):
        open_sandbox("bwrap", 1, runtime=tmp_path / "nothing")
    stale = tmp_path / "stale"
    (stale / "venv" / "bin").mkdir(parents=True)
    (stale / "venv" / "bin" / "python").symlink_to("/usr/bin/python3")
    manifest = json.loads((runtime / rt.MANIFEST).read_text())
    (stale / rt.MANIFEST).write_text(json.dumps(dict(manifest, grader_hash="0" * 64)))
    assert "the grader code changed" in "; ".join(rt.status(stale).problems)
    with pytest.raises(SandboxError, match=f"grader sandbox setup --runtime {stale}"):
        open_sandbox("bwrap", 1, runtime=stale)


def test_setup_is_idempotent_and_check_passes(runtime):
    again = run_cli("grader", "sandbox", "setup", "--runtime", str(runtime))
    assert again.returncode == 0, again.stdout + again.stderr
    assert "already there" in again.stdout and "copy is up to date" in again.stdout
    check = run_cli("grader", "sandbox", "check", "--runtime", str(runtime))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "✔ a worker in a bwrap slot" in check.stdout and "✘" not in check.stdout


def test_the_slots_of_a_killed_grader_are_swept(runtime):
    """A grader killed before close() leaves mounts, cgroups and dirs: the next sandbox
    opened removes them (and its fork-servers died with it)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the grader that gets killed
        try:
            os.close(read)
            sb = open_sandbox("bwrap", 1, runtime=runtime, uid_base=TEST_UID_BASE + 20)
            sb.server(0)._await_sandboxed_ready()  # the fork-server is up
            os.write(write, str(sb.root).encode())
        finally:
            os._exit(0)
    os.close(write)
    left = Path(os.read(read, 4096).decode())
    os.close(read)
    os.waitpid(pid, 0)
    assert left.exists() and os.path.ismount(left / "slot0")
    sb = open_sandbox("bwrap", 1, runtime=runtime, uid_base=TEST_UID_BASE + 20)
    try:
        assert not left.exists() and not os.path.ismount(left / "slot0")
        assert not list(Path("/sys/fs/cgroup").glob(f"*/{left.name}-slot*"))
        for _ in range(100):  # bwrap --die-with-parent took the fork-server with it
            if not uid_processes(TEST_UID_BASE + 20):
                break
            time.sleep(0.02)
        assert not uid_processes(TEST_UID_BASE + 20)
    finally:
        sb.close()


def test_a_runtime_below_tmp_is_refused_with_the_fix(tmp_path):
    """A slot mounts its own /tmp: a runtime below /tmp would vanish inside the sandbox."""
    problem = rt.placement_problem(tmp_path / "rt")
    assert problem is not None and "below /tmp" in problem and str(rt.DEFAULT_RUNTIME) in problem
    with pytest.raises(RuntimeError, match="below /tmp"):
        rt.setup(tmp_path / "rt")
    assert rt.placement_problem(rt.DEFAULT_RUNTIME) is None


def test_two_sandboxes_on_one_host_never_share_a_slot_uid(sandbox, runtime):
    """Regression (bwrap benchmark runs failing with "the worker ended during the check"):
    two batches at once both used uids 61000+slot, and one's reset (which kills every
    process of a slot's uid) killed the other's workers. Each sandbox now claims its uids
    with a lock for its whole life; a closed one frees them."""
    other = open_sandbox("bwrap", 2, runtime=runtime, uid_base=TEST_UID_BASE,
                         limits=Limits(nproc=32, tmpfs_size=32 * 1024**2))
    try:
        mine = {sandbox.uid(0), sandbox.uid(1)}
        theirs = {other.uid(0), other.uid(1)}
        assert not mine & theirs, (mine, theirs)
        session = probe(other, 0)
        keep = probe(sandbox, 0)
        try:
            assert keep.module.ids()[0] == sandbox.uid(0)
            assert session.module.ids()[0] == other.uid(0)
            other.reset(0)  # kills every process of its slot's uid: none of ours
            assert keep.module.ids()[0] == sandbox.uid(0)  # the same worker answers
        finally:
            session.close()
            keep.close()
    finally:
        other.close()
    again = open_sandbox("bwrap", 2, runtime=runtime, uid_base=TEST_UID_BASE,
                         limits=Limits(nproc=32, tmpfs_size=32 * 1024**2))
    try:
        assert {again.uid(0), again.uid(1)} == theirs  # freed when `other` closed
    finally:
        again.close()
