"""Grading suite: softmax — y_k = e^{x_k} / Σ_j e^{x_j} along the last axis, overflow-safe.

The 2-D inputs have N ≠ K (a missing keepdims is a shape error) and one square input (where
a missing keepdims broadcasts silently); rows of very different scale catch subtracting the
global maximum; [1000, 0] catches subtracting the minimum.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual

LN = np.log


@check("S", 2, ja="形状と dtype: (K,) → (K,)、(N, K) → (N, K) の float64",
       en="shape and dtype: (K,) → (K,), (N, K) → (N, K), float64")
def test_shape_and_dtype(student):
    for shape in [(5,), (3, 4), (1, 6)]:
        x = np.linspace(-1.0, 2.0, int(np.prod(shape))).reshape(shape)
        name = f"softmax(x {shape})"
        got = expect_array(student.softmax(x), name, shape=shape)
        assert_that(got.dtype == np.float64,
                    bilingual(ja="{name}: float64 を期待しましたが {dtype} でした",
                              en="{name}: expected float64, got {dtype}", name=name,
                              dtype=str(got.dtype)), got=got)


@check("K", 3, ja="既知の値: [0, ln 2, ln 5] → [1/8, 2/8, 5/8]、2-D では行ごと",
       en="known values: [0, ln 2, ln 5] → [1/8, 2/8, 5/8]; row by row for 2-D")
def test_known_values(student):
    same_array(student.softmax(np.array([0.0, LN(2.0), LN(5.0)])),
               np.array([1 / 8, 2 / 8, 5 / 8]), "softmax([0, ln 2, ln 5])")
    x = np.array([[0.0, LN(2.0), LN(5.0)], [LN(3.0), LN(3.0), 0.0]])
    same_array(student.softmax(x), np.array([[1 / 8, 2 / 8, 5 / 8], [3 / 7, 3 / 7, 1 / 7]]),
               "softmax([[0, ln 2, ln 5], [ln 3, ln 3, 0]])")


@check("P", 3, ja="大きな値でも有限: [1000, 1001, 1002] と [0, 1, 2] は同じ確率、"
                  "[1000, 0] → [1, 0]",
       en="finite for large values: [1000, 1001, 1002] and [0, 1, 2] give the same "
          "probabilities; [1000, 0] → [1, 0]")
def test_large_values(student):
    x = np.array([[1000.0, 1001.0, 1002.0], [0.0, 1.0, 2.0]])
    got = expect_array(student.softmax(x), "softmax([[1000, 1001, 1002], [0, 1, 2]])",
                       shape=(2, 3))
    assert_that(bool(np.allclose(got[0], got[1], rtol=1e-12, atol=0)),
                bilingual(ja="softmax は行に定数を足しても変わらないはずです: "
                             "[1000, 1001, 1002] と [0, 1, 2] の行が違います",
                          en="softmax must not change when a constant is added to a row: "
                             "the rows [1000, 1001, 1002] and [0, 1, 2] differ"), got=got)
    same_array(student.softmax(np.array([1000.0, 0.0])), np.array([1.0, 0.0]),
               "softmax([1000, 0])")
    same_array(student.softmax(np.array([[-1000.0, 0.0, -1000.0]])), np.array([[0.0, 1.0, 0.0]]),
               "softmax([[-1000, 0, -1000]])")


@check("P", 1, ja="各行の和が 1 で、すべての値が 0〜1 ((6, 4) の乱数入力)",
       en="every row sums to 1 and every value lies in 0 to 1 (a random (6, 4) input)")
def test_rows_sum_to_one(student):
    x = np.random.default_rng(2).normal(scale=4.0, size=(6, 4))
    got = expect_array(student.softmax(x), "softmax(x (6, 4))", shape=(6, 4))
    assert_that(bool(np.allclose(got.sum(axis=1), 1.0, rtol=0, atol=1e-12)),
                bilingual(ja="softmax(x (6, 4)) の各行の和は 1 になるはずです",
                          en="every row of softmax(x (6, 4)) must sum to 1"), got=got.sum(axis=1))
    assert_that(bool(np.all((got >= 0) & (got <= 1))),
                bilingual(ja="softmax の値は 0〜1 のはずです",
                          en="softmax values must lie in 0 to 1"), got=got)


@check("K", 1, ja="(5, 7)・(4, 4)・(6,) の入力で参照解と一致",
       en="agrees with the reference on (5, 7), (4, 4) and (6,) inputs")
def test_against_reference(student, reference):
    rng = np.random.default_rng(9)
    for shape in [(5, 7), (4, 4), (6,)]:
        x = rng.normal(scale=3.0, size=shape)
        want = reference.softmax(x)
        same_array(student.softmax(x), want, f"softmax(x {shape})")
