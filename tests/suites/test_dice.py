"""Grading suite: dice — 2 |A∩B| / (|A| + |B|) for bool masks, a Python float."""

import numpy as np

from grader.checks import assert_that, check, same_float
from grader.i18n import bilingual


def _dice(student, A, B, want, name):
    got = student.dice(A, B)
    assert_that(type(got) is float,
                bilingual(ja=f"{name}: Python の float を返してください",
                          en=f"{name}: return a Python float"), got=got)
    same_float(got, want, name)


@check("K", 4, ja="手計算の値: 2×2/(3+3) = 2/3、2×1/(4+1) = 0.4",
       en="hand-computed values: 2×2/(3+3) = 2/3, 2×1/(4+1) = 0.4")
def test_hand_values(student):
    A = np.array([[1, 1, 0], [0, 1, 0]], dtype=bool)
    B = np.array([[1, 0, 0], [0, 1, 1]], dtype=bool)
    _dice(student, A, B, 2 / 3, "dice(A, B) (2×3)")
    C = np.array([[1, 1], [1, 1]], dtype=bool)
    D = np.array([[0, 0], [0, 1]], dtype=bool)
    _dice(student, C, D, 0.4, "dice(C, D) (2×2)")
    _dice(student, D, C, 0.4, "dice(D, C) (2×2)")


@check("K", 3, ja="同じマスクは 1、重ならないマスクは 0",
       en="identical masks give 1, masks without overlap give 0")
def test_identical_and_disjoint(student):
    A = np.zeros((4, 5), dtype=bool)
    A[1:3, 1:4] = True
    _dice(student, A, A.copy(), 1.0, "dice(A, A)")
    B = np.zeros((4, 5), dtype=bool)
    B[0, :] = True
    B[3, 4] = True
    _dice(student, A, B, 0.0, "dice(A, B) (disjoint)")


@check("K", 3, ja="3 次元のマスク (N, H, W) でも参照解と一致（Dice = 2 IoU / (1 + IoU) の関係）",
       en="agrees with the reference on (N, H, W) masks (and Dice = 2 IoU / (1 + IoU))")
def test_batch_masks(student, reference):
    rng = np.random.default_rng(4)
    A = rng.random((2, 6, 7)) < 0.5
    B = rng.random((2, 6, 7)) < 0.4
    want = reference.dice(A, B)
    inter, union = np.count_nonzero(A & B), np.count_nonzero(A | B)  # for IoU, the check below
    iou = inter / union
    assert_that(bool(np.isclose(want, 2 * iou / (1 + iou))),
                bilingual(ja="参照解の自己検査に失敗", en="reference self-check failed"))
    _dice(student, A, B, want, "dice(A, B) (2×6×7)")
