"""Progress that lasts: `grade` runs and quiz answers in the workspace's SQLite file,
`grade progress`, and `grade quiz --review` drawing the weakest topics first."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date

from grader.course import Workspace
from grader.progress import PROGRESS_FILE, ProgressStore, ReviewHistory
from grader.quiz import BANK_DIR
from grader.quiz.drill import load_bank, make_drill
from tests.framework.conftest import ROOT, run_cli


def quiz_json(ws, *args: str) -> dict:
    proc = run_cli("grade", "quiz", "--json", *args, cwd=ws)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_grading_and_drills_are_kept_and_shown_as_mastery(workspace):
    shutil.copy(ROOT / "solutions" / "sigmoid.py", workspace / "sigmoid.py")
    assert run_cli("grade", "sigmoid", "gru_update", cwd=workspace).returncode == 1
    # the exam drill on the GRU update, answered twice, wrong the second time
    drill = ("--topic", "gru_update", "--kind", "code", "--count", "1", "--seed", "3")
    first = quiz_json(workspace, *drill, "--answers", "A")["questions"][0]
    wrong = next(label for label in "ABCD" if label != first["answer"])
    assert quiz_json(workspace, *drill, "--answers", wrong)["questions"][0]["correct"] is False

    # a real SQLite file: one session per grade run and per answered drill
    db = sqlite3.connect(workspace / ".edrill" / PROGRESS_FILE)
    kinds = [k for (k,) in db.execute("SELECT kind FROM sessions ORDER BY id")]
    assert kinds == ["grade", "quiz", "quiz"]
    grades = dict(db.execute("SELECT exercise, status FROM grades"))
    assert grades == {"sigmoid": "passed", "gru_update": "unfilled"}
    answers = db.execute("SELECT item, exercise, correct FROM answers").fetchall()
    assert len(answers) == 2 and {a[1] for a in answers} == {"gru_update"}
    assert answers[-1][2] == 0
    db.close()

    proc = run_cli("grade", "progress", "--json", cwd=workspace)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    topics = {t["exercise"]: t for t in data["topics"]}
    assert topics["sigmoid"]["mastery"] == 1.0
    assert topics["sigmoid"]["grade"]["status"] == "passed"
    # unfilled is "not tried yet"; the wrong quiz answers make the GRU update weak
    assert topics["gru_update"]["quiz"]["asked"] == 2
    assert topics["gru_update"]["mastery"] < 1
    assert topics["affine_forward"]["mastery"] is None
    assert data["weakest"][0]["exercise"] == "gru_update"
    day1 = next(d for d in data["days"] if d["day"] == 1)
    assert day1["passed"] == 1 and day1["mastery"] == round(1 / day1["exercises"], 3)
    today = data["activity"][-1]
    assert today["date"] == date.today().isoformat() and today["grade_runs"] == 1
    assert today["passed"] == ["sigmoid"] and today["quiz"]["asked"] == 2

    text = run_cli("grade", "progress", "--lang", "ja", cwd=workspace)
    assert text.returncode == 0, text.stderr
    assert "苦手なトピック" in text.stdout and "gru_update" in text.stdout
    assert "GRU（更新ゲート・リセットゲート）" in text.stdout
    assert "grade quiz --review" in text.stdout

    # --review: the weak topic comes first
    review = quiz_json(workspace, "--review", "--count", "2", "--seed", "11")
    assert review["questions"][0]["exercise"] == "gru_update"


def test_the_review_hook_draws_the_weak_topics_first(tmp_path, course):
    bank = load_bank(course.public_dir / BANK_DIR, course.exercise_ids())
    manifest = json.loads((course.public_dir / "course.json").read_text(encoding="utf-8"))
    store = ProgressStore(tmp_path / PROGRESS_FILE)
    session = store.new_session("quiz")
    store.record_answer(session, item="lstm_cell:1", type="code", exercise="lstm_cell", day=3,
                        chosen="B", answer="A", correct=False)
    store.record_grade({"exercises": [
        {"id": "softmax", "day": 1, "status": "failed", "score": 3, "max_score": 10},
        {"id": "sigmoid", "day": 1, "status": "passed", "score": 10, "max_score": 10}]})
    item_exercise = {item["key"]: ex["exercise"] for ex, item in bank.code_items()}
    item_exercise.update({f"numeric:{k['key']}": k["exercise"] for k in bank.numeric})
    weak = {"lstm_cell", "softmax"}
    n_weak = sum(1 for ex, _item in bank.code_items() if ex["exercise"] in weak)
    for seed in range(20):
        history = ReviewHistory(store, item_exercise, manifest, review=True)
        drill = make_drill(bank, count=n_weak, seed=seed, kinds="code", history=history)
        assert {q.exercise for q in drill} == weak, seed
        assert history.met_any
    # without --review the same store changes nothing of the draw
    plain = make_drill(bank, count=5, seed=1, kinds="code")
    same = make_drill(bank, count=5, seed=1, kinds="code",
                      history=ReviewHistory(store, item_exercise, manifest, review=False))
    assert [q.key for q in plain] == [q.key for q in same]
    store.close()


def test_review_with_nothing_recorded_is_an_ordinary_drill(workspace):
    proc = run_cli("grade", "quiz", "--review", "--json", "--count", "2", "--seed", "1",
                   cwd=workspace)
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["questions"]) == 2
    assert "Nothing to review yet" in proc.stderr
    empty = run_cli("grade", "progress", cwd=workspace)
    assert empty.returncode == 0 and "Nothing recorded yet" in empty.stdout


def test_a_damaged_progress_file_is_named_never_overwritten(workspace):
    path = workspace / ".edrill" / PROGRESS_FILE
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    proc = run_cli("grade", "progress", cwd=workspace)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and PROGRESS_FILE in lines[0] and "rename it" in lines[0]
    # grading still gives its verdict, with one warning line
    graded = run_cli("grade", "sigmoid", cwd=workspace)
    assert graded.returncode == 1 and "sigmoid" in graded.stdout
    assert graded.stderr.count("\n") == 1 and "warning:" in graded.stderr
    assert path.read_bytes() == garbage
    assert Workspace(workspace).state()["results"]["sigmoid"]["status"] == "unfilled"


def test_progress_outside_a_workspace_is_a_usage_error(tmp_path):
    proc = run_cli("grade", "progress", cwd=tmp_path)
    assert proc.returncode == 2 and "grade init DIR" in proc.stderr
    review = run_cli("grade", "quiz", "--review", "--workspace", str(ROOT), cwd=tmp_path)
    assert review.returncode == 2 and "--review" in review.stderr
