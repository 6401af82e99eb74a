"""The notebook path: `grader.api` and `%load_ext grader` / `%%grade ID` in a real IPython
InteractiveShell, against `grade ID --json` on the same code (the same verdicts and messages).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from grader.api import GradeError, grade, grade_code
from tests.framework.conftest import by_id, grade_json

if os.environ.get("CI") == "true":
    from IPython.core.interactiveshell import InteractiveShell
else:
    InteractiveShell = pytest.importorskip("IPython.core.interactiveshell").InteractiveShell

EXERCISE = "conv_output_size"
ROOT = Path(__file__).resolve().parents[2]
STUB_TEXT = (ROOT / "exercises" / f"{EXERCISE}.py").read_text(encoding="utf-8")
RIGHT = STUB_TEXT.replace("return _blank(1)", "return (H + 2 * P - FH) // S + 1")
SLASH = STUB_TEXT.replace("return _blank(1)", "return (H + 2 * P - FH) / S + 1")
RAISES = "import numpy as np\n\ndef conv_output_size(H, FH, P=0, S=1):\n    return np.nope(H)\n"
SYNTAX = "def conv_output_size(H, FH, P=0, S=1):\n    return (H + 2 * P - FH // S + 1\n"
STUB = None  # the workspace's own stub, blank unfilled
LOOPS = "def conv_output_size(H, FH, P=0, S=1):\n    while True:\n        pass\n"
CASES = {"right": (RIGHT, "passed"), "slash": (SLASH, "failed"), "raises": (RAISES, "failed"),
         "syntax": (SYNTAX, "error"), "stub": (STUB, "unfilled"), "loops": (LOOPS, "timeout")}


@pytest.fixture
def shell(workspace: Path, monkeypatch):
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("EDRILL_LANG", "en")
    sh = InteractiveShell.instance()
    result = sh.run_cell("%load_ext grader")
    assert result.success, result.error_in_exec
    yield sh
    sh.run_cell("%unload_ext grader")


def cell(shell, text: str):
    result = shell.run_cell(text)
    assert result.error_before_exec is None, result.error_before_exec
    return result


@pytest.mark.parametrize("case", list(CASES))
def test_a_grade_cell_says_what_grade_id_says(shell, workspace: Path, case: str):
    code, status = CASES[case]
    if code is None:
        code = (workspace / f"{EXERCISE}.py").read_text(encoding="utf-8")
    timeout = ["--timeout", "0.5"] if case == "loops" else []
    result = cell(shell, f"%%grade {EXERCISE} {' '.join(timeout)}\n{code}")
    assert result.success, result.error_in_exec
    graded = result.result
    assert graded.statuses() == {EXERCISE: status}
    # the same code in the workspace file (one line down: %%grade is line 1 of the cell)
    (workspace / f"{EXERCISE}.py").write_text("\n" + code, encoding="utf-8")
    _code, report = grade_json(EXERCISE, *timeout, cwd=workspace)
    ours = graded.as_json()
    assert by_id(ours) == by_id(report)
    assert (ours["score"], ours["max_score"]) == (report["score"], report["max_score"])
    assert graded.exit_code == _code
    if case == "raises":  # the message names the cell's line: `%%grade` is line 1
        message = by_id(ours)[EXERCISE]["checks"][0]["message"]
        assert "conv_output_size.py, line 5" in message and "np.nope" in message


def test_the_cell_never_runs_in_the_kernel(shell, workspace: Path):
    marker = workspace / "ran-in-kernel"
    code = (f"open({str(marker)!r}, 'w').close()\nimport os\nos._exit(7)\n" + RIGHT)
    result = cell(shell, f"%%grade {EXERCISE}\n{code}")
    graded = result.result
    assert graded.statuses() == {EXERCISE: "error"}
    assert "conv_output_size" not in shell.user_ns  # nothing of the cell was defined here
    assert (workspace / f"{EXERCISE}.py").read_text(encoding="utf-8").count("_blank(1)")
    marker.unlink()  # the worker ran it (its cwd is a scratch folder), the kernel is alive
    assert cell(shell, "1 + 1").result == 2


def test_display_is_plain_text_and_html_and_japanese(shell):
    result = cell(shell, f"%%grade {EXERCISE} --lang ja\n{SLASH}")
    data, _meta = shell.display_formatter.format(result.result)
    assert set(data) >= {"text/plain", "text/html"}
    assert "不合格" in data["text/plain"] and "期待値: 3  (int)" in data["text/plain"]
    assert "\x1b[" not in data["text/plain"]  # no terminal colour codes
    assert data["text/html"].startswith('<div class="edrill-report">')
    assert "&lt;" not in data["text/plain"] and "不合格" in data["text/html"]
    passed = cell(shell, f"%%grade {EXERCISE} --lang ja\n{RIGHT}").result
    assert passed.passed and "合格" in str(passed)


def test_line_magic_grades_the_workspace_file(shell, workspace: Path):
    (workspace / f"{EXERCISE}.py").write_text(RIGHT, encoding="utf-8")
    graded = cell(shell, f"%grade {EXERCISE}").result
    assert graded.passed and graded.score == graded.max_score == 10
    assert "✔ conv_output_size" in str(graded)


@pytest.mark.parametrize("line, fix", [
    (f"%%grade nope\n{RIGHT}", "no exercise nope"),
    (f"%%grade\n{RIGHT}", "the following arguments are required: ID"),
    (f"%%grade {EXERCISE}\n   \n", "the %%grade cell is empty"),
    (f"%%grade {EXERCISE} --workspace /no/such/dir\n{RIGHT}", "--workspace /no/such/dir"),
    (f"%grade {EXERCISE} --lang fr", "invalid choice"),
])
def test_bad_input_is_one_usage_error(shell, line: str, fix: str, capsys):
    result = shell.run_cell(line)
    assert type(result.error_in_exec).__name__ == "UsageError"
    assert fix in str(result.error_in_exec)
    assert "Traceback" not in capsys.readouterr().out


def test_outside_a_workspace_the_error_names_the_fix(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(GradeError, match="grade init DIR"):
        grade_code(EXERCISE, RIGHT, lang="en")
    with pytest.raises(GradeError, match="grade init DIR"):
        grade(EXERCISE, lang="en")


def test_the_api_remembers_results_like_grade(workspace: Path):
    (workspace / f"{EXERCISE}.py").write_text(RIGHT, encoding="utf-8")
    graded = grade(EXERCISE, workspace=workspace, lang="en")
    assert graded.passed and graded.exit_code == 0
    from grader.course import Workspace
    from grader.workspace import last_result

    assert last_result(Workspace(workspace), EXERCISE)["status"] == "passed"
    other = grade_code(EXERCISE, SLASH, workspace=workspace, lang="en")
    assert other.statuses() == {EXERCISE: "failed"}  # graded in a scratch folder:
    assert (workspace / f"{EXERCISE}.py").read_text(encoding="utf-8") == RIGHT  # file kept
    assert last_result(Workspace(workspace), EXERCISE)["status"] == "passed"
