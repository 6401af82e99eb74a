# /// exercise
# id = "attention_weight"
# day = 3
# section = 7
# points = 10
# requires = ["softmax"]
# topic.ja = "Attention（注意機構・アテンションの重み）"
# topic.en = "Attention mechanism: the attention weights"
# title.ja = "Attention の重み: 内積による類似度と softmax"
# title.en = "Attention weights: dot-product scores and softmax"
# instructions.ja = """
# ゼロから作る Deep Learning 2 の AttentionWeight レイヤの順伝播を完成させてください。
# エンコーダの各時刻の隠れ状態 hs (N, T, H) と、デコーダの隠れ状態 h (N, H) から、
#   空欄 1: 各時刻の隠れ状態と h の内積（類似度）s (N, T) を計算します。
#   空欄 2: s を時間の軸で正規化し、重み a (N, T)（各行の和が 1）にします。
# ファイルにある softmax と逆伝播 backward はそのまま使います。
# """
# instructions.en = """
# Complete the forward pass of the AttentionWeight layer of Deep Learning from Scratch 2.
# From the encoder's hidden states hs (N, T, H) at every time step and the decoder's hidden
# state h (N, H):
#   Blank 1: compute the dot product (similarity) s (N, T) of each step's state with h.
#   Blank 2: normalise s over the time axis into the weights a (N, T) (each row sums to 1).
# Use the softmax and the backward pass given in the file as they are.
# """
#
# [[hints]]
# ja = """\
# hs は (N, T, H)、h は (N, H) です。h に長さ 1 の時間の軸を加えて (N, 1, H) にすると、\
# ブロードキャストで T 個の時刻すべてと要素積がとれます。"""
# en = """\
# hs is (N, T, H) and h is (N, H). Give h a time axis of length 1, (N, 1, H): broadcasting \
# then multiplies it element-wise with all T time steps."""
#
# [[hints]]
# ja = """\
# 内積は要素積を H の軸（axis=2）で足したものです。結果は (N, T) になります。"""
# en = """\
# The dot product is the element-wise product summed over the H axis (axis=2); the result \
# is (N, T)."""
#
# [[hints]]
# ja = """\
# 空欄 1 は np.sum(hs * h.reshape(…), axis=…) の形です。空欄 2 はファイルの softmax\
# （最後の軸で正規化）に s を渡すだけです。"""
# en = """\
# Blank 1 has the form np.sum(hs * h.reshape(...), axis=...). Blank 2 just passes s to the \
# file's softmax (which normalises over the last axis)."""
#
# [[wrong]]
# blank = 1
# answer = "s = np.sum(hs * h.reshape(N, 1, H), axis=1)"
# source = "common"
# why.ja = """\
# axis=1 は時間の軸です。時刻を足し合わせると (N, H) になってしまいます。\
# 内積は隠れ状態の次元 H（axis=2）で足します。"""
# why.en = """\
# axis=1 is the time axis: summing over the steps gives (N, H). The dot product sums over \
# the hidden size H (axis=2)."""
#
# [[wrong]]
# blank = 1
# answer = "s = np.sum(hs * h, axis=2)"
# source = "common"
# why.ja = """\
# h (N, H) をそのまま掛けると、ブロードキャストで h の軸 0 が hs の時間の軸にそろい、\
# N ≠ T なら形が合わずエラー、N = T なら別のサンプルの h と掛けてしまいます。\
# h を (N, 1, H) に変形します。"""
# why.en = """\
# Multiplying by h (N, H) as it is aligns h's axis 0 with the time axis of hs: a shape \
# error when N != T, and the h of another sample when N == T. Reshape h to (N, 1, H)."""
#
# [[wrong]]
# blank = 1
# answer = "s = np.sum(hs * h.reshape(N, 1, H), axis=2) / np.sqrt(H)"
# source = "common"
# why.ja = """\
# √H で割るのは Transformer の scaled dot-product attention です。\
# このレイヤ（ゼロから作る Deep Learning 2 の AttentionWeight）は内積をそのまま使います。"""
# why.en = """\
# Dividing by √H is the Transformer's scaled dot-product attention. This layer (the \
# AttentionWeight of Deep Learning from Scratch 2) uses the plain dot product."""
#
# [[wrong]]
# blank = 1
# answer = "s = np.sum(hs + h.reshape(N, 1, H), axis=2)"
# source = "common"
# why.ja = """\
# 足し算は類似度になりません（h の成分の和が全時刻に同じだけ加わるだけです）。\
# 内積は要素積の和です。"""
# why.en = """\
# A sum is not a similarity (it only adds the same total of h to every step). The dot \
# product is the sum of the element-wise product."""
#
# [[wrong]]
# blank = 1
# answer = "s = np.sum(hs * h.reshape(N, 1, H))"
# source = "common"
# why.ja = """\
# axis を指定しないとすべての要素を足した 1 つの数になります。\
# 時刻ごとの類似度 (N, T) が残るよう、H の軸（axis=2）だけで足します。"""
# why.en = """\
# Without an axis every entry is added into one number. Sum over the H axis (axis=2) only, \
# so a score remains for every sample and step, (N, T)."""
#
# [[wrong]]
# blank = 2
# answer = "s"
# source = "common"
# why.ja = """\
# 類似度 s をそのまま重みにしています。重みは softmax で正規化し、\
# 各行（各サンプルの T 個の重み）の和を 1 にします。"""
# why.en = """\
# The scores s are used as weights as they are. Normalise them with softmax so that each \
# row (the T weights of a sample) sums to 1."""
#
# [[wrong]]
# blank = 2
# answer = "softmax(s.T).T"
# source = "common"
# why.ja = """\
# 転置するとバッチの軸で正規化してしまいます（各時刻について N 個のサンプルの和が 1）。\
# 正規化するのは各サンプルの時間の軸です。"""
# why.en = """\
# Transposing normalises over the batch (at each step the N samples sum to 1). Normalise \
# each sample over the time axis."""
#
# [[wrong]]
# blank = 2
# answer = "np.exp(s) / np.sum(np.exp(s))"
# source = "common"
# why.ja = """\
# バッチ全体で 1 つの和をとっているので、サンプルごとの重みの和が 1 になりません。\
# 行ごと（axis=1）に正規化します。"""
# why.en = """\
# One sum over the whole batch: the weights of each sample do not sum to 1. Normalise each \
# row (axis=1)."""
#
# [[wrong]]
# blank = 2
# answer = "1 / (1 + np.exp(-s))"
# source = "common"
# why.ja = """\
# シグモイドは各時刻を独立に 0〜1 にするだけで、時刻の重みの和が 1 になりません。\
# Attention の重みは softmax で求めます。"""
# why.en = """\
# The sigmoid squashes each step on its own; the weights over the steps do not sum to 1. \
# Attention weights come from softmax."""
#
# [[accepted]]
# blank = 1
# answer = "s = np.sum(hs * h[:, np.newaxis, :], axis=2)"
#
# [[accepted]]
# blank = 1
# answer = "s = np.einsum('nth,nh->nt', hs, h)"
#
# [[accepted]]
# blank = 1
# answer = "s = (hs @ h[:, :, None])[:, :, 0]"
#
# [[accepted]]
# blank = 1
# answer = "s = (hs * h.reshape(N, 1, H)).sum(axis=-1)"
#
# [[accepted]]
# blank = 2
# answer = "np.exp(s) / np.sum(np.exp(s), axis=1, keepdims=True)"
# ///
"""Attention の重み / Attention weights (the AttentionWeight layer).

日本語
------
ゼロから作る Deep Learning 2（8 章）の AttentionWeight。エンコーダの各時刻の隠れ状態
hs と、デコーダの現在の隠れ状態 h の内積を類似度とし、時間の軸で softmax をとる。

    s[n, t] = Σ_k hs[n, t, k] h[n, k]                    （内積、スケーリングなし）
    a[n, t] = exp(s[n, t]) / Σ_u exp(s[n, u])            （各行の和は 1）

逆伝播（backward、空欄ではない）: 上流の勾配 da (N, T) から

    ds[n, t] = a[n, t] (da[n, t] - Σ_u da[n, u] a[n, u])
    dhs[n, t, k] = ds[n, t] h[n, k],   dh[n, k] = Σ_t ds[n, t] hs[n, t, k]

形状:
    hs (N, T, H)   エンコーダの隠れ状態（N: バッチ、T: 時間、H: 隠れ状態の次元）
    h (N, H)       デコーダの隠れ状態
    s, a (N, T)    類似度と Attention の重み
    da (N, T), dhs (N, T, H), dh (N, H)

English
-------
The AttentionWeight layer of Deep Learning from Scratch 2 (chapter 8). The similarity
of each encoder state in hs to the decoder's current state h is their dot product; a
softmax over the time axis turns the scores into weights.

    s[n, t] = Σ_k hs[n, t, k] h[n, k]                    (dot product, no scaling)
    a[n, t] = exp(s[n, t]) / Σ_u exp(s[n, u])            (each row sums to 1)

Backward pass (backward, not a blank): from the upstream gradient da (N, T)

    ds[n, t] = a[n, t] (da[n, t] - Σ_u da[n, u] a[n, u])
    dhs[n, t, k] = ds[n, t] h[n, k],   dh[n, k] = Σ_t ds[n, t] hs[n, t, k]

Shapes:
    hs (N, T, H)   encoder hidden states (N: batch, T: time, H: hidden size)
    h (N, H)       the decoder's hidden state
    s, a (N, T)    scores and attention weights
    da (N, T), dhs (N, T, H), dh (N, H)
"""

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)  # stable: the row max becomes 0
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)  # normalised over the last axis


class AttentionWeight:
    def __init__(self) -> None:
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs: np.ndarray, h: np.ndarray) -> np.ndarray:
        N, T, H = hs.shape
        # BEGIN BLANK
        s = np.sum(hs * h.reshape(N, 1, H), axis=2)  # (N, T)
        # END BLANK
        a = softmax(s)  # BLANK: softmax(s)
        self.cache = (hs, h, a)
        return a  # (N, T)

    def backward(self, da: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        hs, h, a = self.cache
        N, T, H = hs.shape
        ds = a * (da - np.sum(da * a, axis=1, keepdims=True))  # softmax backward, (N, T)
        dhs = ds.reshape(N, T, 1) * h.reshape(N, 1, H)  # (N, T, H)
        dh = np.sum(ds.reshape(N, T, 1) * hs, axis=1)  # (N, H)
        return dhs, dh


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    hs, h = rng.standard_normal((2, 5, 4)), rng.standard_normal((2, 4))
    layer = AttentionWeight()
    a = layer.forward(hs, h)
    print(a.shape, a.sum(axis=1))  # (2, 5) [1. 1.]
    dhs, dh = layer.backward(np.ones_like(a))
    print(dhs.shape, dh.shape)  # (2, 5, 4) (2, 4)
