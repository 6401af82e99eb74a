"""Grading suite: lstm_backward — the gradient at the CEC and for the previous cell state.

The student fills in ds (the total gradient reaching c_next) and dc_prev = the gradient for
c_prev in `lstm_cell_backward(dc_next, dh_next, x, h, c, W, U, b)`, column form, gate order
a, i, f, o. Shapes: x (N, D), h, c (N, H), W (4H, D), U (4H, H), b (4H,); returns
(dx, dh_prev, dc_prev, dW, dU, db). Every returned gradient is compared with central
differences of L = Σ c_next ⊙ Rc + Σ h_next ⊙ Rh through the given forward `lstm_cell`,
taken in the worker; two checks switch one upstream gradient off, so each path into c_next
is judged on its own.
"""

import numpy as np

from grader.checks import check, expect_tuple, same_gradient

NAMES = ("dx", "dh_prev", "dc_prev", "dW", "dU", "db")


def make_inputs(seed, N=2, D=3, H=2):
    """x (N, D), h (N, H), c (N, H), W (4H, D), U (4H, H), b (4H,), away from saturation."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    h = rng.uniform(-0.9, 0.9, (N, H))
    c = rng.standard_normal((N, H))
    W = 0.5 * rng.standard_normal((4 * H, D))
    U = 0.5 * rng.standard_normal((4 * H, H))
    b = 0.3 * rng.standard_normal(4 * H)
    return [x, h, c, W, U, b]


def upstream(seed, N, H, use_c=True, use_h=True):
    rng = np.random.default_rng(seed)
    Rc, Rh = rng.standard_normal((N, H)), rng.standard_normal((N, H))
    return (Rc if use_c else np.zeros((N, H))), (Rh if use_h else np.zeros((N, H)))


def compare(student, harness, args, Rc, Rh, which):
    """The student's gradients `which` (indices into NAMES) against central differences."""
    grads = expect_tuple(student.lstm_cell_backward(Rc, Rh, *args),
                         "lstm_cell_backward(...)", 6)
    for k in which:
        numeric = harness("grader.harness.gradcheck.numeric_gradient", student.lstm_cell,
                          args, k, [Rc, Rh])
        same_gradient(grads[k], numeric, NAMES[k])


@check("G", 3, ja="dc_prev が数値勾配と一致（dc_next と dh_next の両方あり、N=3, D=2, H=3）",
       en="dc_prev matches the numeric gradient (both dc_next and dh_next, N=3, D=2, H=3)")
def test_dc_prev(student, harness):
    args = make_inputs(1, N=3, D=2, H=3)
    compare(student, harness, args, *upstream(2, 3, 3), which=[2])


@check("G", 2, ja="dh_next だけ (dc_next = 0): h_next を通る道の dc_prev と dx が数値勾配と一致",
       en="dh_next only (dc_next = 0): dc_prev and dx through the h_next path match the "
          "numeric gradient")
def test_through_h_only(student, harness):
    args = make_inputs(3)
    compare(student, harness, args, *upstream(4, 2, 2, use_c=False), which=[2, 0])


@check("G", 2, ja="dc_next だけ (dh_next = 0): CEC を通る dc_prev と dW が数値勾配と一致",
       en="dc_next only (dh_next = 0): dc_prev through the CEC and dW match the numeric "
          "gradient")
def test_through_c_only(student, harness):
    args = make_inputs(5)
    compare(student, harness, args, *upstream(6, 2, 2, use_h=False), which=[2, 3])


@check("G", 3, ja="dx, dh_prev, dW, dU, db がすべて数値勾配と一致（N=2, D=3, H=2）",
       en="dx, dh_prev, dW, dU and db all match the numeric gradient (N=2, D=3, H=2)")
def test_all_inputs(student, harness):
    args = make_inputs(7)
    compare(student, harness, args, *upstream(8, 2, 2), which=[0, 1, 3, 4, 5])
