"""Grading suite: affine_forward — u = xW + b in row form, x (N, D), W (D, H), b (H,).

D, H and N differ in most inputs, so a swapped or transposed product is a shape error
(turned into feedback); one square input (N = D = H) lets such a product return a value,
so the recorded wrong answer is named.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def inputs(seed: int, N: int, D: int, H: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(size=(N, D)), rng.normal(size=(D, H)), rng.normal(size=H)


@check("S", 3, ja="形状と dtype: (N, D)・(D, H)・(H,) → (N, H) の float64 (N = 1, 4, 7)",
       en="shape and dtype: (N, D), (D, H), (H,) → (N, H) float64 (N = 1, 4, 7)")
def test_shape_and_dtype(student):
    for seed, (N, D, H) in enumerate([(4, 5, 3), (1, 2, 6), (7, 3, 2)]):
        x, W, b = inputs(seed, N, D, H)
        name = f"affine_forward(x {x.shape}, W {W.shape}, b {b.shape})"
        got = expect_array(student.affine_forward(x, W, b), name, shape=(N, H))
        assert_that(got.dtype == np.float64,
                    bilingual(ja="{name}: float64 を期待しましたが {dtype} でした",
                              en="{name}: expected float64, got {dtype}", name=name,
                              dtype=str(got.dtype)), got=got)


@check("K", 3, ja="既知の値: x = [1.0, 0.5] (1 件, (D,)) → [0.3, 0.7, 1.1]",
       en="known value: x = [1.0, 0.5] (one example, (D,)) → [0.3, 0.7, 1.1]")
def test_known_value(student):
    x = np.array([1.0, 0.5])
    W = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    b = np.array([0.1, 0.2, 0.3])
    # 0.1 + 0.1 = 0.2 → +0.1; 0.3 + 0.2 = 0.5 → +0.2; 0.5 + 0.3 = 0.8 → +0.3
    same_array(student.affine_forward(x, W, b), np.array([0.3, 0.7, 1.1]),
               "affine_forward([1.0, 0.5], W (2, 3), b (3,))")
    same_array(student.affine_forward(np.array([[1.0, 0.5], [0.0, 0.0], [2.0, -1.0]]), W, b),
               np.array([[0.3, 0.7, 1.1], [0.1, 0.2, 0.3], [0.1, 0.4, 0.7]]),
               "affine_forward(x (3, 2), W (2, 3), b (3,))")


@check("K", 4, ja="乱数で作った 4 通りの入力で参照解と一致 (バッチの各行に同じ b)",
       en="agrees with the reference on 4 seeded inputs (the same b on every row)")
def test_against_reference(student, reference):
    # the square case first: there a swapped or transposed product gives a value (and its
    # recorded mistake) instead of a shape error
    for seed, (N, D, H) in enumerate([(3, 3, 3), (5, 4, 3), (8, 6, 2), (2, 3, 9)], start=10):
        x, W, b = inputs(seed, N, D, H)
        want = reference.affine_forward(x, W, b)
        same_array(student.affine_forward(x, W, b), want,
                   f"affine_forward(x {x.shape}, W {W.shape}, b {b.shape})")
