"""The sandbox's runtime: an interpreter, numpy and the grader's code any uid can run.

Here the grader's Python lives under /root/.pyenv and /root is 0700, so a sandbox started
as an unprivileged uid cannot even exec it (GRADING.md). `setup` builds, under a directory
of the instructor's choice (default /opt/edrill-runtime), a world-readable runtime:

- ``venv/``: a venv made from the system Python (``/usr/bin/python3``) with the grader's
  numpy version installed (from the configured indexes or pip's cache);
- ``pkg/grader/``: a read-only copy of the ``grader`` package and nothing else (never the
  course's tests/ or solutions/: hidden tests and solutions must not be inside), compiled
  to bytecode so the fork-server starts fast under ``python -B``;
- ``manifest.json``: the Python, the numpy version and a hash of the grader code copied, so
  `status` can tell a runtime that is stale (the grader changed: run setup again).

Setup is idempotent: it redoes only the parts that are missing or out of date.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import grader

# EDRILL_RUNTIME names another place (one per concurrent batch setup, say)
DEFAULT_RUNTIME = Path(os.environ.get("EDRILL_RUNTIME") or "/opt/edrill-runtime")
SYSTEM_PYTHON = "/usr/bin/python3"
GRADER_SOURCE = Path(grader.__file__).resolve().parent
MANIFEST = "manifest.json"
# Never copied: bytecode caches (rebuilt in the copy) and editor/VCS droppings.
SKIP_NAMES = {"__pycache__", ".git", ".mypy_cache", ".ruff_cache"}


def python_of(runtime: Path) -> Path:
    """The sandboxed interpreter (a venv symlink to the system Python)."""
    return runtime / "venv" / "bin" / "python"


def package_parent(runtime: Path) -> Path:
    """The directory to put on sys.path inside the sandbox to import `grader`."""
    return runtime / "pkg"


def _grader_files(source: Path = GRADER_SOURCE) -> list[Path]:
    files = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(part in SKIP_NAMES or part.endswith(".pyc") for part in rel.parts):
            continue
        if path.is_file() and not path.is_symlink():
            files.append(path)
    return files


def grader_hash(source: Path = GRADER_SOURCE) -> str:
    """sha256 over the grader package's file names and contents (what the copy holds)."""
    digest = hashlib.sha256()
    for path in _grader_files(source):
        digest.update(str(path.relative_to(source)).encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def numpy_version() -> str:
    import numpy  # noqa: PLC0415 - only setup and status need it

    return numpy.__version__


@dataclass
class Status:
    """What a runtime directory holds, compared with the running grader."""

    runtime: Path
    present: bool = False
    manifest: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        return self.present and not self.problems


# Inside a slot, /tmp is the slot's own tmpfs: a runtime below it would be hidden (workers
# then fail to import numpy's lazily loaded submodules after the first reset).
SHADOWED = (Path("/tmp"), Path("/var/tmp"), Path("/dev"), Path("/proc"))


def placement_problem(runtime: Path) -> str | None:
    """Why `runtime` cannot serve a sandbox from where it is, or None."""
    resolved = runtime.resolve()
    for top in SHADOWED:
        if resolved == top or top in resolved.parents:
            return (f"{runtime} is below {top}, which every slot replaces with its own: put "
                    f"the runtime elsewhere (default {DEFAULT_RUNTIME})")
    return None


def status(runtime: Path = DEFAULT_RUNTIME) -> Status:
    """Is the runtime there, complete, and built from the grader code and numpy running now?"""
    st = Status(runtime)
    problem = placement_problem(runtime)
    if problem:
        st.problems.append(problem)
    manifest_path = runtime / MANIFEST
    if not python_of(runtime).exists() or not manifest_path.exists():
        st.problems.append(f"no runtime in {runtime}")
        return st
    st.present = True
    try:
        st.manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError) as err:
        st.problems.append(f"unreadable manifest ({err})")
        return st
    if st.manifest.get("numpy") != numpy_version():
        st.problems.append(f"numpy {st.manifest.get('numpy')} in the runtime, the grader has "
                           f"{numpy_version()}")
    if st.manifest.get("grader_hash") != grader_hash():
        st.problems.append("the grader code changed since the runtime was built")
    if not (package_parent(runtime) / "grader" / "__init__.py").exists():
        st.problems.append("the copy of the grader package is missing")
    return st


def _run(argv: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(argv, capture_output=True, text=True, check=False)


def _venv_numpy(python: Path) -> str | None:
    out = _run([str(python), "-I", "-c", "import numpy; print(numpy.__version__)"])
    return out.stdout.strip() if out.returncode == 0 else None


def _make_readable(root: Path) -> None:
    """Directories 0755, files 0644 (0755 if executable), owned as they are: the slot uids
    may read and run everything, nobody but the owner may write."""
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                continue
            mode = os.stat(path).st_mode
            os.chmod(path, 0o755 if mode & stat.S_IXUSR else 0o644)
        dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]


def _copy_grader(runtime: Path, python: Path) -> None:
    """Replace pkg/grader with a fresh copy, compiled by the sandbox's interpreter."""
    pkg = package_parent(runtime)
    pkg.mkdir(parents=True, exist_ok=True)
    staging = pkg / "grader.new"
    shutil.rmtree(staging, ignore_errors=True)
    for path in _grader_files():
        dest = staging / path.relative_to(GRADER_SOURCE)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    # bytecode compiled for the interpreter that will run it (the system Python)
    out = _run([str(python), "-I", "-m", "compileall", "-q", "-d", str(pkg / "grader"),
                str(staging)])
    if out.returncode != 0:
        raise RuntimeError(f"compiling the grader copy failed:\n{out.stdout}{out.stderr}")
    old = pkg / "grader"
    if old.exists():
        retired = pkg / f"grader.old.{os.getpid()}.{time.time_ns()}"
        old.rename(retired)
        staging.rename(old)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(old)


def setup(runtime: Path = DEFAULT_RUNTIME, python: str = SYSTEM_PYTHON) -> list[str]:
    """Build or bring up to date the runtime in `runtime`; returns what was done, a line per
    step. Raises RuntimeError (with the command's output) when a step fails."""
    done: list[str] = []
    runtime = runtime.resolve()
    problem = placement_problem(runtime)
    if problem:
        raise RuntimeError(problem)
    if not Path(python).exists():
        raise RuntimeError(f"{python} is missing: install it (apt-get install python3 "
                           "python3-venv)")
    runtime.mkdir(parents=True, exist_ok=True)
    os.chmod(runtime, 0o755)
    venv_python = python_of(runtime)
    want_numpy = numpy_version()
    if not venv_python.exists():
        out = _run([python, "-m", "venv", str(runtime / "venv")])
        if out.returncode != 0:
            raise RuntimeError(f"{python} -m venv failed (apt-get install python3-venv?):\n"
                               f"{out.stderr.strip()}")
        done.append(f"created the venv {runtime / 'venv'} from {python}")
    else:
        done.append(f"venv {runtime / 'venv'} already there")
    have = _venv_numpy(venv_python)
    if have != want_numpy:
        out = _run([str(venv_python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    f"numpy=={want_numpy}"])
        if out.returncode != 0:
            raise RuntimeError(f"pip install numpy=={want_numpy} failed:\n"
                               f"{(out.stderr or out.stdout).strip()[-3000:]}")
        done.append(f"installed numpy {want_numpy} (was {have or 'absent'})")
    else:
        done.append(f"numpy {have} already installed")
    code_hash = grader_hash()
    manifest_path = runtime / MANIFEST
    old = {}
    if manifest_path.exists():
        try:
            old = json.loads(manifest_path.read_text())
        except ValueError:
            old = {}
    if (old.get("grader_hash") != code_hash
            or not (package_parent(runtime) / "grader" / "__init__.py").exists()):
        _copy_grader(runtime, venv_python)
        done.append(f"copied the grader package from {GRADER_SOURCE} to "
                    f"{package_parent(runtime) / 'grader'}")
    else:
        done.append("the grader copy is up to date")
    _make_readable(runtime)
    manifest = {"python": python, "python_version": _run(
        [str(venv_python), "-c", "import sys; print(sys.version.split()[0])"]).stdout.strip(),
        "numpy": want_numpy, "grader_hash": code_hash, "grader_source": str(GRADER_SOURCE),
        "built": time.time()}
    tmp = runtime / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2) + "\n")
    os.chmod(tmp, 0o644)
    tmp.replace(manifest_path)
    done.append(f"wrote {manifest_path}")
    return done
