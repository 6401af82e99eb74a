# ============================================================================
# edrill · softmax · Day 1 Section 3 · 出力層（ソフトマックス関数） / The output layer: the softmax function
# オーバーフローしないソフトマックス関数 / A softmax that does not overflow
#
# 【課題】
# ソフトマックス関数を 2 か所完成させてください。x は 1 件なら (K,)、N 件なら (N, K) で、
# どちらでも最後の軸（クラスの軸）について計算します。
#   空欄 1: e^x がオーバーフローしないよう、各行から引いておく値（その行の最大値）。
#     引いた後も形がそろうように、(N, 1)（1-D なら (1,)）の形にします。
#   空欄 2: 分母（各行の e^x、つまり exp_x の和）。これも (N, 1) の形にします。
# 各行の出力は 0〜1 の値で、合計は 1 になります。x = 1000 のような大きな値でも NaN にしません。
#
# [Task]
# Complete the softmax function in two places. x is (K,) for one example or (N, K) for N
# examples; either way, work along the last axis (the classes).
#   Blank 1: the value subtracted from every row so that e^x cannot overflow (the row's
#     maximum), kept in the shape (N, 1) ((1,) for 1-D input) so that it lines up.
#   Blank 2: the denominator (the sum of e^x, i.e. exp_x, over the row), also of shape (N, 1).
# Every row of the output lies in 0 to 1 and sums to 1. Large values such as x = 1000 must
# not give NaN.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade softmax` で採点。ヒント: `grade hint softmax`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade softmax`. Hints: `grade hint softmax`
# ============================================================================
"""ソフトマックス関数 / The softmax function.

日本語
------
K クラスの出力層の活性化関数。入力の各行 x = (x_1, …, x_K) について

    softmax(x)_k = e^{x_k} / Σ_j e^{x_j}

出力は 0〜1 で、各行の和は 1（各クラスの確率）。
行ごとに定数 c を引いても値は変わらない: softmax(x − c) = softmax(x)。
そこで c = max_j x_j を引いてから指数を取り、e^{x_k} のオーバーフロー
（x = 1000 で e^1000 = inf、inf / inf = NaN）を防ぐ。

形状: x は (K,)（1 件）または (N, K)（N 件、各行が 1 件）。クラスの軸は最後の軸。
      行ごとの最大値と和は (N, 1)（1-D なら (1,)）。出力 y は x と同じ形の float64。

English
-------
The activation of a K-class output layer. For every row x = (x_1, …, x_K),

    softmax(x)_k = e^{x_k} / Σ_j e^{x_j}

The outputs lie in 0 to 1 and every row sums to 1 (the class probabilities).
Subtracting a constant c from a row does not change it: softmax(x − c) = softmax(x). So
c = max_j x_j is subtracted before the exponential, which prevents e^{x_k} from overflowing
(at x = 1000, e^1000 = inf and inf / inf = NaN).

Shapes: x is (K,) (one example) or (N, K) (N examples, one per row); the classes are the
        last axis. The row maxima and sums are (N, 1) ((1,) for 1-D). The output y is a
        float64 array of x's shape.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of softmax is not filled in yet")


def softmax(x: np.ndarray) -> np.ndarray:
    # x (N, K) or (K,)
    x = x - _blank(1)
    exp_x = np.exp(x)  # (N, K), every entry in (0, 1]
    sum_exp = _blank(2)
    return exp_x / sum_exp  # (N, K), every row sums to 1


if __name__ == "__main__":
    print(softmax(np.array([0.0, np.log(2.0), np.log(5.0)])))  # [0.125 0.25 0.625]
    print(softmax(np.array([[1000.0, 0.0], [0.0, 0.0]])))  # [[1. 0.] [0.5 0.5]]
