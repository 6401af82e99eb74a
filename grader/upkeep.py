"""Keeping a workspace: `grade reset ID` and `grade update`, without losing an answer.

A workspace keeps the stubs as it was given them in `.edrill/stubs/` (`grade init`), so
it can tell a file the student never touched from an edited one.

`reset` copies the student's file to `backups/<id>-<YYYYmmdd-HHMMSS>.py` first, then
writes the stub over it (temp file + rename).

`update` brings the workspace to a new version of the course (the course repository, or
a newer workspace or release folder):

- a new exercise gets its stub; a missing file is put back;
- a file still equal to the stub it was given is replaced by the new stub;
- an edited file is never written: when its stub changed, the new stub is written beside
  it as `<id>.new.py` (both are kept; merge by hand); when the stub did not change,
  nothing is said;
- an exercise the new version dropped keeps its file;
- the suites, recordings, quiz bank, manifest and stubs of `.edrill/` are replaced, the
  previous ones moved to `.edrill/previous/<timestamp>/`; progress, hints and results stay.

Student files are written first and only where the plan says, so an interrupted update
can simply be run again.
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from grader import __version__
from grader.course import (
    MANIFEST,
    RECORDED,
    SUITES,
    WORKSPACE_MARKER,
    Course,
    CourseError,
    Workspace,
    find_workspace,
)
from grader.files import write_atomic
from grader.i18n import Text, tr
from grader.quiz import BANK_DIR
from grader.workspace import STUBS

BACKUPS = "backups"  # <workspace>/backups/<id>-<timestamp>.py: versions `reset` replaced
PREVIOUS = "previous"  # .edrill/previous/<timestamp>/: what `update` replaced


def stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def unique(path: Path) -> Path:
    """`path`, or `path` with -2, -3, ... before the suffix when it exists."""
    k = 2
    out = path
    while out.exists():
        out = path.with_name(f"{path.stem}-{k}{path.suffix}")
        k += 1
    return out


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


# --------------------------------------------------------------------------- reset


@dataclass
class ResetResult:
    id: str
    done: bool  # False: the file was already the stub
    backup: Path | None


def original_stub(ws: Workspace, ex_id: str) -> bytes:
    """The stub the workspace was given: .edrill/stubs/, else the course of the same
    version (a workspace made before edrill kept its stubs)."""
    kept = read_bytes(ws.meta_dir / STUBS / f"{ex_id}.py")
    if kept is not None:
        return kept
    from grader.course import find_course

    version = (ws.marker().get("course") or {}).get("version")
    try:
        course = find_course(ws.root)
        source = json.loads((course.public_dir / MANIFEST).read_text(encoding="utf-8"))
        if source["course"].get("version") == version:
            stub = read_bytes(course.exercises_dir / f"{ex_id}.py")
            if stub is not None:
                return stub
    except (CourseError, OSError, ValueError, KeyError):
        pass
    raise CourseError(tr("this workspace does not keep the stub of {id} (it was made by an "
                         "older edrill): run `grade update` once, then `grade reset {id}` "
                         "again", id=ex_id))


def reset(ws: Workspace, ex_id: str) -> ResetResult:
    ids = [e["id"] for e in ws.manifest()["exercises"]]
    if ex_id not in ids:
        raise CourseError(tr("no exercise {ids}; this workspace has: {known}", ids=ex_id,
                             known=", ".join(ids)))
    stub = original_stub(ws, ex_id)
    path = ws.root / f"{ex_id}.py"
    mine = read_bytes(path)
    if mine == stub:
        return ResetResult(ex_id, False, None)
    backup = None
    if mine is not None:
        (ws.root / BACKUPS).mkdir(exist_ok=True)
        backup = unique(ws.root / BACKUPS / f"{ex_id}-{stamp()}.py")
        shutil.copy2(path, backup)  # the student's version first, whole, then the stub
        if read_bytes(backup) != mine:
            raise CourseError(tr("could not keep a copy of {file} in {dir}, so it was not "
                                 "reset: free some disk space and try again",
                                 file=path.name, dir=str(backup.parent)))
    write_atomic(path, stub)
    return ResetResult(ex_id, True, backup)


# --------------------------------------------------------------------------- update


@dataclass
class Source:
    """A new version of the course: where its stubs and public data are."""

    label: str
    manifest: dict
    stubs: dict[str, Path]
    suites: dict[str, Path]
    recorded: Path
    bank: Path | None
    assignment: Path | None = None  # assignment.json of a release


def course_source(course: Course) -> Source:
    path = course.public_dir / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        raise CourseError(tr("{path} is missing: the course has not been built; run `grader "
                             "build` in the course repository", path=str(path))) from None
    ids = [e["id"] for e in manifest["exercises"]]
    bank = course.public_dir / BANK_DIR
    return Source(str(course.root), manifest,
                  {i: course.exercises_dir / f"{i}.py" for i in ids},
                  {i: course.suite(i) for i in ids}, course.public_dir / RECORDED,
                  bank if bank.is_dir() else None)


def workspace_source(ws: Workspace) -> Source:
    """A newer workspace or an assignment release: its kept stubs, else its own files
    (a fresh release holds only stubs)."""
    manifest = ws.manifest()
    ids = [e["id"] for e in manifest["exercises"]]
    stubs = {}
    for i in ids:
        kept = ws.meta_dir / STUBS / f"{i}.py"
        stubs[i] = kept if kept.is_file() else ws.root / f"{i}.py"
    bank = ws.meta_dir / BANK_DIR
    assignment = ws.meta_dir / "assignment.json"
    return Source(str(ws.root), manifest, stubs,
                  {i: ws.suites_dir / f"test_{i}.py" for i in ids}, ws.recorded_dir,
                  bank if bank.is_dir() else None,
                  assignment if assignment.is_file() else None)


def find_source(ws: Workspace, from_dir: Path | None) -> Source:
    from grader.course import find_course

    assignment = ws.marker().get("assignment")
    if from_dir is not None:
        if not from_dir.is_dir():
            raise CourseError(tr("--from {dir}: no such folder", dir=str(from_dir)))
        other = find_workspace(from_dir)
        if other is not None and other.root == from_dir.resolve():
            if other.root == ws.root:
                raise CourseError(tr("--from {dir} is this workspace: name the folder of the "
                                     "new version", dir=str(from_dir)))
            other.marker()
            return workspace_source(other)
        if assignment:
            raise CourseError(assignment_only(assignment))
        return course_source(find_course(from_dir))
    if assignment:
        raise CourseError(assignment_only(assignment))
    return course_source(find_course(Path.cwd()))


def assignment_only(assignment: str) -> Text:
    return tr("this workspace is the release of the assignment {id}: update it from the "
              "folder of its new release with --from DIR", id=assignment)


@dataclass
class Plan:
    source: Source
    old_version: str
    new_version: str
    added: list[str] = field(default_factory=list)  # new exercises (or missing files)
    replaced: list[str] = field(default_factory=list)  # untouched stubs, new stub
    beside: list[str] = field(default_factory=list)  # edited, stub changed: <id>.new.py
    unsure: list[str] = field(default_factory=list)  # edited, old stub unknown, suite changed
    kept: list[str] = field(default_factory=list)  # edited, stub unchanged
    same: list[str] = field(default_factory=list)  # nothing to do
    dropped: list[str] = field(default_factory=list)  # not in the new version: file kept
    meta_changed: bool = False

    @property
    def changes(self) -> bool:
        return bool(self.added or self.replaced or self.beside or self.unsure
                    or self.meta_changed)


def beside_path(ws: Workspace, ex_id: str) -> Path:
    return ws.root / f"{ex_id}.new.py"


def plan_update(ws: Workspace, source: Source) -> Plan:
    old_manifest = ws.manifest()
    old_ids = [e["id"] for e in old_manifest["exercises"]]
    new_ids = [e["id"] for e in source.manifest["exercises"]]
    missing = [i for i in new_ids if not source.stubs[i].is_file()
               or not source.suites[i].is_file()
               or not (source.recorded / f"{i}.npz").is_file()]
    if missing:
        raise CourseError(tr("{source} is incomplete ({ids}): run `grader build` there, or "
                             "name another folder with --from DIR", source=source.label,
                             ids=", ".join(missing)))
    plan = Plan(source, str(old_manifest["course"].get("version", "?")),
                str(source.manifest["course"].get("version", "?")))
    for ex_id in new_ids:
        new_stub = source.stubs[ex_id].read_bytes()
        mine = read_bytes(ws.root / f"{ex_id}.py")
        old_stub = read_bytes(ws.meta_dir / STUBS / f"{ex_id}.py")
        if mine is None:
            plan.added.append(ex_id)
        elif mine == new_stub:
            plan.same.append(ex_id)
        elif old_stub is not None and mine == old_stub:
            plan.replaced.append(ex_id)
        elif read_bytes(beside_path(ws, ex_id)) == new_stub:
            plan.kept.append(ex_id)  # an earlier update already put the new stub beside it
        elif old_stub is not None:
            (plan.beside if old_stub != new_stub else plan.kept).append(ex_id)
        elif ex_id not in old_ids or not same_file(ws.suites_dir / f"test_{ex_id}.py",
                                                   source.suites[ex_id]):
            plan.unsure.append(ex_id)
        else:
            plan.kept.append(ex_id)
    plan.dropped = [i for i in old_ids if i not in new_ids and (ws.root / f"{i}.py").exists()]
    plan.meta_changed = meta_differs(ws, source)
    return plan


def same_file(a: Path, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def tree_files(folder: Path | None) -> dict[str, bytes]:
    if folder is None or not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def meta_differs(ws: Workspace, source: Source) -> bool:
    new_ids = [e["id"] for e in source.manifest["exercises"]]
    if json.loads((ws.meta_dir / MANIFEST).read_text(encoding="utf-8")) != source.manifest:
        return True
    if tree_files(ws.meta_dir / STUBS) != {f"{i}.py": source.stubs[i].read_bytes()
                                           for i in new_ids}:
        return True
    if tree_files(ws.suites_dir) != {f"test_{i}.py": source.suites[i].read_bytes()
                                     for i in new_ids}:
        return True
    return (tree_files(ws.recorded_dir) != tree_files(source.recorded)
            or tree_files(ws.meta_dir / BANK_DIR) != tree_files(source.bank))


def apply_update(ws: Workspace, plan: Plan) -> Path | None:
    """Carry out `plan`; returns the folder holding what was replaced (None: nothing)."""
    source = plan.source
    when = stamp()
    previous = unique(ws.meta_dir / PREVIOUS / when)
    # 1. the student's folder: only new files, untouched stubs, and <id>.new.py beside
    for ex_id in plan.added:
        write_atomic(ws.root / f"{ex_id}.py", source.stubs[ex_id].read_bytes())
    for ex_id in plan.replaced:
        (previous / "files").mkdir(parents=True, exist_ok=True)
        shutil.copy2(ws.root / f"{ex_id}.py", previous / "files" / f"{ex_id}.py")
        write_atomic(ws.root / f"{ex_id}.py", source.stubs[ex_id].read_bytes())
    for ex_id in plan.beside + plan.unsure:
        target = beside_path(ws, ex_id)
        if target.exists():  # an older .new.py: keep it too
            (previous / "files").mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, previous / "files" / target.name)
        write_atomic(target, source.stubs[ex_id].read_bytes())
    if not plan.meta_changed:
        return previous if previous.exists() else None
    # 2. .edrill/: stage the new public data whole, then swap it in folder by folder
    new_ids = [e["id"] for e in source.manifest["exercises"]]
    staging = ws.meta_dir / f"update-{when}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    try:
        (staging / SUITES).mkdir(parents=True)
        (staging / STUBS).mkdir()
        for i in new_ids:
            shutil.copy2(source.suites[i], staging / SUITES / f"test_{i}.py")
            shutil.copy2(source.stubs[i], staging / STUBS / f"{i}.py")
        shutil.copytree(source.recorded, staging / RECORDED)
        if source.bank is not None:
            shutil.copytree(source.bank, staging / BANK_DIR)
        (staging / MANIFEST).write_text(json.dumps(source.manifest, ensure_ascii=False,
                                                   indent=1), encoding="utf-8")
        if source.assignment is not None:
            shutil.copy2(source.assignment, staging / "assignment.json")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous.mkdir(parents=True, exist_ok=True)
    names = [SUITES, STUBS, RECORDED, BANK_DIR, MANIFEST]
    if source.assignment is not None:
        names.append("assignment.json")
    for name in names:
        old, new = ws.meta_dir / name, staging / name
        if old.exists():
            os.replace(old, previous / name)
        if new.exists():
            os.replace(new, old)
    shutil.rmtree(staging, ignore_errors=True)
    marker = ws.marker()
    marker.update(course=source.manifest["course"], edrill=__version__,
                  updated=datetime.now(UTC).isoformat(timespec="seconds"))
    write_atomic(ws.meta_dir / WORKSPACE_MARKER,
                 json.dumps(marker, ensure_ascii=False, indent=1).encode("utf-8"))
    return previous
