"""Grading suite: conv_forward — col_W (C·FH·FW, FN) from W, and the output in NCHW.

The output shape (N, FN, OH, OW) for several strides and paddings; hand-computed values of
two filters on a 3 × 3 image and agreement with the reference (N = 2, C = 3, a non-square
filter, stride 2, pad 1); and the numeric gradients of the student's forward pass by x, W
and b against the given backward pass.
"""

import numpy as np

from grader.checks import check, expect_array, same_array, same_gradient


def layer_inputs(seed, n, c, h, w, fn, fh, fw):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n, c, h, w)), rng.standard_normal((fn, c, fh, fw)),
            rng.standard_normal(fn))


def forward(m, W, b, stride, pad, x):
    return m.Convolution(W, b, stride, pad).forward(x)


def backward(m, W, b, stride, pad, x, dout):
    layer = m.Convolution(W, b, stride, pad)
    layer.forward(x)
    dx = layer.backward(dout)
    return dx, layer.dW, layer.db


@check("S", 2, ja="出力の形 (N, FN, OH, OW)（ストライド 1, 2、パディング 0, 1、OH ≠ OW）",
       en="the output shape (N, FN, OH, OW) (stride 1 and 2, pad 0 and 1, OH != OW)")
def test_shape(student):
    cases = [(2, 3, 5, 7, 4, 3, 3, 1, 0), (2, 3, 5, 7, 4, 3, 2, 2, 1), (1, 2, 6, 4, 5, 2, 2, 1, 1)]
    for seed, (n, c, h, w, fn, fh, fw, s, p) in enumerate(cases):
        x, W, b = layer_inputs(seed, n, c, h, w, fn, fh, fw)
        oh, ow = (h + 2 * p - fh) // s + 1, (w + 2 * p - fw) // s + 1
        expect_array(forward(student, W, b, s, p, x),
                     f"forward(x {x.shape}) with W {W.shape}, stride={s}, pad={p}",
                     shape=(n, fn, oh, ow), kind="f")


@check("K", 2, ja="既知の値: 3×3 の画像に 2 枚の 2×2 フィルタ（和と対角の差）とバイアス",
       en="known values: two 2×2 filters (a sum and a diagonal difference) and a bias on a "
          "3×3 image")
def test_known_values(student):
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([np.ones((1, 2, 2)), [[[1.0, 0.0], [0.0, -1.0]]]])  # (2, 1, 2, 2)
    b = np.array([0.5, -1.0])
    # filter 0: the sum of each 2×2 window (8, 12, 20, 24) + 0.5;
    # filter 1: x[i, j] - x[i+1, j+1] = -4 everywhere, - 1
    want = np.array([[[[8.5, 12.5], [20.5, 24.5]], [[-5.0, -5.0], [-5.0, -5.0]]]])
    same_array(forward(student, W, b, 1, 0, x), want, "forward(arange(9) (1, 1, 3, 3))")


@check("K", 2, ja="参照解と一致: x (2, 3, 5, 7)、W (4, 3, 3, 2)、ストライド 2、パディング 1",
       en="agrees with the reference: x (2, 3, 5, 7), W (4, 3, 3, 2), stride 2, pad 1")
def test_against_reference(student, reference):
    x, W, b = layer_inputs(5, 2, 3, 5, 7, 4, 3, 2)
    want = reference(forward, W, b, 2, 1, x)
    same_array(forward(student, W, b, 2, 1, x), want, "forward(x (2, 3, 5, 7))")


@check("G", 4, ja="あなたの順伝播の数値勾配が与えられた逆伝播の dx, dW, db と一致",
       en="the numeric gradients of your forward pass match the given backward's dx, dW, db")
def test_numeric_gradient(student, harness):
    x, W, b = layer_inputs(6, 2, 2, 4, 5, 3, 3, 2)
    stride, pad = 1, 1
    dout = np.random.default_rng(7).standard_normal((2, 3, 4, 6))  # (N, FN, OH, OW)
    expect_array(forward(student, W, b, stride, pad, x), "forward(x (2, 2, 4, 5))",
                 shape=dout.shape, kind="f")
    dx, dW, db = backward(student, W, b, stride, pad, x, dout)
    num_x = harness("grader.harness.gradcheck.method_gradient", student.Convolution,
                    [W, b, stride, pad], "forward", [x], 0, [dout])
    same_gradient(dx, num_x, "dx")
    for index, name, analytic in [(0, "dW", dW), (1, "db", db)]:
        numeric = harness("grader.harness.gradcheck.numeric_gradient", student.Convolution,
                          [W, b, stride, pad], index, [dout], then="forward", then_args=[x])
        same_gradient(analytic, numeric, name)
