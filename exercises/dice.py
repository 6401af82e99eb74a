# ============================================================================
# edrill · dice · Day 4 Section 6 · セマンティックセグメンテーション（Dice 係数） / Semantic segmentation: the Dice coefficient
# 2 つのマスクの Dice 係数 / The Dice coefficient of two masks
#
# 【課題】
# 同じ形の 2 つの bool マスク A, B の Dice 係数を返す関数を完成させてください。
# 空欄 1 では両方で True の画素の数（共通部分の大きさ）を、空欄 2 では Dice 係数を求めます。
# 大きさは True の画素の数です。2 つとも空のときの扱いはすでに書かれています。
# 戻り値は Python の float です。
#
# [Task]
# Complete the function that returns the Dice coefficient of two bool masks A and B of the
# same shape. Blank 1 counts the pixels that are True in both (the size of the
# intersection); blank 2 computes the Dice coefficient. A mask's size is its number of True
# pixels. The case of two empty masks is already handled. Return a Python float.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade dice` で採点。ヒント: `grade hint dice`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade dice`. Hints: `grade hint dice`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of dice is not filled in yet")


def dice(A: np.ndarray, B: np.ndarray) -> float:
    A = np.asarray(A, dtype=bool)  # (H, W) or any shape
    B = np.asarray(B, dtype=bool)  # same shape as A
    inter = _blank(1)
    if A.sum() + B.sum() == 0:
        return 1.0  # two empty masks agree perfectly
    return float(_blank(2))


if __name__ == "__main__":
    A = np.array([[1, 1, 0], [0, 1, 0]], dtype=bool)
    B = np.array([[1, 0, 0], [0, 1, 1]], dtype=bool)
    print(dice(A, B))  # 2 * 2 / (3 + 3) ≈ 0.6667
