"""Grading suite: rmsprop — h ← ρh + (1 − ρ) g ⊙ g, W ← W − η g / (√h + ε), per key.

Two exact steps by hand (ρ = 0.9, so ρ and 1 − ρ cannot be confused), three steps of a
constant gradient with ρ = 0.5 (h = 2, 3, 3.5 for g = 2), and several steps of two keys
with the default hyperparameters against the reference.

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
    optimizer = m.RMSprop(**kwargs)
    history = []
    for grads in grads_seq:
        optimizer.update(params, grads)
        history.append({key: value.copy() for key, value in params.items()})
    return history


@check("K", 3, ja="2 ステップの正確な値（lr=0.1, decay_rate=0.9）",
       en="exact values after two steps (lr=0.1, decay_rate=0.9)")
def test_two_exact_steps(student):
    optimizer = student.RMSprop(lr=0.1, decay_rate=0.9)
    params = {"W": np.array([1.0, -2.0])}
    # ε = 1e-7 shifts these values by less than 1e-6: compared with atol 1e-6.
    # step 1: h = 0.1·[4, 0.25] = [0.4, 0.025];  0.1·g/√h = 0.1·√10·sign(g)
    optimizer.update(params, {"W": np.array([2.0, -0.5])})
    w1 = np.array([1.0 - 0.1 * np.sqrt(10.0), -2.0 + 0.1 * np.sqrt(10.0)])
    same_array(params["W"], w1, "W after step 1 (grad [2, -0.5])", rtol=1e-6, atol=1e-6)
    # step 2: h = 0.9·[0.4, 0.025] + 0.1·[1, 2.25] = [0.46, 0.2475]
    optimizer.update(params, {"W": np.array([1.0, 1.5])})
    w2 = w1 - 0.1 * np.array([1.0 / np.sqrt(0.46), 1.5 / np.sqrt(0.2475)])
    same_array(params["W"], w2, "W after step 2 (grad [1, 1.5])", rtol=1e-6, atol=1e-6)


@check("K", 3, ja="一定の勾配 g = 2 で 3 ステップ（decay_rate=0.5 → h = 2, 3, 3.5）",
       en="three steps of a constant gradient g = 2 (decay_rate=0.5 → h = 2, 3, 3.5)")
def test_constant_gradient(student):
    optimizer = student.RMSprop(lr=0.1, decay_rate=0.5)
    params = {"b": np.array([0.0])}
    for _ in range(3):
        optimizer.update(params, {"b": np.array([2.0])})
    want = -0.2 * (1 / np.sqrt(2.0) + 1 / np.sqrt(3.0) + 1 / np.sqrt(3.5))
    same_array(params["b"], np.array([want]), "b after 3 steps of grad [2]", rtol=1e-6,
               atol=1e-6)


@check("K", 2, ja="既定値 (lr=0.01, decay_rate=0.99) でキーごとの 5 ステップが参照解と一致",
       en="default hyperparameters (lr=0.01, decay_rate=0.99): five steps per key equal the "
          "reference")
def test_per_key_against_reference(student, reference):
    rng = np.random.default_rng(3)
    params = {"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3)}
    grads_seq = [{"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3) * 5.0}
                 for _ in range(5)]
    want = reference(run, {}, {k: v.copy() for k, v in params.items()}, grads_seq)
    got = run(student, {}, params, grads_seq)
    for step, (g, w) in enumerate(zip(got, want, strict=True), start=1):
        for key in ("W", "b"):
            same_array(g[key], w[key], f"params['{key}'] after step {step}")


VALLEY_KWARGS = {"lr": 0.1, "decay_rate": 0.99}


@check("C", 2, ja="細長い谷 f = (x − 3)²/200 + (y + 2)² で、最良の学習率の SGD が 200 ステップで"
                  "届かない最適値 (3, −2) に同じ 200 ステップで届く (lr=0.1, decay_rate=0.99)",
       en="in the narrow valley f = (x − 3)²/200 + (y + 2)², reaches the optimum (3, −2) in "
          "the 200 steps in which SGD at its best learning rate does not "
          "(lr=0.1, decay_rate=0.99)")
def test_beats_sgd_in_narrow_valley(student):
    params = trained(narrow_valley.minimize, student.RMSprop, VALLEY_KWARGS, narrow_valley.STEPS)
    require_valley_optimum(params, "RMSprop")


@control(ja="細長い谷: どの学習率の SGD も 200 ステップで最適値から 0.01 以内に届かない",
         en="narrow valley: SGD at any learning rate stays farther than 0.01 from the "
            "optimum after 200 steps")
def test_control_sgd_misses_the_valley_optimum():
    narrow_valley.check_sgd_misses()


@control(ja="細長い谷: 参照解の RMSProp は許容誤差の 1/10 未満まで近づく",
         en="narrow valley: the reference RMSProp gets within a tenth of the tolerance")
def test_control_reference_reaches_valley_optimum_with_margin(reference):
    gap = reference(valley_gap, VALLEY_KWARGS)
    assert gap < narrow_valley.TOLERANCE / 10, gap


def valley_gap(m, kwargs):
    """The distance to the valley's optimum after narrow_valley.STEPS steps."""
    return narrow_valley.distance(narrow_valley.minimize(m.RMSprop, kwargs))
