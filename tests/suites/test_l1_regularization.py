"""Grading suite: l1_regularization — lasso(param, grad, rate) adds rate·sign(w) to grad.

G: the loss E(w) = ½‖w − T‖² has the gradient w − T; after `lasso`, grad must equal the
central differences of E(w) + rate·Σ|w|, taken here in float64 with every |w| ≥ 0.2 (away
from the kink at 0, where a difference quotient means nothing). K: hand-computed values
with explicit zero weights, where the subgradient 0 is due (`param / np.abs(param)` gives
NaN there, `np.where(param >= 0, ...)` gives +1). grad is updated in place (the function
returns nothing) and param stays unchanged.
"""

import numpy as np

from grader.checks import assert_that, check, numeric_gradient, same_array, same_gradient
from grader.i18n import bilingual


def make_case(seed, shape):
    """param with every |w| in [0.2, 2] (random signs) and a target T, deterministic."""
    rng = np.random.default_rng(seed)
    param = rng.uniform(0.2, 2.0, shape) * rng.choice([-1.0, 1.0], shape)
    target = rng.uniform(-1.0, 1.0, shape)
    return param, target


def regularized_loss(w, target, rate):
    return 0.5 * float(np.sum((w - target) ** 2)) + rate * float(np.sum(np.abs(w)))


def param_unchanged(p, param):
    assert_that(np.array_equal(p, param),
                bilingual(ja="lasso が param を書き換えています。param は変えず grad だけを"
                             "更新してください",
                          en="lasso changed param; leave param unchanged and update only grad"),
                got=p, expected=param)


def check_lasso(student, seed, shape, rate):
    param, target = make_case(seed, shape)
    p, grad = param.copy(), param - target  # the loss gradient, updated in place by lasso
    student.lasso(p, grad, rate)
    numeric = numeric_gradient(lambda w: regularized_loss(w, target, rate), param.copy())
    same_gradient(grad, numeric, f"grad after lasso(param {shape}, grad, rate={rate})")
    param_unchanged(p, param)


@check("G", 4, ja="重み (3, 4)（0 から離れた値）、rate = 0.1: 更新後の grad が "
                  "E(w) + rate·Σ|w| の数値勾配と一致（grad はその場で更新、param は不変）",
       en="weight (3, 4) (away from 0), rate = 0.1: the updated grad matches the numeric "
          "gradient of E(w) + rate·Σ|w| (grad updated in place, param unchanged)")
def test_matrix(student):
    check_lasso(student, 0, (3, 4), 0.1)


@check("G", 2, ja="バイアス (5,) と 3 次元の配列 (2, 3, 2)、rate = 0.3 と 2.5 で数値勾配と一致",
       en="a bias (5,) and a 3-D array (2, 3, 2), rate = 0.3 and 2.5, match the numeric "
          "gradient")
def test_other_shapes_and_rates(student):
    check_lasso(student, 1, (5,), 0.3)
    check_lasso(student, 2, (2, 3, 2), 2.5)


@check("K", 4, ja="0 の重みを含む既知の値: 0 では劣勾配 0（grad はそのまま）",
       en="known values with zero weights: the subgradient at 0 is 0 (grad unchanged there)")
def test_zero_weights(student):
    param = np.array([[-2.0, 0.0, 3.0], [0.0, 0.5, -0.25]])
    p, grad = param.copy(), np.ones((2, 3))
    student.lasso(p, grad, 0.5)
    same_array(grad, np.array([[0.5, 1.0, 1.5], [1.0, 1.5, 0.5]]),
               "grad after lasso([[-2, 0, 3], [0, 0.5, -0.25]], ones, rate=0.5)")
    param_unchanged(p, param)
    param = np.zeros(4)
    p, grad = param.copy(), np.array([0.3, -0.2, 0.0, 1.0])
    student.lasso(p, grad, 2.0)
    same_array(grad, np.array([0.3, -0.2, 0.0, 1.0]),
               "grad after lasso(zeros (4,), [0.3, -0.2, 0, 1], rate=2.0)")
