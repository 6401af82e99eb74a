# ============================================================================
# edrill · sigmoid · Day 1 Section 2 · 活性化関数（シグモイド関数とその微分） / Activation functions: the sigmoid and its derivative
# シグモイド関数とその導関数 / The sigmoid function and its derivative
#
# 【課題】
# 2 か所を完成させてください。
#   空欄 1（sigmoid）: シグモイド関数 σ(x) の値を返します。
#   空欄 2（d_sigmoid）: σ の導関数 σ'(x) の値を、すでにある sigmoid を使って返します。
# どちらも要素ごとの計算で、x と同じ形の float64 配列を返します（x は任意の形）。
# |x| が 1000 のような大きな値でも、結果が NaN にならないようにします。
#
# [Task]
# Complete two places.
#   Blank 1 (sigmoid): return the sigmoid σ(x).
#   Blank 2 (d_sigmoid): return its derivative σ'(x), using the sigmoid function above.
# Both work element by element and return a float64 array of x's shape (x of any shape).
# The result must not be NaN even for large |x| such as 1000.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade sigmoid` で採点。ヒント: `grade hint sigmoid`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade sigmoid`. Hints: `grade hint sigmoid`
# ============================================================================
"""シグモイド関数とその導関数 / The sigmoid function and its derivative.

日本語
------
シグモイド関数（ロジスティック関数）は実数を 0〜1 に写す活性化関数:

    σ(x) = 1 / (1 + e^(−x))
    σ'(x) = dσ/dx = (1 − σ(x)) σ(x)

σ(0) = 0.5、σ'(0) = 0.25（導関数の最大値）。|x| が大きいと σ'(x) → 0
（勾配消失の原因）。要素ごとの計算で、e^(−x) の形なら x = −1000 でも分母が inf に
なるだけで結果は 0（NaN にならない）。

形状: x は任意の形（スカラー、(N,)、(N, H) など）の float64 配列。
      sigmoid(x) と d_sigmoid(x) は x と同じ形の float64 配列。

English
-------
The sigmoid (logistic) function maps a real number into 0 to 1:

    σ(x) = 1 / (1 + e^(−x))
    σ'(x) = dσ/dx = (1 − σ(x)) σ(x)

σ(0) = 0.5 and σ'(0) = 0.25 (the derivative's maximum). For large |x|, σ'(x) → 0 (the
cause of vanishing gradients). Element by element; with e^(−x), x = −1000 only makes the
denominator inf and the result 0 (not NaN).

Shapes: x is a float64 array of any shape (a scalar, (N,), (N, H), ...).
        sigmoid(x) and d_sigmoid(x) are float64 arrays of x's shape.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of sigmoid is not filled in yet")


def sigmoid(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):  # e^(-x) = inf for x ≪ 0 gives 1 / inf = 0
        return _blank(1)


def d_sigmoid(x: np.ndarray) -> np.ndarray:
    return _blank(2)


if __name__ == "__main__":
    print(sigmoid(np.array([0.0, np.log(3.0), -1000.0, 1000.0])))  # [0.5 0.75 0. 1.]
    print(d_sigmoid(np.array([0.0])))  # [0.25]
