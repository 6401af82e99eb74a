"""Grading suite: affine_backward — dx = dout Wᵀ, dW = xᵀ dout, db = Σ_n dout.

Shapes: x (N, D), W (D, M), b (M,), dout (N, M); N, D, M all different (2, 3, 4) so a
missing transpose is a shape error. S: the shapes and float dtypes of dx, dW, db. G: each
gradient against central differences of L = Σ forward(x) ⊙ R, with dout = R; the
differences by W and b are taken in the worker, those by x (6 entries) here.
"""

import numpy as np

from grader.checks import check, expect_array, numeric_gradient, same_gradient

N, D, M = 2, 3, 4


def inputs(seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    W = rng.standard_normal((D, M))
    b = rng.standard_normal(M)
    R = rng.standard_normal((N, M))  # the projection of L = Σ u ⊙ R, so dout = R
    return x, W, b, R


def backward(m, W, b, x, dout):
    layer = m.Affine(W, b)
    layer.forward(x)
    dx = layer.backward(dout)
    return dx, layer.dW, layer.db


@check("S", 1, ja="backward: dx (N, D)、dW (D, M)、db (M,) の形と float dtype",
       en="backward: the shapes and float dtypes of dx (N, D), dW (D, M), db (M,)")
def test_shapes(student):
    x, W, b, R = inputs(1)
    dx, dW, db = backward(student, W, b, x, R)
    expect_array(dx, "dx", shape=(N, D), kind="f")
    expect_array(dW, "self.dW", shape=(D, M), kind="f")
    expect_array(db, "self.db", shape=(M,), kind="f")


@check("G", 3, ja="dx が数値勾配と一致 (L = Σ u ⊙ R)",
       en="dx matches the numeric gradient (L = Σ u ⊙ R)")
def test_dx(student):
    x, W, b, R = inputs(2)
    dx, _, _ = backward(student, W, b, x, R)
    layer = student.Affine(W, b)
    numeric = numeric_gradient(lambda v: float(np.sum(layer.forward(v) * R)), x.copy())
    same_gradient(dx, numeric, "dx")


@check("G", 3, ja="self.dW が数値勾配と一致 (L = Σ u ⊙ R)",
       en="self.dW matches the numeric gradient (L = Σ u ⊙ R)")
def test_dW(student, harness):
    x, W, b, R = inputs(3)
    _, dW, _ = backward(student, W, b, x, R)
    numeric = harness("grader.harness.gradcheck.numeric_gradient", student.Affine, [W, b], 0,
                      [R], then="forward", then_args=[x])
    same_gradient(dW, numeric, "self.dW")


@check("G", 3, ja="self.db が数値勾配と一致 (L = Σ u ⊙ R)",
       en="self.db matches the numeric gradient (L = Σ u ⊙ R)")
def test_db(student, harness):
    x, W, b, R = inputs(4)
    _, _, db = backward(student, W, b, x, R)
    numeric = harness("grader.harness.gradcheck.numeric_gradient", student.Affine, [W, b], 1,
                      [R], then="forward", then_args=[x])
    same_gradient(db, numeric, "self.db")
