# /// exercise
# id = "nms"
# day = 4
# section = 6
# points = 10
# requires = ["iou"]
# topic.ja = "物体検出（Non-Maximum Suppression）"
# topic.en = "Object detection: non-maximum suppression (NMS)"
# title = { ja = "Non-Maximum Suppression", en = "Non-maximum suppression" }
# instructions.ja = """
# 検出されたボックス boxes（形 (N, 4)、各行 (x1, y1, x2, y2)）とスコア scores（形 (N,)）から、
# 重なった検出を間引く NMS を完成させてください。
# 空欄 1 では、ボックスの番号をスコアの高い順に並べた配列 order を作ります。
# スコアが同じボックスは番号の小さい方を先にします（安定な並べ替え）。
# 空欄 2 では order の順にボックスを調べ、それまでに残した（keep に入れた）どのボックスとの
# IoU も iou_threshold 以下なら、その番号を keep に加えます。
# IoU がちょうど iou_threshold のボックスは残します。IoU の関数 iou は与えられています。
# 戻り値は残したボックスの番号のリスト（スコアの高い順）です。
# """
# instructions.en = """
# Complete non-maximum suppression (NMS), which thins out overlapping detections, given the
# boxes (shape (N, 4), each row (x1, y1, x2, y2)) and their scores (shape (N,)).
# Blank 1 builds order, the box indices sorted by score from highest to lowest; boxes with
# equal scores keep their index order, smaller index first (a stable sort).
# Blank 2 visits the boxes in that order and appends a box's index to keep when its IoU with
# every box kept so far (every index in keep) is at most iou_threshold. A box whose IoU is
# exactly iou_threshold is kept. The IoU function iou is given.
# The result is the list of the kept indices, highest score first.
# """
#
# [[hints]]
# ja = """\
# np.argsort は小さい順の番号を返します。大きい順が欲しいときは、符号を反転した配列を\
# 並べ替えます。同点の順序を保つには kind="stable" を指定します。"""
# en = """\
# np.argsort returns the indices in increasing order. For decreasing order, sort the \
# negated array; kind="stable" keeps the order of ties."""
#
# [[hints]]
# ja = """\
# 比べる相手は「残したボックス」だけです。抑制されたボックスは、もう他のボックスを\
# 抑制しません。"""
# en = """\
# Compare only with the boxes kept so far: a box that was suppressed no longer suppresses \
# anything."""
#
# [[hints]]
# ja = """\
# 「keep のすべての j について iou(boxes[i], boxes[j]) ≤ 閾値」は Python の all(...) と\
# ジェネレータ式で書けます（keep が空なら all は True）。"""
# en = """\
# "iou(boxes[i], boxes[j]) ≤ threshold for every j in keep" is Python's all(...) over a \
# generator expression (all of an empty keep is True)."""
#
# [[wrong]]
# blank = 1
# answer = "np.argsort(scores)"
# source = "common"
# why.ja = """\
# np.argsort は小さい順です。これではスコアの最も低いボックスから残していきます。\
# 大きい順にするには -scores を並べ替えます。"""
# why.en = """\
# np.argsort sorts in increasing order: this keeps the lowest-scoring boxes first. Sort \
# -scores for decreasing order."""
#
# [[wrong]]
# blank = 1
# answer = 'np.argsort(scores, kind="stable")[::-1]'
# source = "common"
# why.ja = """\
# 小さい順を逆にすると大きい順にはなりますが、同点のボックスの順序まで逆になり、\
# 番号の大きい方が先に残ります。同点は番号の小さい方を先にします（-scores の安定な並べ替え）。"""
# why.en = """\
# Reversing the increasing order does give decreasing scores, but it also reverses ties, so \
# the larger index wins. Ties go to the smaller index (a stable sort of -scores)."""
#
# [[wrong]]
# blank = 2
# answer = """
# for i in order:
#     if all(iou(boxes[i], boxes[j]) < iou_threshold for j in keep):
#         keep.append(i)
# """
# source = "common"
# why.ja = """\
# < では IoU がちょうど閾値のボックスが抑制されます。このとき残す約束（IoU ≤ 閾値）です。"""
# why.en = """\
# With < a box whose IoU equals the threshold is suppressed; here it is kept (IoU ≤ threshold)."""
#
# [[wrong]]
# blank = 2
# answer = """
# for i in order:
#     if all(iou(boxes[i], boxes[j]) > iou_threshold for j in keep):
#         keep.append(i)
# """
# source = "common"
# why.ja = """\
# 不等号が逆です。重なりの大きいボックスを残し、離れたボックスを消しています。"""
# why.en = """\
# The comparison is reversed: this keeps the heavily overlapping boxes and drops the \
# separate ones."""
#
# [[wrong]]
# blank = 2
# answer = """
# for i in order:
#     if not keep or iou(boxes[i], boxes[keep[-1]]) <= iou_threshold:
#         keep.append(i)
# """
# source = "common"
# why.ja = """\
# 最後に残したボックスとしか比べていません。それより前に残したボックスと大きく重なる\
# ボックスも残ってしまいます。残したすべてのボックスと比べます。"""
# why.en = """\
# This compares only with the box kept last, so a box that overlaps an earlier kept box \
# survives. Compare with every kept box."""
#
# [[wrong]]
# blank = 2
# answer = """
# for k, i in enumerate(order):
#     if all(iou(boxes[i], boxes[j]) <= iou_threshold for j in order[:k]):
#         keep.append(i)
# """
# source = "common"
# why.ja = """\
# スコアが上のすべてのボックスと比べています。抑制されたボックスは他を抑制しません。\
# 比べる相手は keep に入れたボックスだけです。"""
# why.en = """\
# This compares with every higher-scoring box, but a suppressed box does not suppress \
# others: compare only with the boxes in keep."""
#
# [[wrong]]
# blank = 2
# answer = """
# for i in range(len(boxes)):
#     if all(iou(boxes[i], boxes[j]) <= iou_threshold for j in keep):
#         keep.append(i)
# """
# source = "common"
# why.ja = """\
# 番号の順に調べていて、order（スコアの順）を使っていません。スコアの高いボックスが\
# 先に残るように、order の順に調べます。"""
# why.en = """\
# This visits the boxes by index, not in order (by score). Visit them in order so that the \
# higher-scoring box of an overlapping pair is the one kept."""
#
# [[wrong]]
# blank = 2
# answer = """
# for k, i in enumerate(order):
#     if all(iou(boxes[i], boxes[j]) <= iou_threshold for j in keep):
#         keep.append(k)
# """
# source = "common"
# why.ja = """\
# keep に order の中の位置 k を入れていますが、keep にはボックスの番号 i を入れます\
# （比べるときも boxes[j] を引くのは番号です）。"""
# why.en = """\
# This appends the position k within order; keep holds box indices i (boxes[j] looks \
# boxes up by index)."""
#
# [[wrong]]
# blank = 2
# answer = """
# for i in order:
#     if any(iou(boxes[i], boxes[j]) <= iou_threshold for j in keep):
#         keep.append(i)
# """
# source = "common"
# why.ja = """\
# any は「どれか 1 つと重ならなければ残す」で、しかも keep が空だと False なので何も\
# 残りません。残したすべてのボックスとの条件なので all です。"""
# why.en = """\
# any means "kept if it avoids at least one kept box", and any over an empty keep is False, \
# so nothing is ever kept. The condition holds for every kept box: all."""
#
# [[accepted]]
# blank = 1
# answer = 'np.argsort(-scores, kind="mergesort")'
#
# [[accepted]]
# blank = 1
# answer = "sorted(range(len(scores)), key=lambda i: -scores[i])"
#
# [[accepted]]
# blank = 2
# answer = """
# for i in order:
#     if not any(iou(boxes[i], boxes[j]) > iou_threshold for j in keep):
#         keep.append(int(i))
# """
#
# [[accepted]]
# blank = 2
# answer = """
# for i in order:
#     suppressed = False
#     for j in keep:
#         if iou(boxes[i], boxes[j]) > iou_threshold:
#             suppressed = True
#             break
#     if not suppressed:
#         keep.append(i)
# """
# ///
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
    order = np.argsort(-scores, kind="stable")  # BLANK: np.argsort(-scores, kind="stable")
    keep = []  # indices of the kept boxes
    # BEGIN BLANK
    for i in order:
        if all(iou(boxes[i], boxes[j]) <= iou_threshold for j in keep):
            keep.append(i)
    # END BLANK
    return [int(i) for i in keep]


if __name__ == "__main__":
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [20, 20, 30, 30]], dtype=np.float64)
    scores = np.array([0.6, 0.9, 0.7])
    print(nms(boxes, scores, 0.5))  # [1, 2]: box 0 overlaps box 1 (IoU ≈ 0.68)
