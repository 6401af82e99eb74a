# ============================================================================
# edrill · weight_init · Day 2 Section 1 · 勾配消失問題（重みの初期値: Xavier・He） / Vanishing gradients: weight initialization (Xavier, He)
# Xavier と He の初期値 / Xavier and He initialization
#
# 【課題】
# 重みの初期値を作る 2 つの関数を完成させてください。
#   空欄 1（xavier_init）: 標準正規分布の乱数で (n_in, n_out) の行列を作り、
#     標準偏差が 1 / √n_in になるようにします（講座の Xavier の初期値、シグモイドや tanh 向け）。
#   空欄 2（he_init）: 同じく (n_in, n_out) で、標準偏差が √(2 / n_in) になるようにします
#     （He の初期値、ReLU 向け）。
# n_in は前の層のノード数（入力側）、n_out は次の層のノード数です。
# 乱数は必ず引数の rng（numpy.random.Generator）から作ってください。
#
# [Task]
# Complete the two functions that make initial weights.
#   Blank 1 (xavier_init): draw an (n_in, n_out) matrix from the standard normal
#     distribution and scale it to standard deviation 1 / √n_in (the course's Xavier
#     initialization, for sigmoid and tanh).
#   Blank 2 (he_init): the same (n_in, n_out) shape with standard deviation √(2 / n_in)
#     (He initialization, for ReLU).
# n_in is the number of nodes of the previous layer (the input side), n_out that of the
# next layer. Draw every random number from the argument rng (a numpy.random.Generator).
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade weight_init` で採点。ヒント: `grade hint weight_init`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade weight_init`. Hints: `grade hint weight_init`
# ============================================================================
"""重みの初期値（Xavier・He）/ Weight initialization (Xavier, He).

日本語
------
各出力 u_j = Σ_i x_i W_ij は n_in 個の項の和なので、重みの分散を n_in に合わせないと
層を重ねるたびに活性化の分布が広がるか縮み、勾配消失の原因になる。重みは平均 0 の
正規分布から作り、標準偏差 σ を次のようにする:

    Xavier（講座・ゼロから作る Deep Learning の形）:  σ = 1 / √n_in     （sigmoid, tanh 向け）
    He:                                               σ = √(2 / n_in)   （ReLU 向け）

    W_ij = σ · z_ij,   z_ij ~ N(0, 1)

注意: Glorot と Bengio の論文の Xavier（Glorot）の初期値は σ = √(2 / (n_in + n_out))。
この演習では講座の形 1 / √n_in を使う。He の 2 は、ReLU が入力の負の半分を 0 にして
分散を半分にする分を補う係数。

形状: n_in（前の層のノード数）、n_out（次の層のノード数）は int、rng は
numpy.random.Generator、戻り値 W は float64 の (n_in, n_out)（行形式、x (N, n_in) @ W）。
乱数は rng からだけ作る（同じシードの rng からは同じ重みができる）。

English
-------
Each output u_j = Σ_i x_i W_ij is a sum of n_in terms, so unless the weights' variance
is matched to n_in, the activations spread out or shrink layer after layer, one cause of
vanishing gradients. The weights are drawn from a normal distribution with mean 0 and
standard deviation σ:

    Xavier (the course's and Deep Learning from Scratch's form):  σ = 1 / √n_in
                                                                   (for sigmoid, tanh)
    He:                                                            σ = √(2 / n_in)  (ReLU)

    W_ij = σ · z_ij,   z_ij ~ N(0, 1)

Note: the Xavier (Glorot) initialization of Glorot and Bengio's paper is
σ = √(2 / (n_in + n_out)); this exercise uses the course's 1 / √n_in. He's factor 2 makes
up for ReLU zeroing the negative half of its input, which halves the variance.

Shapes: n_in (the previous layer's size) and n_out (the next layer's size) are ints, rng
is a numpy.random.Generator, and W is a float64 (n_in, n_out) array (row form,
x (N, n_in) @ W). All randomness comes from rng (the same seed gives the same weights).
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of weight_init is not filled in yet")


def xavier_init(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return W  # (n_in, n_out), std 1 / √n_in


def he_init(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return W  # (n_in, n_out), std √(2 / n_in)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    W = xavier_init(100, 900, rng)
    print(W.shape, W.std())  # (100, 900) ≈ 0.1
    W = he_init(100, 900, rng)
    print(W.shape, W.std())  # (100, 900) ≈ 0.141
