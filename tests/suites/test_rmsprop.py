"""Grading suite: rmsprop — h ← ρh + (1 − ρ) g ⊙ g, W ← W − η g / (√h + ε), per key.

Two exact steps by hand (ρ = 0.9, so ρ and 1 − ρ cannot be confused), three steps of a
constant gradient with ρ = 0.5 (h = 2, 3, 3.5 for g = 2), and several steps of two keys
with the default hyperparameters against the reference.
"""

import numpy as np

from grader.checks import check, same_array


def run(m, kwargs, params, grads_seq):
    """Make the optimizer, apply every grads dict in turn; params after each step."""
    optimizer = m.RMSprop(**kwargs)
    history = []
    for grads in grads_seq:
        optimizer.update(params, grads)
        history.append({key: value.copy() for key, value in params.items()})
    return history


@check("K", 4, ja="2 ステップの正確な値（lr=0.1, decay_rate=0.9）",
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


@check("K", 3, ja="既定値 (lr=0.01, decay_rate=0.99) でキーごとの 5 ステップが参照解と一致",
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
