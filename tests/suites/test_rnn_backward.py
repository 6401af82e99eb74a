"""Grading suite: rnn_backward — dt = dh_next ⊙ tanh', dh_prev = dt Whᵀ (row form).

Every check compares one gradient of the student's backward with central differences of
L = Σ h_next ⊙ R through the (given) forward, taken in the worker: by x, h_prev, Wx, Wh
and b. D != H, a non-symmetric Wh and pre-activations away from saturation, so a missing
transpose, a sigmoid derivative or a skipped tanh' all show.
"""

import numpy as np

from grader.checks import check, expect_tuple, same_gradient

GRADCHECK = "grader.harness.gradcheck"


def make_inputs(seed=0, N=3, D=2, H=4):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    h_prev = rng.uniform(-0.9, 0.9, (N, H))
    Wx = 0.5 * rng.standard_normal((D, H))
    Wh = 0.5 * rng.standard_normal((H, H))
    b = 0.3 * rng.standard_normal(H)
    R = rng.standard_normal((N, H))  # dh_next, and the projection of the numeric loss
    return x, h_prev, Wx, Wh, b, R


def backward_all(m, x, h_prev, Wx, Wh, b, dh_next):
    """(dx, dh_prev, dWx, dWh, db) of one forward and backward of m.RNN."""
    layer = m.RNN(Wx, Wh, b)
    layer.forward(x, h_prev)
    dx, dh_prev = expect_tuple(layer.backward(dh_next), "backward(dh_next)", 2)
    dWx, dWh, db = layer.grads
    return dx, dh_prev, dWx, dWh, db


def numeric_by_input(student, harness, index):
    """Central differences of Σ RNN(Wx, Wh, b).forward(x, h_prev) ⊙ R by x (0) or h_prev (1)."""
    x, h_prev, Wx, Wh, b, R = make_inputs()
    numeric = harness(f"{GRADCHECK}.method_gradient", student.RNN, [Wx, Wh, b], "forward",
                      [x, h_prev], index, [R])
    return numeric, backward_all(student, x, h_prev, Wx, Wh, b, R)


def numeric_by_param(student, harness, index):
    """Central differences of Σ RNN(Wx, Wh, b).forward(x, h_prev) ⊙ R by Wx, Wh or b."""
    x, h_prev, Wx, Wh, b, R = make_inputs()
    numeric = harness(f"{GRADCHECK}.numeric_gradient", student.RNN, [Wx, Wh, b], index, [R],
                      then="forward", then_args=[x, h_prev])
    return numeric, backward_all(student, x, h_prev, Wx, Wh, b, R)


@check("G", 2, ja="dx が数値勾配と一致", en="dx matches the numeric gradient")
def test_dx(student, harness):
    numeric, grads = numeric_by_input(student, harness, 0)
    same_gradient(grads[0], numeric, "dx")


@check("G", 2, ja="dh_prev が数値勾配と一致", en="dh_prev matches the numeric gradient")
def test_dh_prev(student, harness):
    numeric, grads = numeric_by_input(student, harness, 1)
    same_gradient(grads[1], numeric, "dh_prev")


@check("G", 2, ja="dWx（grads[0]）が数値勾配と一致",
       en="dWx (grads[0]) matches the numeric gradient")
def test_dWx(student, harness):
    numeric, grads = numeric_by_param(student, harness, 0)
    same_gradient(grads[2], numeric, "dWx")


@check("G", 2, ja="dWh（grads[1]）が数値勾配と一致",
       en="dWh (grads[1]) matches the numeric gradient")
def test_dWh(student, harness):
    numeric, grads = numeric_by_param(student, harness, 1)
    same_gradient(grads[3], numeric, "dWh")


@check("G", 2, ja="db（grads[2]）が数値勾配と一致",
       en="db (grads[2]) matches the numeric gradient")
def test_db(student, harness):
    numeric, grads = numeric_by_param(student, harness, 2)
    same_gradient(grads[4], numeric, "db")
