"""Grading suite: simple_rnn_binary_addition — δ[t] = (δ[t+1] Wᵀ + δout[t] W_outᵀ) ⊙ σ'(u[t+1]).

S and G on small fixed problems (T, N, H = 5, 3, 4: all different, W not symmetric, so a
missing transpose of W changes the values and one of W_out is a shape error): the student's
grads against central differences of the exact loss L = (1/N) Σ ½ (y − d)², computed here
with the trusted forward pass of grader.harness.binary_addition (float64, h = 1e-5). C: 500
SGD steps with the student's bptt on 8-bit additions run here, a round trip to the worker per
step (no module can replace the loop); the trained weights are judged on 1000 pairs (a, b)
that training never draws: every bit of a + b must be right. Controls (`grader selftest`
only): a network without recurrence (W held at 0) cannot carry and fails the C check; the
reference passes it for 5 seeds.

A gradient truncated after one step (no δ[t+1] Wᵀ term) is caught by the G checks, not by C:
a carry depends only on the previous step, so even that gradient often learns the addition.
"""

import numpy as np

from grader.checks import assert_that, check, control, expect_array, numeric_gradient, same_gradient
from grader.harness import binary_addition
from grader.harness.judge import fail_outcome, trained
from grader.i18n import bilingual

T, N, H = 5, 3, 4
SHAPES = {"W_in": (2, H), "W": (H, H), "W_out": (H, 1)}


def problem(seed):
    """Weights, input bits X (T, N, 2) and target bits D (T, N, 1), deterministic."""
    rng = np.random.default_rng(seed)
    params = {key: rng.standard_normal(shape) for key, shape in SHAPES.items()}
    X = rng.integers(0, 2, (T, N, 2)).astype(np.float64)
    D = rng.integers(0, 2, (T, N, 1)).astype(np.float64)
    return params, X, D


def numeric(params, X, D, key):
    def loss(value):
        return binary_addition.loss({**params, key: value}, X, D)
    return numeric_gradient(loss, params[key].copy())


def student_grads(student, seed):
    params, X, D = problem(seed)
    grads = student.bptt({key: value.copy() for key, value in params.items()}, X.copy(),
                         D.copy())
    assert_that(isinstance(grads, dict),
                bilingual(ja="bptt は勾配の辞書 grads を返すはずが {kind} を返しました",
                          en="bptt should return the dict grads, got {kind}",
                          kind=type(grads).__name__), got=grads)
    return grads, params, X, D


@check("S", 1, ja="grads の各勾配が重みと同じ形の float 配列: W_in (2, H), W (H, H), W_out (H, 1)",
       en="each gradient in grads is a float array of its weight's shape: W_in (2, H), "
          "W (H, H), W_out (H, 1)")
def test_shapes(student):
    grads, *_ = student_grads(student, 0)
    for key, shape in SHAPES.items():
        expect_array(grads.get(key), f"grads['{key}']", shape=shape, kind="f")


@check("G", 3, ja="grads['W']（再帰の重み）が数値勾配と一致（時刻をさかのぼる全経路）",
       en="grads['W'] (the recurrent weights) matches the numeric gradient (every path back "
          "through time)")
def test_recurrent_gradient(student):
    for seed in (1, 2):
        grads, params, X, D = student_grads(student, seed)
        same_gradient(grads.get("W"), numeric(params, X, D, "W"), f"grads['W'] (seed {seed})")


@check("G", 2, ja="grads['W_in'] と grads['W_out'] が数値勾配と一致",
       en="grads['W_in'] and grads['W_out'] match the numeric gradient")
def test_input_output_gradients(student):
    for seed in (1, 2):
        grads, params, X, D = student_grads(student, seed)
        for key in ("W_in", "W_out"):
            same_gradient(grads.get(key), numeric(params, X, D, key),
                          f"grads['{key}'] (seed {seed})")


@check("C", 4, ja="あなたの bptt で 500 ステップ学習した RNN が、学習に使わなかった 1000 組の "
                  "8 ビットの足し算の 95 % 以上で和のすべてのビットを正しく出す",
       en="trained for 500 steps with your bptt, the RNN gets every bit of the sum right for "
          "at least 95 % of 1000 8-bit additions it never trained on", timeout=20)
def test_learns_addition(student):
    # the 500 SGD steps run here, each calling your bptt in the worker on 64 additions; the
    # trained weights are judged on pairs (a, b) the training never drew
    params = trained(binary_addition.train_weights, student.bptt, seed=0)
    try:
        accuracy = binary_addition.held_out_accuracy(params)
    except ValueError as err:
        fail_outcome(f"学習した重みを評価できません: {err}",
                     f"the trained weights cannot be evaluated: {err}", got=params)
    required = binary_addition.REQUIRED_ACCURACY
    if accuracy < required:
        fail_outcome(f"正しく足せたのは {accuracy:.1%}（{required:.0%} 以上が必要）",
                     f"{accuracy:.1%} of the sums are right ({required:.0%} needed)",
                     got=accuracy)


def accuracy_or_zero(grad_fn, seed=0):
    try:
        return binary_addition.held_out_accuracy(binary_addition.train(grad_fn, seed=seed))
    except ValueError:
        return 0.0


def no_recurrence_accuracy(module):
    """Train with module.bptt but hold W at 0: the hidden state never reaches the next step."""
    def grads_without_recurrence(params, X, D):
        params["W"][...] = 0.0
        grads = module.bptt(params, X, D)
        return {**grads, "W": np.zeros_like(params["W"])}

    return accuracy_or_zero(grads_without_recurrence)


def seeds_accuracies(module, seeds):
    return [accuracy_or_zero(module.bptt, seed) for seed in seeds]


@control(ja="対照: 再帰のない (W = 0) ネットワークは繰り上がりを運べず、正解は 30 % 以下",
         en="control: a network without recurrence (W = 0) cannot carry: at most 30 % right",
         timeout=20)
def test_control_no_recurrence(reference):
    accuracy = reference(no_recurrence_accuracy)
    assert accuracy <= 0.3, f"without recurrence {accuracy:.1%} right: the task needs no carry"


@control(ja="正しい bptt なら 5 個のシードすべてで 95 % 以上",
         en="with a correct bptt at least 95 % right for 5 seeds", timeout=20)
def test_control_reference_for_seeds(reference):
    accuracies = reference(seeds_accuracies, list(range(5)))
    for seed, accuracy in enumerate(accuracies):
        assert accuracy >= binary_addition.REQUIRED_ACCURACY, f"seed {seed}: {accuracy:.1%}"
