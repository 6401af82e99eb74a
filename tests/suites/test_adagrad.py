"""Grading suite: adagrad — h ← h + g ⊙ g, W ← W − η g / (√h + ε), ε = 1e-7, per key.

Two exact steps by hand (the second shows whether h accumulates; an entry whose gradient is
always 0 must stay put, not become NaN), tiny gradients where ε's place shows (√h + ε, not
√(h + ε)), and several steps of two keys against the reference.

The narrow-valley check (grader.harness.narrow_valley): the student's class, stepped 200 times
from here (a round trip per step), reaches the optimum of f = (x − 3)²/200 + (y + 2)² that plain
SGD, at its best learning rate, misses in the same 200 steps. The control runs (selftest only)
prove that comparison: no SGD learning rate gets there, and the reference has a margin.
"""

import numpy as np

from grader.checks import check, control, same_array
from grader.harness import narrow_valley
from grader.harness.judge import require_valley_optimum, trained


def run(m, kwargs, params, grads_seq):
    """Make the optimizer, apply every grads dict in turn; params after each step."""
    optimizer = m.AdaGrad(**kwargs)
    history = []
    for grads in grads_seq:
        optimizer.update(params, grads)
        history.append({key: value.copy() for key, value in params.items()})
    return history


@check("K", 3, ja="2 ステップの正確な値（lr=0.5、勾配がずっと 0 の要素を含む）",
       en="exact values after two steps (lr=0.5, with an entry whose gradient is always 0)")
def test_two_exact_steps(student):
    optimizer = student.AdaGrad(lr=0.5)
    params = {"W": np.array([1.0, -2.0, 0.5])}
    # ε shifts these values by less than 3e-7: compared with rtol 1e-5, atol 1e-6 here;
    # the next check pins ε's place.
    # step 1: h = [0.09, 16, 0], step = 0.5·g/√h = [0.5, -0.5, 0]
    optimizer.update(params, {"W": np.array([0.3, -4.0, 0.0])})
    same_array(params["W"], np.array([0.5, -1.5, 0.5]), "W after step 1 (grad [0.3, -4, 0])",
               rtol=1e-5, atol=1e-6)
    # step 2: h = [0.25, 25, 0], step = 0.5·[0.4/0.5, 3/5, 0] = [0.4, 0.3, 0]
    optimizer.update(params, {"W": np.array([0.4, 3.0, 0.0])})
    same_array(params["W"], np.array([0.1, -1.8, 0.5]), "W after step 2 (grad [0.4, 3, 0])",
               rtol=1e-5, atol=1e-6)


@check("K", 3, ja="とても小さい勾配 (1e-8, 1e-6): ε = 1e-7 は平方根の外に足す",
       en="tiny gradients (1e-8, 1e-6): ε = 1e-7 is added outside the square root")
def test_tiny_gradients(student):
    optimizer = student.AdaGrad(lr=0.1)
    params = {"W": np.array([1.0, 2.0, 3.0])}
    optimizer.update(params, {"W": np.array([1e-8, 1e-6, 0.0])})
    # g = 1e-8: √h = 1e-8, denominator 1e-8 + 1e-7 = 1.1e-7, step 0.1·1e-8 / 1.1e-7 = 0.1/11
    # g = 1e-6: √h = 1e-6, denominator 1.1e-6, step 0.1/1.1 = 1/11;  g = 0: no step
    same_array(params["W"], np.array([1.0 - 0.1 / 11, 2.0 - 1.0 / 11, 3.0]),
               "W after one step with grad [1e-8, 1e-6, 0] (lr=0.1)", rtol=1e-9, atol=1e-12)


@check("K", 2, ja="キーごとの h: W (2, 3) と b (3,) の 5 ステップが参照解と一致",
       en="one h per key: five steps of W (2, 3) and b (3,) equal the reference")
def test_per_key_against_reference(student, reference):
    rng = np.random.default_rng(2)
    params = {"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3)}
    grads_seq = [{"W": rng.standard_normal((2, 3)) * 10.0 ** rng.integers(-3, 2, (2, 3)),
                  "b": rng.standard_normal(3)} for _ in range(5)]
    kwargs = {"lr": 0.05}
    want = reference(run, kwargs, {k: v.copy() for k, v in params.items()}, grads_seq)
    got = run(student, kwargs, params, grads_seq)
    for step, (g, w) in enumerate(zip(got, want, strict=True), start=1):
        for key in ("W", "b"):
            same_array(g[key], w[key], f"params['{key}'] after step {step}")


VALLEY_KWARGS = {"lr": 1.0}


@check("C", 2, ja="細長い谷 f = (x − 3)²/200 + (y + 2)² で、最良の学習率の SGD が 200 ステップで"
                  "届かない最適値 (3, −2) に同じ 200 ステップで届く (lr=1.0)",
       en="in the narrow valley f = (x − 3)²/200 + (y + 2)², reaches the optimum (3, −2) in "
          "the 200 steps in which SGD at its best learning rate does not "
          "(lr=1.0)")
def test_beats_sgd_in_narrow_valley(student):
    params = trained(narrow_valley.minimize, student.AdaGrad, VALLEY_KWARGS, narrow_valley.STEPS)
    require_valley_optimum(params, "AdaGrad")


@control(ja="細長い谷: どの学習率の SGD も 200 ステップで最適値から 0.01 以内に届かない",
         en="narrow valley: SGD at any learning rate stays farther than 0.01 from the "
            "optimum after 200 steps")
def test_control_sgd_misses_the_valley_optimum():
    narrow_valley.check_sgd_misses()


@control(ja="細長い谷: 参照解の AdaGrad は許容誤差の 1/10 未満まで近づく",
         en="narrow valley: the reference AdaGrad gets within a tenth of the tolerance")
def test_control_reference_reaches_valley_optimum_with_margin(reference):
    gap = reference(valley_gap, VALLEY_KWARGS)
    assert gap < narrow_valley.TOLERANCE / 10, gap


def valley_gap(m, kwargs):
    """The distance to the valley's optimum after narrow_valley.STEPS steps."""
    return narrow_valley.distance(narrow_valley.minimize(m.AdaGrad, kwargs))
