"""`grade quiz` and its bank: every served choice proven, numeric formulas verified.

`test_every_choice_of_the_bank_is_proven_again` is CI's re-proof of the bank: for each
exercise it grades every choice again with the exercise's checks (the `grader try`
engine) and requires the answer to pass, every distractor to fail at the check the bank
names, and the equivalence classes to be the ones the bank serves from. Select one
exercise with `-k gru_update`.
"""

from __future__ import annotations

import json
import random

import pytest

from grader.quiz import BANK_DIR, numeric
from grader.quiz.bank import (
    BANK_FORMAT,
    Outcome,
    bank_digest,
    classes,
    prove_item,
    proven_distinct,
    strip_comments,
)
from grader.quiz.drill import load_bank, make_drill, parse_answers
from grader.trial import find_exercise
from grader.worker.client import ForkServerClient
from tests.framework.conftest import ROOT, run_cli

BANK = ROOT / "exercises" / ".edrill" / BANK_DIR
BANK_FILES = sorted(p.stem for p in BANK.glob("*.json") if p.name != numeric.BANK_FILE)


@pytest.fixture(scope="module")
def server():
    s = ForkServerClient()
    yield s
    s.close()


def test_the_bank_covers_every_exercise_and_is_current(course):
    assert set(BANK_FILES) == set(course.exercise_ids()), "run `grader build`"
    served = 0
    for ex in course.exercises():
        data = json.loads((BANK / f"{ex.id}.json").read_text(encoding="utf-8"))
        assert data["format"] == BANK_FORMAT and data["digest"] == bank_digest(course, ex)
        assert len(data["items"]) + len(data["not_served"]) == len(ex.blanks)
        served += len(data["items"])
    assert served >= 60


@pytest.mark.parametrize("ex_id", BANK_FILES)
def test_every_choice_of_the_bank_is_proven_again(course, server, ex_id):
    ex = find_exercise(course, ex_id)
    data = json.loads((BANK / f"{ex_id}.json").read_text(encoding="utf-8"))
    for item in data["items"]:
        blank = ex.blanks[item["blank"] - 1]
        proof = prove_item(course, ex, blank, server)
        assert proof.item is not None, proof.reason
        right = proof.outcomes[item["answer"]["text"]]
        assert right.proves_right(), (item["key"], right.status, right.problem)
        stored = {d["text"]: d for d in item["distractors"]}
        again = {d["text"]: d for d in proof.item["distractors"]}
        assert stored.keys() == again.keys(), item["key"]
        for text, d in stored.items():
            out = proof.outcomes[text]
            assert out.proves_wrong(), (item["key"], text, out.status, out.problem)
            assert again[text]["caught_by"]["name"] == d["caught_by"]["name"], (item["key"], text)
        # the same partition into classes (the numbers may be permuted)
        pairs = {(a, b) for a in stored for b in stored
                 if stored[a]["class"] == stored[b]["class"]}
        assert pairs == {(a, b) for a in again for b in again
                         if again[a]["class"] == again[b]["class"]}, item["key"]
        assert len({d["class"] for d in stored.values()}) >= 3


def test_equivalence_needs_a_witness():
    def out(checks, sites):
        return Outcome("failed", 0, 1, checks, sites)

    import numpy as np

    a = out({"t": "failed"}, {"s#0": np.array([1.0, 2.0])})
    same = out({"t": "failed"}, {"s#0": np.array([1.0, 2.0 + 1e-12])})
    other_value = out({"t": "failed"}, {"s#0": np.array([1.0, 2.5])})
    raised = out({"t": "failed"}, {})
    other_status = out({"t": "passed"}, {"s#0": np.array([1.0, 2.0])})
    assert not proven_distinct(a, same)
    assert proven_distinct(a, other_value) and proven_distinct(a, raised)
    assert proven_distinct(a, other_status)
    # not proven distinct is grouped, transitively: one class for a, same
    assert classes([a, same, other_value, raised]) == [0, 0, 1, 2]


def test_choices_are_shown_without_comments():
    assert strip_comments("s = np.sum(x, axis=2)  # (N, T)\n") == "s = np.sum(x, axis=2)"
    assert strip_comments("    a = 1  # one\n    b = '#'\n") == "a = 1\nb = '#'"


def test_numeric_formulas_are_the_solutions_and_verified(course):
    stored = json.loads((BANK / numeric.BANK_FILE).read_text(encoding="utf-8"))
    assert stored["digest"] == numeric.digest(course), "run `grader build`"
    fresh = numeric.make_bank(course)  # re-verifies every formula against the solutions
    assert fresh == stored
    conv = next(k for k in stored["kinds"] if k["key"] == "conv_output_size")
    assert conv["formula"] == "(H + 2*P - FH) // S + 1"
    wrong = {d["formula"] for d in conv["distractors"]}
    assert {"(H + 2*P - FH) // S", "(H + P - FH) // S + 1"} <= wrong  # +1 forgotten, P once
    assert {k["key"] for k in stored["kinds"]} >= {
        "conv_output_size", "conv_params", "separable_conv_params", "receptive_field",
        "deconv_output_size", "lstm_params", "gru_params"}


def test_numeric_questions_have_four_different_numbers_and_the_right_one(course):
    from grader.reference import reference_module

    bank = load_bank(BANK)
    rng = random.Random(7)
    for entry in bank.numeric:
        kind = numeric.kind_of(entry["key"])
        module = reference_module(course.solutions_dir / f"{entry['exercise']}.py",
                                  entry["exercise"])
        for _ in range(30):
            q = numeric.make_question(entry, rng)
            texts = [q["answer"]["text"], *(d["text"] for d in q["distractors"])]
            assert len(set(texts)) == 4
            assert q["answer"]["text"] == str(kind.call(module, dict(q["values"])))


def test_the_evaluator_runs_arithmetic_only():
    assert numeric.evaluate("1 + (k - 1) * sum(d)", {"k": 3, "d": [1, 2, 4]}) == 15
    for bad in ("__import__('os').system('true')", "x.real", "[1][0]", "open('f')",
                "2 ** 10 ** 10"):
        with pytest.raises(numeric.FormulaError):
            numeric.evaluate(bad, {"x": 1})


def test_a_drill_serves_one_distractor_per_class_and_the_proven_answer():
    bank = load_bank(BANK)
    items = {item["key"]: item for _, item in bank.code_items()}
    for seed in range(5):
        for q in make_drill(bank, count=40, seed=seed, kinds="code"):
            item = items[q.key]
            assert q.choices[q.answer] == item["answer"]["text"]
            by_text = {d["text"]: d for d in item["distractors"]}
            wrong = [c for k, c in enumerate(q.choices) if k != q.answer]
            assert len({by_text[c]["class"] for c in wrong}) == 3
            # the course quiz's own distractors come first (up to two)
            quiz = [d for d in item["distractors"] if d["source"] == "quiz"]
            assert len([c for c in wrong if by_text[c]["source"] == "quiz"]) >= min(
                len({d["class"] for d in quiz}), 2)


def test_the_same_seed_gives_the_same_drill():
    bank = load_bank(BANK)
    a = make_drill(bank, count=12, seed=3)
    b = make_drill(bank, count=12, seed=3)
    assert [(q.key, q.choices) for q in a] == [(q.key, q.choices) for q in b]
    assert {q.day for q in make_drill(bank, count=10, seed=1, day=2)} == {2}
    assert all(q.exercise in ("gru_update", "gru_reset")
               for q in make_drill(bank, count=5, seed=1, topic="gru"))


def test_answers_are_parsed_with_a_clear_error():
    assert parse_answers("a, Ｂ,3,-", 4) == [0, 1, 2, None]
    with pytest.raises(ValueError, match="give one label"):
        parse_answers("A,B", 3)
    with pytest.raises(ValueError, match="is not a choice"):
        parse_answers("A,E", 2)


def test_twenty_questions_in_japanese_are_scored_in_a_workspace(workspace, tmp_path):
    """The issue's "done when": 20 exam-style items in Japanese, scored, weakest topics."""
    moved = tmp_path / "elsewhere" / "ws"
    moved.parent.mkdir()
    workspace.rename(moved)  # away from the repository: the workspace's own bank serves
    env = {"EDRILL_COURSE": str(tmp_path / "nothing")}
    args = ("quiz", "--count", "20", "--seed", "11", "--lang", "ja")
    first = run_cli("grade", *args, "--json", cwd=moved, env=env)
    assert first.returncode == 0, first.stderr
    drill = json.loads(first.stdout)
    assert drill["count"] == 20 and all("answer" not in q for q in drill["questions"])
    assert any(q["type"] == "numeric" for q in drill["questions"])
    assert any(q["type"] == "code" and "（ア）" in q["code"] for q in drill["questions"])
    graded = run_cli("grade", *args, "--json", "--answers", ",".join(["A"] * 20), cwd=moved,
                     env=env)
    key = [q["answer"] for q in json.loads(graded.stdout)["questions"]]
    key[0] = "-"  # skip one, get 19 right
    text = run_cli("grade", *args, "--answers=" + ",".join(key), cwd=moved, env=env)
    assert text.returncode == 0, text.stderr
    assert "得点: 19/20（95%）" in text.stdout
    assert "苦手なトピック:" in text.stdout and "正解:" in text.stdout
    assert "次のコードの空欄（ア）に入るものはどれか。" in text.stdout


def test_interactive_answers_from_stdin(course):
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "grader.cli.grade", "quiz", "--count", "3", "--seed", "5",
         "--lang", "en"], input="x\nB\nq\n", capture_output=True, text=True, cwd=ROOT,
        timeout=120, env={**__import__("os").environ, "EDRILL_LANG": "en"})
    assert proc.returncode == 0, proc.stderr
    assert "'x' is not a choice" in proc.stdout
    assert "Score: " in proc.stdout and "/1 (" in proc.stdout


def test_bad_quiz_usage_exits_two_with_the_fix(tmp_path):
    for args, words in ((("--count", "0"), "at least 1"),
                        (("--topic", "no-such-topic"), "try another --day or --topic"),
                        (("--count", "2", "--answers", "A"), "give one label")):
        proc = run_cli("grade", "quiz", "--seed", "1", *args, cwd=ROOT)
        assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    from grader.course import CourseError

    with pytest.raises(CourseError, match="no quiz bank"):
        load_bank(tmp_path)
