# /// exercise
# id = "split_heads"
# day = 4
# section = 5
# points = 10
# requires = ["scaled_dot_product_attention"]
# topic.ja = "Transformer（Multi-Head Attention・ヘッドの分割と結合）"
# topic.en = "Transformer: multi-head attention (splitting and merging the heads)"
# title.ja = "Multi-Head Attention のヘッドの分割と結合"
# title.en = "Splitting and merging the heads of multi-head attention"
# instructions.ja = """
# Multi-Head Attention で使う 2 つの変形を完成させてください。
#   空欄 1（split_heads）: x (N, T, d_model) を h 個のヘッドに分け、(N, h, T, d_k) にします
#     （d_k = d_model / h）。ヘッド j は x の列 j·d_k から (j+1)·d_k − 1 までの連続した d_k 列です。
#   空欄 2（merge_heads）: その逆で、(N, h, T, d_k) を (N, T, d_model) に戻します。
#     各時刻で、ヘッド 0, 1, ..., h−1 の d_k 列をこの順に並べます。
# """
# instructions.en = """
# Complete the two reshapes of multi-head attention.
#   Blank 1 (split_heads): split x (N, T, d_model) into h heads of shape (N, h, T, d_k)
#     (d_k = d_model / h). Head j is the d_k consecutive columns j·d_k to (j+1)·d_k − 1 of x.
#   Blank 2 (merge_heads): the inverse, from (N, h, T, d_k) back to (N, T, d_model). At each
#     time step the d_k columns of heads 0, 1, ..., h−1 follow each other in this order.
# """
#
# [[hints]]
# ja = """\
# reshape は要素を C 順（最後の軸が最も速く変わる）に並べ直すだけで、軸の意味は変えません。\
# まず最後の軸 d_model を (h, d_k) に分け、そのあとで軸を並べ替えます。"""
# en = """\
# reshape only regroups the elements in C order (the last axis changes fastest); it does \
# not move axes. First split the last axis d_model into (h, d_k), then reorder the axes."""
#
# [[hints]]
# ja = """\
# 空欄 1: x.reshape(N, T, h, d_k) の軸 (N, T, h, d_k) を (N, h, T, d_k) の順にします。\
# 入れ替えるのは軸 1 と軸 2 だけです。"""
# en = """\
# Blank 1: x.reshape(N, T, h, d_k) has axes (N, T, h, d_k); put them in the order \
# (N, h, T, d_k). Only axes 1 and 2 swap."""
#
# [[hints]]
# ja = """\
# 空欄 2 は空欄 1 の逆の順序です: 先に transpose で (N, T, h, d_k) に戻してから、\
# reshape で最後の 2 軸を d_model にまとめます。"""
# en = """\
# Blank 2 undoes blank 1 in reverse order: transpose back to (N, T, h, d_k) first, then \
# reshape to merge the last two axes into d_model."""
#
# [[wrong]]
# blank = 1
# answer = "out = x.reshape(N, h, T, d_k)"
# source = "common"
# why.ja = """\
# 形は合っていますが、transpose なしの reshape は要素を並べ直すだけなので、時刻と\
# ヘッドが混ざります（「ヘッド」0 には時刻 0, 1, ... の列がつながって入ります）。\
# まず (N, T, h, d_k) に reshape し、軸 1 と 2 を入れ替えます。"""
# why.en = """\
# The shape is right, but a reshape without a transpose only regroups the elements, so \
# time steps and heads get mixed ("head" 0 holds pieces of times 0, 1, ... in a row). \
# Reshape to (N, T, h, d_k) first, then swap axes 1 and 2."""
#
# [[wrong]]
# blank = 1
# answer = "out = x.reshape(N, T, h, d_k)"
# source = "common"
# why.ja = """\
# 形が (N, T, h, d_k) のままです。ヘッドごとに注意を計算するため、軸 1 と 2 を入れ替えて \
# (N, h, T, d_k) にします。"""
# why.en = """\
# The shape stays (N, T, h, d_k). Attention runs head by head, so swap axes 1 and 2 to get \
# (N, h, T, d_k)."""
#
# [[wrong]]
# blank = 1
# answer = "out = x.reshape(N, T, h, d_k).transpose(0, 2, 3, 1)"
# source = "common"
# why.ja = """\
# 形が (N, h, d_k, T) になります（キーの転置の形）。ここでは (N, h, T, d_k) にします。"""
# why.en = """\
# This gives (N, h, d_k, T) (the layout of a transposed key). Here the result is \
# (N, h, T, d_k)."""
#
# [[wrong]]
# blank = 1
# answer = "out = x.reshape(N, T, d_k, h).transpose(0, 3, 1, 2)"
# source = "common"
# why.ja = """\
# d_model を (d_k, h) に分けたので、ヘッド j が列 j, j+h, j+2h, ... という飛び飛びの列に\
# なります。ヘッドは連続した d_k 列なので (h, d_k) の順に分けます。"""
# why.en = """\
# Splitting d_model into (d_k, h) gives head j the strided columns j, j+h, j+2h, ... A \
# head is d_k consecutive columns: split into (h, d_k)."""
#
# [[wrong]]
# blank = 1
# answer = "out = x.reshape(h, N, T, d_k)"
# source = "common"
# why.ja = """\
# ヘッドの軸を先頭に置いています。バッチの軸 N は先頭のまま、形は (N, h, T, d_k) です。\
# また transpose なしの reshape では時刻とヘッドが混ざります。"""
# why.en = """\
# This puts the head axis first. The batch axis N stays first: (N, h, T, d_k). Also, a \
# reshape without a transpose mixes time steps and heads."""
#
# [[wrong]]
# blank = 1
# answer = "out = x.transpose(0, 2, 1).reshape(N, h, T, d_k)"
# source = "common"
# why.ja = """\
# 先に (N, d_model, T) に転置すると、reshape で各ヘッドの d_k 個の値が時刻の方向に\
# 並んでしまいます。先に d_model を (h, d_k) に分け、それから軸を入れ替えます。"""
# why.en = """\
# Transposing to (N, d_model, T) first makes the reshape lay each head's d_k values out \
# along time. Split d_model into (h, d_k) first, then swap the axes."""
#
# [[wrong]]
# blank = 2
# answer = "out = x.reshape(N, T, h * d_k)"
# source = "common"
# why.ja = """\
# 形は合っていますが、transpose なしの reshape ではヘッドと時刻が混ざります。\
# 先に軸 1 と 2 を入れ替えて (N, T, h, d_k) にしてから reshape します。"""
# why.en = """\
# The shape is right, but a reshape without a transpose mixes heads and time steps. Swap \
# axes 1 and 2 first to get (N, T, h, d_k), then reshape."""
#
# [[wrong]]
# blank = 2
# answer = "out = x.transpose(0, 2, 3, 1).reshape(N, T, h * d_k)"
# source = "common"
# why.ja = """\
# (N, T, d_k, h) にしてから reshape したので、ヘッドの列が飛び飛びに交互に並びます。\
# (N, T, h, d_k) の順にして、ヘッドごとに d_k 列を続けて並べます。"""
# why.en = """\
# Reshaping from (N, T, d_k, h) interleaves the heads column by column. Go through \
# (N, T, h, d_k) so each head's d_k columns stay together."""
#
# [[wrong]]
# blank = 2
# answer = "out = x.transpose(0, 2, 1, 3)"
# source = "common"
# why.ja = """\
# 軸を入れ替えただけで、形が 4 次元の (N, T, h, d_k) のままです。最後の 2 軸を reshape で\
# d_model = h·d_k にまとめます。"""
# why.en = """\
# Only the axes are swapped: the result is still 4-D, (N, T, h, d_k). Merge the last two \
# axes into d_model = h·d_k with a reshape."""
#
# [[wrong]]
# blank = 2
# answer = "out = np.concatenate(x, axis=-1)"
# source = "common"
# why.ja = """\
# np.concatenate は最初の軸（ここではバッチ N）に沿って配列を取り出して連結するので、\
# (h, T, N·d_k) になります。連結するのはヘッドの軸です。"""
# why.en = """\
# np.concatenate takes the arrays along the first axis (here the batch N), giving \
# (h, T, N·d_k). The axis to concatenate over is the heads."""
#
# [[accepted]]
# blank = 1
# answer = "out = x.reshape(N, T, h, d_k).swapaxes(1, 2)"
#
# [[accepted]]
# blank = 1
# answer = "out = np.stack([x[:, :, j * d_k:(j + 1) * d_k] for j in range(h)], axis=1)"
#
# [[accepted]]
# blank = 2
# answer = "out = x.swapaxes(1, 2).reshape(N, T, -1)"
#
# [[accepted]]
# blank = 2
# answer = "out = np.concatenate([x[:, j] for j in range(h)], axis=-1)"
# ///
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


def split_heads(x: np.ndarray, h: int) -> np.ndarray:
    N, T, d_model = x.shape
    d_k = d_model // h
    # BEGIN BLANK
    out = x.reshape(N, T, h, d_k).transpose(0, 2, 1, 3)  # (N, h, T, d_k)
    # END BLANK
    return out


def merge_heads(x: np.ndarray) -> np.ndarray:
    N, h, T, d_k = x.shape
    # BEGIN BLANK
    out = x.transpose(0, 2, 1, 3).reshape(N, T, h * d_k)  # (N, T, d_model)
    # END BLANK
    return out


if __name__ == "__main__":
    x = np.arange(2 * 5 * 12, dtype=np.float64).reshape(2, 5, 12)  # N=2, T=5, d_model=12
    heads = split_heads(x, 3)
    print(heads.shape)  # (2, 3, 5, 4)
    print(heads[0, 1, 0])  # [4. 5. 6. 7.]: head 1 of time 0 is columns 4..7
    print(np.array_equal(merge_heads(heads), x))  # True
