# ============================================================================
# edrill · attention_weight_sum · Day 3 Section 7 · Attention（注意機構・コンテキストベクトル） / Attention mechanism: the context vector
# Attention の重み付き和: コンテキストベクトル / The attention-weighted sum: the context vector
#
# 【課題】
# ゼロから作る Deep Learning 2 の WeightSum レイヤの順伝播を完成させてください。
# エンコーダの各時刻の隠れ状態 hs (N, T, H) を、Attention の重み a (N, T) で
# 重み付けして時間の方向に足し合わせ、コンテキストベクトル c (N, H) を求めます。
# 逆伝播 backward はファイルにあるものをそのまま使います。
#
# [Task]
# Complete the forward pass of the WeightSum layer of Deep Learning from Scratch 2.
# Weight the encoder's hidden states hs (N, T, H) at every time step by the attention
# weights a (N, T) and add them up over time into the context vector c (N, H).
# Use the backward pass given in the file as it is.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade attention_weight_sum` で採点。ヒント: `grade hint attention_weight_sum`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade attention_weight_sum`. Hints: `grade hint attention_weight_sum`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of attention_weight_sum is not filled in yet")


class WeightSum:
    def __init__(self) -> None:
        self.params, self.grads = [], []
        self.cache = None

    def forward(self, hs: np.ndarray, a: np.ndarray) -> np.ndarray:
        N, T, H = hs.shape
        # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
        _blank(1)
        # └──
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
