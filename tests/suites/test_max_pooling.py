"""Grading suite: max_pooling — out[n, c, i, j] = max of the window, per channel.

Hand-computed maxima (two channels, one of them negative, where |·| and the mean differ),
agreement with the reference on a non-square window with stride 1 (no ties), and the
numeric gradient of the student's forward pass against the given backward pass (which
sends the gradient to the recorded argmax): a forward that does not take each window's
maximum fails it.
"""

import numpy as np

from grader.checks import check, same_array, same_gradient


def no_ties(seed, shape):
    """Distinct values at least 0.05 apart: no ties, and h = 1e-5 never changes an argmax."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    return (rng.permutation(size) * 0.05 - size * 0.025).reshape(shape)


def forward_max(x):
    """Non-overlapping 2×2 windows with stride 2, by a reshape of the image itself."""
    n, c, h, w = x.shape
    return x.reshape(n, c, h // 2, 2, w // 2, 2).max(axis=(3, 5))


def forward(m, args, x):
    return m.Pooling(*args).forward(x)


def backward(m, args, x, dout):
    layer = m.Pooling(*args)
    layer.forward(x)
    return layer.backward(dout)


@check("K", 4, ja="既知の値: 2 チャンネル (1 つは負の値) の 4×4、2×2 の窓、ストライド 2",
       en="known values: two channels (one negative) of 4×4, a 2×2 window, stride 2")
def test_known_values(student):
    x = np.stack([np.arange(16.0), -np.arange(16.0)]).reshape(1, 2, 4, 4)
    # channel 0: the bottom-right of every window; channel 1: the top-left (the least negative)
    want = np.array([[[[5.0, 7.0], [13.0, 15.0]], [[0.0, -2.0], [-8.0, -10.0]]]])
    same_array(forward(student, (2, 2, 2, 0), x), want, "Pooling(2, 2, stride=2).forward(x)")


@check("K", 3, ja="参照解と一致: x (2, 3, 5, 6)、2×3 の窓、ストライド 1（同じ値なし）",
       en="agrees with the reference: x (2, 3, 5, 6), a 2×3 window, stride 1 (no ties)")
def test_against_reference(student, reference):
    x = no_ties(1, (2, 3, 5, 6))
    args = (2, 3, 1, 0)
    want = reference(forward, args, x)
    same_array(forward(student, args, x), want, "Pooling(2, 3, stride=1).forward(x (2, 3, 5, 6))")


@check("G", 3, ja="あなたの順伝播の数値勾配が与えられた逆伝播の dx と一致（同じ値なし）",
       en="the numeric gradient of your forward pass matches the given backward's dx (no ties)")
def test_numeric_gradient(student, harness):
    x = no_ties(2, (2, 3, 4, 4))
    args = (2, 2, 2, 0)
    dout = np.random.default_rng(3).standard_normal((2, 3, 2, 2))
    same_array(forward(student, args, x), forward_max(x), "Pooling(2, 2, stride=2).forward(x)")
    numeric = harness("grader.harness.gradcheck.method_gradient", student.Pooling, args,
                      "forward", [x], 0, [dout])
    same_gradient(backward(student, args, x, dout), numeric, "dx")
