"""Writes the red-team suite's two baselines from the course's solutions: `honest/` and `wrong/`.

`honest/<id>.py` is the reference solution of each core exercise with the blank markers
stripped (what a student who filled every blank correctly hands in); `wrong/<id>.py` puts a
plausible wrong answer in every blank (a recorded common mistake where one earns no point).
Run `python -m tests.redteam.generate` after a solution changes;
`tests/framework/test_redteam.py` checks that the files are up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from grader.solution import parse_solution

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
CORE = ("conv_output_size", "gradient_clipping", "lstm_cell", "gru_update",
        "bidirectional_concat", "embedding")
# A plausible wrong answer per blank, chosen so that no check of the exercise passes. For
# lstm_cell and gru_update every recorded wrong answer keeps the shape and earns the shape
# check, so their answer here is a matrix product where an element-wise one belongs.
WRONG: dict[str, dict[int, str]] = {
    "conv_output_size": {1: "(H + 2*P - FH) / S + 1"},
    "gradient_clipping": {1: "rate"},
    "lstm_cell": {1: "c = input_gate * a + forget_gate * c\nh = output_gate.dot(np.tanh(c).T)"},
    "gru_update": {1: "(1 - z) * h + z.dot(h_bar.T)"},
    "bidirectional_concat": {1: "h_f + h_b[::-1]"},
    "embedding": {1: "np.argmax(w)", 2: "idx.dot(W)", 3: "dW += dout.sum(axis=0)"},
}
HEADER = '"""Red-team baseline ({kind}): {what}."""\n\n'


def render(ex_id: str, kind: str) -> str:
    ex = parse_solution(ROOT / "solutions" / f"{ex_id}.py")
    if kind == "honest":
        body = ex.with_answers({})
        what = "the reference solution, blank markers stripped; must earn full marks"
    else:
        body = ex.with_answers(WRONG[ex_id])
        what = "a recorded wrong answer in every blank; must earn no point"
    return HEADER.format(kind=kind, what=what) + body


def expected_files() -> dict[Path, str]:
    return {SUBMISSIONS / kind / f"{ex_id}.py": render(ex_id, kind)
            for kind in ("honest", "wrong") for ex_id in CORE}


def main() -> int:
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
