"""An edrill wheel built from the source of the running `grader` package.

The Gradescope autograder and the GitHub Classroom config install edrill from a wheel they
carry, so a grading host needs PyPI for numpy, pytest and jinja2 only. The wheel is written
here (PEP 427: the package's files, a `.dist-info` with METADATA, WHEEL, entry_points.txt
and RECORD) rather than by a build backend: no build dependencies, no network, nothing
written into the source tree, and the same bytes for the same source. Its metadata comes
from the `pyproject.toml` beside the package (an edrill checkout), else from the installed
distribution's metadata.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import tempfile
import tomllib
import zipfile
from pathlib import Path

import grader

NAME = "edrill"
TAG = "py3-none-any"
# a fixed date inside the zip: the same source gives the same wheel
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
SKIP_DIRS = {"__pycache__"}
SKIP_SUFFIXES = (".pyc", ".pyo", ".tmp")


class WheelError(Exception):
    """The wheel cannot be built; the message says why and what to do."""


def package_dir() -> Path:
    return Path(grader.__file__).resolve().parent


def _metadata_from_pyproject(path: Path) -> tuple[str, str, dict[str, dict[str, str]]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    project = data["project"]
    lines = ["Metadata-Version: 2.1", f"Name: {project['name']}",
             f"Version: {project['version']}"]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    for req in project.get("dependencies", []):
        lines.append(f"Requires-Dist: {req}")
    for extra, reqs in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        for req in reqs:
            lines.append(f'Requires-Dist: {req}; extra == "{extra}"')
    entry_points = {"console_scripts": dict(project.get("scripts", {}))}
    for group, points in project.get("entry-points", {}).items():
        entry_points[group] = dict(points)
    return project["version"], "\n".join(lines) + "\n", entry_points


def _metadata_installed() -> tuple[str, str, dict[str, dict[str, str]]]:
    from importlib import metadata

    try:
        dist = metadata.distribution(NAME)
    except metadata.PackageNotFoundError:
        raise WheelError("cannot build the edrill wheel: no pyproject.toml beside the grader "
                         "package and no installed edrill metadata; run from an edrill "
                         "checkout (pip install -e .)") from None
    text = dist.read_text("METADATA") or ""
    entry_points: dict[str, dict[str, str]] = {}
    for ep in dist.entry_points:
        entry_points.setdefault(ep.group, {})[ep.name] = ep.value
    return dist.version, text, entry_points


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode()}"


def package_files(pkg: Path) -> list[Path]:
    """Every file of the package (sources, locale, data, suites.ini), sorted."""
    out = []
    for folder, dirs, files in os.walk(pkg):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(SKIP_SUFFIXES) and not name.startswith("."):
                out.append(Path(folder) / name)
    return out


def build_wheel(out_dir: Path) -> Path:
    """Write edrill-<version>-py3-none-any.whl into `out_dir`; returns its path."""
    pkg = package_dir()
    pyproject = pkg.parent / "pyproject.toml"
    if pyproject.is_file():
        try:
            version, meta, entry_points = _metadata_from_pyproject(pyproject)
        except (tomllib.TOMLDecodeError, KeyError, OSError) as err:
            raise WheelError(f"{pyproject} cannot be read for the wheel's metadata "
                             f"({err})") from None
    else:
        version, meta, entry_points = _metadata_installed()
    if not re.fullmatch(r"[0-9A-Za-z.+!-]+", version):
        raise WheelError(f"edrill's version {version!r} cannot name a wheel")
    dist_info = f"{NAME}-{version}.dist-info"
    files: list[tuple[str, bytes]] = []
    for path in package_files(pkg):
        files.append((f"grader/{path.relative_to(pkg).as_posix()}", path.read_bytes()))
    ep_text = "".join(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in sorted(points.items()))
                      + "\n" for group, points in sorted(entry_points.items()) if points)
    files += [(f"{dist_info}/METADATA", meta.encode()),
              (f"{dist_info}/WHEEL", ("Wheel-Version: 1.0\nGenerator: edrill (grader.wheel)\n"
                                      f"Root-Is-Purelib: true\nTag: {TAG}\n").encode()),
              (f"{dist_info}/entry_points.txt", ep_text.encode()),
              (f"{dist_info}/top_level.txt", b"grader\n")]
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in files)
    record += f"{dist_info}/RECORD,,\n"
    files.append((f"{dist_info}/RECORD", record.encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{NAME}-{version}-{TAG}.whl"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".wheel-", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files:
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
