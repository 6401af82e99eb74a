# ============================================================================
# edrill · causal_dilated_conv · Day 4 Section 4 · WaveNet（因果的畳み込み・拡張畳み込み Dilated Causal Convolution） / WaveNet: dilated causal convolution
# WaveNet の因果的・拡張畳み込みと受容野 / WaveNet's dilated causal convolution and its receptive field
#
# 【課題】
# 1 次元の因果的・拡張畳み込み y[t] = Σ_i w[i]·x[t − i·d] と、その積み重ねの受容野を
# 完成させてください（x[s] = 0 for s < 0）。
#   空欄 1: パディングの幅 pad を決め、x (N, T) の時間の軸に 0 を詰めて xp (N, pad + T)
#     を作ります。出力 y[t] が x[0..t] だけに依存し、長さ T のままになるようにします。
#   空欄 2: xp のスライス xp[:, start:start + T] の各時刻 t が x[t − i·d] になるような
#     開始位置 start を書きます（i はカーネルの番号、d は dilation）。
#   空欄 3: カーネルサイズ kernel_size の因果的畳み込みを dilation d_1, d_2, ... で積み重ねた
#     ときの受容野（出力 1 つが依存する入力の時刻の数）を Python の int で返します。
# カーネルの向きに注意: w[0] が現在の x[t]、w[i] が i·d 時刻前の x[t − i·d] に掛かります。
#
# [Task]
# Complete the 1-D dilated causal convolution y[t] = Σ_i w[i]·x[t − i·d] and the receptive
# field of a stack of them (x[s] = 0 for s < 0).
#   Blank 1: choose the padding width pad and pad the time axis of x (N, T) with zeros into
#     xp (N, pad + T), so that y[t] depends on x[0..t] only and keeps the length T.
#   Blank 2: write the start of the slice xp[:, start:start + T] whose entry at time t is
#     x[t − i·d] (i is the kernel tap, d the dilation).
#   Blank 3: return, as a Python int, the receptive field (how many input time steps one
#     output depends on) of a stack of causal convolutions of size kernel_size with
#     dilations d_1, d_2, ...
# Mind the kernel's orientation: w[0] multiplies the current x[t], w[i] the sample x[t − i·d]
# that lies i·d steps back.
#
# 空欄 `_blank(N)` (3 箇所) を埋めて `grade causal_dilated_conv` で採点。ヒント: `grade hint causal_dilated_conv`
# Fill in the 3 blank(s) `_blank(N)`, then run `grade causal_dilated_conv`. Hints: `grade hint causal_dilated_conv`
# ============================================================================
"""WaveNet の因果的・拡張畳み込み / WaveNet's dilated causal convolution.

日本語
------
WaveNet（van den Oord et al., 2016）は音声を 1 サンプルずつ生成するため、出力 y[t] が
現在と過去の入力 x[0..t] だけに依存する因果的畳み込み（causal convolution）を使う。
さらにタップの間隔を d（dilation）だけ空ける拡張畳み込みにすると、層を重ねるたびに
受容野が大きく広がる。

    y[n, t] = Σ_{i=0}^{k−1} w[i] · x[n, t − i·d]          （x[n, s] = 0 for s < 0）

カーネルの向き: w[0] が現在の x[t]、w[i] が i·d 時刻前の入力に掛かる（畳み込みの本来の向き）。
フレームワークの Conv1d（相互相関 Σ_j w'[j] x[t − (k−1−j)·d]、左に (k−1)·d のパディング）
では w' = w を逆順にしたものに当たる。

カーネルサイズ k、dilation d_1, ..., d_L の因果的畳み込みを L 層重ねた受容野:

    R = 1 + Σ_{l=1}^{L} (k − 1)·d_l

例: k = 2、d = 1, 2, 4, ..., 512（10 層）なら R = 1024。

形状:
    x (N, T)        入力（1 チャネル、N: バッチ、T: 時間）
    w (k,)          カーネル
    dilation        Python の int ≥ 1
    xp (N, pad + T) 0 を詰めた入力
    y (N, T)        出力（長さ T のまま）
    receptive_field(kernel_size, dilations): kernel_size は int、dilations は int の並び
                    （空でもよい）、戻り値は Python の int

English
-------
WaveNet (van den Oord et al., 2016) generates audio one sample at a time, so it uses
causal convolutions: the output y[t] depends only on the present and past inputs x[0..t].
Spacing the taps d steps apart (the dilation) makes the receptive field grow fast as
layers are stacked.

    y[n, t] = Σ_{i=0}^{k−1} w[i] · x[n, t − i·d]          (x[n, s] = 0 for s < 0)

Kernel orientation: w[0] multiplies the current x[t], w[i] the input i·d steps back (the
true convolution's orientation). A framework's Conv1d (the cross-correlation
Σ_j w'[j] x[t − (k−1−j)·d] with (k−1)·d zeros padded on the left) needs w' = w reversed.

The receptive field of L stacked causal convolutions of kernel size k and dilations
d_1, ..., d_L:

    R = 1 + Σ_{l=1}^{L} (k − 1)·d_l

For example k = 2 and d = 1, 2, 4, ..., 512 (10 layers) give R = 1024.

Shapes:
    x (N, T)        input (one channel; N: batch, T: time)
    w (k,)          kernel
    dilation        a Python int ≥ 1
    xp (N, pad + T) the zero-padded input
    y (N, T)        output (length T kept)
    receptive_field(kernel_size, dilations): kernel_size an int, dilations a sequence of
                    ints (may be empty); returns a Python int
"""

from collections.abc import Sequence

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of causal_dilated_conv is not filled in yet")


def causal_dilated_conv(x: np.ndarray, w: np.ndarray, dilation: int) -> np.ndarray:
    N, T = x.shape
    k = len(w)
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    y = np.zeros((N, T))
    for i in range(k):
        start = _blank(2)
        y += w[i] * xp[:, start:start + T]  # x[:, t - i * dilation] at time t, (N, T)
    return y  # (N, T)


def receptive_field(kernel_size: int, dilations: Sequence[int]) -> int:
    return _blank(3)


if __name__ == "__main__":
    x = np.array([[1.0, 2, 3, 4, 5, 6]])
    print(causal_dilated_conv(x, np.array([1.0, 10, 100]), 2))  # [[1 2 13 24 135 246]]
    print(receptive_field(2, [2**l for l in range(10)]))  # 1024
