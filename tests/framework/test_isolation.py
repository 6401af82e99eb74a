"""Student code runs only in workers: what it does there never touches the verdict of others.

Each test writes a hostile or broken version of one exercise into a real workspace, fills
another exercise correctly, runs `grade --json` as a student would and checks that the
broken one gets a clear status while the other is graded as usual.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from tests.framework.conftest import by_id, grade_json

VICTIM = "conv_output_size"
OTHER = "gradient_clipping"
RIGHT = {"conv_output_size": "(H + 2*P - FH) // S + 1", "gradient_clipping": "grad * rate"}


def fill(ws: Path, ex_id: str, replacement: str, placeholder: str = "_blank(1)") -> None:
    path = ws / f"{ex_id}.py"
    text = path.read_text(encoding="utf-8")
    assert placeholder in text
    path.write_text(text.replace(placeholder, replacement, 1), encoding="utf-8")


def prepend(ws: Path, ex_id: str, code: str) -> None:
    """Put `code` at module level, right after the stub's imports and helper."""
    path = ws / f"{ex_id}.py"
    text = path.read_text(encoding="utf-8")
    marker = "\ndef _blank("
    path.write_text(text.replace(marker, f"\n{code}\n{marker}", 1), encoding="utf-8")


def grade_two(ws: Path) -> tuple[int, dict, dict]:
    fill(ws, OTHER, RIGHT[OTHER])
    code, report = grade_json(VICTIM, OTHER, "--timeout", "2", cwd=ws)
    exercises = by_id(report)
    assert exercises[OTHER]["status"] == "passed", exercises[OTHER]
    assert exercises[OTHER]["score"] == exercises[OTHER]["max_score"]
    return code, report, exercises[VICTIM]


def test_correct_answers_pass_and_exit_zero(workspace):
    fill(workspace, VICTIM, RIGHT[VICTIM])
    code, _report, victim = grade_two(workspace)
    assert (code, victim["status"], victim["score"]) == (0, "passed", 10)


def test_a_wrong_answer_fails_at_a_named_check_with_expected_and_got(workspace):
    fill(workspace, VICTIM, "(H + 2*P - FH) / S + 1")
    code, _report, victim = grade_two(workspace)
    assert code == 1 and victim["status"] == "failed" and victim["score"] == 0
    first = next(c for c in victim["checks"] if c["status"] == "failed")
    assert first["name"] == "test_course_values"
    assert "expected a Python int, got float" in first["message"]
    assert first["expected"].startswith("3") and first["got"].startswith("3.0")
    assert "//" in first["mistake"]  # the recorded wrong answer's explanation


def test_an_infinite_loop_times_out_once_and_the_rest_is_graded(workspace):
    fill(workspace, VICTIM, "[0 for _ in iter(int, 1)]")
    started = time.monotonic()
    code, _report, victim = grade_two(workspace)
    assert code == 1 and victim["status"] == "timeout"
    assert "timed out after 2 s" in victim["checks"][0]["message"]
    assert all("earlier check" in c["message"] for c in victim["checks"][1:])
    assert time.monotonic() - started < 15  # one timeout per exercise, not one per check


def test_sys_exit_in_a_call_is_a_failure_not_a_pass(workspace):
    fill(workspace, VICTIM, "__import__('sys').exit(0)")
    code, _report, victim = grade_two(workspace)
    assert code == 1 and victim["status"] == "failed" and victim["score"] == 0
    assert "sys.exit()" in victim["checks"][0]["message"]


@pytest.mark.parametrize("code_at_import, status, words", [
    ("import sys\nsys.exit(0)", "error", "sys.exit()"),
    ("import os\nos._exit(0)", "error", "exited with status 0"),
    ("import ctypes\nctypes.string_at(0)", "error", "SIGSEGV"),
    ("raise RuntimeError('boom at import')", "error", "RuntimeError: boom at import"),
    ("while True:\n    pass", "timeout", "importing your module did not finish"),
])
def test_module_level_failures_get_a_clear_status(workspace, code_at_import, status, words):
    prepend(workspace, VICTIM, code_at_import)
    code, _report, victim = grade_two(workspace)
    assert code == 1 and victim["status"] == status, victim
    assert words in victim["message"], victim["message"]
    assert victim["score"] == 0


def test_a_syntax_error_is_not_gradable_with_its_line(workspace):
    fill(workspace, VICTIM, "(H + 2*P - FH) // S +")
    code, _report, victim = grade_two(workspace)
    assert code == 1 and victim["status"] == "error"
    assert re.search(r"not gradable: SyntaxError at conv_output_size\.py, line \d+",
                     victim["message"]), victim["message"]


def test_fake_output_and_patched_numpy_gain_nothing(workspace):
    prepend(workspace, VICTIM, "\n".join([
        "import os, numpy",
        "print('{\"score\": 10, \"max_score\": 10, \"status\": \"passed\"}')",
        "os.write(1, b'4 passed, 0 failed\\n')",
        "numpy.allclose = lambda *a, **k: True",
        "numpy.isclose = lambda a, b, **k: numpy.ones(numpy.shape(a), bool)",
        "numpy.testing.assert_allclose = lambda *a, **k: None",
    ]))
    fill(workspace, VICTIM, "0")
    code, report, victim = grade_two(workspace)  # stdout parsed as the one JSON document
    assert code == 1 and victim["status"] == "failed" and victim["score"] == 0
    assert "4 passed" in victim["output"]  # what it printed is shown as its output


def test_lying_objects_and_subclasses_are_refused(workspace):
    prepend(workspace, VICTIM, "\n".join([
        "import numpy as np",
        "class Liar(int):",
        "    def __eq__(self, other):",
        "        return True",
        "    __hash__ = int.__hash__",
    ]))
    fill(workspace, VICTIM, "Liar(99)")
    fill(workspace, OTHER, "np.zeros(3).view(type('Lying', (np.ndarray,), "
                           "{'__eq__': lambda s, o: True}))")
    code, report = grade_json(VICTIM, OTHER, cwd=workspace)
    exercises = by_id(report)
    assert code == 1
    assert exercises[VICTIM]["status"] == "failed" and exercises[VICTIM]["score"] == 0
    assert "expected a Python int, got" in exercises[VICTIM]["checks"][0]["message"]
    assert exercises[OTHER]["status"] == "failed" and exercises[OTHER]["score"] == 0
    assert "Lying" in exercises[OTHER]["checks"][0]["message"]


def test_nan_does_not_compare_equal(workspace):
    fill(workspace, OTHER, "grad * np.nan")
    code, report = grade_json(OTHER, cwd=workspace)
    other = by_id(report)[OTHER]
    assert code == 1 and other["score"] == 0
    assert "NaN" in other["checks"][0]["message"]


def test_a_setsid_daemon_does_not_outlive_grading(workspace, tmp_path):
    pidfile = tmp_path / "daemon.pid"
    prepend(workspace, VICTIM, "\n".join([
        "import os, time",
        "if os.fork() == 0:",
        "    os.setsid()",
        "    if os.fork() == 0:",
        f"        open({str(pidfile)!r}, 'w').write(str(os.getpid()))",
        "        while True:",
        "            time.sleep(0.05)",
        "    os._exit(0)",
    ]))
    fill(workspace, VICTIM, RIGHT[VICTIM])
    grade_two(workspace)
    deadline = time.monotonic() + 5
    while not pidfile.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = int(pidfile.read_text())
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.05)
    state = Path(f"/proc/{pid}/stat").read_text().split()[2] \
        if Path(f"/proc/{pid}").exists() else "gone"
    assert state in ("gone", "Z"), f"the daemon {pid} is still running ({state})"


def test_student_files_are_never_changed_by_grading(workspace):
    fill(workspace, VICTIM, RIGHT[VICTIM])
    before = {p.name: p.read_bytes() for p in workspace.glob("*.py")}
    grade_two(workspace)
    after = {p.name: p.read_bytes() for p in workspace.glob("*.py")}
    after[OTHER] = before[OTHER] = b""  # grade_two fills OTHER itself
    before.pop(f"{OTHER}.py"), after.pop(f"{OTHER}.py")
    assert before == after
    assert not [p for p in workspace.iterdir() if p.name.startswith("core")]


def test_huge_output_is_capped(workspace):
    prepend(workspace, VICTIM, "print('x' * 10_000_000)")
    fill(workspace, VICTIM, RIGHT[VICTIM])
    code, _report, victim = grade_two(workspace)
    assert len(victim.get("output", "")) < 10_000


def test_workers_are_separate_processes_per_exercise(workspace):
    prepend(workspace, VICTIM, "import os\nopen('pid_victim', 'w').write(str(os.getpid()))")
    prepend(workspace, OTHER, "import os\nopen('pid_other', 'w').write(str(os.getpid()))")
    fill(workspace, VICTIM, RIGHT[VICTIM])
    grade_two(workspace)
    pids = {(workspace / n).read_text() for n in ("pid_victim", "pid_other")}
    assert len(pids) == 2 and str(os.getpid()) not in pids
