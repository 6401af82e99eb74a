"""Grading suite: mean_squared_error — E = (1/2) · mean((d − y)²) over all entries, (d, y).

Hand-computed values (1-D and 2-D), errors of opposite sign that cancel without the square,
a batch repeated twice (a mean does not change, a sum doubles), and the reference.
"""

import numpy as np

from grader.checks import check, same_float


@check("K", 3, ja="既知の値: d = [1, 0, 0], y = [0.7, 0.2, 0.1] → 0.14 / 6 = 7/300",
       en="known value: d = [1, 0, 0], y = [0.7, 0.2, 0.1] → 0.14 / 6 = 7/300")
def test_known_value(student):
    got = student.mean_squared_error(np.array([1.0, 0.0, 0.0]), np.array([0.7, 0.2, 0.1]))
    same_float(got, 7 / 300, "mean_squared_error([1, 0, 0], [0.7, 0.2, 0.1])", rtol=1e-9)


@check("K", 2, ja="符号の違う誤差: 誤差 ±1 と ±3 の (2, 2) → (1 + 1 + 9 + 9) / 4 / 2 = 2.5",
       en="errors of opposite sign: errors ±1 and ±3 on a (2, 2) → (1 + 1 + 9 + 9) / 4 / 2 = 2.5")
def test_opposite_signs(student):
    d = np.array([[1.0, 2.0], [3.0, 4.0]])
    y = d + np.array([[1.0, -1.0], [3.0, -3.0]])
    same_float(student.mean_squared_error(d, y), 2.5, "mean_squared_error(d (2, 2), y (2, 2))",
               rtol=1e-9)


@check("K", 2, ja="平均なのでバッチを 2 回繰り返しても同じ値: (3, 2) → 5/12 と (6, 2) → 5/12",
       en="a mean: repeating the batch twice keeps the value, (3, 2) → 5/12 and (6, 2) → 5/12")
def test_batch_repeated(student):
    d = np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    y = np.array([[0.5, 0.5], [0.0, 1.0], [0.5, 0.5]])
    # squared errors 0.25 + 0.25 + 1 + 1 + 0 + 0 = 2.5 over 6 entries, halved: 2.5 / 12
    same_float(student.mean_squared_error(d, y), 2.5 / 12, "mean_squared_error(d (3, 2), y (3, 2))",
               rtol=1e-9)
    same_float(student.mean_squared_error(np.tile(d, (2, 1)), np.tile(y, (2, 1))), 2.5 / 12,
               "mean_squared_error(d (6, 2), y (6, 2))", rtol=1e-9)


@check("K", 3, ja="(5, 3) と (4,) の入力で参照解と一致",
       en="agrees with the reference on (5, 3) and (4,) inputs")
def test_against_reference(student, reference):
    rng = np.random.default_rng(17)
    for shape in [(5, 3), (4,)]:
        d = rng.normal(size=shape)
        y = rng.normal(size=shape)
        want = reference.mean_squared_error(d, y)
        same_float(student.mean_squared_error(d, y), float(want),
                   f"mean_squared_error(d {shape}, y {shape})", rtol=1e-9)
