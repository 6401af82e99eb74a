# /// exercise
# id = "dice"
# day = 4
# section = 6
# points = 10
# requires = ["iou"]
# topic.ja = "セマンティックセグメンテーション（Dice 係数）"
# topic.en = "Semantic segmentation: the Dice coefficient"
# title = { ja = "2 つのマスクの Dice 係数", en = "The Dice coefficient of two masks" }
# instructions.ja = """
# 同じ形の 2 つの bool マスク A, B の Dice 係数を返す関数を完成させてください。
# 空欄 1 では両方で True の画素の数（共通部分の大きさ）を、空欄 2 では Dice 係数を求めます。
# 大きさは True の画素の数です。2 つとも空のときの扱いはすでに書かれています。
# 戻り値は Python の float です。
# """
# instructions.en = """
# Complete the function that returns the Dice coefficient of two bool masks A and B of the
# same shape. Blank 1 counts the pixels that are True in both (the size of the
# intersection); blank 2 computes the Dice coefficient. A mask's size is its number of True
# pixels. The case of two empty masks is already handled. Return a Python float.
# """
#
# [[hints]]
# ja = """\
# bool 配列どうしの要素ごとの AND は np.logical_and（または &）で、True の数は .sum() で\
# 数えられます。"""
# en = """\
# The elementwise AND of bool arrays is np.logical_and (or &); .sum() counts the True \
# values."""
#
# [[hints]]
# ja = """\
# Dice 係数は共通部分の大きさの 2 倍を、2 つのマスクの大きさの和で割ったものです。"""
# en = """\
# The Dice coefficient is twice the size of the intersection divided by the sum of the \
# two masks' sizes."""
#
# [[hints]]
# ja = """\
# 分母で和集合（|A| + |B| − |A∩B|）を使うと IoU（Jaccard 係数）になります。Dice の分母は\
# |A| + |B| そのままです。"""
# en = """\
# Dividing by the union (|A| + |B| − |A∩B|) gives the IoU (Jaccard index). The Dice \
# denominator is |A| + |B| as it is."""
#
# [[wrong]]
# blank = 1
# answer = "np.logical_or(A, B).sum()"
# source = "common"
# why.ja = """\
# OR はどちらかで True の画素、つまり和集合です。共通部分は両方で True の画素（AND）です。"""
# why.en = """\
# OR counts the pixels True in either mask: the union. The intersection is the pixels \
# True in both (AND)."""
#
# [[wrong]]
# blank = 1
# answer = "(A + B).sum()"
# source = "common"
# why.ja = """\
# bool 配列どうしの + は OR と同じで、和集合の大きさになります。共通部分には AND を使います。"""
# why.en = """\
# + on bool arrays acts as OR and counts the union. Use AND for the intersection."""
#
# [[wrong]]
# blank = 1
# answer = "A.sum() * B.sum()"
# source = "common"
# why.ja = """\
# 大きさの積は画素ごとの一致を見ていません。同じ位置で両方 True の画素を数えます。"""
# why.en = """\
# The product of the sizes ignores where the pixels are. Count the pixels True in both \
# masks at the same position."""
#
# [[wrong]]
# blank = 2
# answer = "inter / (A.sum() + B.sum())"
# source = "common"
# why.ja = """\
# 分子の 2 倍が抜けています。このままでは同じマスクどうしでも 0.5 にしかなりません。"""
# why.en = """\
# The factor 2 in the numerator is missing: identical masks would score only 0.5."""
#
# [[wrong]]
# blank = 2
# answer = "inter / (A.sum() + B.sum() - inter)"
# source = "common"
# why.ja = """\
# これは IoU（Jaccard 係数）です。Dice は 2|A∩B| / (|A| + |B|) で、部分的に重なると\
# IoU より大きくなります。"""
# why.en = """\
# This is the IoU (Jaccard index). Dice is 2|A∩B| / (|A| + |B|), larger than the IoU \
# for a partial overlap."""
#
# [[wrong]]
# blank = 2
# answer = "2 * inter / (A.sum() + B.sum() - inter)"
# source = "common"
# why.ja = """\
# 分母から共通部分を引くのは IoU の和集合です。Dice の分母は |A| + |B| で、\
# このままでは 1 を超えることがあります。"""
# why.en = """\
# Subtracting the intersection in the denominator belongs to the IoU's union. The Dice \
# denominator is |A| + |B|; as written the value can exceed 1."""
#
# [[wrong]]
# blank = 2
# answer = "2 * inter / A.sum() + B.sum()"
# source = "common"
# why.ja = """\
# 括弧が抜けていて、2|A∩B| / |A| に |B| を足しています。分母全体を括弧でくくります。"""
# why.en = """\
# Missing parentheses: this adds |B| to 2|A∩B| / |A|. Put the whole denominator in \
# parentheses."""
#
# [[accepted]]
# blank = 1
# answer = "(A & B).sum()"
#
# [[accepted]]
# blank = 1
# answer = "np.count_nonzero(A & B)"
#
# [[accepted]]
# blank = 2
# answer = "2.0 * inter / (np.count_nonzero(A) + np.count_nonzero(B))"
# ///
"""2 つのマスクの Dice 係数 / The Dice coefficient of two masks.

日本語
------
bool マスク A, B（True の画素の集合とみなす）について、|·| を True の画素の数として

    Dice(A, B) = 2 |A ∩ B| / (|A| + |B|)

0 ≤ Dice ≤ 1。同じマスクなら 1、重ならなければ 0。IoU = |A∩B| / |A∪B| とは
Dice = 2 IoU / (1 + IoU) の関係がある。2 つとも空（|A| + |B| = 0）のときは 1.0 とする。

形: A, B は同じ形の bool 配列（例: (H, W) や (N, H, W)）、戻り値は Python の float。

English
-------
For bool masks A and B (seen as sets of True pixels), with |·| the number of True pixels:

    Dice(A, B) = 2 |A ∩ B| / (|A| + |B|)

0 ≤ Dice ≤ 1: 1 for identical masks, 0 without overlap. With IoU = |A∩B| / |A∪B|,
Dice = 2 IoU / (1 + IoU). Two empty masks (|A| + |B| = 0) give 1.0.

Shapes: A and B are bool arrays of the same shape (e.g. (H, W) or (N, H, W)); the result
is a Python float.
"""

import numpy as np


def dice(A: np.ndarray, B: np.ndarray) -> float:
    A = np.asarray(A, dtype=bool)  # (H, W) or any shape
    B = np.asarray(B, dtype=bool)  # same shape as A
    inter = np.logical_and(A, B).sum()  # BLANK: np.logical_and(A, B).sum()
    if A.sum() + B.sum() == 0:
        return 1.0  # two empty masks agree perfectly
    return float(2 * inter / (A.sum() + B.sum()))  # BLANK: 2 * inter / (A.sum() + B.sum())


if __name__ == "__main__":
    A = np.array([[1, 1, 0], [0, 1, 0]], dtype=bool)
    B = np.array([[1, 0, 0], [0, 1, 1]], dtype=bool)
    print(dice(A, B))  # 2 * 2 / (3 + 3) ≈ 0.6667
