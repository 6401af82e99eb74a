# /// exercise
# id = "iou"
# day = 4
# section = 6
# points = 10
# topic.ja = "物体検出（IoU）"
# topic.en = "Object detection: intersection over union (IoU)"
# title = { ja = "2 つのボックスの IoU", en = "The IoU of two boxes" }
# instructions.ja = """
# 2 つのバウンディングボックス (x1, y1, x2, y2)（左上と右下の角、x1 ≤ x2, y1 ≤ y2）の
# IoU（共通部分の面積 ÷ 和集合の面積）を返す関数を完成させてください。
# 空欄 1 では共通部分の幅 iw と高さ ih を求めます。重ならない方向では長さを 0 にします。
# 空欄 2 では和集合の面積を求めます。戻り値は Python の float です。
# """
# instructions.en = """
# Complete the function that returns the IoU (area of the intersection ÷ area of the union)
# of two bounding boxes (x1, y1, x2, y2) (top-left and bottom-right corners, x1 ≤ x2,
# y1 ≤ y2). Blank 1 computes the width iw and the height ih of the intersection; along an
# axis where the boxes do not overlap, the length is 0. Blank 2 computes the area of the
# union. Return a Python float.
# """
#
# [[hints]]
# ja = """\
# 共通部分の左端は 2 つの左端の大きい方、右端は 2 つの右端の小さい方です（上下も同様）。"""
# en = """\
# The intersection's left edge is the larger of the two left edges, its right edge the \
# smaller of the two right edges (the same for top and bottom)."""
#
# [[hints]]
# ja = """\
# 重ならないと「右端 − 左端」が負になります。幅と高さをそれぞれ 0 以上に切り詰めてから\
# 掛けます。両方向で離れていると、負 × 負 が正になってしまうからです。"""
# en = """\
# Without overlap, right edge − left edge is negative. Clip the width and the height to \
# at least 0 each before multiplying: boxes apart on both axes would otherwise give \
# negative × negative = positive."""
#
# [[hints]]
# ja = """\
# 和集合の面積は 2 つの面積の和から、2 回数えた共通部分を 1 回引いたものです。"""
# en = """\
# The union's area is the sum of the two areas minus the intersection, which was counted \
# twice."""
#
# [[wrong]]
# blank = 1
# answer = """
# iw = min(a[2], b[2]) - max(a[0], b[0])
# ih = min(a[3], b[3]) - max(a[1], b[1])
# """
# source = "common"
# why.ja = """\
# 0 で切り詰めていません。離れたボックスでは幅や高さが負になり、両方向で離れていると\
# 負 × 負 で正の「共通部分」ができます。"""
# why.en = """\
# No clipping at 0: for boxes apart the width or height is negative, and apart on both \
# axes, negative × negative gives a positive "intersection"."""
#
# [[wrong]]
# blank = 1
# answer = """
# iw = max(0.0, max(a[2], b[2]) - min(a[0], b[0]))
# ih = max(0.0, max(a[3], b[3]) - min(a[1], b[1]))
# """
# source = "common"
# why.ja = """\
# min と max が逆で、2 つを囲む外接ボックスの大きさになっています。共通部分は\
# 左端の max から右端の min までです。"""
# why.en = """\
# min and max are swapped: this is the size of the box enclosing both. The intersection \
# runs from the max of the left edges to the min of the right edges."""
#
# [[wrong]]
# blank = 1
# answer = """
# iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]) + 1)
# ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]) + 1)
# """
# source = "common"
# why.ja = """\
# + 1 は整数ピクセルを端点込みで数える古い流儀です。座標が連続値のこの関数では、\
# 長さは右端 − 左端です（面積も (x2 − x1)(y2 − y1)）。"""
# why.en = """\
# + 1 is the old convention of counting integer pixels inclusively. With continuous \
# coordinates, as here, a length is right edge − left edge (and an area (x2 − x1)(y2 − y1))."""
#
# [[wrong]]
# blank = 1
# answer = """
# iw = abs(min(a[2], b[2]) - max(a[0], b[0]))
# ih = abs(min(a[3], b[3]) - max(a[1], b[1]))
# """
# source = "common"
# why.ja = """\
# 絶対値では、離れたボックスの間の隙間が共通部分として数えられます。負の長さは 0 にします。"""
# why.en = """\
# The absolute value counts the gap between boxes apart as an intersection. A negative \
# length must become 0."""
#
# [[wrong]]
# blank = 2
# answer = "area_a + area_b"
# source = "common"
# why.ja = """\
# 共通部分が 2 回数えられています。和集合は面積の和から共通部分を 1 回引きます\
# （同じボックスどうしで IoU が 0.5 になってしまいます）。"""
# why.en = """\
# The intersection is counted twice. The union is the sum of the areas minus the \
# intersection once (identical boxes would get IoU 0.5)."""
#
# [[wrong]]
# blank = 2
# answer = "max(area_a, area_b)"
# source = "common"
# why.ja = """\
# 大きい方の面積は、一方が他方を含むときだけ和集合に等しくなります。一般には\
# 面積の和 − 共通部分です。"""
# why.en = """\
# The larger area equals the union only when one box contains the other. In general the \
# union is the sum of the areas minus the intersection."""
#
# [[wrong]]
# blank = 2
# answer = "area_a + area_b + inter"
# source = "common"
# why.ja = """\
# 共通部分は面積の和で 2 回数えられているので、足すのではなく 1 回引きます。"""
# why.en = """\
# The sum of the areas counts the intersection twice: subtract it once, do not add it."""
#
# [[accepted]]
# blank = 1
# answer = """
# iw = max(min(a[2], b[2]) - max(a[0], b[0]), 0)
# ih = max(min(a[3], b[3]) - max(a[1], b[1]), 0)
# """
#
# [[accepted]]
# blank = 1
# answer = """
# iw = float(np.clip(min(a[2], b[2]) - max(a[0], b[0]), 0, None))
# ih = float(np.clip(min(a[3], b[3]) - max(a[1], b[1]), 0, None))
# """
#
# [[accepted]]
# blank = 2
# answer = "area_b + area_a - inter"
# ///
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


def iou(a: Sequence[float], b: Sequence[float]) -> float:
    a = np.asarray(a, dtype=np.float64)  # (4,) x1, y1, x2, y2
    b = np.asarray(b, dtype=np.float64)  # (4,)
    # BEGIN BLANK
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    # END BLANK
    inter = iw * ih
    area_a = (a[2] - a[0]) * (a[3] - a[1])
    area_b = (b[2] - b[0]) * (b[3] - b[1])
    union = area_a + area_b - inter  # BLANK: area_a + area_b - inter
    if union <= 0:
        return 0.0
    return float(inter / union)


if __name__ == "__main__":
    print(iou((0, 0, 2, 2), (1, 1, 3, 3)))  # 1/7 ≈ 0.142857
    print(iou((0, 0, 1, 1), (2, 2, 3, 3)))  # 0.0
