"""Hidden checks: gradient_clipping on fresh random gradients (grading only, never released).

Random shapes and thresholds drawn from the run's `rng`; the clipped case keeps the norm
ratio well away from 1 (the kink where `rate < 1` switches) and the threshold away from 1
(where `grad / norm` would coincide with the answer).
"""

import numpy as np

from grader.checks import check, expect_array, same_array, same_float


def random_gradient(rng):
    shape = tuple(int(n) for n in rng.integers(1, 6, size=rng.integers(1, 4)))
    grad = rng.standard_normal(shape)
    while np.linalg.norm(grad) < 0.5:  # a tiny draw: scale it up, away from zero
        grad = grad * 4.0
    return grad


def threshold_between(rng, norm, low, high):
    while True:
        threshold = float(norm * rng.uniform(low, high))
        if abs(threshold - 1.0) > 0.05:
            return threshold


@check("K", 2, ja="非公開: ランダムな勾配と閾値（クリップされる場合）で参照解と一致",
       en="hidden: random gradients above a random threshold agree with the reference")
def test_hidden_random_clipped(student, reference, rng):
    for _ in range(6):
        grad = random_gradient(rng)
        threshold = threshold_between(rng, np.linalg.norm(grad), 0.1, 0.8)
        want = reference.gradient_clipping(grad.copy(), threshold)
        same_array(student.gradient_clipping(grad.copy(), threshold), want,
                   f"gradient_clipping(grad {grad.shape}, {threshold:.4g})")


@check("P", 1, ja="非公開: ランダムな勾配が閾値を超えればノルムがちょうど閾値に、以下ならそのまま",
       en="hidden: a random gradient above a random threshold gets exactly that norm; one "
          "below it is returned unchanged")
def test_hidden_norm_and_untouched(student, rng):
    for _ in range(4):
        grad = random_gradient(rng)
        norm = np.linalg.norm(grad)
        threshold = threshold_between(rng, norm, 0.1, 0.8)
        name = f"gradient_clipping(grad {grad.shape}, {threshold:.4g})"
        got = expect_array(student.gradient_clipping(grad.copy(), threshold), name,
                           shape=grad.shape)
        same_float(np.linalg.norm(got), threshold, f"‖{name}‖", rtol=1e-9)
        threshold = threshold_between(rng, norm, 1.2, 3.0)
        same_array(student.gradient_clipping(grad.copy(), threshold), grad,
                   f"gradient_clipping(grad {grad.shape}, {threshold:.4g})")
