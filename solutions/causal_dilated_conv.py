# /// exercise
# id = "causal_dilated_conv"
# day = 4
# section = 4
# points = 10
# topic.ja = "WaveNet（因果的畳み込み・拡張畳み込み Dilated Causal Convolution）"
# topic.en = "WaveNet: dilated causal convolution"
# title.ja = "WaveNet の因果的・拡張畳み込みと受容野"
# title.en = "WaveNet's dilated causal convolution and its receptive field"
# instructions.ja = """
# 1 次元の因果的・拡張畳み込み y[t] = Σ_i w[i]·x[t − i·d] と、その積み重ねの受容野を
# 完成させてください（x[s] = 0 for s < 0）。
#   空欄 1: パディングの幅 pad を決め、x (N, T) の時間の軸に 0 を詰めて xp (N, pad + T)
#     を作ります。出力 y[t] が x[0..t] だけに依存し、長さ T のままになるようにします。
#   空欄 2: xp のスライス xp[:, start:start + T] の各時刻 t が x[t − i·d] になるような
#     開始位置 start を書きます（i はカーネルの番号、d は dilation）。
#   空欄 3: カーネルサイズ kernel_size の因果的畳み込みを dilation d_1, d_2, ... で積み重ねた
#     ときの受容野（出力 1 つが依存する入力の時刻の数）を Python の int で返します。
# カーネルの向きに注意: w[0] が現在の x[t]、w[i] が i·d 時刻前の x[t − i·d] に掛かります。
# """
# instructions.en = """
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
# """
#
# [[hints]]
# ja = """\
# 因果的にするには 0 を「過去の側」（左、時刻の小さい側）にだけ詰めます。最も古い入力は \
# x[t − (k−1)·d] なので、詰める幅は (k−1)·d です。"""
# en = """\
# To stay causal, pad zeros on the past side only (the left, small times). The oldest \
# input used is x[t − (k−1)·d], so the padding is (k−1)·d wide."""
#
# [[hints]]
# ja = """\
# xp[:, s] は x[:, s − pad] です。x[t − i·d] を時刻 t に置くスライスの開始位置は、\
# t = 0 のときの添字 0 − i·d + pad です。"""
# en = """\
# xp[:, s] is x[:, s − pad]. The slice that puts x[t − i·d] at time t starts at the index \
# for t = 0: 0 − i·d + pad."""
#
# [[hints]]
# ja = """\
# 受容野: 1 層目の出力は 1 + (k−1)·d_1 時刻を見ます。層を 1 つ重ねるごとに \
# (k−1)·d_l 時刻ずつ過去に広がります。空欄 1 は np.pad(x, ((0, 0), (左, 右))) の形です。"""
# en = """\
# Receptive field: one layer sees 1 + (k−1)·d_1 time steps, and each further layer reaches \
# (k−1)·d_l steps further back. Blank 1 has the form np.pad(x, ((0, 0), (left, right)))."""
#
# [[wrong]]
# blank = 1
# answer = """\
# pad = (k - 1) * dilation
# xp = np.pad(x, ((0, 0), (0, pad)))"""
# source = "common"
# why.ja = """\
# 0 を右（未来の側）に詰めたので、出力 y[t] が未来の入力 x[t + ...] を見てしまい、因果的に\
# なりません。0 は左（過去の側）に詰めます。"""
# why.en = """\
# The zeros are padded on the right (the future side), so y[t] reads future inputs \
# x[t + ...]: not causal. Pad on the left (the past side)."""
#
# [[wrong]]
# blank = 1
# answer = """\
# pad = k - 1
# xp = np.pad(x, ((0, 0), (pad, 0)))"""
# source = "common"
# why.ja = """\
# パディングの幅に dilation を掛けていません。最も古い入力は x[t − (k−1)·d] なので、\
# 幅は (k−1)·d です。"""
# why.en = """\
# The padding width ignores the dilation. The oldest input used is x[t − (k−1)·d], so the \
# width is (k−1)·d."""
#
# [[wrong]]
# blank = 1
# answer = """\
# pad = (k - 1) * dilation
# xp = np.pad(x, (pad, 0))"""
# source = "common"
# why.ja = """\
# np.pad の幅を 1 組だけ渡すと、すべての軸（バッチの軸 N も）に詰めてしまいます。\
# 軸ごとに ((0, 0), (左, 右)) と指定し、時間の軸だけに詰めます。"""
# why.en = """\
# With a single pair of widths np.pad pads every axis, the batch axis N too. Give one pair \
# per axis, ((0, 0), (left, right)), to pad the time axis only."""
#
# [[wrong]]
# blank = 1
# answer = """\
# pad = (k - 1) * dilation // 2
# xp = np.pad(x, ((0, 0), (pad, pad)))"""
# source = "common"
# why.ja = """\
# 両側に半分ずつ詰める "same" パディングです。出力が未来の入力を見てしまうので因果的では\
# ありません。(k−1)·d 個すべてを左に詰めます。"""
# why.en = """\
# This is "same" padding, half on each side: outputs read future inputs, which is not \
# causal. Put all (k−1)·d zeros on the left."""
#
# [[wrong]]
# blank = 2
# answer = "pad - i"
# source = "common"
# why.ja = """\
# dilation を忘れています。拡張畳み込みのタップ i は i 時刻前ではなく i·d 時刻前の入力\
# x[t − i·d] を見ます。"""
# why.en = """\
# The dilation is missing. Tap i of a dilated convolution reads x[t − i·d], i·d steps \
# back, not i steps back."""
#
# [[wrong]]
# blank = 2
# answer = "i * dilation"
# source = "common"
# why.ja = """\
# カーネルの向きが逆です（フレームワークの Conv1d = 相互相関の向き）。これでは w[0] が\
# 最も古い x[t − (k−1)·d] に掛かります。ここでは w[0] が現在の x[t] に掛かります。"""
# why.en = """\
# The kernel is the other way round (the orientation of a framework's Conv1d, a \
# cross-correlation): w[0] then multiplies the oldest x[t − (k−1)·d]. Here w[0] multiplies \
# the current x[t]."""
#
# [[wrong]]
# blank = 2
# answer = "pad - (i + 1) * dilation"
# source = "common"
# why.ja = """\
# 1 タップ分ずれていて、w[0] が現在の x[t] ではなく x[t − d] に掛かります（最後のタップでは\
# 開始位置が負になります）。タップ i は x[t − i·d] です。"""
# why.en = """\
# This is off by one tap: w[0] multiplies x[t − d] instead of the current x[t] (and the \
# last tap starts at a negative index). Tap i reads x[t − i·d]."""
#
# [[wrong]]
# blank = 3
# answer = "1 + sum(dilations)"
# source = "common"
# why.ja = """\
# kernel_size = 2 のときだけ正しい式です。各層は (k−1)·d_l 時刻ずつ受容野を広げます。"""
# why.en = """\
# This holds only for kernel_size = 2. Each layer widens the receptive field by \
# (k−1)·d_l steps."""
#
# [[wrong]]
# blank = 3
# answer = "(kernel_size - 1) * sum(dilations)"
# source = "common"
# why.ja = """\
# 現在の時刻の 1 を足し忘れています。1 層・k = 2・d = 1 でも受容野は 2（x[t−1] と x[t]）です。"""
# why.en = """\
# The 1 for the current time step is missing: one layer with k = 2, d = 1 already sees 2 \
# steps (x[t−1] and x[t])."""
#
# [[wrong]]
# blank = 3
# answer = "kernel_size * sum(dilations)"
# source = "common"
# why.ja = """\
# 各層が広げるのは k·d_l ではなく (k−1)·d_l 時刻です（k 個のタップの間隔は k−1 個）。\
# それに現在の時刻の 1 を足します。"""
# why.en = """\
# Each layer widens the field by (k−1)·d_l steps, not k·d_l (k taps have k−1 gaps), plus \
# 1 for the current step."""
#
# [[wrong]]
# blank = 3
# answer = "2 ** len(dilations)"
# source = "common"
# why.ja = """\
# k = 2 で dilation を 1, 2, 4, ... と倍にしたときだけ成り立つ値です。一般には \
# 1 + Σ (k−1)·d_l です。"""
# why.en = """\
# This holds only for k = 2 with dilations 1, 2, 4, ... doubling. In general it is \
# 1 + Σ (k−1)·d_l."""
#
# [[wrong]]
# blank = 3
# answer = "1 + (kernel_size - 1) * len(dilations)"
# source = "common"
# why.ja = """\
# dilation を無視した、普通の因果的畳み込みを積み重ねたときの受容野です（層の数に比例して\
# しか広がりません）。各層は (k−1)·d_l 時刻ずつ広げます。"""
# why.en = """\
# This is the field of a stack of plain causal convolutions, ignoring the dilations (it \
# grows only linearly with the depth). Each layer widens it by (k−1)·d_l steps."""
#
# [[accepted]]
# blank = 1
# answer = """\
# pad = (k - 1) * dilation
# xp = np.concatenate([np.zeros((N, pad)), x], axis=1)"""
#
# [[accepted]]
# blank = 1
# answer = """\
# pad = k * dilation
# xp = np.pad(x, ((0, 0), (pad, 0)))"""
#
# [[accepted]]
# blank = 2
# answer = "(k - 1 - i) * dilation"
#
# [[accepted]]
# blank = 3
# answer = "1 + sum((kernel_size - 1) * d for d in dilations)"
# ///
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


def causal_dilated_conv(x: np.ndarray, w: np.ndarray, dilation: int) -> np.ndarray:
    N, T = x.shape
    k = len(w)
    # BEGIN BLANK
    pad = (k - 1) * dilation
    xp = np.pad(x, ((0, 0), (pad, 0)))  # (N, pad + T)
    # END BLANK
    y = np.zeros((N, T))
    for i in range(k):
        start = pad - i * dilation  # BLANK: pad - i * dilation
        y += w[i] * xp[:, start:start + T]  # x[:, t - i * dilation] at time t, (N, T)
    return y  # (N, T)


def receptive_field(kernel_size: int, dilations: Sequence[int]) -> int:
    return 1 + (kernel_size - 1) * sum(dilations)  # BLANK: 1 + (kernel_size - 1) * sum(dilations)


if __name__ == "__main__":
    x = np.array([[1.0, 2, 3, 4, 5, 6]])
    print(causal_dilated_conv(x, np.array([1.0, 10, 100]), 2))  # [[1 2 13 24 135 246]]
    print(receptive_field(2, [2**l for l in range(10)]))  # 1024
