"""`grader sandbox check`: can this host run the bwrap sandbox, and if not, what to do.

Each requirement is probed for real (bwrap started as a slot uid, the runtime's Python
run as that uid, a tmpfs mounted, finally a fork-server started in a sandbox and a worker
forked from it) and reported with the exact command that fixes it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox import runtime as rt
from grader.sandbox.linux import (
    CGROUP_ROOT,
    UID_BASE,
    Limits,
    bwrap_path,
    bwrap_supports,
    bwrap_version,
    make_cgroups,
    remove_cgroups,
)


@dataclass
class Finding:
    """One requirement: met or not, what was seen, and the command that fixes it."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True  # needed for the bwrap mode (else: a weaker fallback is used)


def _as_uid(uid: int):
    def preexec() -> None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)

    return preexec


def _run_as(uid: int, argv: list[str], timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False,
                          preexec_fn=_as_uid(uid), env={"PATH": "/usr/bin:/bin"}, cwd="/")


def check_bwrap() -> list[Finding]:
    tool = bwrap_path()
    if tool is None:
        return [Finding("bubblewrap", False, "bwrap is not on PATH",
                        "apt-get install -y bubblewrap")]
    found = [Finding("bubblewrap", True, f"{tool}, version {bwrap_version(tool)}")]
    disable = bwrap_supports(tool, "--disable-userns")
    found.append(Finding("bwrap --disable-userns", disable,
                         "supported: no user namespaces inside the sandbox" if disable else
                         "not supported (bwrap < 0.8): the sandbox could create namespaces",
                         "upgrade bubblewrap to 0.8 or later", required=False))
    return found


def check_root() -> Finding:
    root = os.geteuid() == 0
    return Finding("root (a uid per slot)", root,
                   "running as root: slots run as uids "
                   f"{UID_BASE}, {UID_BASE + 1}, …" if root else
                   f"running as uid {os.geteuid()}: cannot switch to the slot uids",
                   "run grader batch/check as root: sudo grader sandbox check")


def check_userns() -> Finding:
    tool = bwrap_path()
    if tool is None or os.geteuid() != 0:
        return Finding("user namespaces for an unprivileged uid", False,
                       "not probed (needs bwrap and root)", "see the findings above")
    out = _run_as(UID_BASE, [tool, "--unshare-all", "--unshare-user", "--ro-bind", "/", "/",
                             "--proc", "/proc", "--dev", "/dev", "/bin/true"])
    if out.returncode == 0:
        return Finding("user namespaces for an unprivileged uid", True,
                       f"bwrap --unshare-all ran as uid {UID_BASE}")
    return Finding("user namespaces for an unprivileged uid", False,
                   f"bwrap as uid {UID_BASE} failed: {out.stderr.strip()[:300]}",
                   "sysctl -w user.max_user_namespaces=15000; on Debian/Ubuntu also "
                   "sysctl -w kernel.unprivileged_userns_clone=1 and "
                   "sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")


def check_runtime(runtime: Path) -> list[Finding]:
    fix = f"grader sandbox setup --runtime {runtime}"
    if rt.placement_problem(runtime):
        fix = f"grader sandbox setup --runtime {rt.DEFAULT_RUNTIME}, and use that runtime"
    state = rt.status(runtime)
    if not state.present:
        return [Finding("runtime", False, "; ".join(state.problems), fix)]
    found = [Finding("runtime present", True,
                     f"{runtime} (Python {state.manifest.get('python_version', '?')}, numpy "
                     f"{state.manifest.get('numpy', '?')})")]
    found.append(Finding("runtime up to date with the grader", state.up_to_date,
                         "; ".join(state.problems) or "built from the grader code running now",
                         fix))
    if os.geteuid() != 0:
        found.append(Finding("runtime usable by the slot uids", False,
                             "not probed (needs root to switch uid)", "sudo grader sandbox check"))
        return found
    code = (f"import sys; sys.path.insert(0, {str(rt.package_parent(runtime))!r}); "
            "import numpy, grader.worker.forkserver; print(numpy.__version__)")
    out = _run_as(UID_BASE, [str(rt.python_of(runtime)), "-I", "-B", "-c", code])
    if out.returncode == 0:
        found.append(Finding("runtime usable by the slot uids", True,
                             f"uid {UID_BASE} runs it and imports numpy {out.stdout.strip()} "
                             "and the worker"))
    else:
        found.append(Finding("runtime usable by the slot uids", False,
                             f"as uid {UID_BASE}: {(out.stderr or out.stdout).strip()[-300:]}",
                             f"{fix} (and make every parent of {runtime} world-executable: "
                             f"chmod o+x on each)"))
    return found


def check_tmpfs() -> Finding:
    name = "a size-capped tmpfs per slot"
    if os.geteuid() != 0:
        return Finding(name, False, "needs root: falls back to plain directories, each file "
                       "capped by RLIMIT_FSIZE but not their total", "run as root",
                       required=False)
    where = tempfile.mkdtemp(prefix="edrill-tmpfs-check-", dir="/var/tmp")
    try:
        out = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0711",
                              "edrill-check", where], capture_output=True, text=True,
                             check=False)
        if out.returncode == 0:
            subprocess.run(["umount", where], capture_output=True, check=False)
            return Finding(name, True, "mount -t tmpfs -o size=… works")
        return Finding(name, False, f"mount failed ({out.stderr.strip()[:200]}): falls back "
                       "to plain directories, each file capped by RLIMIT_FSIZE but not their "
                       "total", "run as root on a host (not in a container without "
                       "CAP_SYS_ADMIN)", required=False)
    finally:
        os.rmdir(where)


def check_cgroups() -> Finding:
    name = "cgroups (per-slot pids and memory)"
    v2 = (CGROUP_ROOT / "cgroup.controllers").exists()
    kind = "v2" if v2 else "v1" if (CGROUP_ROOT / "pids").is_dir() else "none mounted"
    if os.geteuid() != 0:
        return Finding(name, False, f"{kind}; not probed (needs root)", "run as root",
                       required=False)
    made = make_cgroups(f"edrill-check-{os.getpid()}", Limits())
    remove_cgroups(made)
    if made:
        used = ", ".join(f"{p.parent.name if not v2 else 'v2'} {p.parent}" for p in made)
        return Finding(name, True, f"{kind}: each slot gets its own cgroups ({used}) "
                       "bounding its tasks and its total memory, on top of the slot uid and "
                       "RLIMIT_NPROC", required=False)
    return Finding(name, False, f"{kind}: no cgroup could be made; processes are bounded by "
                   "the slot uid and RLIMIT_NPROC, memory per process by RLIMIT_AS only",
                   "mount the pids and memory controllers (or delegate them, cgroup v2)",
                   required=False)


def check_end_to_end(runtime: Path) -> Finding:
    """A fork-server started in a real bwrap slot forks a worker that answers."""
    from grader.sandbox.base import SandboxError  # noqa: PLC0415
    from grader.sandbox.linux import open_linux_sandbox  # noqa: PLC0415
    from grader.worker.session import IsolatedSession  # noqa: PLC0415

    name = "a worker in a bwrap slot"
    try:
        sb = open_linux_sandbox("bwrap", 1, runtime=runtime)
    except SandboxError as err:
        return Finding(name, False, str(err), "fix the findings above")
    try:
        start = time.monotonic()
        path = sb.work_dir(0) / "probe.py"
        path.write_text("import os\ndef who():\n    return os.getuid()\n")
        session = IsolatedSession(sb.server(0), path, "probe", sb.work_dir(0), timeout=10)
        try:
            uid = session.module.who()
        finally:
            session.close()
        took = time.monotonic() - start
        return Finding(name, uid == sb.uid(0), f"fork-server started and a worker answered "
                       f"as uid {uid} in {took:.2f} s", "see the findings above")
    except Exception as err:  # report, do not crash: this is a diagnosis
        return Finding(name, False, f"{type(err).__name__}: {err}"[:500],
                       "see the findings above")
    finally:
        sb.close()


def run_checks(runtime: Path = rt.DEFAULT_RUNTIME) -> list[Finding]:
    found = check_bwrap()
    found.append(check_root())
    found.append(check_userns())
    found += check_runtime(runtime)
    found.append(check_tmpfs())
    found.append(check_cgroups())
    if all(f.ok for f in found if f.required):
        found.append(check_end_to_end(runtime))
    else:
        found.append(Finding("a worker in a bwrap slot", False, "not tried: a requirement "
                             "above is missing", "fix the findings above"))
    return found


def bwrap_usable(found: list[Finding]) -> bool:
    return all(f.ok for f in found if f.required)
