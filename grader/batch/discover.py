"""Which submissions a folder holds: one per (student, exercise), with the code to grade.

Two layouts (ISSUE4.md):

- folders: `ROOT/<student>/<exercise_id>.py`, or one level deeper inside a workspace
  (a sub-folder holding `.edrill/`): `ROOT/<student>/<workspace>/<exercise_id>.py`;
- nbgrader: `ROOT/submitted/<student>/<assignment>/<exercise_id>.ipynb` (or ROOT is the
  `submitted` folder itself); the module is the notebook's code cells in order, without
  nbgrader's test cells and without IPython magics and shell lines.

With an assignment (`grader batch --assignment ID`), nbgrader's layout counts only the
`submitted/<student>/<ID>/` folder, and each student's submission time is read from
nbgrader's `submitted/<student>/<ID>/timestamp.txt`, or `ROOT/<student>/timestamp.txt` in
the folders layout ("2026-12-15 23:59:00.000000 UTC", with an offset, or ISO-8601).

Only files named after a course exercise count. Students' files are untrusted input: a
symbolic link is never followed (it could point at the hidden tests), only regular files of
bounded size are read, and a file that cannot be read or a notebook that cannot be parsed
becomes that submission's error (a row in the results), never a crash of the batch.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

NBGRADER_DIR = "submitted"
WORKSPACE_MARK = ".edrill"
MAX_MODULE_BYTES = 1 << 20  # a .py submission, or the code taken from a notebook
MAX_NOTEBOOK_BYTES = 32 << 20  # notebooks carry their outputs (images) too
TIMESTAMP = "timestamp.txt"


class DiscoveryError(Exception):
    """The submissions folder itself is unusable (a usage error, not a student's)."""


class NotebookError(ValueError):
    """A notebook from which no module can be taken; the message says why."""


@dataclass
class Submission:
    """One student's file for one exercise, and the module source that gets graded."""

    student: str
    exercise: str
    path: Path
    source: bytes | None  # None when the file cannot be graded (see `error`)
    error: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            basis = self.source if self.source is not None else f"error:{self.error}".encode()
            self.content_hash = hashlib.sha256(basis).hexdigest()


@dataclass
class Discovery:
    layout: str  # "folders" or "nbgrader"
    root: Path
    submissions: list[Submission] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # student -> why nothing to grade
    # with an assignment: student -> (ISO-8601 submission time or None, where it came from)
    timestamps: dict[str, tuple[str | None, str]] = field(default_factory=dict)

    def students(self) -> list[str]:
        return list(dict.fromkeys(s.student for s in self.submissions))


def read_untrusted(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, never through a symbolic link, at most `limit` bytes.

    Raises OSError with a message for the instructor.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise OSError(f"{path.name} is a symbolic link, which is never followed: "
                          "submit the file itself") from None
        raise OSError(f"cannot read {path.name}: {err.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise OSError(f"{path.name} is {info.st_size} bytes, over the limit of {limit}")
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise OSError(f"{path.name} is over the limit of {limit} bytes")
        return b"".join(chunks)
    except OSError as err:
        if err.strerror is None:
            raise
        raise OSError(f"cannot read {path.name}: {err.strerror}") from None
    finally:
        os.close(fd)


def parse_timestamp(text: str) -> datetime:
    """A submission time: nbgrader's "2026-12-15 23:59:00.000000 UTC", or ISO-8601 with an
    offset ("2026-12-15T23:59:00+09:00", "…Z"). ValueError (saying why) for anything else,
    also for a time without a zone: which day it is depends on the zone."""
    stripped = text.strip()
    value = stripped
    if value.endswith((" UTC", "Z")):
        value = value.removesuffix(" UTC").removesuffix("Z") + "+00:00"
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{stripped[:60]!r} is not a time (expected e.g. "
                         "'2026-12-15 23:59:00.000000 UTC' or 2026-12-15T23:59:00+09:00)"
                         ) from None
    if when.tzinfo is None:
        raise ValueError(f"{stripped[:60]!r} has no time zone (write it with UTC or an "
                         "offset such as +09:00)")
    return when


def read_timestamp(path: Path, shown: str) -> tuple[str | None, str]:
    """(ISO-8601 time with its offset, or None; where it came from or why it is missing)."""
    try:
        raw = read_untrusted(path, 1024)
    except OSError as err:
        if not os.path.lexists(path):
            return None, f"no {shown}"
        return None, f"{shown} unreadable: {err}"
    try:
        return parse_timestamp(raw.decode("utf-8", errors="replace")).isoformat(), shown
    except ValueError as err:
        return None, f"{shown} unreadable: {err}"


def is_test_cell(cell: dict) -> bool:
    """An nbgrader autograder-tests cell: graded, and not a solution."""
    meta = cell.get("metadata")
    nbg = meta.get("nbgrader") if isinstance(meta, dict) else None
    return isinstance(nbg, dict) and nbg.get("grade") is True and not nbg.get("solution")


def notebook_module(raw: bytes) -> str:
    """The module source of a notebook (nbformat 4 JSON): its code cells in order, except
    nbgrader test cells, with IPython magics (`%…`) and shell lines (`!…`) dropped."""
    try:
        nb = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise NotebookError(f"not UTF-8 text (byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise NotebookError(f"not a notebook: invalid JSON at line {err.lineno} column "
                            f"{err.colno} ({err.msg})") from None
    if isinstance(nb, dict) and "worksheets" in nb and "cells" not in nb:
        raise NotebookError("an nbformat 3 notebook: convert it with `jupyter nbconvert "
                            "--to notebook --nbformat 4`")
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise NotebookError("not an nbformat 4 notebook: no list of cells")
    parts = []
    for number, cell in enumerate(nb["cells"], 1):
        if not isinstance(cell, dict):
            raise NotebookError(f"cell {number} is not a JSON object")
        if cell.get("cell_type") != "code" or is_test_cell(cell):
            continue
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(x, str) for x in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise NotebookError(f"cell {number}: its source is neither text nor a list of "
                                "lines")
        lines = [line for line in source.splitlines()
                 if not line.lstrip().startswith(("%", "!"))]
        parts.append("\n".join(lines).rstrip())
    return "\n\n".join(p for p in parts if p) + "\n"


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as err:
        raise OSError(f"cannot list {folder}: {err.strerror}") from None


def _module_file(student: str, ex_id: str, path: Path) -> Submission:
    try:
        source = read_untrusted(path, MAX_MODULE_BYTES)
    except OSError as err:
        return Submission(student, ex_id, path, None, error=str(err))
    return Submission(student, ex_id, path, source)


def _notebook_file(student: str, ex_id: str, path: Path) -> Submission:
    try:
        raw = read_untrusted(path, MAX_NOTEBOOK_BYTES)
    except OSError as err:
        return Submission(student, ex_id, path, None, error=str(err))
    try:
        source = notebook_module(raw).encode("utf-8")
    except NotebookError as err:
        return Submission(student, ex_id, path, None,
                          error=f"{path.name} cannot be graded: {err}",
                          content_hash=hashlib.sha256(raw).hexdigest())
    if len(source) > MAX_MODULE_BYTES:
        return Submission(student, ex_id, path, None, error=f"{path.name}: its code is over "
                          f"the limit of {MAX_MODULE_BYTES} bytes")
    return Submission(student, ex_id, path, source)


def _pick(student: str, ex_id: str, found: list[Path], make) -> Submission:
    """The submission of one exercise; found twice is the student's error, not a guess."""
    if len(found) == 1:
        return make(student, ex_id, found[0])
    shown = ", ".join(str(Path(*p.parts[-3:])) for p in found)
    return Submission(student, ex_id, found[0], None,
                      error=f"{ex_id} was submitted {len(found)} times ({shown}): keep one")


def _student_files(folder: Path, suffix: str, wanted: set[str],
                   subfolder_ok) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for entry in _entries(folder):
        path = Path(entry.path)
        if entry.name.endswith(suffix) and entry.name[:-len(suffix)] in wanted:
            if not entry.is_dir(follow_symlinks=False):
                found.setdefault(entry.name[:-len(suffix)], []).append(path)
        elif entry.is_dir(follow_symlinks=False) and subfolder_ok(path):
            for sub in _entries(path):
                stem = sub.name[:-len(suffix)]
                if sub.name.endswith(suffix) and stem in wanted \
                        and not sub.is_dir(follow_symlinks=False):
                    found.setdefault(stem, []).append(Path(sub.path))
    return found


def discover(root: Path, exercise_ids: list[str], assignment: str | None = None) -> Discovery:
    """Every submission under `root` of the exercises `exercise_ids` (in course order); with
    `assignment`, its submission times too (see the module's docstring)."""
    root = Path(root)
    if not root.exists():
        raise DiscoveryError(f"the submissions folder {root} does not exist")
    if not root.is_dir():
        raise DiscoveryError(f"{root} is not a folder: give the folder that holds one "
                             "folder per student (or nbgrader's submitted/)")
    if (root / NBGRADER_DIR).is_dir():
        base, layout = root / NBGRADER_DIR, "nbgrader"
    elif root.name == NBGRADER_DIR:
        base, layout = root, "nbgrader"
    else:
        base, layout = root, "folders"
    if layout == "nbgrader":
        suffix, make, nested = ".ipynb", _notebook_file, lambda p: True
        if assignment is not None:
            nested = lambda p: p.name == assignment  # noqa: E731
        nothing = "no exercise notebooks (expected submitted/<student>/<assignment>/<id>.ipynb)"
    else:
        suffix, make = ".py", _module_file
        nested = lambda p: (p / WORKSPACE_MARK).is_dir()  # noqa: E731
        nothing = "no exercise files (expected <id>.py, e.g. " \
                  f"{exercise_ids[0] if exercise_ids else 'conv_output_size'}.py)"
    order = {ex_id: k for k, ex_id in enumerate(exercise_ids)}
    wanted = set(exercise_ids)
    out = Discovery(layout=layout, root=root)
    try:
        students = _entries(base)
    except OSError as err:
        raise DiscoveryError(str(err)) from None
    for entry in students:
        student = entry.name
        if entry.is_symlink():
            out.problems[student] = "the student's folder is a symbolic link: not followed"
            continue
        if not entry.is_dir():
            continue
        try:
            found = _student_files(Path(entry.path), suffix, wanted, nested)
        except OSError as err:
            out.problems[student] = str(err)
            continue
        if not found:
            out.problems[student] = nothing
            continue
        for ex_id in sorted(found, key=order.__getitem__):
            out.submissions.append(_pick(student, ex_id, found[ex_id], make))
        if assignment is not None:
            parts = (student, assignment, TIMESTAMP) if layout == "nbgrader" \
                else (student, TIMESTAMP)
            out.timestamps[student] = read_timestamp(base.joinpath(*parts), "/".join(parts))
    return out
