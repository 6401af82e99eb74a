# ============================================================================
# edrill · attention_weight · Day 3 Section 7 · Attention（注意機構・アテンションの重み） / Attention mechanism: the attention weights
# Attention の重み: 内積による類似度と softmax / Attention weights: dot-product scores and softmax
#
# 【課題】
# ゼロから作る Deep Learning 2 の AttentionWeight レイヤの順伝播を完成させてください。
# エンコーダの各時刻の隠れ状態 hs (N, T, H) と、デコーダの隠れ状態 h (N, H) から、
#   空欄 1: 各時刻の隠れ状態と h の内積（類似度）s (N, T) を計算します。
#   空欄 2: s を時間の軸で正規化し、重み a (N, T)（各行の和が 1）にします。
# ファイルにある softmax と逆伝播 backward はそのまま使います。
#
# [Task]
# Complete the forward pass of the AttentionWeight layer of Deep Learning from Scratch 2.
# From the encoder's hidden states hs (N, T, H) at every time step and the decoder's hidden
# state h (N, H):
#   Blank 1: compute the dot product (similarity) s (N, T) of each step's state with h.
#   Blank 2: normalise s over the time axis into the weights a (N, T) (each row sums to 1).
# Use the softmax and the backward pass given in the file as they are.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade attention_weight` で採点。ヒント: `grade hint attention_weight`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade attention_weight`. Hints: `grade hint attention_weight`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of attention_weight is not filled in yet")


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
        # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
        _blank(1)
        # └──
        a = _blank(2)
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
