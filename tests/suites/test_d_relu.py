"""Grading suite: d_relu — relu'(x) = 1 for x > 0, 0 for x ≤ 0 (the course's relu'(0) = 0).

Every input contains explicit zeros (and a negative zero): `x >= 0` and `x < 0`-based
answers differ from the answer only there.
"""

import numpy as np

from grader.checks import check, same_array


@check("K", 4, ja="既知の値 (0 を含む): [-2, -0.5, 0, 0.5, 3] → [0, 0, 0, 1, 1]",
       en="known values with an explicit 0: [-2, -0.5, 0, 0.5, 3] → [0, 0, 0, 1, 1]")
def test_known_values_with_zero(student):
    same_array(student.d_relu(np.array([-2.0, -0.5, 0.0, 0.5, 3.0])),
               np.array([0.0, 0.0, 0.0, 1.0, 1.0]), "d_relu([-2, -0.5, 0, 0.5, 3])")
    same_array(student.d_relu(np.array([0.0])), np.array([0.0]), "d_relu([0])")


@check("K", 3, ja="小さな値と 0 の並ぶ (2, 3): 1e-12 → 1, 0 と -0.0 → 0, -1e-12 → 0",
       en="a (2, 3) of tiny values and zeros: 1e-12 → 1, 0 and -0.0 → 0, -1e-12 → 0")
def test_tiny_values_and_zeros(student):
    x = np.array([[1e-12, 0.0, -1e-12], [-0.0, 7.0, 0.0]])
    same_array(student.d_relu(x), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]),
               "d_relu([[1e-12, 0, -1e-12], [-0.0, 7, 0]])")


@check("K", 3, ja="0 を含む (3, 4, 5) の入力で参照解と一致 (形と float64 を保つ)",
       en="agrees with the reference on a (3, 4, 5) input with zeros (shape and float64 kept)")
def test_against_reference(student, reference):
    x = np.random.default_rng(11).normal(size=(3, 4, 5))
    x[np.random.default_rng(12).random(size=x.shape) < 0.2] = 0.0
    want = reference.d_relu(x)
    same_array(student.d_relu(x), want, "d_relu(x (3, 4, 5))")
