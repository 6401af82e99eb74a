"""Grading suite: positional_encoding — PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos.

S: a float64 (T, d_model) array for sizes with T ≠ d_model (T larger and smaller). K: the
row of position 0 is [0, 1, 0, 1, ...]; hand-computed values for d_model = 4 (pair 0 has
angle pos, pair 1 angle pos / 100) and for d_model = 6 (pair 2 has angle pos / 10000^(2/3));
the reference for (T=50, d_model=16) and (T=7, d_model=10).
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def pe(student, T, d_model):
    return expect_array(student.positional_encoding(T, d_model),
                        f"positional_encoding({T}, {d_model})", shape=(T, d_model))


@check("S", 2, ja="形 (T, d_model) の float64 配列 (T=7, d_model=4 と T=3, d_model=10)",
       en="a float64 array of shape (T, d_model) (T=7, d_model=4 and T=3, d_model=10)")
def test_shape(student):
    for T, d_model in [(7, 4), (3, 10)]:
        got = pe(student, T, d_model)
        assert_that(got.dtype == np.float64,
                    bilingual(ja=f"dtype は float64 のはずが {got.dtype} です",
                              en=f"expected dtype float64, got {got.dtype}"), got=got)


@check("K", 2, ja="位置 0 の行は [0, 1, 0, 1, ...]（d_model = 8）",
       en="the row of position 0 is [0, 1, 0, 1, ...] (d_model = 8)")
def test_position_zero(student):
    got = pe(student, 5, 8)
    same_array(got[0], np.array([0.0, 1, 0, 1, 0, 1, 0, 1]), "PE[0] (T=5, d_model=8)")


@check("K", 3, ja="手計算の値: d_model=4 で組 0 の角度は pos、組 1 は pos/100。"
       "d_model=6 で組 2 は pos/10000^(2/3)",
       en="hand-computed values: with d_model=4 pair 0 has angle pos and pair 1 pos/100; "
       "with d_model=6 pair 2 has pos/10000^(2/3)")
def test_hand_computed(student):
    p = np.arange(5.0)  # positions 0..4
    want = np.stack([np.sin(p), np.cos(p), np.sin(p / 100), np.cos(p / 100)], axis=1)
    same_array(pe(student, 5, 4), want, "positional_encoding(5, 4)")
    p = np.arange(3.0)
    a2 = p / 10000 ** (4 / 6)  # pair 2 of d_model = 6: exponent 4/6
    same_array(pe(student, 3, 6)[:, 4:], np.stack([np.sin(a2), np.cos(a2)], axis=1),
               "columns 4 and 5 of positional_encoding(3, 6)")


@check("K", 3, ja="参照解と一致 (T=50, d_model=16 と T=7, d_model=10)",
       en="agrees with the reference (T=50, d_model=16 and T=7, d_model=10)")
def test_against_reference(student, reference):
    for T, d_model in [(50, 16), (7, 10)]:
        want = reference.positional_encoding(T, d_model)
        same_array(pe(student, T, d_model), want, f"positional_encoding({T}, {d_model})")
