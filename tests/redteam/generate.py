"""Writes the red-team submissions from the course's solutions and the attack sources.

- `submissions/honest/<id>.py` is the reference solution of each baseline exercise with the
  blank markers stripped (what a student who filled every blank correctly hands in);
  `submissions/wrong/<id>.py` puts a plausible wrong answer in every blank, chosen so that
  it earns no point.
- `submissions/<attack>/<id>.py` is made from `attacks/<attack>/<id>.py`: that source holds
  the attack's docstring, one line `# @edrill-base: honest` (or `wrong`), and the attack
  snippet; the line is replaced by the honest or wrong body of the exercise. So an attack
  file never carries a hand-made copy of an exercise that drifts when the solution changes.
- `nbgrader/submitted/<student>/<assignment>/<id>.ipynb` are notebooks made the same way
  (`attacks_nbgrader.py`), graded through nbgrader's layout.

Run `python -m tests.redteam.generate` after a solution or an attack source changes;
`tests/framework/test_redteam.py` checks that every generated file is up to date. Files that
are not generated (symbolic links, the dropped `conftest.py`, READMEs) live in
`submissions/` only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from grader.solution import parse_solution

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SUBMISSIONS = HERE / "submissions"
ATTACKS = HERE / "attacks"
NBGRADER = HERE / "nbgrader"
CORE = ("conv_output_size", "gradient_clipping", "lstm_cell", "gru_update",
        "bidirectional_concat", "embedding")
# Exercises whose convergence or grid checks once ran inside the worker: the harness-swap
# attacks target them, so the baselines cover them too.
TRAINING = ("sgd", "momentum", "adam", "numerical_gradient", "weight_init", "q_learning",
            "batchnorm_backward", "two_layer_net_training", "simple_rnn_binary_addition")
BASELINE = CORE + TRAINING
# A plausible wrong answer per blank, chosen so that no check of the exercise passes. For
# lstm_cell and gru_update every recorded wrong answer keeps the shape and earns the shape
# check, so their answer here is a matrix product where an element-wise one belongs; where a
# shape check would pass on a merely wrong value, the answer also gets a shape wrong.
WRONG: dict[str, dict[int, str]] = {
    "conv_output_size": {1: "(H + 2*P - FH) / S + 1"},
    "gradient_clipping": {1: "rate"},
    "lstm_cell": {1: "c = input_gate * a + forget_gate * c\nh = output_gate.dot(np.tanh(c).T)"},
    "gru_update": {1: "(1 - z) * h + z.dot(h_bar.T)"},
    "bidirectional_concat": {1: "h_f + h_b[::-1]"},
    "embedding": {1: "np.argmax(w)", 2: "idx.dot(W)", 3: "dW += dout.sum(axis=0)"},
    "sgd": {1: "params[key] += learning_rate * grads[key]"},
    "momentum": {1: "momentum * v[key] + lr * grad"},
    "adam": {1: "lr_t = -lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)"},
    "numerical_gradient": {1: "x[idx] = tmp_val + h\nfxh1 = f(x)\nx[idx] = tmp_val - h\n"
                              "fxh2 = f(x)\ngrad[idx] = (fxh1 - fxh2) / h"},
    "weight_init": {1: "W = rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)",
                    2: "W = rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)"},
    "q_learning": {1: "Q[s, a] += alpha * (r + gamma * np.max(Q[s]) - Q[s, a])"},
    "batchnorm_backward": {1: "dout.sum(axis=1)", 2: "np.sum(self.xn * dout, axis=1)"},
    "two_layer_net_training": {
        1: "delta2 = y - d\ngrad['W2'] = np.dot(z1.T, delta2)\n"
           "grad['b2'] = np.sum(delta2, axis=0)\ndelta1 = np.dot(delta2, W2.T) * d_relu(u1)\n"
           "grad['W1'] = np.dot(delta1.T, x)\ngrad['b1'] = np.sum(delta1, axis=0)",
        2: "for key in ('W1', 'b1', 'W2', 'b2'):\n"
           "    network[key] += learning_rate * grad[key]"},
    "simple_rnn_binary_addition": {
        1: "delta[t] = (np.dot(delta[t + 1], W.T)\n"
           "            + np.dot(delta_out[t], W_out)) * d_sigmoid(u[t + 1])"},
}
HEADER = '"""Red-team baseline ({kind}): {what}."""\n\n'
BASE_LINE = re.compile(r"^# @edrill-base: (honest|wrong)\n", re.MULTILINE)
SOURCE_LINE = re.compile(r"^# @edrill-source: (honest|wrong) as (\w+)\n", re.MULTILINE)


def body(ex_id: str, kind: str) -> str:
    """The exercise's module with every blank filled: correctly, or with `WRONG`."""
    ex = parse_solution(ROOT / "solutions" / f"{ex_id}.py")
    return ex.with_answers({} if kind == "honest" else WRONG[ex_id])


def render(ex_id: str, kind: str) -> str:
    if kind == "honest":
        what = "the reference solution, blank markers stripped; must earn full marks"
    else:
        what = "a wrong answer in every blank; must earn no point"
    return HEADER.format(kind=kind, what=what) + body(ex_id, kind)


def render_attack(source: Path) -> str:
    """An attack submission: its source with the `# @edrill-base: …` line replaced by the
    honest or wrong body of the exercise the file is named after, and any line
    `# @edrill-source: honest as NAME` by `NAME = '<that body as a string>'` (an attack that
    needs the correct code beside its wrong answer execs it, without a copy to drift)."""
    text = source.read_text(encoding="utf-8")
    found = BASE_LINE.search(text)
    if found is None:
        raise ValueError(f"{source}: no `# @edrill-base: honest|wrong` line")
    text = text[:found.start()] + body(source.stem, found.group(1)) + text[found.end():]
    return SOURCE_LINE.sub(lambda m: f"{m.group(2)} = {body(source.stem, m.group(1))!r}\n",
                           text)


def attack_sources() -> list[Path]:
    return sorted(ATTACKS.glob("*/*.py"))


def expected_files() -> dict[Path, str]:
    """Every generated file and the text it must hold."""
    files = {SUBMISSIONS / kind / f"{ex_id}.py": render(ex_id, kind)
             for kind in ("honest", "wrong") for ex_id in BASELINE}
    for source in attack_sources():
        files[SUBMISSIONS / source.parent.name / source.name] = render_attack(source)
    from tests.redteam.attacks_nbgrader import notebooks

    for relative, text in notebooks(body).items():
        files[NBGRADER / relative] = text
    return files


def main() -> int:
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
