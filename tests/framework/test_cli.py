"""The two commands as users meet them: exit statuses, JSON, languages, workspaces, hints."""

from __future__ import annotations

import json

from grader.i18n import width
from tests.framework.conftest import by_id, grade_json, run_cli


def test_the_reference_solutions_pass_and_exit_zero(course):
    code, report = grade_json("--workspace", "solutions", cwd=course.root)
    assert code == 0, report
    assert report["score"] == report["max_score"] > 0
    assert {ex["status"] for ex in report["exercises"]} == {"passed"}
    assert report["schema_version"] == 1 and report["passed"] == report["total"]


def test_a_new_workspace_is_unfilled_everywhere_with_zero_points(workspace, course):
    code, report = grade_json("--lang", "en", cwd=workspace)
    assert code == 1
    assert report["total"] == len(course.exercise_ids())
    for ex in report["exercises"]:
        assert ex["status"] == "unfilled" and ex["score"] == 0, ex["id"]
        assert all(c["status"] == "unfilled" for c in ex["checks"])
        assert all("not filled in yet" in c["message"] for c in ex["checks"])


def test_unfilled_blanks_are_found_by_name_also_when_spelt_in_full_width(tmp_path):
    # a file without `_blank` anywhere is not parsed; a name Python folds to `_blank`
    # (NFKC, as for every identifier) still counts
    from grader.engine import unfilled_blanks

    path = tmp_path / "m.py"
    path.write_text("def f():\n    return 1  # 穴埋め済み\n", encoding="utf-8")
    assert unfilled_blanks(path) == []
    path.write_text("def f():\n    return _ｂｌａｎｋ(2) + _blank(1)\n", encoding="utf-8")
    assert unfilled_blanks(path) == [1, 2]


def test_the_workspace_holds_no_solution(workspace, course):
    """No solution module, and no exercise's answer in its own stub or its own suite.

    (Another exercise may hold it as given code — the course gives students its helper
    functions, softmax among them; what a release may contain is checked per assignment.)
    """
    files = [p for p in workspace.rglob("*") if p.is_file()]
    assert not any("solutions" in p.parts for p in files)
    for ex in course.exercises():
        own = (workspace / f"{ex.id}.py").read_text(encoding="utf-8") + (
            workspace / ".edrill" / "suites" / f"test_{ex.id}.py").read_text(encoding="utf-8")
        for blank in ex.blanks:
            for line in blank.answer.splitlines():
                if len(line.strip()) >= 8:
                    assert line.strip() not in own, (ex.id, line)


def test_grading_a_workspace_does_not_need_the_course(workspace, tmp_path):
    # Moved away from the repository and with EDRILL_COURSE pointing nowhere.
    moved = tmp_path / "elsewhere" / "ws"
    moved.parent.mkdir()
    workspace.rename(moved)
    code, report = grade_json("conv_output_size", cwd=moved,
                              env={"EDRILL_COURSE": str(tmp_path / "nothing")})
    assert code == 1 and report["exercises"][0]["status"] == "unfilled"


def test_grade_from_a_subfolder_finds_its_workspace(workspace):
    sub = workspace / "notes"
    sub.mkdir()
    code, report = grade_json("conv_output_size", cwd=sub)
    assert code == 1 and report["target"] == str(workspace.resolve())


def test_bad_usage_exits_two_with_a_message(workspace, tmp_path):
    proc = run_cli("grade", "no_such_exercise", cwd=workspace)
    assert proc.returncode == 2 and "no exercise no_such_exercise" in proc.stderr
    proc = run_cli("grade", cwd=tmp_path)
    assert proc.returncode == 2 and "grade init" in proc.stderr
    proc = run_cli("grade", "--workspace", str(tmp_path / "missing"), cwd=tmp_path)
    assert proc.returncode == 2 and "no such folder" in proc.stderr
    proc = run_cli("grade", "--lang", "fr", cwd=workspace)
    assert proc.returncode == 2
    proc = run_cli("grade", "init", str(workspace), cwd=tmp_path)
    assert proc.returncode == 2 and "already a workspace" in proc.stderr


def test_init_never_overwrites_anything(tmp_path, course):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("my notes")
    proc = run_cli("grade", "init", str(target), "--course", str(course.root))
    assert proc.returncode == 2 and "not empty" in proc.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_json_mode_prints_only_json_and_text_mode_speaks_japanese(workspace):
    proc = run_cli("grade", "--json", "--lang", "ja", "conv_output_size", cwd=workspace)
    data = json.loads(proc.stdout)
    assert data["lang"] == "ja" and data["exercises"][0]["title"] == "畳み込みの出力サイズ"
    proc = run_cli("grade", "--lang", "ja", "conv_output_size", cwd=workspace)
    assert "未記入" in proc.stdout and "進捗" in proc.stdout
    proc = run_cli("grade", "conv_output_size", cwd=workspace,
                   env={"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "EDRILL_LANG": ""})
    assert "未記入" in proc.stdout
    proc = run_cli("grade", "conv_output_size", cwd=workspace,
                   env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "EDRILL_LANG": ""})
    assert "not filled in yet" in proc.stdout


def test_list_shows_every_exercise_by_day_and_remembers_results(workspace, course):
    proc = run_cli("grade", "list", "--lang", "en", cwd=workspace)
    assert proc.returncode == 0
    for ex_id in course.exercise_ids():
        assert ex_id in proc.stdout
    assert "Day 2" in proc.stdout and "Day 3" in proc.stdout
    path = workspace / "conv_output_size.py"
    path.write_text(path.read_text().replace("_blank(1)", "(H + 2*P - FH) // S + 1"))
    assert run_cli("grade", "conv_output_size", cwd=workspace).returncode == 0
    proc = run_cli("grade", "list", "--lang", "en", cwd=workspace)
    line = next(ln for ln in proc.stdout.splitlines() if "conv_output_size" in ln)
    assert "passed 10/10" in line
    assert f"1/{len(course.exercise_ids())} exercises passed" in proc.stdout
    assert "Day 2  1/" in proc.stdout and " passed · 10/" in proc.stdout
    line = next(ln for ln in proc.stdout.splitlines() if "conv_forward" in ln)
    assert line.endswith("(first: im2col)")  # conv_output_size, its other prerequisite, passed
    ja = run_cli("grade", "list", "--lang", "ja", cwd=workspace).stdout
    assert "問合格" in ja and "（先に: im2col）" in ja
    columns = {width(ln[:ln.index("§")]) for ln in ja.splitlines() if "§" in ln}
    rows = [ln.split("  （先に")[0] for ln in ja.splitlines() if "§" in ln]
    titles = {width(row[:row.rindex("  ")]) for row in rows}
    assert len(columns) == 1 and len(titles) == 1, "the columns of `grade list` are aligned"


def test_hints_come_one_at_a_time(workspace, course):
    ex = next(e for e in course.exercises() if e.id == "lstm_cell")
    first = run_cli("grade", "hint", "lstm_cell", "--lang", "en", cwd=workspace).stdout
    assert ex.hints[0]["en"][:30] in first and ex.hints[1]["en"][:30] not in first
    second = run_cli("grade", "hint", "lstm_cell", "--lang", "ja", cwd=workspace).stdout
    assert ex.hints[1]["ja"][:20] in second


def test_grader_try_grades_an_answer_and_refuses_bad_input(course, tmp_path):
    code_ok = run_cli("grader", "try", "gru_update", "--answer", "h + z * (h_bar - h)",
                      "--json")
    assert code_ok.returncode == 0 and json.loads(code_ok.stdout)["exercises"][0][
        "status"] == "passed"
    wrong = run_cli("grader", "try", "gru_update", "--answer", "z * h + (1 - z) * h_bar",
                    "--json", "--lang", "en")
    assert wrong.returncode == 1
    checks = json.loads(wrong.stdout)["exercises"][0]["checks"]
    assert any("PyTorch" in c.get("mistake", "") for c in checks)
    assert run_cli("grader", "try", "gru_update", "--answer", "z", "--blank", "9"
                   ).returncode == 2
    assert run_cli("grader", "try", "nope", "--answer", "z").returncode == 2
    missing = run_cli("grader", "try", "gru_update", "--answer-file", str(tmp_path / "x"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_build_check_is_clean_and_notices_a_stale_stub(course, tmp_path):
    assert run_cli("grader", "build", "--check").returncode == 0
    stub = course.exercises_dir / "conv_output_size.py"
    saved = stub.read_bytes()
    try:
        stub.write_text(saved.decode() + "\n# edited by hand\n")
        proc = run_cli("grader", "build", "--check")
        assert proc.returncode == 1 and "exercises/conv_output_size.py" in proc.stdout
    finally:
        stub.write_bytes(saved)


def test_ids_reported_in_course_order(workspace, course):
    _code, report = grade_json(cwd=workspace)
    assert [ex["id"] for ex in report["exercises"]] == course.exercise_ids()
    assert set(by_id(report)) == set(course.exercise_ids())


def test_help_texts_name_the_commands():
    out = run_cli("grade", "--help").stdout
    assert "grade init DIR" in out and "--json" in out and "--workspace" in out
    out = run_cli("grader", "--help").stdout
    for word in ("build", "try", "selftest"):
        assert word in out
