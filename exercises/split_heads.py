# ============================================================================
# edrill · split_heads · Day 4 Section 5 · Transformer（Multi-Head Attention・ヘッドの分割と結合） / Transformer: multi-head attention (splitting and merging the heads)
# Multi-Head Attention のヘッドの分割と結合 / Splitting and merging the heads of multi-head attention
#
# 【課題】
# Multi-Head Attention で使う 2 つの変形を完成させてください。
#   空欄 1（split_heads）: x (N, T, d_model) を h 個のヘッドに分け、(N, h, T, d_k) にします
#     （d_k = d_model / h）。ヘッド j は x の列 j·d_k から (j+1)·d_k − 1 までの連続した d_k 列です。
#   空欄 2（merge_heads）: その逆で、(N, h, T, d_k) を (N, T, d_model) に戻します。
#     各時刻で、ヘッド 0, 1, ..., h−1 の d_k 列をこの順に並べます。
#
# [Task]
# Complete the two reshapes of multi-head attention.
#   Blank 1 (split_heads): split x (N, T, d_model) into h heads of shape (N, h, T, d_k)
#     (d_k = d_model / h). Head j is the d_k consecutive columns j·d_k to (j+1)·d_k − 1 of x.
#   Blank 2 (merge_heads): the inverse, from (N, h, T, d_k) back to (N, T, d_model). At each
#     time step the d_k columns of heads 0, 1, ..., h−1 follow each other in this order.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade split_heads` で採点。ヒント: `grade hint split_heads`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade split_heads`. Hints: `grade hint split_heads`
# ============================================================================
"""Multi-Head Attention のヘッドの分割と結合 / Splitting and merging attention heads.

日本語
------
Multi-Head Attention は、線形変換したクエリ・キー・値 (N, T, d_model) を h 個のヘッドに
分け、ヘッドごとに Scaled Dot-Product Attention を計算してから結合する
（d_model = h·d_k）。ヘッド j は連続した d_k 列を受け持つ:

    split:  out[n, j, t, k] = x[n, t, j·d_k + k]        (j < h, k < d_k)
    merge:  out[n, t, j·d_k + k] = x[n, j, t, k]

merge_heads は split_heads の逆: merge_heads(split_heads(x, h)) = x。
軸の順 (N, h, T, d_k) にするのは、最後の 2 軸 (T, d_k) についての行列積で
ヘッドごとの注意を一度に計算できるようにするため。

形状:
    split_heads:  x (N, T, d_model), h は Python の int（d_model を割り切る）
                  → (N, h, T, d_k)
    merge_heads:  x (N, h, T, d_k) → (N, T, d_model)、d_model = h·d_k

English
-------
Multi-head attention splits the projected queries, keys and values (N, T, d_model) into
h heads, runs scaled dot-product attention in every head and merges the results
(d_model = h·d_k). Head j owns d_k consecutive columns:

    split:  out[n, j, t, k] = x[n, t, j·d_k + k]        (j < h, k < d_k)
    merge:  out[n, t, j·d_k + k] = x[n, j, t, k]

merge_heads undoes split_heads: merge_heads(split_heads(x, h)) = x. The axis order
(N, h, T, d_k) lets one matrix product over the last two axes (T, d_k) compute the
attention of every head at once.

Shapes:
    split_heads:  x (N, T, d_model), h a Python int dividing d_model
                  → (N, h, T, d_k)
    merge_heads:  x (N, h, T, d_k) → (N, T, d_model), d_model = h·d_k
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of split_heads is not filled in yet")


def split_heads(x: np.ndarray, h: int) -> np.ndarray:
    N, T, d_model = x.shape
    d_k = d_model // h
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return out


def merge_heads(x: np.ndarray) -> np.ndarray:
    N, h, T, d_k = x.shape
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return out


if __name__ == "__main__":
    x = np.arange(2 * 5 * 12, dtype=np.float64).reshape(2, 5, 12)  # N=2, T=5, d_model=12
    heads = split_heads(x, 3)
    print(heads.shape)  # (2, 3, 5, 4)
    print(heads[0, 1, 0])  # [4. 5. 6. 7.]: head 1 of time 0 is columns 4..7
    print(np.array_equal(merge_heads(heads), x))  # True
