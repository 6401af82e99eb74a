"""Hidden checks: run at grading time only, with fresh random inputs, seeded reproducibly.

A hidden suite is `tests/hidden/test_<id>.py` in the course: ordinary `@check` tests that
take the `rng` fixture (a `numpy.random.Generator`) and compare the student's answer with the
LIVE reference solution on inputs drawn from it. Its code is never released to students and
never runs in a workspace; `grader batch` runs it after the exercise's public suite.

The seed of a (student, exercise) is an HMAC of the course secret over the student and the
exercise, so students cannot compute each other's inputs (nor their own: the secret stays with
the instructors), and it is stored with the result (`results.seed`), so a regrade or an appeal
replays exactly the same inputs. A stored seed is reused on regrading, even if the secret has
changed since.

The course secret is never committed: it comes from the environment (`EDRILL_COURSE_SECRET`)
or from the git-ignored file `.edrill-secret` at the course root, which `grader batch` creates
(random, mode 0600) the first time a hidden suite needs it.
"""

from __future__ import annotations

import ast
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from grader.assignment import hidden_suite
from grader.course import Course

__all__ = ["hidden_suite"]

SECRET_ENV = "EDRILL_COURSE_SECRET"
SECRET_FILE = ".edrill-secret"
HIDDEN_DIR = ("tests", "hidden")
SEED_BITS = 63  # fits SQLite's signed 64-bit INTEGER


class SecretError(Exception):
    """The course secret cannot be read or made; the message names the file and the fix."""


def hidden_dir(course: Course) -> Path:
    return course.root.joinpath(*HIDDEN_DIR)


def has_hidden_suite(course: Course, ex_id: str) -> bool:
    return hidden_suite(course, ex_id).is_file()


# ---------------------------------------------------------------------- the secret
def secret_path(course: Course) -> Path:
    return course.root / SECRET_FILE


def course_secret(course: Course, create: bool = True) -> tuple[bytes, str]:
    """(the secret, where it came from). From $EDRILL_COURSE_SECRET, else `.edrill-secret`
    at the course root, made (random, 0600) when missing and `create` is true."""
    env = os.environ.get(SECRET_ENV, "").strip()
    if env:
        return env.encode("utf-8"), f"${SECRET_ENV}"
    path = secret_path(course)
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        text = ""
        if not create:
            raise SecretError(f"no course secret: set {SECRET_ENV} or create {path} "
                              "(`grader batch` makes one when it first needs it)") from None
    except (OSError, UnicodeDecodeError) as err:
        raise SecretError(f"cannot read the course secret {path} ({err}): fix its "
                          f"permissions, or set {SECRET_ENV}") from None
    if text:
        return text.encode("utf-8"), str(path)
    if path.exists():
        raise SecretError(f"the course secret {path} is empty: delete it (a new one is made) "
                          f"or set {SECRET_ENV}; seeds already stored stay valid")
    value = secrets.token_hex(32)
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(value + "\n")
        os.replace(tmp, path)
    except OSError as err:
        raise SecretError(f"cannot write the course secret {path} ({err.strerror}): set "
                          f"{SECRET_ENV} instead") from None
    return value.encode("utf-8"), f"{path} (new)"


def check_entropy(name: str) -> int:
    """A stable number for a check's name (mixed into its `rng` with the seed)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big")


def derive_seed(secret: bytes, student: str, exercise: str) -> int:
    """HMAC-SHA256(secret, student NUL exercise) as a non-negative 63-bit integer."""
    mac = hmac.new(secret, f"edrill-seed\0{student}\0{exercise}".encode(), hashlib.sha256)
    return int.from_bytes(mac.digest()[:8], "big") >> (64 - SEED_BITS)


# ---------------------------------------------------------------------- what a suite holds
@dataclass(frozen=True)
class SuiteCheck:
    """One test function of a suite file, read without importing it."""

    name: str
    kind: str  # "check", "control" or "other"
    points: int
    start: int  # first line (its first decorator), 1-based
    end: int  # last line, 1-based
    uses_rng: bool = False


def suite_checks(path: Path) -> list[SuiteCheck]:
    """The top-level `test_*` functions of a suite file, with their points (from
    `@check(kind, points, …)`) and line ranges."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")):
            continue
        kind, points = "other", 0
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and isinstance(deco.func, ast.Name):
                if deco.func.id == "check":
                    kind = "check"
                    if len(deco.args) >= 2 and isinstance(deco.args[1], ast.Constant):
                        points = int(deco.args[1].value)
                elif deco.func.id == "control":
                    kind = "control"
        start = min([d.lineno for d in node.decorator_list] + [node.lineno])
        params = [a.arg for a in node.args.args]
        out.append(SuiteCheck(node.name, kind, points, start, node.end_lineno or node.lineno,
                              uses_rng="rng" in params))
    return out


@dataclass(frozen=True)
class Unreleased:
    """The checks of one exercise that run at grading but are not shipped to students."""

    count: int = 0
    points: int = 0
    after_due_date: int = 0  # of `count`, those whose result is shown after the due date


def unreleased_checks(course: Course, assignment, ex_id: str) -> Unreleased:
    """Count and points of the exercise's checks that the student release leaves out: the
    hidden suite's, and the public suite's not `visible` in the assignment."""
    count = points = late = 0
    for check in suite_checks(course.suite(ex_id)):
        if check.kind == "check" and not assignment.released(ex_id, check.name):
            count += 1
            points += check.points
            late += assignment.visibility_of(ex_id, check.name) == "after_due_date"
    if has_hidden_suite(course, ex_id):
        for check in suite_checks(hidden_suite(course, ex_id)):
            if check.kind == "check":
                count += 1
                points += check.points
                late += assignment.visibility_of(ex_id, check.name,
                                                 hidden_suite=True) == "after_due_date"
    return Unreleased(count, points, late)


# ---------------------------------------------------------------------- grading targets
def grading_target(course: Course, student_dir: Path, label: str | None = None):
    """The target `grader batch` grades: the public suites, then the hidden suites, against
    the live reference; each exercise's points include its hidden checks' points."""
    from grader.engine import course_target

    target = course_target(course, student_dir, label)
    target.hidden_dir = hidden_dir(course)
    for meta in target.exercises:
        meta["points"] = int(meta.get("points", 0)) + hidden_points(course, meta["id"])
    return target


def hidden_only_target(course: Course, student_dir: Path, seeds: dict[str, int],
                       label: str | None = None):
    """A target that runs only the hidden suites (selftest's proof of them)."""
    from grader.engine import course_target

    target = course_target(course, student_dir, label)
    target.suites_dir = target.hidden_dir = hidden_dir(course)
    target.seeds = dict(seeds)
    target.exercises = [m for m in target.exercises if has_hidden_suite(course, m["id"])]
    return target


def hidden_points(course: Course, ex_id: str) -> int:
    if not has_hidden_suite(course, ex_id):
        return 0
    return sum(c.points for c in suite_checks(hidden_suite(course, ex_id))
               if c.kind == "check")
