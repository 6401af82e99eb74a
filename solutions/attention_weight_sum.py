# /// exercise
# id = "attention_weight_sum"
# day = 3
# section = 7
# points = 10
# requires = ["attention_weight"]
# topic.ja = "Attention（注意機構・コンテキストベクトル）"
# topic.en = "Attention mechanism: the context vector"
# title.ja = "Attention の重み付き和: コンテキストベクトル"
# title.en = "The attention-weighted sum: the context vector"
# instructions.ja = """
# ゼロから作る Deep Learning 2 の WeightSum レイヤの順伝播を完成させてください。
# エンコーダの各時刻の隠れ状態 hs (N, T, H) を、Attention の重み a (N, T) で
# 重み付けして時間の方向に足し合わせ、コンテキストベクトル c (N, H) を求めます。
# 逆伝播 backward はファイルにあるものをそのまま使います。
# """
# instructions.en = """
# Complete the forward pass of the WeightSum layer of Deep Learning from Scratch 2.
# Weight the encoder's hidden states hs (N, T, H) at every time step by the attention
# weights a (N, T) and add them up over time into the context vector c (N, H).
# Use the backward pass given in the file as it is.
# """
#
# [[hints]]
# ja = """\
# hs は (N, T, H)、a は (N, T) です。a に長さ 1 の H の軸を加えて (N, T, 1) にすると、\
# ブロードキャストで各時刻の隠れ状態 (H 個の値) すべてに同じ重みが掛かります。"""
# en = """\
# hs is (N, T, H) and a is (N, T). Give a a trailing axis of length 1, (N, T, 1): \
# broadcasting then multiplies all H entries of each step's state by that step's weight."""
#
# [[hints]]
# ja = """\
# 重みを掛けたあと、時間の軸（axis=1）で足し合わせます。結果は (N, H) です。"""
# en = """\
# After weighting, sum over the time axis (axis=1). The result is (N, H)."""
#
# [[hints]]
# ja = """\
# c = np.sum(hs * a.reshape(…), axis=…) の形です。"""
# en = """\
# It has the form c = np.sum(hs * a.reshape(...), axis=...)."""
#
# [[wrong]]
# blank = 1
# answer = "c = np.sum(hs * a.reshape(N, T, 1), axis=2)"
# source = "common"
# why.ja = """\
# axis=2 は隠れ状態の次元 H の軸です。これでは (N, T) になります。\
# コンテキストベクトルは時間の軸（axis=1）で足し合わせた (N, H) です。"""
# why.en = """\
# axis=2 is the hidden axis H: this gives (N, T). The context vector is the sum over the \
# time axis (axis=1), (N, H)."""
#
# [[wrong]]
# blank = 1
# answer = "c = np.sum(hs * a, axis=1)"
# source = "common"
# why.ja = """\
# a (N, T) をそのまま掛けると、ブロードキャストで a の軸が hs の (T, H) の軸にそろい、\
# T ≠ H なら形が合わずエラー、T = H なら重みが隠れ状態の成分に掛かってしまいます。\
# a を (N, T, 1) に変形します。"""
# why.en = """\
# Multiplying by a (N, T) as it is aligns a's axes with the (T, H) axes of hs: a shape \
# error when T != H, and weights applied to the hidden entries when T == H. Reshape a to \
# (N, T, 1)."""
#
# [[wrong]]
# blank = 1
# answer = "c = np.sum(hs * a.reshape(N, 1, T), axis=1)"
# source = "common"
# why.ja = """\
# (N, 1, T) では重みの軸が hs の H の軸にそろいます（T ≠ H なら形が合わずエラー）。\
# 時刻 t の重みは時刻 t の隠れ状態に掛けるので、(N, T, 1) に変形します。"""
# why.en = """\
# (N, 1, T) lines the weights up with the H axis of hs (a shape error when T != H). The \
# weight of step t multiplies the state of step t: reshape to (N, T, 1)."""
#
# [[wrong]]
# blank = 1
# answer = "c = np.mean(hs * a.reshape(N, T, 1), axis=1)"
# source = "common"
# why.ja = """\
# 平均をとると T で割られます。重み a はすでに和が 1 なので、重み付きの「和」が\
# そのまま重み付き平均になります。"""
# why.en = """\
# The mean divides by T once more. The weights a already sum to 1, so the weighted sum is \
# itself the weighted average."""
#
# [[wrong]]
# blank = 1
# answer = "c = np.sum(hs, axis=1)"
# source = "common"
# why.ja = """\
# 重み a を使っていません。すべての時刻が同じ重みで足され、Attention になりません。"""
# why.en = """\
# The weights a are not used: every step counts the same, which is not attention."""
#
# [[wrong]]
# blank = 1
# answer = "c = np.sum(hs * a.reshape(N, T, 1), axis=0)"
# source = "common"
# why.ja = """\
# axis=0 はバッチの軸です。サンプルどうしを足し合わせて (T, H) になってしまいます。\
# 足し合わせるのは各サンプルの時間の軸（axis=1）です。"""
# why.en = """\
# axis=0 is the batch axis: the samples are added together into (T, H). Sum over each \
# sample's time axis (axis=1)."""
#
# [[wrong]]
# blank = 1
# answer = "c = hs[:, -1] * a[:, -1:]"
# source = "common"
# why.ja = """\
# 最後の時刻の隠れ状態しか使っていません。Attention ではすべての時刻の隠れ状態を\
# 重み付けして足し合わせます。"""
# why.en = """\
# Only the last step's state is used. Attention adds up the states of all the steps, each \
# with its weight."""
#
# [[accepted]]
# blank = 1
# answer = "c = np.sum(hs * a[:, :, np.newaxis], axis=1)"
#
# [[accepted]]
# blank = 1
# answer = "c = np.einsum('nth,nt->nh', hs, a)"
#
# [[accepted]]
# blank = 1
# answer = "c = np.matmul(a.reshape(N, 1, T), hs).reshape(N, H)"
#
# [[accepted]]
# blank = 1
# answer = "c = (hs * a.reshape(N, T, 1)).sum(axis=1)"
# ///
"""Attention の重み付き和 / The attention-weighted sum (the WeightSum layer).

日本語
------
ゼロから作る Deep Learning 2（8 章）の WeightSum。Attention の重み a で
エンコーダの隠れ状態 hs を重み付けし、時間の方向に足してコンテキストベクトル c を作る。

    c[n, k] = Σ_t a[n, t] hs[n, t, k]        （a の各行の和は 1 なので重み付き平均）

逆伝播（backward、空欄ではない）: 上流の勾配 dc (N, H) から

    dhs[n, t, k] = a[n, t] dc[n, k],   da[n, t] = Σ_k dc[n, k] hs[n, t, k]

形状:
    hs (N, T, H)   エンコーダの隠れ状態（N: バッチ、T: 時間、H: 隠れ状態の次元）
    a (N, T)       Attention の重み
    c (N, H)       コンテキストベクトル
    dc (N, H), dhs (N, T, H), da (N, T)

English
-------
The WeightSum layer of Deep Learning from Scratch 2 (chapter 8). The attention weights a
weight the encoder's hidden states hs, which are added up over time into the context
vector c.

    c[n, k] = Σ_t a[n, t] hs[n, t, k]        (each row of a sums to 1: a weighted average)

Backward pass (backward, not a blank): from the upstream gradient dc (N, H)

    dhs[n, t, k] = a[n, t] dc[n, k],   da[n, t] = Σ_k dc[n, k] hs[n, t, k]

Shapes:
    hs (N, T, H)   encoder hidden states (N: batch, T: time, H: hidden size)
    a (N, T)       attention weights
    c (N, H)       the context vector
    dc (N, H), dhs (N, T, H), da (N, T)
"""

import numpy as np


class WeightSum:
    def __init__(self) -> None:
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs: np.ndarray, a: np.ndarray) -> np.ndarray:
        N, T, H = hs.shape
        # BEGIN BLANK
        c = np.sum(hs * a.reshape(N, T, 1), axis=1)  # (N, H)
        # END BLANK
        self.cache = (hs, a)
        return c  # (N, H)

    def backward(self, dc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        hs, a = self.cache
        N, T, H = hs.shape
        dt = dc.reshape(N, 1, H)  # broadcast over the T steps
        dhs = dt * a.reshape(N, T, 1)  # (N, T, H)
        da = np.sum(dt * hs, axis=2)  # (N, T)
        return dhs, da


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    hs = rng.standard_normal((2, 5, 4))
    a = np.full((2, 5), 0.2)  # uniform weights
    c = WeightSum().forward(hs, a)
    print(c.shape, np.allclose(c, hs.mean(axis=1)))  # (2, 4) True
