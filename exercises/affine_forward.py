# ============================================================================
# edrill · affine_forward · Day 1 Section 1 · 入力層〜中間層（総入力） / Input layer to hidden layer (the total input)
# 中間層の総入力 u を計算する / The total input u of a hidden layer
#
# 【課題】
# 入力 x、重み W、バイアス b から、中間層の総入力 u を計算する 1 行を完成させてください
# （講座の確認テスト「この式をパイソンで書け」の形）。
# 行形式です: x は (N, D)（1 件だけなら (D,)）、W は (D, H)、b は (H,)、u は (N, H)（または (H,)）。
# u の各行は、その行の入力と重みの積和にバイアスを足したものです。
#
# [Task]
# Complete the line that computes the total input u of a hidden layer from the input x,
# the weights W and the bias b (the course's check test "write this formula in Python").
# Row form: x is (N, D) (or (D,) for one example), W is (D, H), b is (H,), and u is (N, H)
# (or (H,)). Each row of u is the weighted sum of that row's inputs plus the bias.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade affine_forward` で採点。ヒント: `grade hint affine_forward`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade affine_forward`. Hints: `grade hint affine_forward`
# ============================================================================
"""入力層〜中間層の総入力 / The total input of a hidden layer.

日本語
------
入力 x の各成分に重みを掛けて足し合わせ、バイアスを足したものが中間層の総入力 u:

    u_j = Σ_i x_i w_ij + b_j        行列で書くと  u = xW + b（行形式）

講座の図では u = Wx + b（列形式）と書かれるが、ここではゼロから作る Deep Learning と
同じ行形式で、入力を行ベクトルとして並べる。

形状:
    x (N, D)   N 件の入力（1 件だけなら (D,)）
    W (D, H)   重み（入力の次元 D → 中間層のユニット数 H）
    b (H,)     バイアス（各行にブロードキャストされる）
    u (N, H)   総入力（x が (D,) なら (H,)）

English
-------
The total input u of a hidden layer: the weighted sum of the inputs plus the bias,

    u_j = Σ_i x_i w_ij + b_j        in matrix form  u = xW + b (row form)

The course's figure writes u = Wx + b (column form); here, as in Deep Learning from
Scratch, the inputs are row vectors.

Shapes:
    x (N, D)   N examples (or (D,) for one example)
    W (D, H)   weights (input size D → H hidden units)
    b (H,)     bias (broadcast to every row)
    u (N, H)   total input ((H,) when x is (D,))
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of affine_forward is not filled in yet")


def affine_forward(x: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    # x (N, D), W (D, H), b (H,)
    u = _blank(1)
    return u  # (N, H)


if __name__ == "__main__":
    x = np.array([1.0, 0.5])
    W = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    b = np.array([0.1, 0.2, 0.3])
    print(affine_forward(x, W, b))  # [0.3 0.7 1.1]
