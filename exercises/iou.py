# ============================================================================
# edrill · iou · Day 4 Section 6 · 物体検出（IoU） / Object detection: intersection over union (IoU)
# 2 つのボックスの IoU / The IoU of two boxes
#
# 【課題】
# 2 つのバウンディングボックス (x1, y1, x2, y2)（左上と右下の角、x1 ≤ x2, y1 ≤ y2）の
# IoU（共通部分の面積 ÷ 和集合の面積）を返す関数を完成させてください。
# 空欄 1 では共通部分の幅 iw と高さ ih を求めます。重ならない方向では長さを 0 にします。
# 空欄 2 では和集合の面積を求めます。戻り値は Python の float です。
#
# [Task]
# Complete the function that returns the IoU (area of the intersection ÷ area of the union)
# of two bounding boxes (x1, y1, x2, y2) (top-left and bottom-right corners, x1 ≤ x2,
# y1 ≤ y2). Blank 1 computes the width iw and the height ih of the intersection; along an
# axis where the boxes do not overlap, the length is 0. Blank 2 computes the area of the
# union. Return a Python float.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade iou` で採点。ヒント: `grade hint iou`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade iou`. Hints: `grade hint iou`
# ============================================================================
"""2 つのボックスの IoU / The IoU of two boxes.

日本語
------
ボックス A = (x1, y1, x2, y2)、B = (x1', y1', x2', y2')（x1 ≤ x2, y1 ≤ y2）について、

    iw = max(0, min(x2, x2') − max(x1, x1'))
    ih = max(0, min(y2, y2') − max(y1, y1'))
    |A ∩ B| = iw · ih,   |A| = (x2 − x1)(y2 − y1)
    IoU = |A ∩ B| / (|A| + |B| − |A ∩ B|)

0 ≤ IoU ≤ 1。重ならなければ 0、同じボックスなら 1、辺が接するだけなら 0。

形: a, b は長さ 4 の列（list, tuple または形 (4,) の配列）、戻り値は Python の float。
和集合の面積が 0（2 つとも面積 0）のときは 0.0 を返す。

English
-------
For boxes A = (x1, y1, x2, y2) and B = (x1', y1', x2', y2') (x1 ≤ x2, y1 ≤ y2):

    iw = max(0, min(x2, x2') − max(x1, x1'))
    ih = max(0, min(y2, y2') − max(y1, y1'))
    |A ∩ B| = iw · ih,   |A| = (x2 − x1)(y2 − y1)
    IoU = |A ∩ B| / (|A| + |B| − |A ∩ B|)

0 ≤ IoU ≤ 1: 0 without overlap, 1 for identical boxes, 0 for boxes that only touch.

Shapes: a and b are sequences of length 4 (list, tuple or an array of shape (4,)); the
result is a Python float. When the union's area is 0 (both boxes empty) the result is 0.0.
"""

from collections.abc import Sequence

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of iou is not filled in yet")


def iou(a: Sequence[float], b: Sequence[float]) -> float:
    a = np.asarray(a, dtype=np.float64)  # (4,) x1, y1, x2, y2
    b = np.asarray(b, dtype=np.float64)  # (4,)
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    inter = iw * ih
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    union = _blank(2)
    if union <= 0:
        return 0.0
    return float(inter / union)


if __name__ == "__main__":
    print(iou((0, 0, 2, 2), (1, 1, 3, 3)))  # 1/7 ≈ 0.142857
    print(iou((0, 0, 1, 1), (2, 2, 3, 3)))  # 0.0
