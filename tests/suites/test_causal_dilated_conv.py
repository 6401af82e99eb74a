"""Grading suite: causal_dilated_conv — y[t] = Σ_i w[i]·x[t − i·d] (x[s < 0] = 0), and the
receptive field 1 + Σ (k − 1)·d_l of a stack.

K: hand-computed outputs with w = [1, 10, 100] and d = 2 (the digits show which tap landed
where, so a flipped kernel or a missing dilation is visible), including an impulse; outputs
against the reference for several (k, d), one with (k − 1)·d > T. P: causality — changing
x[t'] never changes y[t] for t < t' — and the output keeps the shape (N, T). K: receptive
fields for k = 2 and k = 3, doubling and other dilations, one layer, and no layer at all.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array, same_int
from grader.i18n import bilingual


def conv(student, x, w, d):
    return expect_array(student.causal_dilated_conv(x, w, d),
                        f"causal_dilated_conv(x {x.shape}, w (k={len(w)}), dilation={d})",
                        shape=x.shape)


@check("K", 3, ja="手計算の値: w = [1, 10, 100]、d = 2 で y[t] = x[t] + 10·x[t−2] + 100·x[t−4]"
       "（インパルス応答を含む）",
       en="hand-computed values: w = [1, 10, 100], d = 2 gives y[t] = x[t] + 10·x[t−2] + "
       "100·x[t−4] (an impulse included)")
def test_known_values(student):
    x = np.array([[1.0, 2, 3, 4, 5, 6], [1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0]])
    w = np.array([1.0, 10, 100])
    same_array(conv(student, x, w, 2),
               np.array([[1.0, 2, 13, 24, 135, 246], [1, 0, 10, 0, 100, 0],
                         [0, 1, 0, 10, 0, 100]]),
               "causal_dilated_conv([[1..6], impulse at 0, impulse at 1], [1, 10, 100], 2)")
    same_array(conv(student, x[:1], np.array([1.0, 10]), 1),
               np.array([[1.0, 12, 23, 34, 45, 56]]),
               "causal_dilated_conv([[1, 2, 3, 4, 5, 6]], [1, 10], 1)")


@check("K", 2, ja="参照解と一致 ((k, d) = (2, 1), (3, 3), (4, 2), (3, 4) で (k−1)·d > T)",
       en="agrees with the reference ((k, d) = (2, 1), (3, 3), (4, 2), (3, 4) with "
       "(k−1)·d > T)")
def test_against_reference(student, reference):
    rng = np.random.default_rng(1)
    for k, d, T in [(2, 1, 9), (3, 3, 11), (4, 2, 10), (3, 4, 7)]:
        x, w = rng.standard_normal((3, T)), rng.standard_normal(k)
        want = reference.causal_dilated_conv(x, w, d)
        same_array(conv(student, x, w, d), want, f"y (N=3, T={T}, k={k}, dilation={d})")


@check("P", 2, ja="因果性: x[t'] を変えても t < t' の y[t] は変わらず、t' 以降のどこかは変わる",
       en="causality: changing x[t'] never changes y[t] for t < t', and changes some later "
       "output")
def test_causality(student):
    rng = np.random.default_rng(2)
    T = 12
    for k, d in [(2, 1), (3, 2), (4, 3)]:
        x, w = rng.standard_normal((2, T)), rng.uniform(0.5, 2.0, k)
        y = conv(student, x, w, d)
        for t_changed in (0, 5, T - 1):
            x2 = x.copy()
            x2[:, t_changed] += 1.0
            y2 = conv(student, x2, w, d)
            past = ~np.isclose(y2[:, :t_changed], y[:, :t_changed], rtol=0, atol=1e-12)
            assert_that(not bool(past.any()), bilingual(
                ja=f"k={k}, dilation={d}: x[{t_changed}] を変えたら、それより前の時刻の出力が"
                   "変わりました（未来の入力を見ています）",
                en=f"k={k}, dilation={d}: changing x[{t_changed}] changed an output at an "
                   "earlier time (the output reads future inputs)"), got=y2 - y)
            later = ~np.isclose(y2[:, t_changed:], y[:, t_changed:], rtol=0, atol=1e-12)
            assert_that(bool(later.any()), bilingual(
                ja=f"k={k}, dilation={d}: x[{t_changed}] を変えても、どの出力も変わりません",
                en=f"k={k}, dilation={d}: changing x[{t_changed}] changed no output"),
                got=y2 - y)


@check("K", 3, ja="受容野: k=2, d=1..512 → 1024、k=2, d=(1,2,4,8) → 16、k=3, d=(1,2,4,8) → 31、"
       "k=3, d=(1,) → 3、k=4, d=(2,3) → 16、層なし → 1",
       en="receptive field: k=2, d=1..512 → 1024; k=2, d=(1,2,4,8) → 16; k=3, d=(1,2,4,8) → "
       "31; k=3, d=(1,) → 3; k=4, d=(2,3) → 16; no layer → 1")
def test_receptive_field(student):
    cases = [(2, [2**l for l in range(10)], 1024), (2, [1, 2, 4, 8], 16),
             (3, [1, 2, 4, 8], 31), (3, [1], 3), (4, [2, 3], 16), (3, [], 1)]
    for k, dilations, want in cases:
        same_int(student.receptive_field(k, dilations), want,
                 f"receptive_field({k}, {dilations})")
