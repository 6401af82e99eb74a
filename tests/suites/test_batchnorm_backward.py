"""Grading suite: batchnorm_backward — dβ = Σ_n dout_n, dγ = Σ_n dout_n ⊙ x̂_n (dx given).

Every check is a gradient check against central differences of L = Σ out ⊙ R, taken in
the worker through the layer's own forward (training mode): by γ and β with
`gradcheck.numeric_gradient` (a fresh layer per evaluation), by x with
`gradcheck.method_gradient`. The analytic gradients come from one forward and one
backward(R) of the student's layer: dx is returned, dγ and dβ are read from
layer.dgamma and layer.dbeta. N ≠ D everywhere, so summing over the wrong axis shows as a
shape; γ ≠ 1 so a stray γ in dγ shows. The last check uses a large ε (0.5) and a
low-variance feature, and judges dx, dγ and dβ together.
"""

import numpy as np

from grader.checks import check, expect_array, same_gradient

NUMERIC = "grader.harness.gradcheck.numeric_gradient"
NUMERIC_BY_INPUT = "grader.harness.gradcheck.method_gradient"


def case(seed, N, scales, gamma, beta, eps):
    rng = np.random.default_rng(seed)
    x = 1.0 + scales * rng.standard_normal((N, len(scales)))  # (N, D)
    R = rng.standard_normal((N, len(scales)))  # dout = ∂L/∂out for L = Σ out ⊙ R
    return x, R, [np.array(gamma), np.array(beta), 0.9, eps]


def analytic(student, x, R, layer_args):
    """One forward (training) and backward(R): (dx, dgamma, dbeta), checked for shape."""
    N, D = x.shape
    layer = student.BatchNormalization(*layer_args)
    expect_array(layer.forward(x, True), f"forward(x ({N}, {D}), train_flg=True)",
                 shape=(N, D))
    dx = expect_array(layer.backward(R), f"backward(dout ({N}, {D}))", shape=(N, D))
    return dx, layer.dgamma, layer.dbeta


def numeric_by_parameter(student, harness, x, R, layer_args, index):
    return harness(NUMERIC, student.BatchNormalization, layer_args, index, [R],
                   then="forward", then_args=[x, True])


@check("G", 4, ja="dgamma (D,) が数値勾配と一致（x (5, 3)、γ = [1.5, -0.5, 2]、ε = 1e-7）",
       en="dgamma (D,) matches the numeric gradient (x (5, 3), γ = [1.5, -0.5, 2], ε = 1e-7)")
def test_dgamma(student, harness):
    x, R, layer_args = case(0, 5, np.array([2.0, 0.5, 3.0]), [1.5, -0.5, 2.0],
                            [0.1, 0.0, -0.3], 1e-7)
    _, dgamma, _ = analytic(student, x, R, layer_args)
    same_gradient(dgamma, numeric_by_parameter(student, harness, x, R, layer_args, 0),
                  "dgamma")


@check("G", 3, ja="dbeta (D,) が数値勾配と一致（x (5, 3)、ε = 1e-7）",
       en="dbeta (D,) matches the numeric gradient (x (5, 3), ε = 1e-7)")
def test_dbeta(student, harness):
    x, R, layer_args = case(1, 5, np.array([1.0, 4.0, 0.2]), [0.7, 1.2, -1.0],
                            [0.5, -0.2, 0.0], 1e-7)
    _, _, dbeta = analytic(student, x, R, layer_args)
    same_gradient(dbeta, numeric_by_parameter(student, harness, x, R, layer_args, 1), "dbeta")


@check("G", 3, ja="大きな ε = 0.5 と分散の小さい特徴 (x (6, 4)): dx, dgamma, dbeta がすべて"
                  "数値勾配と一致",
       en="large ε = 0.5 and a low-variance feature (x (6, 4)): dx, dgamma and dbeta all "
          "match the numeric gradient")
def test_all_gradients_large_eps(student, harness):
    x, R, layer_args = case(2, 6, np.array([0.05, 1.0, 2.0, 0.3]), [1.5, 1.0, -2.0, 0.5],
                            [0.2, 0.0, -1.0, 1.0], 0.5)
    dx, dgamma, dbeta = analytic(student, x, R, layer_args)
    same_gradient(dbeta, numeric_by_parameter(student, harness, x, R, layer_args, 1), "dbeta")
    same_gradient(dgamma, numeric_by_parameter(student, harness, x, R, layer_args, 0),
                  "dgamma")
    numeric = harness(NUMERIC_BY_INPUT, student.BatchNormalization, layer_args, "forward",
                      [x, True], 0, [R])
    same_gradient(dx, numeric, "dx")
