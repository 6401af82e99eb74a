# ============================================================================
# edrill · quantization · Day 4 Section 3 · 量子化 / Quantization
# 実数の重みを整数へ量子化する / Quantizing real weights to integers
#
# 【課題】
# 実数の配列 x を、スケール scale とゼロ点 zero_point を使って整数 [qmin, qmax] に
# 量子化する関数 quantize を完成させてください（既定は uint8 の 0〜255）。
# 空欄は q を求める 1 行で、x を scale 単位の最も近い整数に丸め、zero_point だけずらし、
# 表せる範囲 [qmin, qmax] に収めた値（float の配列）です。整数型への変換と、
# 逆変換 dequantize はすでに書かれています。
#
# [Task]
# Complete quantize, which maps a real array x to integers in [qmin, qmax] with a scale
# and a zero point (uint8, 0 to 255, by default). The blank is the line that sets q: x
# rounded to the nearest integer number of scale units, shifted by zero_point and limited
# to the representable range [qmin, qmax] (a float array). The conversion to an integer
# type and the inverse, dequantize, are given.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade quantization` で採点。ヒント: `grade hint quantization`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade quantization`. Hints: `grade hint quantization`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of quantization is not filled in yet")


def affine_params(x_min: float, x_max: float, qmin: int = 0,
                  qmax: int = 255) -> tuple[float, int]:
    """The scale and zero point that map [x_min, x_max] (containing 0) onto [qmin, qmax]."""
    scale = (x_max - x_min) / (qmax - qmin)
    zero_point = int(np.round(qmin - x_min / scale))
    return scale, zero_point


def quantize(x: np.ndarray, scale: float, zero_point: int, qmin: int = 0,
             qmax: int = 255) -> np.ndarray:
    # x (any shape) -> q (same shape), integers in [qmin, qmax]
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return q.astype(np.int64)


def dequantize(q: np.ndarray, scale: float, zero_point: int) -> np.ndarray:
    return scale * (q - zero_point)  # same shape as q, float64


if __name__ == "__main__":
    x = np.array([-1.0, -0.26, 0.0, 0.24, 0.5, 30.0])
    q = quantize(x, 0.1, 10)
    print(q)  # [  0   7  10  12  15 255]
    print(dequantize(q, 0.1, 10))  # [-1.  -0.3  0.   0.2  0.5  24.5]
