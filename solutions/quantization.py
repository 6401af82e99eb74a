# /// exercise
# id = "quantization"
# day = 4
# section = 3
# points = 10
# topic = { ja = "量子化", en = "Quantization" }
# title = { ja = "実数の重みを整数へ量子化する", en = "Quantizing real weights to integers" }
# instructions.ja = """
# 実数の配列 x を、スケール scale とゼロ点 zero_point を使って整数 [qmin, qmax] に
# 量子化する関数 quantize を完成させてください（既定は uint8 の 0〜255）。
# 空欄は q を求める 1 行で、x を scale 単位の最も近い整数に丸め、zero_point だけずらし、
# 表せる範囲 [qmin, qmax] に収めた値（float の配列）です。整数型への変換と、
# 逆変換 dequantize はすでに書かれています。
# """
# instructions.en = """
# Complete quantize, which maps a real array x to integers in [qmin, qmax] with a scale
# and a zero point (uint8, 0 to 255, by default). The blank is the line that sets q: x
# rounded to the nearest integer number of scale units, shifted by zero_point and limited
# to the representable range [qmin, qmax] (a float array). The conversion to an integer
# type and the inverse, dequantize, are given.
# """
#
# [[hints]]
# ja = """\
# 量子化は x ≈ scale · (q − zero_point) となる整数 q を選ぶことです。この式を q について\
# 解いてみましょう。"""
# en = """\
# Quantizing picks the integer q with x ≈ scale · (q − zero_point). Solve that for q."""
#
# [[hints]]
# ja = """\
# x / scale を最も近い整数に丸めるのは np.round です（np.floor は切り捨てで、誤差が\
# 最大 1 目盛りになります）。丸めてから zero_point を足します。"""
# en = """\
# np.round rounds x / scale to the nearest integer (np.floor rounds down, with errors of up \
# to a whole step). Round first, then add zero_point."""
#
# [[hints]]
# ja = """\
# 範囲外の値は np.clip(値, qmin, qmax) で端の整数に張り付けます（飽和）。"""
# en = """\
# Out-of-range values saturate at the ends: np.clip(value, qmin, qmax)."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(np.floor(x / scale) + zero_point, qmin, qmax)"
# source = "common"
# why.ja = """\
# np.floor は切り捨てなので、誤差が最大で 1 目盛り（scale）になります。最も近い整数に\
# 丸める（np.round）と誤差は scale / 2 以下です。"""
# why.en = """\
# np.floor rounds down, so the error can reach a whole step (scale). Rounding to the \
# nearest integer (np.round) keeps it within scale / 2."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(np.ceil(x / scale) + zero_point, qmin, qmax)"
# source = "common"
# why.ja = """\
# np.ceil は切り上げなので、誤差が最大で 1 目盛り（scale）になります。最も近い整数に\
# 丸めます（np.round）。"""
# why.en = """\
# np.ceil rounds up, so the error can reach a whole step (scale). Round to the nearest \
# integer (np.round)."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(x / scale + zero_point, qmin, qmax)"
# source = "common"
# why.ja = """\
# 丸めていません。整数型への変換 astype は 0 の方向へ切り捨てるので、誤差が最大 1 目盛りに\
# なります。np.round で最も近い整数に丸めます。"""
# why.en = """\
# Nothing is rounded: the conversion with astype truncates towards 0, with errors of up to \
# a whole step. Round to the nearest integer with np.round."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.round(x / scale) + zero_point"
# source = "common"
# why.ja = """\
# 範囲 [qmin, qmax] に収めていません。範囲外の値は表せない整数になる（uint8 なら桁あふれ\
# する）ので、np.clip で端に張り付けます。"""
# why.en = """\
# The result is not limited to [qmin, qmax]: out-of-range values become integers the type \
# cannot hold (they would wrap around in uint8). Saturate them with np.clip."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(np.round(x * scale) + zero_point, qmin, qmax)"
# source = "common"
# why.ja = """\
# scale は 1 目盛りの実数の大きさです。目盛りの数にするには scale で割ります。"""
# why.en = """\
# scale is the real size of one step; divide by it to count steps."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(np.round(x / scale), qmin, qmax)"
# source = "common"
# why.ja = """\
# ゼロ点 zero_point を足していません。実数の 0 は整数の zero_point に対応します\
# （非対称量子化）。"""
# why.en = """\
# zero_point is not added: the real 0 maps to the integer zero_point (asymmetric \
# quantization)."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(np.round(x / scale) - zero_point, qmin, qmax)"
# source = "common"
# why.ja = """\
# ゼロ点の符号が逆です。逆変換が x = scale · (q − zero_point) なので、量子化では足します。"""
# why.en = """\
# The zero point has the wrong sign: dequantizing is x = scale · (q − zero_point), so \
# quantizing adds it."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.round(np.clip(x / scale, qmin, qmax)) + zero_point"
# source = "common"
# why.ja = """\
# ゼロ点を足す前に切り詰めているので、範囲が zero_point だけずれ、結果が [qmin, qmax] を\
# はみ出します。最後に np.clip します。"""
# why.en = """\
# This clips before the zero point is added, so the range is shifted by zero_point and \
# the result leaves [qmin, qmax]. Clip last."""
#
# [[wrong]]
# blank = 1
# answer = "q = np.clip(np.round(x / scale) + zero_point, 0, 255)"
# source = "common"
# why.ja = """\
# 範囲を uint8 の 0〜255 に決め打ちしています。int8（−128〜127）などでも使えるよう、\
# 引数の qmin, qmax を使います。"""
# why.en = """\
# The range is hard-coded to uint8's 0 to 255. Use the arguments qmin and qmax, so that \
# int8 (−128 to 127) and other types work."""
#
# [[accepted]]
# blank = 1
# answer = "q = np.clip(np.round(x / scale + zero_point), qmin, qmax)"
#
# [[accepted]]
# blank = 1
# answer = "q = np.minimum(np.maximum(np.rint(x / scale) + zero_point, qmin), qmax)"
#
# [[accepted]]
# blank = 1
# answer = "q = (np.round(x / scale) + zero_point).clip(qmin, qmax)"
# ///
"""実数の重みを整数へ量子化する / Quantizing real weights to integers.

日本語
------
アフィン（非対称）量子化: 実数 x をスケール s > 0 とゼロ点 z（整数）で整数 q に写す。

    q = clip( round(x / s) + z, q_min, q_max )      （量子化、round は最も近い整数）
    x̂ = s · (q − z)                                  （逆量子化）

表せる範囲 s·(q_min − z) ≤ x ≤ s·(q_max − z) の中では誤差 |x̂ − x| ≤ s / 2、範囲の外では
q は q_min か q_max に張り付く（飽和）。ちょうど半分（x / s が整数 + 0.5）のときの丸め方は
問わない。s と z は x の範囲 [x_min, x_max] から決める（affine_params）:
s = (x_max − x_min) / (q_max − q_min)、z = round(q_min − x_min / s)。
float32（4 バイト）を uint8 / int8（1 バイト）にすればメモリは 1/4 になる。

形: x は任意の形（例: 重み (D, H)）の float64、scale は float、zero_point, qmin, qmax は int
（既定は uint8 の 0, 255）。quantize は x と同じ形の int64 配列を、dequantize は float64 を返す。

English
-------
Affine (asymmetric) quantization maps a real x to an integer q with a scale s > 0 and an
integer zero point z:

    q = clip( round(x / s) + z, q_min, q_max )      (quantize; round to the nearest)
    x̂ = s · (q − z)                                  (dequantize)

Within the representable range s·(q_min − z) ≤ x ≤ s·(q_max − z) the error is
|x̂ − x| ≤ s / 2; outside it q saturates at q_min or q_max. How an exact half
(x / s = integer + 0.5) is rounded does not matter. s and z come from the range
[x_min, x_max] of x (affine_params): s = (x_max − x_min) / (q_max − q_min),
z = round(q_min − x_min / s). Going from float32 (4 bytes) to uint8 / int8 (1 byte) cuts
the memory to a quarter.

Shapes: x is a float64 array of any shape (e.g. a weight (D, H)); scale is a float;
zero_point, qmin and qmax are ints (uint8's 0 and 255 by default). quantize returns an
int64 array of x's shape, dequantize a float64 one.
"""

import numpy as np


def affine_params(x_min: float, x_max: float, qmin: int = 0,
                  qmax: int = 255) -> tuple[float, int]:
    """The scale and zero point that map [x_min, x_max] (containing 0) onto [qmin, qmax]."""
    scale = (x_max - x_min) / (qmax - qmin)
    zero_point = int(np.round(qmin - x_min / scale))
    return scale, zero_point


def quantize(x: np.ndarray, scale: float, zero_point: int, qmin: int = 0,
             qmax: int = 255) -> np.ndarray:
    # x (any shape) -> q (same shape), integers in [qmin, qmax]
    # BEGIN BLANK
    q = np.clip(np.round(x / scale) + zero_point, qmin, qmax)
    # END BLANK
    return q.astype(np.int64)


def dequantize(q: np.ndarray, scale: float, zero_point: int) -> np.ndarray:
    return scale * (q - zero_point)  # same shape as q, float64


if __name__ == "__main__":
    x = np.array([-1.0, -0.26, 0.0, 0.24, 0.5, 30.0])
    q = quantize(x, 0.1, 10)
    print(q)  # [  0   7  10  12  15 255]
    print(dequantize(q, 0.1, 10))  # [-1.  -0.3  0.   0.2  0.5  24.5]
