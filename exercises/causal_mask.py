# ============================================================================
# edrill · causal_mask · Day 4 Section 5 · Transformer（Masked Self-Attention・因果マスク） / Transformer: masked self-attention (causal mask)
# デコーダの因果マスク / The decoder's causal mask
#
# 【課題】
# 系列長 T のデコーダ自己注意で使う因果マスクを返す関数を完成させてください。
# 戻り値は形 (T, T) の bool 配列で、行 i（クエリの位置）・列 j（キーの位置）の要素は
# 位置 i が位置 j を見てはいけない（未来の位置 j > i）ときに True、見てよいときに False です。
#
# [Task]
# Complete the function that returns the causal mask of a decoder's self-attention for a
# sequence of length T. The result is a bool array of shape (T, T); the entry in row i (the
# query position) and column j (the key position) is True where position i must not attend
# to position j (a future position, j > i) and False where it may.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade causal_mask` で採点。ヒント: `grade hint causal_mask`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade causal_mask`. Hints: `grade hint causal_mask`
# ============================================================================
"""デコーダの因果マスク / The decoder's causal mask.

日本語
------
系列長 T の自己注意で、クエリの位置 i がキーの位置 j を見てはいけない（未来）ところを
True にするマスク M:

    M[i, j] = True  (j > i)、  False  (j ≤ i)

M は厳密な上三角。注意スコア (T, T) のうち M が True の要素を −∞ にしてから
softmax を取ると、各位置は自分自身と過去の位置だけに重みを持つ。

形: 引数 T は Python の int（T ≥ 1）、戻り値 M は (T, T) の bool 配列。

English
-------
For self-attention over a sequence of length T, the mask M is True where the query
position i must not see the key position j (the future):

    M[i, j] = True  (j > i),  False  (j ≤ i)

M is the strict upper triangle. Setting the attention scores (T, T) to −∞ where M is
True before the softmax leaves weight only on the position itself and the past.

Shapes: the argument T is a Python int (T ≥ 1); the result M is a (T, T) bool array.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of causal_mask is not filled in yet")


def causal_mask(T: int) -> np.ndarray:
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return mask  # (T, T) bool, True = forbidden


def masked_softmax(scores: np.ndarray) -> np.ndarray:
    """The attention weights (T, T) with the future masked out, for the demo below."""
    T = scores.shape[-1]
    scores = np.where(causal_mask(T), -np.inf, scores)  # (T, T)
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    return e / e.sum(axis=-1, keepdims=True)  # (T, T), rows sum to 1


if __name__ == "__main__":
    print(causal_mask(3))
    print(masked_softmax(np.zeros((3, 3))))
