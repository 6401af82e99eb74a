# ============================================================================
# edrill · nms · Day 4 Section 6 · 物体検出（Non-Maximum Suppression） / Object detection: non-maximum suppression (NMS)
# Non-Maximum Suppression / Non-maximum suppression
#
# 【課題】
# 検出されたボックス boxes（形 (N, 4)、各行 (x1, y1, x2, y2)）とスコア scores（形 (N,)）から、
# 重なった検出を間引く NMS を完成させてください。
# 空欄 1 では、ボックスの番号をスコアの高い順に並べた配列 order を作ります。
# スコアが同じボックスは番号の小さい方を先にします（安定な並べ替え）。
# 空欄 2 では order の順にボックスを調べ、それまでに残した（keep に入れた）どのボックスとの
# IoU も iou_threshold 以下なら、その番号を keep に加えます。
# IoU がちょうど iou_threshold のボックスは残します。IoU の関数 iou は与えられています。
# 戻り値は残したボックスの番号のリスト（スコアの高い順）です。
#
# [Task]
# Complete non-maximum suppression (NMS), which thins out overlapping detections, given the
# boxes (shape (N, 4), each row (x1, y1, x2, y2)) and their scores (shape (N,)).
# Blank 1 builds order, the box indices sorted by score from highest to lowest; boxes with
# equal scores keep their index order, smaller index first (a stable sort).
# Blank 2 visits the boxes in that order and appends a box's index to keep when its IoU with
# every box kept so far (every index in keep) is at most iou_threshold. A box whose IoU is
# exactly iou_threshold is kept. The IoU function iou is given.
# The result is the list of the kept indices, highest score first.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade nms` で採点。ヒント: `grade hint nms`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade nms`. Hints: `grade hint nms`
# ============================================================================
"""Non-Maximum Suppression / Non-maximum suppression.

日本語
------
ボックス b_i = (x1, y1, x2, y2)（x1 ≤ x2, y1 ≤ y2）とスコア s_i（i = 0, …, N − 1）について、

    1. 番号をスコアの降順に並べる: s_{o_0} ≥ s_{o_1} ≥ …（同点は番号の小さい方が先）
    2. K = [] とし、k = 0, 1, …, N − 1 の順に i = o_k について
           すべての j ∈ K で IoU(b_i, b_j) ≤ θ  ならば  K に i を加える
    3. K を返す

IoU(A, B) = |A ∩ B| / (|A| + |B| − |A ∩ B|)（関数 iou、与えられたコード）。
IoU がちょうど θ のボックスは残す。抑制されたボックスは他のボックスを抑制しない。

形: boxes (N, 4) float64、scores (N,) float64、iou_threshold θ はスカラー、
order (N,) の番号、戻り値は Python の int のリスト（長さ ≤ N、スコアの降順）。N = 0 なら []。

English
-------
For boxes b_i = (x1, y1, x2, y2) (x1 ≤ x2, y1 ≤ y2) with scores s_i (i = 0, …, N − 1):

    1. sort the indices by decreasing score: s_{o_0} ≥ s_{o_1} ≥ … (ties: smaller index first)
    2. start with K = []; for k = 0, 1, …, N − 1 and i = o_k:
           if IoU(b_i, b_j) ≤ θ for every j ∈ K, append i to K
    3. return K

IoU(A, B) = |A ∩ B| / (|A| + |B| − |A ∩ B|) (the function iou, given code).
A box whose IoU is exactly θ is kept; a suppressed box suppresses nothing.

Shapes: boxes (N, 4) float64, scores (N,) float64, iou_threshold θ a scalar, order (N,)
indices; the result is a list of Python ints (length ≤ N, by decreasing score); [] for N = 0.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of nms is not filled in yet")


def iou(a: np.ndarray, b: np.ndarray) -> float:
    """IoU of two boxes a, b of shape (4,) (given code)."""
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return float(inter / union) if union > 0 else 0.0


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float) -> list[int]:
    boxes = np.asarray(boxes, dtype=np.float64)  # (N, 4)
    scores = np.asarray(scores, dtype=np.float64)  # (N,)
    order = _blank(1)
    keep = []  # indices of the kept boxes
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return [int(i) for i in keep]


if __name__ == "__main__":
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30]], dtype=np.float64)
    scores = np.array([0.6, 0.9, 0.7])
    print(nms(boxes, scores, 0.5))  # [1, 2]: box 0 overlaps box 1 (IoU ≈ 0.68)
