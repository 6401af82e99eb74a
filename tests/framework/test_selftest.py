"""Every grading suite is itself tested: `grader selftest` over the whole course."""

from __future__ import annotations

from tests.framework.conftest import run_cli


def test_selftest_is_green_for_every_exercise(course):
    proc = run_cli("grader", "selftest", "--verbose", timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for ex_id in course.exercise_ids():
        assert f"✔ {ex_id}:" in proc.stdout
    assert "✘" not in proc.stdout
