"""Fixtures for the framework's own tests: the real course, real workspaces, real workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader.course import Course, find_course
from tests.framework.chromium import chromium  # noqa: F401  (the fixture, for HTML tests)

ROOT = Path(__file__).resolve().parents[2]
# the same hidden-check inputs on every machine, and no secret file written into the checkout
# (a test of the secret itself sets or clears it)
os.environ.setdefault("EDRILL_COURSE_SECRET", "edrill-framework-tests")


@pytest.fixture(scope="session")
def course() -> Course:
    return find_course(ROOT)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `grade ...` or `grader ...` as a user would, through the installed module.

    Messages are in English unless the test names a language (EDRILL_LANG, --lang, LANG).
    """
    module = {"grade": "grader.cli.grade", "grader": "grader.cli.instructor"}[args[0]]
    full_env = dict(os.environ, EDRILL_LANG="en")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", module, *args[1:]], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=timeout, env=full_env)


def grade_json(*args: str, cwd: Path, **kwargs) -> tuple[int, dict]:
    proc = run_cli("grade", "--json", *args, cwd=cwd, **kwargs)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as err:
        raise AssertionError(f"stdout is not JSON ({err}):\n{proc.stdout}\n{proc.stderr}") from None
    return proc.returncode, data


@pytest.fixture
def workspace(tmp_path: Path, course: Course) -> Path:
    """A fresh workspace made by `grade init`."""
    proc = run_cli("grade", "init", str(tmp_path / "ws"), "--course", str(course.root))
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "ws"


def by_id(report: dict) -> dict[str, dict]:
    return {ex["id"]: ex for ex in report["exercises"]}
