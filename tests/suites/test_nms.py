"""Grading suite: nms — sort by score (stable), keep a box when IoU ≤ θ with every kept box.

Expected index lists are hand-computed (the IoU values are written next to each case):

- K: a mixed example with two clusters and a lone box, scores not sorted;
- K: ties in score keep the smaller index first (identical boxes, disjoint boxes);
- K: a box whose IoU is exactly the threshold (0.5 and 0.75, exact in binary) is kept;
- K: a suppressed box suppresses nothing (a chain), and a box is compared with every kept
  box, not only the last one;
- K: disjoint boxes are all kept by score, one box, no boxes.
"""

import numpy as np

from grader.checks import assert_that, check
from grader.i18n import bilingual


def _nms(student, boxes, scores, threshold, want):
    boxes = np.array(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.array(scores, dtype=np.float64)
    got = student.nms(boxes, scores, threshold)
    name = f"nms(boxes {boxes.tolist()}, scores {scores.tolist()}, {threshold})"
    assert_that(type(got) is list and all(type(i) is int for i in got),
                bilingual(ja="{name}: Python の int のリストを返してください",
                          en="{name}: return a list of Python ints", name=name), got=got)
    assert_that(got == want,
                bilingual(ja="{name}: {want} を期待しましたが {got} でした",
                          en="{name}: expected {want}, got {got}",
                          name=name, want=want, got=got),
                got=got, expected=want, name=name)


@check("K", 3, ja="2 つの塊と離れた 1 つ（スコアは順不同）→ [1, 4, 2]",
       en="two clusters and a lone box (scores not sorted) → [1, 4, 2]")
def test_mixed_example(student):
    boxes = [[0, 0, 10, 10],     # 0: IoU with box 1 = 81 / 119 ≈ 0.68
             [1, 1, 11, 11],     # 1: highest score
             [20, 20, 30, 30],   # 2
             [21, 20, 31, 30],   # 3: IoU with box 2 = 90 / 110 ≈ 0.82
             [50, 0, 60, 10]]    # 4: overlaps nothing
    scores = [0.6, 0.9, 0.7, 0.5, 0.8]
    _nms(student, boxes, scores, 0.5, [1, 4, 2])
    _nms(student, boxes, scores, 0.7, [1, 4, 2, 0])
    _nms(student, boxes, scores, 0.9, [1, 4, 2, 0, 3])


@check("K", 2, ja="同点のスコアは番号の小さい方が先（同じボックス 2 つ → [0]、離れたボックス）",
       en="tied scores: the smaller index comes first (two identical boxes → [0]; disjoint "
          "boxes)")
def test_ties(student):
    _nms(student, [[0, 0, 4, 4], [0, 0, 4, 4]], [0.5, 0.5], 0.5, [0])
    _nms(student, [[0, 0, 1, 1], [2, 0, 3, 1], [4, 0, 5, 1], [6, 0, 7, 1]],
         [0.3, 0.8, 0.8, 0.3], 0.5, [1, 2, 0, 3])
    _nms(student, [[0, 0, 2, 2], [5, 5, 7, 7], [0, 0, 2, 2.2]], [0.4, 0.9, 0.4], 0.5, [1, 0])


@check("K", 2, ja="IoU がちょうど閾値なら残す（IoU 0.5 と 0.75）、超えたら抑制",
       en="a box whose IoU equals the threshold is kept (IoU 0.5 and 0.75); above it, "
          "suppressed")
def test_exactly_at_threshold(student):
    pair = [[0, 0, 3, 1], [1, 0, 4, 1]]          # IoU = 2 / 4 = 0.5
    _nms(student, pair, [0.9, 0.8], 0.5, [0, 1])
    _nms(student, pair, [0.9, 0.8], 0.49, [0])
    pair = [[1, 0, 4, 1], [0, 0, 4, 1]]          # IoU = 3 / 4 = 0.75
    _nms(student, pair, [0.2, 0.6], 0.75, [1, 0])
    _nms(student, pair, [0.2, 0.6], 0.7, [1])


@check("K", 2, ja="抑制されたボックスは他を抑制しない（連鎖）、残したすべてのボックスと比べる",
       en="a suppressed box suppresses nothing (a chain); a box is compared with every kept "
          "box")
def test_only_kept_boxes_suppress(student):
    # A–B and B–C overlap (IoU 1/3 each), A–C only touch: B is suppressed, C is kept.
    _nms(student, [[0, 0, 4, 1], [2, 0, 6, 1], [4, 0, 8, 1]], [0.9, 0.8, 0.7], 0.3, [0, 2])
    # box 2 overlaps box 0 (IoU 4 / 4.4 ≈ 0.91), not box 1, which was kept after box 0.
    _nms(student, [[0, 0, 2, 2], [10, 10, 12, 12], [0, 0, 2, 2.2]], [0.9, 0.8, 0.7], 0.5,
         [0, 1])


@check("K", 1, ja="離れたボックスはすべてスコア順に残る、1 つのボックス → [0]、ボックスなし → []",
       en="disjoint boxes are all kept by score; one box → [0]; no boxes → []")
def test_small_cases(student):
    _nms(student, [[0, 0, 1, 1], [3, 3, 4, 4], [0, 5, 2, 6]], [0.1, 0.3, 0.2], 0.0, [1, 2, 0])
    _nms(student, [[1, 2, 3, 4]], [0.7], 0.5, [0])
    _nms(student, np.zeros((0, 4)), np.zeros(0), 0.5, [])
