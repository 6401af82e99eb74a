"""Grading suite: grad_cam — α_k = spatial mean of grads[k], cam = ReLU(Σ_k α_k A^k).

Every input has C ≠ H ≠ W, so a mean over the wrong axes, or weights (C,) multiplied
without reshaping (numpy aligns them with W), shows as a wrong shape or a shape error:

- S: cam has shape (H, W) and dtype float64 for (C, H, W) = (5, 4, 3) and (3, 6, 2);
- K: a hand-computed map (C, H, W) = (3, 2, 4) with a negative channel weight, where the
  ReLU, its place (after the channel sum), sum vs mean over channels and over space, and
  the absolute value all show;
- K: against the reference on seeded inputs;
- K: gradients that are all negative on positive activations give a map of zeros.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def _seeded(seed, shape):
    rng = np.random.default_rng(seed)
    activations = np.maximum(rng.standard_normal(shape), 0.0)  # after a ReLU
    return activations, rng.standard_normal(shape)


def _cam(student, activations, grads):
    c, h, w = activations.shape
    name = f"grad_cam(activations {activations.shape}, grads {grads.shape})"
    return expect_array(student.grad_cam(activations, grads), name, shape=(h, w)), name


@check("S", 2, ja="cam の形は (H, W)、float64（(C, H, W) = (5, 4, 3) と (3, 6, 2)）",
       en="cam has shape (H, W) and dtype float64 ((C, H, W) = (5, 4, 3) and (3, 6, 2))")
def test_shape(student):
    for seed, shape in ((1, (5, 4, 3)), (2, (3, 6, 2))):
        activations, grads = _seeded(seed, shape)
        got, name = _cam(student, activations, grads)
        assert_that(got.dtype == np.float64,
                    bilingual(ja="{name}: dtype は float64 のはずですが {dtype} でした",
                              en="{name}: expected dtype float64, got {dtype}",
                              name=name, dtype=str(got.dtype)))


@check("K", 3, ja="手計算の例（C=3, H=2, W=4、重み 0.5, −0.25, 1.5）",
       en="a hand-computed example (C=3, H=2, W=4, weights 0.5, −0.25, 1.5)")
def test_hand_computed(student):
    activations = np.array([[[1, 2, 3, 4], [0, 0, 0, 0]],
                            [[4, 4, 4, 4], [4, 4, 4, 4]],
                            [[0, 0, 0, 0], [1, 0, 1, 0]]], dtype=np.float64)
    grads = np.array([[[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]],   # mean 0.5
                      [[2, 0, 0, 0], [0, 0, 0, -4]],                  # mean −0.25
                      [[1, 1, 1, 1], [1, 1, 1, 5]]], dtype=np.float64)  # mean 1.5
    # weighted sum: [[-0.5, 0, 0.5, 1], [0.5, -1, 0.5, -1]]; after the ReLU:
    want = np.array([[0.0, 0.0, 0.5, 1.0], [0.5, 0.0, 0.5, 0.0]])
    got, name = _cam(student, activations, grads)
    same_array(got, want, name)


@check("K", 3, ja="参照解と一致（(C, H, W) = (6, 5, 4) と (8, 7, 3)）",
       en="agrees with the reference ((C, H, W) = (6, 5, 4) and (8, 7, 3))")
def test_against_reference(student, reference):
    for seed, shape in ((3, (6, 5, 4)), (4, (8, 7, 3))):
        activations, grads = _seeded(seed, shape)
        want = reference.grad_cam(activations, grads)
        got, name = _cam(student, activations, grads)
        same_array(got, want, name)


@check("K", 2, ja="正の特徴マップに負の勾配だけなら cam はすべて 0（ReLU）",
       en="positive feature maps with only negative gradients give a map of zeros (the ReLU)")
def test_all_negative(student):
    rng = np.random.default_rng(5)
    activations = rng.uniform(0.5, 2.0, (4, 3, 5))
    grads = -rng.uniform(0.1, 1.0, (4, 3, 5))
    got, name = _cam(student, activations, grads)
    same_array(got, np.zeros((3, 5)), name)
