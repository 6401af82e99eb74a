"""Grading suite: adam — the book's form, lr_t = η √(1 − β2^t) / (1 − β1^t), ε = 1e-7.

Two exact steps by hand (the first step is lr · sign(g); the second shows the moments and
the bias correction at t = 2), several steps of two keys with other β against the
reference, and convergence: the student's class minimises a quadratic whose optimum is
away from 0, stepped 300 times from here (a round trip per step).

The narrow-valley check (grader.harness.narrow_valley): the student's class, stepped 200
times from here, reaches the optimum of f = (x − 3)²/200 + (y + 2)² that plain SGD, at
its best learning rate, misses in the same 200 steps. The control runs (selftest only)
prove that comparison: no SGD learning rate gets there, and the reference has a margin.
"""

import numpy as np

from grader.checks import check, control, same_array
from grader.harness import narrow_valley, optimizer_task
from grader.harness.judge import fail_outcome, require_valley_optimum, trained


def run(m, kwargs, params, grads_seq):
    """Make the optimizer, apply every grads dict in turn; params after each step."""
    optimizer = m.Adam(**kwargs)
    history = []
    for grads in grads_seq:
        optimizer.update(params, grads)
        history.append({key: value.copy() for key, value in params.items()})
    return history


@check("K", 4, ja="2 ステップの正確な値（lr=0.1、β1=0.9、β2=0.999）",
       en="exact values after two steps (lr=0.1, β1=0.9, β2=0.999)")
def test_two_exact_steps(student):
    optimizer = student.Adam(lr=0.1)
    params = {"W": np.array([1.0, -2.0])}
    # ε = 1e-7 shifts these values by less than 1e-6: compared with atol 1e-6.
    # step 1: m = 0.1·g, v = 0.001·g², lr_t = 0.1·√0.001 / 0.1, step = 0.1·sign(g)
    optimizer.update(params, {"W": np.array([0.5, -2.0])})
    w1 = np.array([0.9, -1.9])
    same_array(params["W"], w1, "W after step 1 (grad [0.5, -2])", rtol=1e-6, atol=1e-6)
    # step 2 (grad [1, 1]): m = 0.9·[0.05, -0.2] + 0.1·[1, 1] = [0.145, -0.08]
    # v = 0.999·[0.00025, 0.004] + 0.001·[1, 1] = [0.00124975, 0.004996]
    # lr_t = 0.1·√(1 − 0.999²) / (1 − 0.9²) = 0.1·√0.001999 / 0.19
    optimizer.update(params, {"W": np.array([1.0, 1.0])})
    w2 = w1 - 0.1 * np.sqrt(0.001999) / 0.19 * np.array([0.145, -0.08]) / np.sqrt(
        np.array([0.00124975, 0.004996]))
    same_array(params["W"], w2, "W after step 2 (grad [1, 1])", rtol=1e-6, atol=1e-6)


@check("K", 2, ja="β1=0.8、β2=0.99 でキーごとの 5 ステップが参照解と一致",
       en="β1=0.8, β2=0.99: five steps per key equal the reference")
def test_per_key_against_reference(student, reference):
    rng = np.random.default_rng(4)
    params = {"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3)}
    grads_seq = [{"W": rng.standard_normal((2, 3)), "b": rng.standard_normal(3) * 3.0}
                 for _ in range(5)]
    kwargs = {"lr": 0.01, "beta1": 0.8, "beta2": 0.99}
    want = reference(run, kwargs, {k: v.copy() for k, v in params.items()}, grads_seq)
    got = run(student, kwargs, params, grads_seq)
    for step, (g, w) in enumerate(zip(got, want, strict=True), start=1):
        for key in ("W", "b"):
            same_array(g[key], w[key], f"params['{key}'] after step {step}")


@check("C", 2, ja="最適値が 0 から離れた二次関数を 300 ステップで最小化できる",
       en="minimises a quadratic whose optimum is away from 0 in 300 steps")
def test_converges_on_quadratic(student):
    params = trained(optimizer_task.minimize, student.Adam, {"lr": 0.1}, 300)
    gap = optimizer_task.distance(params)
    if not gap < 1e-3:
        fail_outcome(f"300 ステップ後も最適値に届きません: 最適値との差の最大 {gap:.4g}"
                     "（1e-3 未満が必要）",
                     f"after 300 steps the parameters are not at the optimum: largest "
                     f"distance {gap:.4g} (below 1e-3 needed)", got=params)


VALLEY_KWARGS = {"lr": 0.2}


@check("C", 2, ja="細長い谷 f = (x − 3)²/200 + (y + 2)² で、最良の学習率の SGD が 200 ステップで"
                  "届かない最適値 (3, −2) に同じ 200 ステップで届く (lr=0.2, β1=0.9, β2=0.999)",
       en="in the narrow valley f = (x − 3)²/200 + (y + 2)², reaches the optimum (3, −2) in "
          "the 200 steps in which SGD at its best learning rate does not "
          "(lr=0.2, β1=0.9, β2=0.999)")
def test_beats_sgd_in_narrow_valley(student):
    params = trained(narrow_valley.minimize, student.Adam, VALLEY_KWARGS, narrow_valley.STEPS)
    require_valley_optimum(params, "Adam")


@control(ja="細長い谷: どの学習率の SGD も 200 ステップで最適値から 0.01 以内に届かない",
         en="narrow valley: SGD at any learning rate stays farther than 0.01 from the "
            "optimum after 200 steps")
def test_control_sgd_misses_the_valley_optimum():
    narrow_valley.check_sgd_misses()


@control(ja="細長い谷: 参照解の Adam は許容誤差の 1/10 未満まで近づく",
         en="narrow valley: the reference Adam gets within a tenth of the tolerance")
def test_control_reference_reaches_valley_optimum_with_margin(reference):
    gap = reference(valley_gap, VALLEY_KWARGS)
    assert gap < narrow_valley.TOLERANCE / 10, gap


def valley_gap(m, kwargs):
    """The distance to the valley's optimum after narrow_valley.STEPS steps."""
    return narrow_valley.distance(narrow_valley.minimize(m.Adam, kwargs))
