# /// exercise
# id = "causal_mask"
# day = 4
# section = 5
# points = 10
# requires = ["scaled_dot_product_attention"]
# topic.ja = "Transformer（Masked Self-Attention・因果マスク）"
# topic.en = "Transformer: masked self-attention (causal mask)"
# title = { ja = "デコーダの因果マスク", en = "The decoder's causal mask" }
# instructions.ja = """
# 系列長 T のデコーダ自己注意で使う因果マスクを返す関数を完成させてください。
# 戻り値は形 (T, T) の bool 配列で、行 i（クエリの位置）・列 j（キーの位置）の要素は
# 位置 i が位置 j を見てはいけない（未来の位置 j > i）ときに True、見てよいときに False です。
# """
# instructions.en = """
# Complete the function that returns the causal mask of a decoder's self-attention for a
# sequence of length T. The result is a bool array of shape (T, T); the entry in row i (the
# query position) and column j (the key position) is True where position i must not attend
# to position j (a future position, j > i) and False where it may.
# """
#
# [[hints]]
# ja = """\
# 禁止される要素は対角線より上（j > i）だけです。対角線（自分自身）は見てよい位置です。"""
# en = """\
# Only the entries above the diagonal (j > i) are forbidden. The diagonal (the position \
# itself) may be attended to."""
#
# [[hints]]
# ja = """\
# np.triu は行列の上三角部分を残し、それ以外を 0 にします。引数 k で、どの対角線から\
# 残すかを選べます（k=0 は主対角線から、k=1 はその 1 つ上から）。"""
# en = """\
# np.triu keeps the upper triangle of a matrix and zeroes the rest. Its argument k picks \
# the diagonal to start from (k=0 the main diagonal, k=1 the one above it)."""
#
# [[hints]]
# ja = """\
# 1 で埋めた (T, T) 行列の厳密な上三角を取り、.astype(bool) で bool 配列にします。"""
# en = """\
# Take the strict upper triangle of a (T, T) matrix of ones and convert it with \
# .astype(bool)."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.triu(np.ones((T, T))).astype(bool)"
# source = "common"
# why.ja = """\
# k=1 が抜けていて対角線も True（禁止）になり、各位置が自分自身を見られません。\
# T=1 では唯一の位置まで禁止されます。"""
# why.en = """\
# k=1 is missing, so the diagonal is True (forbidden) as well: no position may attend to \
# itself, and for T=1 the only position is forbidden."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.tril(np.ones((T, T)), k=-1).astype(bool)"
# source = "common"
# why.ja = """\
# 下三角（過去の位置 j < i）を禁止しています。禁止するのは未来、つまり上三角です。"""
# why.en = """\
# This forbids the lower triangle (past positions j < i). The future must be forbidden: \
# the upper triangle."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.tril(np.ones((T, T))).astype(bool)"
# source = "common"
# why.ja = """\
# これは「見てよい」位置（過去と自分自身）が True のマスクで、意味が逆です。\
# この関数では禁止される位置を True にします。"""
# why.en = """\
# This is True where attention is allowed (the past and the position itself): the \
# opposite meaning. Here True marks the forbidden positions."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.triu(np.ones((T, T)), k=1)"
# source = "common"
# why.ja = """\
# 値は正しいのですが float の配列です。マスクとして使うために .astype(bool) で bool にします。"""
# why.en = """\
# The values are right but the array is float. Convert it with .astype(bool) to use it \
# as a mask."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.triu(np.ones((T, T)), k=2).astype(bool)"
# source = "common"
# why.ja = """\
# k=2 では直後の位置 j = i + 1 が禁止されず、1 つ先の未来が見えてしまいます。"""
# why.en = """\
# With k=2 the next position j = i + 1 is not forbidden: each position sees one step \
# into the future."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.eye(T, dtype=bool)"
# source = "common"
# why.ja = """\
# 対角線（自分自身）だけを禁止し、未来は禁止していません。禁止するのは j > i の全要素です。"""
# why.en = """\
# This forbids only the diagonal (the position itself) and none of the future. Every \
# entry with j > i must be forbidden."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.ones((T, T), dtype=bool)"
# source = "common"
# why.ja = """\
# すべての位置を禁止しています。過去と自分自身は見てよい（False）位置です。"""
# why.en = """\
# This forbids every position. The past and the position itself must stay allowed (False)."""
#
# [[accepted]]
# blank = 1
# answer = "mask = np.triu(np.ones((T, T), dtype=bool), k=1)"
#
# [[accepted]]
# blank = 1
# answer = "mask = ~np.tril(np.ones((T, T), dtype=bool))"
#
# [[accepted]]
# blank = 1
# answer = "mask = np.arange(T)[None, :] > np.arange(T)[:, None]"
# ///
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


def causal_mask(T: int) -> np.ndarray:
    # BEGIN BLANK
    mask = np.triu(np.ones((T, T)), k=1).astype(bool)
    # END BLANK
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
