"""Where things are: the course source, its manifest, and student workspaces.

The course source is the repository: `course.toml` (the ordered manifest), `solutions/`,
`tests/suites/`, `templates/` and the generated `exercises/`. A workspace is a folder a
student works in, made by `grade init`: the stubs, a copy of the public suites and of the
recorded reference values, and a marker `.edrill/workspace.json`. Grading a workspace never
needs `solutions/`.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from grader.files import write_atomic
from grader.i18n import Text, tr
from grader.solution import Exercise, parse_solution

MARKER_DIR = ".edrill"
WORKSPACE_MARKER = "workspace.json"
MANIFEST = "course.json"
SUITES = "suites"
RECORDED = "recorded"
WORKSPACE_FORMAT = 1


class CourseError(Exception):
    """Bad input about the course or a workspace: the message names the problem and fix."""


@dataclass(frozen=True)
class Course:
    """The course source (the instructors' repository)."""

    root: Path

    @property
    def solutions_dir(self) -> Path:
        return self.root / "solutions"

    @property
    def exercises_dir(self) -> Path:
        return self.root / "exercises"

    @property
    def suites_dir(self) -> Path:
        return self.root / "tests" / "suites"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def public_dir(self) -> Path:
        """The generated public data beside the stubs: manifest and recordings."""
        return self.exercises_dir / MARKER_DIR

    def manifest(self) -> dict:
        path = self.root / "course.toml"
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CourseError(f"{path} is missing: the course needs its manifest") from None
        except tomllib.TOMLDecodeError as err:
            raise CourseError(f"{path} is not valid TOML: {err}") from None
        course = data.get("course")
        if not isinstance(course, dict) or not isinstance(course.get("exercises"), list):
            raise CourseError(f"{path}: expected a [course] table with an exercises list")
        return course

    def exercise_ids(self) -> list[str]:
        ids = [str(x) for x in self.manifest()["exercises"]]
        dupes = {x for x in ids if ids.count(x) > 1}
        if dupes:
            raise CourseError(f"course.toml lists {', '.join(sorted(dupes))} twice")
        return ids

    def exercises(self) -> list[Exercise]:
        """Every exercise of the manifest, parsed and checked, in course order."""
        out = []
        for ex_id in self.exercise_ids():
            path = self.solutions_dir / f"{ex_id}.py"
            if not path.exists():
                raise CourseError(
                    f"course.toml lists {ex_id!r} but {path} does not exist: add the solution "
                    "or remove the id from the manifest")
            out.append(parse_solution(path))
        check_order(out)
        listed = set(self.exercise_ids())
        stray = sorted(p.stem for p in self.solutions_dir.glob("*.py")
                       if p.stem not in listed and not p.stem.startswith("_"))
        if stray:
            raise CourseError(
                f"solutions/ holds {', '.join(stray)}, which course.toml does not list: add "
                "them to the manifest (or prefix helper modules with '_')")
        return out

    def suite(self, ex_id: str) -> Path:
        return self.suites_dir / f"test_{ex_id}.py"


def check_order(exercises: list[Exercise]) -> None:
    """Days never go back, and every prerequisite comes earlier in the manifest."""
    position = {ex.id: k for k, ex in enumerate(exercises)}
    for before, ex in zip(exercises, exercises[1:], strict=False):
        if ex.day < before.day:
            raise CourseError(
                f"course.toml lists {ex.id!r} (Day {ex.day}) after {before.id!r} "
                f"(Day {before.day}): keep the exercises in Day order")
    for ex in exercises:
        for req in ex.requires:
            if req == ex.id:
                raise CourseError(f"solutions/{ex.id}.py requires itself: remove {req!r} "
                                  "from its requires")
            if req not in position:
                raise CourseError(
                    f"solutions/{ex.id}.py requires {req!r}, which course.toml does not "
                    "list: correct the id or add that exercise")
            if position[req] > position[ex.id]:
                raise CourseError(
                    f"solutions/{ex.id}.py requires {req!r}, which course.toml lists after "
                    f"it: move {req!r} before {ex.id!r}")


def find_course(start: Path | None = None) -> Course:
    """The course source: $EDRILL_COURSE, else a parent of `start` or of this package."""
    env = os.environ.get("EDRILL_COURSE")
    candidates = [Path(env)] if env else []
    if start is not None:
        candidates += [start, *start.resolve().parents]
    candidates.append(Path(__file__).resolve().parents[1])
    for path in candidates:
        if (path / "course.toml").is_file() and (path / "tests" / "suites").is_dir():
            return Course(path.resolve())
    raise CourseError(
        "cannot find the course source (a folder with course.toml and tests/suites): run "
        "from the edrill repository, pass --course DIR, or set EDRILL_COURSE")


@dataclass(frozen=True)
class Workspace:
    """A student's workspace: their files, the public suites, the recorded references."""

    root: Path

    @property
    def meta_dir(self) -> Path:
        return self.root / MARKER_DIR

    @property
    def suites_dir(self) -> Path:
        return self.meta_dir / SUITES

    @property
    def recorded_dir(self) -> Path:
        return self.meta_dir / RECORDED

    def marker(self) -> dict:
        path = self.meta_dir / WORKSPACE_MARKER
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise CourseError(damaged(path, err)) from None
        if data.get("format") != WORKSPACE_FORMAT:
            raise CourseError(tr("{dir} was made by another version of edrill (format {format}); "
                                 "make a new workspace with `grade init DIR` and copy your "
                                 "files over", dir=str(self.root),
                                 format=repr(data.get("format"))))
        return data

    def manifest(self) -> dict:
        path = self.meta_dir / MANIFEST
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise CourseError(damaged(path, err)) from None

    def unreleased(self) -> dict | None:
        """In an assignment release (`grader release`): exercise id -> how many checks run
        only at grading and their points ({"count", "points"}); None in other workspaces."""
        try:
            data = json.loads((self.meta_dir / "assignment.json").read_text(encoding="utf-8"))
            return {ex: {"count": int(v["count"]), "points": int(v["points"])}
                    for ex, v in data["unreleased"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def state_path(self) -> Path:
        return self.meta_dir / "state.json"

    def state(self) -> dict:
        try:
            return json.loads(self.state_path().read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return {}

    def save_state(self, state: dict) -> None:
        write_atomic(self.state_path(), json.dumps(state, ensure_ascii=False, indent=1))


def damaged(path: Path, err: Exception) -> Text:
    return tr("{path} cannot be read ({err}): the workspace is damaged; make a new one with "
              "`grade init DIR` and copy your files over", path=str(path), err=str(err))


def find_workspace(start: Path) -> Workspace | None:
    start = start.resolve()
    for path in (start, *start.parents):
        if (path / MARKER_DIR / WORKSPACE_MARKER).is_file():
            return Workspace(path)
    return None
