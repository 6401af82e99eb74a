"""Grading suite: im2col — one row per filter position, rows (n, i, j), columns (c, y, x).

The shape (N·OH·OW, C·FH·FW) and dtype; hand-computed rows for a 3 × 3 image and a
two-channel one; and agreement with a naive loop over every filter position written here
(C > 1, non-square filters and inputs, stride 1 and 2, pad 0 and 1).
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def naive_im2col(x, fh, fw, stride, pad):
    """One row per output position (n, i, j): the patch x_pad[n, :, i·S:i·S+FH, j·S:j·S+FW]
    flattened in (c, y, x) order. Slow and plain on purpose."""
    n_, c_, h_, w_ = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    oh = (h_ + 2 * pad - fh) // stride + 1
    ow = (w_ + 2 * pad - fw) // stride + 1
    rows = []
    for n in range(n_):
        for i in range(oh):
            for j in range(ow):
                patch = [xp[n, c, i * stride + y, j * stride + xx]
                         for c in range(c_) for y in range(fh) for xx in range(fw)]
                rows.append(patch)
    return np.array(rows, dtype=np.float64)


CASES = [  # (N, C, H, W, FH, FW, stride, pad)
    (2, 3, 5, 6, 3, 2, 1, 0),
    (2, 3, 5, 6, 3, 2, 1, 1),
    (1, 2, 7, 6, 3, 3, 2, 0),
    (2, 3, 6, 7, 2, 3, 2, 1),
]


def image(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape)


@check("S", 2, ja="形 (N·OH·OW, C·FH·FW) の float64（ストライド 1, 2、パディング 0, 1）",
       en="shape (N·OH·OW, C·FH·FW), float64 (stride 1 and 2, pad 0 and 1)")
def test_shape(student):
    for seed, (n, c, h, w, fh, fw, s, p) in enumerate(CASES):
        oh, ow = (h + 2 * p - fh) // s + 1, (w + 2 * p - fw) // s + 1
        name = f"im2col(x {(n, c, h, w)}, {fh}, {fw}, stride={s}, pad={p})"
        got = expect_array(student.im2col(image(seed, (n, c, h, w)), fh, fw, s, p), name,
                           shape=(n * oh * ow, c * fh * fw), kind="f")
        assert_that(got.dtype == np.float64,
                    bilingual(ja="{name}: float64 を期待しましたが {dtype} でした",
                              en="{name}: expected float64, got {dtype}", name=name,
                              dtype=str(got.dtype)), got=got)


@check("K", 3, ja="既知の値: 3×3 の画像と 2×2 のフィルタ、2 チャンネルの (c, y, x) の順序",
       en="known values: a 3×3 image with a 2×2 filter, and the (c, y, x) order of two "
          "channels")
def test_known_values(student):
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    same_array(student.im2col(x, 2, 2, 1, 0),
               np.array([[0.0, 1, 3, 4], [1, 2, 4, 5], [3, 4, 6, 7], [4, 5, 7, 8]]),
               "im2col(arange(9) (1, 1, 3, 3), 2, 2)")
    # channel 0 is 0..8, channel 1 is 10..18; a 2×2 filter with stride 1 on a 3×2 crop
    x = np.stack([np.arange(9.0), np.arange(10.0, 19.0)]).reshape(1, 2, 3, 3)[:, :, :, :2]
    same_array(student.im2col(np.ascontiguousarray(x), 2, 2, 1, 0),
               np.array([[0.0, 1, 3, 4, 10, 11, 13, 14], [3, 4, 6, 7, 13, 14, 16, 17]]),
               "im2col(two channels (1, 2, 3, 2), 2, 2)")


@check("K", 5, ja="素朴なループと一致（C > 1、ストライド 1, 2、パディング 0, 1、N = 2）",
       en="agrees with a naive loop (C > 1, stride 1 and 2, pad 0 and 1, N = 2)")
def test_against_naive_loop(student):
    for seed, (n, c, h, w, fh, fw, s, p) in enumerate(CASES):
        x = image(seed, (n, c, h, w))
        same_array(student.im2col(x, fh, fw, s, p), naive_im2col(x, fh, fw, s, p),
                   f"im2col(x {(n, c, h, w)}, {fh}, {fw}, stride={s}, pad={p})")
