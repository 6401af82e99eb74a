"""Student workspaces: made by `grade init`, remembered by `grade` (last results, hints).

`init_workspace` copies what the public checks need, and nothing of `solutions/`:

    DIR/<id>.py                    the stubs (the student edits these)
    DIR/.edrill/workspace.json     the marker: format, course, version
    DIR/.edrill/course.json        the public manifest (titles, instructions, hints)
    DIR/.edrill/suites/test_*.py   the public grading suites
    DIR/.edrill/recorded/*.npz     reference values recorded by `grader build`
    DIR/.edrill/stubs/<id>.py      the stubs as given (`grade reset`, `grade update`)
    DIR/.edrill/progress.sqlite    every grading and quiz answer (grader.progress)
    DIR/.edrill/quiz/*.json        the proven quiz bank of `grade quiz` (it holds the answers
                                   of the blanks: a release for graded assignments leaves
                                   out the files of the assigned exercises)
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from grader import __version__
from grader.course import (
    MANIFEST,
    MARKER_DIR,
    RECORDED,
    SUITES,
    WORKSPACE_FORMAT,
    WORKSPACE_MARKER,
    Course,
    CourseError,
    Workspace,
)
from grader.i18n import tr
from grader.quiz import BANK_DIR

STUBS = "stubs"  # .edrill/stubs/<id>.py: the stubs as given, for `grade reset` and `update`


def init_workspace(course: Course, dest: Path) -> Workspace:
    dest = dest.expanduser()
    if (dest / MARKER_DIR / WORKSPACE_MARKER).exists():
        raise CourseError(tr("{dir} is already a workspace: cd into it and run `grade`",
                             dir=str(dest)))
    if dest.exists() and not dest.is_dir():
        raise CourseError(tr("{dir} exists and is not a folder: choose a new folder name",
                             dir=str(dest)))
    if dest.exists() and any(dest.iterdir()):
        raise CourseError(tr("{dir} exists and is not empty: choose a new folder (nothing of "
                             "yours is overwritten)", dir=str(dest)))
    manifest_path = course.public_dir / MANIFEST
    if not manifest_path.exists():
        raise CourseError(f"{manifest_path} is missing: the stubs have not been built; run "
                          "`grader build` in the course repository")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    ids = [e["id"] for e in manifest["exercises"]]
    missing = [i for i in ids if not (course.exercises_dir / f"{i}.py").exists()
               or not course.suite(i).exists()
               or not (course.public_dir / RECORDED / f"{i}.npz").exists()]
    if missing:
        raise CourseError(f"the course is not built for {', '.join(missing)}: run "
                          "`grader build` in the course repository")
    staging = dest.with_name(dest.name + ".edrill-partial")
    if staging.exists():
        shutil.rmtree(staging)
    meta = staging / MARKER_DIR
    (meta / SUITES).mkdir(parents=True)
    (meta / STUBS).mkdir()
    for ex_id in ids:
        shutil.copy2(course.exercises_dir / f"{ex_id}.py", staging / f"{ex_id}.py")
        shutil.copy2(course.exercises_dir / f"{ex_id}.py", meta / STUBS / f"{ex_id}.py")
        shutil.copy2(course.suite(ex_id), meta / SUITES / f"test_{ex_id}.py")
    shutil.copytree(course.public_dir / RECORDED, meta / RECORDED)
    if (course.public_dir / BANK_DIR).is_dir():
        shutil.copytree(course.public_dir / BANK_DIR, meta / BANK_DIR)
    shutil.copy2(manifest_path, meta / MANIFEST)
    marker = {"format": WORKSPACE_FORMAT, "course": manifest["course"],
              "edrill": __version__,
              "created": datetime.now(UTC).isoformat(timespec="seconds")}
    (meta / WORKSPACE_MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    # Appear whole or not at all: a failed copy never leaves a half workspace behind.
    if dest.exists():
        dest.rmdir()
    staging.rename(dest)
    return Workspace(dest)


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def remember_results(ws: Workspace, report_json: dict) -> None:
    """Keep each exercise's last status with the digest of the file it was graded on."""
    state = ws.state()
    results = state.setdefault("results", {})
    for ex in report_json["exercises"]:
        results[ex["id"]] = {"status": ex["status"], "score": ex["score"],
                             "max_score": ex["max_score"],
                             "digest": file_digest(ws.root / f"{ex['id']}.py")}
    ws.save_state(state)


def last_result(ws: Workspace, ex_id: str) -> dict | None:
    """The last result, if the file has not changed since it was graded."""
    result = ws.state().get("results", {}).get(ex_id)
    if result and result.get("digest") == file_digest(ws.root / f"{ex_id}.py"):
        return result
    return None


def next_hint(ws: Workspace, ex_id: str, count: int) -> int:
    """How many hints of `ex_id` to show now (one more each time, up to `count`)."""
    state = ws.state()
    shown = state.setdefault("hints", {}).get(ex_id, 0)
    shown = min(shown + 1, count)
    state["hints"][ex_id] = shown
    ws.save_state(state)
    return shown
