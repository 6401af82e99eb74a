"""Grading suite: discounted_returns — G_t = Σ_{k≥t} γ^{k−t} r_k for every t, a float64 (T,).

Hand-computed values (γ = 0.5 and 0.9), the boundary discount rates γ = 0 (G = r) and γ = 1
(reverse cumulative sums; AlphaGo's outcome-only reward), an episode of length 1, and a
long episode with negative rewards against the reference (r must not change).
"""

import numpy as np

from grader.checks import assert_that, check, same_array
from grader.i18n import bilingual


@check("K", 3, ja="手計算の値: r = [1, 2, 3], γ = 0.5 → [2.75, 3.5, 3]、"
                  "r = [0, 0, 0, 1], γ = 0.9 → [0.729, 0.81, 0.9, 1]",
       en="hand-computed values: r = [1, 2, 3], γ = 0.5 → [2.75, 3.5, 3]; "
          "r = [0, 0, 0, 1], γ = 0.9 → [0.729, 0.81, 0.9, 1]")
def test_hand_values(student):
    same_array(student.discounted_returns(np.array([1.0, 2.0, 3.0]), 0.5),
               np.array([2.75, 3.5, 3.0]), "discounted_returns([1, 2, 3], 0.5)")
    same_array(student.discounted_returns(np.array([0, 0, 0, 1]), 0.9),
               np.array([0.729, 0.81, 0.9, 1.0]), "discounted_returns([0, 0, 0, 1] (int), 0.9)")


@check("K", 3, ja="境界の割引率: γ = 0 なら G = r、γ = 1 なら後ろからの累積和"
                  "（終局の勝敗 z = −1 だけなら全時刻 −1）",
       en="boundary discount rates: γ = 0 gives G = r; γ = 1 gives the sums from t on "
          "(an outcome z = −1 at the end only gives −1 everywhere)")
def test_gamma_zero_and_one(student):
    r = np.array([1.0, -2.0, 3.0, 0.5])
    same_array(student.discounted_returns(r.copy(), 0.0), r,
               "discounted_returns([1, -2, 3, 0.5], 0.0)")
    same_array(student.discounted_returns(r.copy(), 1.0), np.array([2.5, 1.5, 3.5, 0.5]),
               "discounted_returns([1, -2, 3, 0.5], 1.0)")
    same_array(student.discounted_returns(np.array([0.0, 0.0, 0.0, 0.0, -1.0]), 1.0),
               np.full(5, -1.0), "discounted_returns([0, 0, 0, 0, -1], 1.0)")


@check("K", 2, ja="長さ 1 のエピソード: r = [2.5] → [2.5]（γ = 0.9 でも γ = 0 でも）",
       en="an episode of length 1: r = [2.5] → [2.5] (for γ = 0.9 and γ = 0)")
def test_length_one(student):
    for gamma in (0.9, 0.0):
        same_array(student.discounted_returns(np.array([2.5]), gamma), np.array([2.5]),
                   f"discounted_returns([2.5], {gamma})")


@check("K", 2, ja="長さ 30、負の報酬を含むエピソード (γ = 0.95) で参照解と一致し、r を書き換えない",
       en="agrees with the reference on an episode of length 30 with negative rewards "
          "(γ = 0.95) and leaves r unchanged")
def test_against_reference(student, reference):
    r = np.random.default_rng(5).normal(size=30)
    want = reference.discounted_returns(r, 0.95)
    given = r.copy()
    same_array(student.discounted_returns(given, 0.95), want, "discounted_returns(r (30,), 0.95)")
    assert_that(np.array_equal(given, r),
                bilingual(ja="discounted_returns が引数の r を書き換えました",
                          en="discounted_returns changed its argument r"), got=given)
