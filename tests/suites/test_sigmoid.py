"""Grading suite: sigmoid — σ(x) = 1 / (1 + e^(−x)) and σ'(x) = (1 − σ(x)) σ(x).

Known values at 0 and ±ln 3, the properties σ(x) + σ(−x) = 1 and 0 ≤ σ ≤ 1 (finite at
±1000), agreement with the reference, and d_sigmoid against central differences of the
reference sigmoid.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array, same_gradient
from grader.i18n import bilingual

LN3 = float(np.log(3.0))


@check("K", 2, ja="既知の値: σ(0) = 0.5, σ(±ln 3) = 0.75 / 0.25, σ'(0) = 0.25, σ'(ln 3) = 0.1875",
       en="known values: σ(0) = 0.5, σ(±ln 3) = 0.75 / 0.25, σ'(0) = 0.25, σ'(ln 3) = 0.1875")
def test_known_values(student):
    x = np.array([0.0, LN3, -LN3])
    same_array(student.sigmoid(x), np.array([0.5, 0.75, 0.25]), "sigmoid([0, ln 3, -ln 3])")
    same_array(student.d_sigmoid(x), np.array([0.25, 0.1875, 0.1875]),
               "d_sigmoid([0, ln 3, -ln 3])")


@check("P", 2, ja="σ(x) + σ(−x) = 1、0 ≤ σ ≤ 1、±1000 でも有限 (σ = 1 / 0, σ' = 0)",
       en="σ(x) + σ(−x) = 1, 0 ≤ σ ≤ 1, finite at ±1000 (σ = 1 / 0, σ' = 0)")
def test_properties_and_large_inputs(student):
    x = np.linspace(-8.0, 8.0, 17)
    pos = expect_array(student.sigmoid(x), "sigmoid(x)", shape=x.shape)
    neg = expect_array(student.sigmoid(-x), "sigmoid(-x)", shape=x.shape)
    assert_that(bool(np.allclose(pos + neg, 1.0, rtol=0, atol=1e-12)),
                bilingual(ja="sigmoid(x) + sigmoid(-x) は 1 になるはずです",
                          en="sigmoid(x) + sigmoid(-x) must be 1"), got=pos + neg)
    assert_that(bool(np.all((pos >= 0) & (pos <= 1)) and np.all(np.diff(pos) > 0)),
                bilingual(ja="sigmoid は 0〜1 の範囲で単調に増加するはずです",
                          en="sigmoid must increase monotonically within 0 to 1"), got=pos)
    big = np.array([-1000.0, 1000.0])
    same_array(student.sigmoid(big), np.array([0.0, 1.0]), "sigmoid([-1000, 1000])")
    same_array(student.d_sigmoid(big), np.array([0.0, 0.0]), "d_sigmoid([-1000, 1000])")


@check("K", 3, ja="(4, 5) の入力で参照解と一致 (sigmoid と d_sigmoid、形を保つ)",
       en="agrees with the reference on a (4, 5) input (sigmoid and d_sigmoid, shape kept)")
def test_against_reference(student, reference):
    x = np.random.default_rng(3).normal(scale=3.0, size=(4, 5))
    want_s = reference.sigmoid(x)
    want_d = reference.d_sigmoid(x)
    same_array(student.sigmoid(x), want_s, "sigmoid(x (4, 5))")
    same_array(student.d_sigmoid(x), want_d, "d_sigmoid(x (4, 5))")


@check("G", 3, ja="d_sigmoid が σ の数値微分 (中心差分, float64) と一致",
       en="d_sigmoid equals the numeric derivative of σ (central differences, float64)")
def test_numeric_gradient(student, reference):
    x = np.random.default_rng(5).normal(scale=2.5, size=(3, 6))
    x[0, :3] = [0.0, 4.0, -4.0]
    h = 1e-5
    numeric = (reference.sigmoid(x + h) - reference.sigmoid(x - h)) / (2 * h)
    same_gradient(student.d_sigmoid(x), numeric, "d_sigmoid(x (3, 6))")
