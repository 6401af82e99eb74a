"""Grading suite: momentum — v ← αv − η∇L, W ← W + v, per key, in place.

Two exact steps by hand (the second step shows whether the velocity is kept and decayed by α),
separate velocities per key against the reference, and convergence: the student's class
minimises a quadratic whose optimum is away from 0, stepped 200 times from here (a round trip
per step), and reaches the optimum of a narrow valley (grader.harness.narrow_valley) that plain
SGD, at its best learning rate, misses in the same 200 steps. The control runs (selftest only)
prove that comparison: no SGD learning rate gets there, and the reference has a margin.
"""

import numpy as np

from grader.checks import check, control, same_array
from grader.harness import narrow_valley, optimizer_task
from grader.harness.judge import fail_outcome, require_valley_optimum, trained


def run(m, kwargs, params, grads_seq):
    """Make the optimizer, apply every grads dict in turn; params after each step."""
    optimizer = m.Momentum(**kwargs)
    history = []
    for grads in grads_seq:
        optimizer.update(params, grads)
        history.append({key: value.copy() for key, value in params.items()})
    return history


@check("K", 3, ja="2 ステップの正確な値（lr=0.1, momentum=0.9, W=[1, -2]）",
       en="exact values after two steps (lr=0.1, momentum=0.9, W=[1, -2])")
def test_two_exact_steps(student):
    optimizer = student.Momentum(lr=0.1, momentum=0.9)
    params = {"W": np.array([1.0, -2.0])}
    # step 1: v = -0.1·[0.5, 1] = [-0.05, -0.1];  W = [0.95, -2.1]
    optimizer.update(params, {"W": np.array([0.5, 1.0])})
    same_array(params["W"], np.array([0.95, -2.1]), "W after step 1 (grad [0.5, 1])")
    # step 2: v = 0.9·[-0.05, -0.1] - 0.1·[-1, 2] = [0.055, -0.29];  W = [1.005, -2.39]
    optimizer.update(params, {"W": np.array([-1.0, 2.0])})
    same_array(params["W"], np.array([1.005, -2.39]), "W after step 2 (grad [-1, 2])")


@check("K", 3, ja="キーごとの速度: W (2, 3) と b (3,) の 4 ステップが参照解と一致",
       en="one velocity per key: four steps of W (2, 3) and b (3,) equal the reference")
def test_per_key_against_reference(student, reference):
    rng = np.random.default_rng(1)
    params = {"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3)}
    grads_seq = [{"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3)}
                 for _ in range(4)]
    kwargs = {"lr": 0.05, "momentum": 0.8}
    want = reference(run, kwargs, {k: v.copy() for k, v in params.items()}, grads_seq)
    got = run(student, kwargs, params, grads_seq)
    for step, (g, w) in enumerate(zip(got, want, strict=True), start=1):
        for key in ("W", "b"):
            same_array(g[key], w[key], f"params['{key}'] after step {step}")


@check("C", 2, ja="最適値が 0 から離れた二次関数を 200 ステップで最小化できる",
       en="minimises a quadratic whose optimum is away from 0 in 200 steps")
def test_converges_on_quadratic(student):
    params = trained(optimizer_task.minimize, student.Momentum, {"lr": 0.1, "momentum": 0.9}, 200)
    gap = optimizer_task.distance(params)
    if not gap < 1e-3:
        fail_outcome(f"200 ステップ後も最適値に届きません: 最適値との差の最大 {gap:.4g}"
                     "（1e-3 未満が必要。SGD でも 0.006 まで近づきます）",
                     f"after 200 steps the parameters are not at the optimum: largest "
                     f"distance {gap:.4g} (below 1e-3 needed; even SGD gets to 0.006)",
                     got=params)


VALLEY_KWARGS = {"lr": 0.5, "momentum": 0.9}


@check("C", 2, ja="細長い谷 f = (x − 3)²/200 + (y + 2)² で、最良の学習率の SGD が 200 ステップで"
                  "届かない最適値 (3, −2) に同じ 200 ステップで届く (lr=0.5, momentum=0.9)",
       en="in the narrow valley f = (x − 3)²/200 + (y + 2)², reaches the optimum (3, −2) in "
          "the 200 steps in which SGD at its best learning rate does not (lr=0.5, "
          "momentum=0.9)")
def test_beats_sgd_in_narrow_valley(student):
    params = trained(narrow_valley.minimize, student.Momentum, VALLEY_KWARGS, narrow_valley.STEPS)
    require_valley_optimum(params, "Momentum")


@control(ja="細長い谷: どの学習率の SGD も 200 ステップで最適値から 0.01 以内に届かない",
         en="narrow valley: SGD at any learning rate stays farther than 0.01 from the "
            "optimum after 200 steps")
def test_control_sgd_misses_the_valley_optimum():
    narrow_valley.check_sgd_misses()


@control(ja="細長い谷: 参照解のモメンタムは許容誤差の 1/10 未満まで近づく",
         en="narrow valley: the reference momentum gets within a tenth of the tolerance")
def test_control_reference_reaches_valley_optimum_with_margin(reference):
    gap = reference(valley_gap, VALLEY_KWARGS)
    assert gap < narrow_valley.TOLERANCE / 10, gap


def valley_gap(m, kwargs):
    """The distance to the valley's optimum after narrow_valley.STEPS steps."""
    return narrow_valley.distance(narrow_valley.minimize(m.Momentum, kwargs))
