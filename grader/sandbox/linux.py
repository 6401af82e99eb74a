"""The Linux sandboxes: `bwrap` (bubblewrap, the default of `grader batch`) and `unshare`.

bwrap: each slot's fork-server runs inside ``bwrap`` started as the slot's own unprivileged
uid (the first free ones from ``uid_base``, each claimed with a lock file for the life of
the batch, so two batches on one host never share a uid), with every namespace
unshared (no network, its own pid namespace, no new user namespaces inside), the system
directories and the runtime (`grader sandbox setup`) bound read-only, the slot's work
directory bound read-write at the same path as on the host, and ``/tmp`` the slot's own
directory. As root, each slot is a size-capped tmpfs mounted on the host (bwrap 0.8 has
no ``--size``) holding ``work/`` and ``tmp/``; without it, plain directories bounded per
file by RLIMIT_FSIZE only. Rlimits are set before exec: RLIMIT_NPROC counts every process
of the slot's uid, which is what bounds a fork bomb on a host with cgroup v1 only;
RLIMIT_AS, RLIMIT_CPU, RLIMIT_FSIZE, no core.

unshare (weaker, only when named): ``unshare --net --pid --fork --mount`` as root, then
``setpriv`` to the slot uid, with the same rlimits; the host's files stay visible (as far as
their permissions let the slot uid read them), /tmp is shared.

Between two submissions `reset` kills every process of the slot's uid except the launcher
and the fork-server (restarting the fork-server if that does not clear the slot) and
empties the work and tmp directories. `close` kills everything, unmounts, removes.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox import runtime as rt
from grader.sandbox.base import Sandbox, SandboxError
from grader.worker.client import SINGLE_THREAD_ENV, ForkServerClient, Launcher

UID_BASE = 61000
UID_SPAN = 1000  # uids from uid_base on that a sandbox may claim for its slots
UID_LOCKS = Path("/var/tmp/edrill-uid-locks")  # one lock file per claimed uid
DEFAULT_SLOTS_PARENT = Path("/var/tmp")
SANDBOX_ENV = {**SINGLE_THREAD_ENV, "PATH": "/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp",
               "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
# /etc pieces an interpreter may want (the dynamic loader's cache, the time zone); no
# passwd, no resolv.conf: there is no network and no user database inside.
ETC_FILES = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
             "/etc/alternatives")
TOP_DIRS = ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@dataclass(frozen=True)
class Limits:
    """Per-slot limits. `nproc` counts every process (and thread) of the slot's uid: the
    launcher, the fork-server and the workers take ~5."""

    nproc: int = 64
    address_space: int = 1024 * 1024**2  # numpy needs ~150 MiB to import
    cpu_seconds: int = 3600  # the fork-server's own; each worker lowers its own to 120 s
    file_size: int = 64 * 1024**2
    open_files: int = 256
    tmpfs_size: int = 256 * 1024**2  # work dir + /tmp together, per slot
    tmpfs_inodes: int = 20000
    memory: int = 2 * 1024**3  # the whole slot, where a memory cgroup can be made


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def bwrap_version(bwrap: str) -> str:
    out = subprocess.run([bwrap, "--version"], capture_output=True, text=True, check=False)
    return out.stdout.strip().split()[-1] if out.returncode == 0 and out.stdout else "?"


def bwrap_supports(bwrap: str, option: str) -> bool:
    out = subprocess.run([bwrap, "--help"], capture_output=True, text=True, check=False)
    return option in (out.stdout + out.stderr)


def uid_processes(uid: int) -> dict[int, dict]:
    """Every live process whose real uid is `uid`: pid -> {ppid, nspid (innermost), depth
    (how many pid namespaces see it)}."""
    found: dict[int, dict] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        uids = fields.get("Uid", "").split()
        if not uids or int(uids[0]) != uid or fields.get("State", "").strip().startswith("Z"):
            continue  # a zombie is dead already (its parent reaps it)
        nspid = fields.get("NSpid", entry).split()
        found[int(entry)] = {"ppid": int(fields.get("PPid", "0").split()[0] or 0),
                             "nspid": int(nspid[-1]), "depth": len(nspid)}
    return found


def kill_uid(uid: int) -> None:
    """SIGKILL every process of `uid` at once: kill(-1) from a process of that uid is the
    one call a fork bomb cannot outrun. Needs root."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            for _ in range(3):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def claim_uids(first: int, count: int, locks: Path = UID_LOCKS) -> tuple[list[int], list[int]]:
    """`count` slot uids from `first` on that no other sandbox on this host holds: each is
    claimed with an exclusive lock on `locks/<uid>.lock`, held (by the returned open
    descriptors) as long as this batch lives. Two batches sharing a uid would kill each
    other's workers (a reset kills every process of the slot's uid) and share one
    RLIMIT_NPROC. Processes a dead batch left under a claimed uid are killed first."""
    locks.mkdir(mode=0o700, parents=True, exist_ok=True)
    uids: list[int] = []
    fds: list[int] = []
    for uid in range(first, first + UID_SPAN):
        if len(uids) == count:
            break
        fd = os.open(locks / f"{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        if uid_processes(uid):  # left behind by a batch that was killed
            kill_uid(uid)
        uids.append(uid)
        fds.append(fd)
    if len(uids) < count:
        for fd in fds:
            os.close(fd)
        raise SandboxError(f"no {count} free slot uids from {first} to {first + UID_SPAN - 1}: "
                           f"other batches hold them (lock files in {locks})")
    return uids, fds


CGROUP_ROOT = Path("/sys/fs/cgroup")


def make_cgroups(name: str, limits: Limits) -> list[Path]:
    """Best effort: a pids and a memory cgroup for a slot (v2 where it is mounted, else the
    v1 controllers); returns the cgroups made. The slot uid and RLIMIT_NPROC bound the
    processes anyway: these add a bound on the slot's total memory and tasks."""
    if (CGROUP_ROOT / "cgroup.controllers").exists():  # v2
        wanted = [(CGROUP_ROOT, {"pids.max": limits.nproc, "memory.max": limits.memory})]
        with contextlib.suppress(OSError):
            (CGROUP_ROOT / "cgroup.subtree_control").write_text("+pids +memory")
    else:
        wanted = [(CGROUP_ROOT / "pids", {"pids.max": limits.nproc}),
                  (CGROUP_ROOT / "memory", {"memory.limit_in_bytes": limits.memory})]
    made = []
    for base, settings in wanted:
        if not (base / "cgroup.procs").exists():
            continue
        path = base / name
        try:
            path.mkdir()
        except OSError:
            continue
        try:
            for key, value in settings.items():
                (path / key).write_text(str(value))
        except OSError:
            with contextlib.suppress(OSError):
                path.rmdir()
            continue
        made.append(path)
    return made


def remove_cgroups(paths: list[Path]) -> None:
    for path in paths:
        for _ in range(100):  # the last processes may still be leaving
            try:
                path.rmdir()
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.01)


def _start_time(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def sweep_stale(parent: Path = DEFAULT_SLOTS_PARENT) -> list[Path]:
    """Remove the slots of sandboxes whose grader process is gone (killed before `close`):
    unmount their tmpfs, remove their cgroups and directories. A sandbox is recognised by
    the `owner` file it writes (pid and start time of the process that opened it)."""
    swept = []
    for root in parent.glob("edrill-slots-*"):
        try:
            pid, start = (root / "owner").read_text().split()
        except (OSError, ValueError):
            continue  # not ours to judge
        if _start_time(int(pid)) == start:
            continue  # still in use
        for slot_dir in sorted(root.glob("slot*")):
            subprocess.run(["umount", "-l", str(slot_dir)], capture_output=True, check=False)
        for base in (CGROUP_ROOT, CGROUP_ROOT / "pids", CGROUP_ROOT / "memory"):
            remove_cgroups(sorted(base.glob(f"{root.name}-slot*")))
        shutil.rmtree(root, ignore_errors=True)
        swept.append(root)
    return swept


def _empty(directory: Path) -> None:
    for child in directory.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                child.unlink()


class LinuxSandbox(Sandbox):
    """`bwrap` or `unshare` slots: one uid, one work dir and one fork-server per slot."""

    def __init__(self, mode: str, slots: int, runtime: Path | None = None,
                 root: Path | None = None, uid_base: int = UID_BASE,
                 limits: Limits | None = None) -> None:
        if mode not in ("bwrap", "unshare"):
            raise SandboxError(f"unknown sandbox mode {mode!r} (bwrap, unshare or none)")
        if not hasattr(os, "geteuid") or os.geteuid() != 0:
            raise SandboxError(
                f"the {mode} sandbox runs each slot as its own unprivileged uid "
                f"({uid_base}+slot), which needs root: run `sudo grader batch …`")
        self.mode = mode
        self.limits = limits or Limits()
        self.uid_base = uid_base
        self.runtime = (runtime or rt.DEFAULT_RUNTIME).resolve()
        state = rt.status(self.runtime)
        if not state.up_to_date:
            raise SandboxError(
                f"the sandbox runtime is not ready ({'; '.join(state.problems)}): run "
                f"`grader sandbox setup --runtime {self.runtime}`")
        if mode == "bwrap":
            self.tool = bwrap_path()
            if self.tool is None:
                raise SandboxError("bubblewrap is not installed: apt-get install bubblewrap "
                                   "(then `grader sandbox check`)")
            self.disable_userns = bwrap_supports(self.tool, "--disable-userns")
        else:
            self.tool = shutil.which("unshare")
            if self.tool is None or shutil.which("setpriv") is None:
                raise SandboxError("unshare/setpriv are missing: apt-get install util-linux")
            self.disable_userns = False
        parent = DEFAULT_SLOTS_PARENT if root is None else root
        parent.mkdir(parents=True, exist_ok=True)
        sweep_stale(parent)
        self.uids, self._uid_locks = claim_uids(uid_base, slots)
        super().__init__(slots, Path(tempfile.mkdtemp(prefix="edrill-slots-", dir=parent)))
        self._own_root = True
        os.chmod(self.root, 0o711)  # the slot uids pass through to their own dirs only
        (self.root / "owner").write_text(f"{os.getpid()} {_start_time(os.getpid())}\n")
        self.tmpfs: dict[int, bool] = {}
        self.cgroups: dict[int, list[Path]] = {}
        for slot in range(slots):
            self._make_slot(slot)
            self.cgroups[slot] = make_cgroups(f"{self.root.name}-slot{slot}", self.limits)

    # -- layout
    def uid(self, slot: int) -> int:
        return self.uids[slot]

    def slot_dir(self, slot: int) -> Path:
        return self.root / f"slot{slot}"

    def work_dir(self, slot: int) -> Path:
        return self.slot_dir(slot) / "work"

    def tmp_dir(self, slot: int) -> Path:
        return self.slot_dir(slot) / "tmp"

    def _make_slot(self, slot: int) -> None:
        base = self.slot_dir(slot)
        base.mkdir(mode=0o711)
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o",
             f"size={self.limits.tmpfs_size},nr_inodes={self.limits.tmpfs_inodes},"
             "mode=0711,nosuid,nodev", f"edrill-slot{slot}", str(base)],
            capture_output=True, check=False).returncode == 0
        self.tmpfs[slot] = mounted
        for sub in (self.work_dir(slot), self.tmp_dir(slot)):
            sub.mkdir(mode=0o700)
            os.chown(sub, self.uid(slot), self.uid(slot))
            os.chmod(sub, 0o700)

    # -- the fork-server of a slot
    def _preexec(self, slot: int):
        uid, lim = self.uid(slot), self.limits
        drop = self.mode == "bwrap"  # unshare needs root to unshare; setpriv drops later
        procs_files = [str(path / "cgroup.procs") for path in self.cgroups.get(slot, [])]

        def preexec() -> None:
            for procs in procs_files:  # join the slot's cgroups while still root
                fd = os.open(procs, os.O_WRONLY)
                try:
                    os.write(fd, str(os.getpid()).encode())
                finally:
                    os.close(fd)
            for which, value in ((resource.RLIMIT_NPROC, lim.nproc),
                                 (resource.RLIMIT_AS, lim.address_space),
                                 (resource.RLIMIT_CPU, lim.cpu_seconds),
                                 (resource.RLIMIT_FSIZE, lim.file_size),
                                 (resource.RLIMIT_NOFILE, lim.open_files),
                                 (resource.RLIMIT_CORE, 0)):
                resource.setrlimit(which, (value, value))
            if drop:
                os.setgroups([])
                os.setgid(uid)
                os.setuid(uid)

        return preexec

    def bwrap_argv(self, slot: int) -> list[str]:
        argv = [self.tool, "--unshare-all", "--unshare-user"]
        if self.disable_userns:
            argv.append("--disable-userns")
        argv += ["--die-with-parent", "--new-session", "--clearenv"]
        for key, value in SANDBOX_ENV.items():
            argv += ["--setenv", key, value]
        argv += ["--ro-bind", "/usr", "/usr"]
        for top in TOP_DIRS:
            if os.path.islink(top):
                argv += ["--symlink", os.readlink(top), top]
            elif os.path.isdir(top):
                argv += ["--ro-bind", top, top]
        for etc in ETC_FILES:
            argv += ["--ro-bind-try", etc, etc]
        work = str(self.work_dir(slot))
        argv += ["--proc", "/proc", "--dev", "/dev",
                 "--bind", str(self.tmp_dir(slot)), "/tmp",
                 "--ro-bind", str(self.runtime), str(self.runtime),
                 "--bind", work, work, "--chdir", work,
                 # bwrap's root and /dev are tmpfs the sandbox could fill: read-only
                 "--remount-ro", "/dev", "--remount-ro", "/"]
        return argv

    def unshare_argv(self, slot: int) -> list[str]:
        uid = str(self.uid(slot))
        return [self.tool, "--net", "--pid", "--fork", "--mount", "--mount-proc", "--ipc",
                "--uts", "--kill-child", "--", shutil.which("setpriv") or "setpriv",
                "--reuid", uid, "--regid", uid, "--clear-groups", "--"]

    def launcher(self, slot: int) -> Launcher:
        if self.mode == "bwrap":
            prefix = self.bwrap_argv(slot)
            env = {"PATH": "/usr/bin:/bin"}
        else:
            prefix = self.unshare_argv(slot)
            env = dict(SANDBOX_ENV, HOME=str(self.tmp_dir(slot)), TMPDIR=str(self.tmp_dir(slot)))
        return Launcher(argv_prefix=prefix, python=str(rt.python_of(self.runtime)),
                        package_parent=str(rt.package_parent(self.runtime)),
                        preexec=self._preexec(slot), env=env, pid_namespace=True)

    def server(self, slot: int) -> ForkServerClient:
        current = self._servers.get(slot)
        if current is not None and not current.alive():  # killed by a submission: restart
            with contextlib.suppress(Exception):
                current.close()
            current = None
        if current is None:
            current = self._servers[slot] = ForkServerClient(launcher=self.launcher(slot))
        return current

    # -- between submissions
    def _kept(self, slot: int, procs: dict[int, dict]) -> set[int]:
        """Host pids of the slot's launcher and fork-server (and bwrap's init): in the
        sandbox's pid namespace these hold the lowest pids (bwrap: 1 init, 2 the
        fork-server; unshare: 1 the fork-server), which no student process can get."""
        server = self._servers.get(slot)
        if server is None or not server.alive():
            return set()
        keep_below = 2 if self.mode == "bwrap" else 1
        kept = {server.proc.pid} & set(procs) if self.mode == "bwrap" else set()
        for pid, info in procs.items():
            if info["depth"] > 1 and info["nspid"] <= keep_below:
                kept.add(pid)
        return kept

    def strays(self, slot: int) -> set[int]:
        """Processes of the slot's uid that are neither the launcher nor the fork-server."""
        procs = uid_processes(self.uid(slot))
        return set(procs) - self._kept(slot, procs)

    def reset(self, slot: int) -> None:
        for _ in range(20):
            procs = uid_processes(self.uid(slot))
            kept = self._kept(slot, procs)
            for pid in kept:  # a worker may have stopped its fork-server (same uid)
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGCONT)
            strays = set(procs) - kept
            if not strays:
                break
            for pid in strays:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.002)
        else:  # something keeps coming back (a fork bomb at its limit): clear the uid
            self._stop_server(slot)
        server = self._servers.get(slot)
        if server is not None and not server.alive():
            self._stop_server(slot)
        _empty(self.work_dir(slot))
        _empty(self.tmp_dir(slot))

    def _stop_server(self, slot: int) -> None:
        server = self._servers.pop(slot, None)
        if server is not None:
            server.shutdown()
        for _ in range(50):
            kill_uid(self.uid(slot))
            if not uid_processes(self.uid(slot)):
                break
            time.sleep(0.01)
        if server is not None:
            server.reap()

    def close(self) -> None:
        for slot in range(self.slots):
            self._stop_server(slot)
        for slot in range(self.slots):
            if self.tmpfs.get(slot):
                subprocess.run(["umount", "-l", str(self.slot_dir(slot))],
                               capture_output=True, check=False)
            remove_cgroups(self.cgroups.get(slot, []))
        shutil.rmtree(self.root, ignore_errors=True)
        for fd in self._uid_locks:  # the uids are free for the next batch
            with contextlib.suppress(OSError):
                os.close(fd)
        self._uid_locks = []


def open_linux_sandbox(mode: str, slots: int, runtime: Path | None = None,
                       **options) -> LinuxSandbox:
    """A `bwrap` or `unshare` sandbox with `slots` slots; SandboxError (with the fix) when
    the host cannot provide it."""
    return LinuxSandbox(mode, slots, runtime=runtime, **options)
