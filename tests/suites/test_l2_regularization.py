"""Grading suite: l2_regularization — ridge(param, grad, rate) adds ∂/∂w of (λ/2)‖w‖² to grad.

Every check is a gradient check: the loss E(w) = ½‖w − T‖² has the gradient w − T; after
`ridge`, grad must equal the central differences of E(w) + (rate / 2)·‖w‖², taken here in
float64 (the regularized loss is trusted code; only ridge is the student's). grad must be
updated in place (the function returns nothing) and param left unchanged. No rate is 1 or
½, so dropping rate or doubling it shows.
"""

import numpy as np

from grader.checks import assert_that, check, numeric_gradient, same_gradient
from grader.i18n import bilingual


def make_case(seed, shape):
    """param, the target T and the loss gradient w − T, deterministic."""
    rng = np.random.default_rng(seed)
    param = rng.uniform(-2.0, 2.0, shape)
    target = rng.uniform(-1.0, 1.0, shape)
    return param, target


def regularized_loss(w, target, rate):
    return 0.5 * float(np.sum((w - target) ** 2)) + 0.5 * rate * float(np.sum(w * w))


def check_ridge(student, seed, shape, rate):
    param, target = make_case(seed, shape)
    p, grad = param.copy(), param - target  # the loss gradient, updated in place by ridge
    student.ridge(p, grad, rate)
    name = f"grad after ridge(param {shape}, grad, rate={rate})"
    numeric = numeric_gradient(lambda w: regularized_loss(w, target, rate), param.copy())
    same_gradient(grad, numeric, name)
    assert_that(np.array_equal(p, param),
                bilingual(ja="ridge が param を書き換えています。param は変えず grad だけを"
                             "更新してください",
                          en="ridge changed param; leave param unchanged and update only grad"),
                got=p, expected=param)


@check("G", 4, ja="重み (3, 4)、rate = 0.1: 更新後の grad が E(w) + (rate/2)‖w‖² の数値勾配と一致"
                  "（grad はその場で更新、param は不変）",
       en="weight (3, 4), rate = 0.1: the updated grad matches the numeric gradient of "
          "E(w) + (rate/2)‖w‖² (grad updated in place, param unchanged)")
def test_matrix(student):
    check_ridge(student, 0, (3, 4), 0.1)


@check("G", 3, ja="バイアス (5,) と 3 次元の配列 (2, 3, 2)、rate = 0.3 と 2.5 で数値勾配と一致",
       en="a bias (5,) and a 3-D array (2, 3, 2), rate = 0.3 and 2.5, match the numeric "
          "gradient")
def test_other_shapes_and_rates(student):
    check_ridge(student, 1, (5,), 0.3)
    check_ridge(student, 2, (2, 3, 2), 2.5)


@check("G", 3, ja="負の重みが多い場合と rate = 0（勾配は変わらない）でも数値勾配と一致",
       en="mostly negative weights, and rate = 0 (the gradient is unchanged), match the "
          "numeric gradient")
def test_negative_weights_and_zero_rate(student):
    check_ridge(student, 3, (4, 2), 0.7)
    param, target = make_case(4, (3, 3))
    param = -np.abs(param) - 0.5  # all weights negative: the sign of w must survive
    p, grad = param.copy(), param - target
    student.ridge(p, grad, 0.7)
    numeric = numeric_gradient(lambda w: regularized_loss(w, target, 0.7), param.copy())
    same_gradient(grad, numeric, "grad after ridge(negative param (3, 3), grad, rate=0.7)")
    p, grad = param.copy(), param - target
    student.ridge(p, grad, 0.0)
    same_gradient(grad, param - target, "grad after ridge(param (3, 3), grad, rate=0.0)")
