"""Grading suite: cross_entropy — E = −(1/N) Σ_n log(y[n, d_n] + 1e-7), d class indices.

N ≠ K in most batches (one-hot style d * log y is a shape error, y[:, d] picks the wrong
entries); one square batch lets d * log y return a value, so its recorded mistake is named.
Known values are hand-computed without ε and compared to 1e-6 relative (ε = 1e-7 changes
them by less); the zero-probability case pins ε = 1e-7 inside the log.
"""

import numpy as np

from grader.checks import check, same_float

LN2 = float(np.log(2.0))


@check("K", 3, ja="既知の値: d = [0, 2], 正解の確率 0.5 と 0.25 → (ln 2 + ln 4) / 2 ≈ 1.0397",
       en="known value: d = [0, 2], correct-class probabilities 0.5 and 0.25 → "
          "(ln 2 + ln 4) / 2 ≈ 1.0397")
def test_known_value(student):
    y = np.array([[0.5, 0.3, 0.2], [0.1, 0.65, 0.25]])
    same_float(student.cross_entropy_error(np.array([0, 2]), y), 1.5 * LN2,
               "cross_entropy_error([0, 2], y (2, 3))", rtol=1e-6)
    y4 = np.array([[0.25, 0.25, 0.5], [0.125, 0.75, 0.125], [0.5, 0.25, 0.25],
                   [0.0625, 0.0625, 0.875]])
    # correct-class probabilities 1/2, 1/8, 1/2, 1/16 → (1 + 3 + 1 + 4) ln 2 / 4
    same_float(student.cross_entropy_error(np.array([2, 0, 0, 1]), y4), 9 * LN2 / 4,
               "cross_entropy_error([2, 0, 0, 1], y (4, 3))", rtol=1e-6)


@check("K", 2, ja="完全な予測 → ほぼ 0、一様な予測 (K = 5) → ln 5",
       en="a perfect prediction → about 0; a uniform prediction (K = 5) → ln 5")
def test_perfect_and_uniform(student):
    d = np.array([3, 0, 4])
    perfect = np.zeros((3, 5))
    perfect[[0, 1, 2], [3, 0, 4]] = 1.0
    same_float(student.cross_entropy_error(d, perfect), 0.0,
               "cross_entropy_error(d, one-hot y (3, 5))", rtol=0, atol=1e-6)
    same_float(student.cross_entropy_error(d, np.full((3, 5), 0.2)), float(np.log(5.0)),
               "cross_entropy_error(d, uniform y (3, 5))", rtol=1e-6)


@check("K", 2, ja="正解の確率が 0 でも有限: −log(1e-7) = 7 ln 10 ≈ 16.118 (ε = 1e-7 を log の中で)",
       en="finite when the correct class has probability 0: −log(1e-7) = 7 ln 10 ≈ 16.118 "
          "(ε = 1e-7 inside the log)")
def test_zero_probability(student):
    y = np.array([[0.0, 0.6, 0.4], [0.0, 0.0, 1.0]])
    # row 0: −log(0 + 1e-7) = 7 ln 10; row 1: −log(1 + 1e-7) ≈ 0
    same_float(student.cross_entropy_error(np.array([0, 2]), y), 3.5 * float(np.log(10.0)),
               "cross_entropy_error([0, 2], y with y[0, 0] = 0)", rtol=1e-6)


@check("K", 3, ja="(4, 4)・(8, 5)・(1, 4) のバッチで参照解と一致",
       en="agrees with the reference on batches (4, 4), (8, 5) and (1, 4)")
def test_against_reference(student, reference):
    rng = np.random.default_rng(21)
    # the square batch first: there one-hot style d * log y gives a value (and its recorded
    # mistake) instead of a shape error
    for N, K in [(4, 4), (8, 5), (1, 4)]:
        y = rng.dirichlet(np.ones(K), size=N)
        d = rng.integers(0, K, size=N)
        want = reference.cross_entropy_error(d, y)
        same_float(student.cross_entropy_error(d, y), float(want),
                   f"cross_entropy_error(d ({N},), y ({N}, {K}))", rtol=1e-9)
