# /// exercise
# id = "affine_forward"
# day = 1
# section = 1
# points = 10
# topic = { ja = "入力層〜中間層（総入力）", en = "Input layer to hidden layer (the total input)" }
# title = { ja = "中間層の総入力 u を計算する", en = "The total input u of a hidden layer" }
# instructions.ja = """
# 入力 x、重み W、バイアス b から、中間層の総入力 u を計算する 1 行を完成させてください
# （講座の確認テスト「この式をパイソンで書け」の形）。
# 行形式です: x は (N, D)（1 件だけなら (D,)）、W は (D, H)、b は (H,)、u は (N, H)（または (H,)）。
# u の各行は、その行の入力と重みの積和にバイアスを足したものです。
# """
# instructions.en = """
# Complete the line that computes the total input u of a hidden layer from the input x,
# the weights W and the bias b (the course's check test "write this formula in Python").
# Row form: x is (N, D) (or (D,) for one example), W is (D, H), b is (H,), and u is (N, H)
# (or (H,)). Each row of u is the weighted sum of that row's inputs plus the bias.
# """
#
# [[hints]]
# ja = """\
# u_j = Σ_i x_i w_ij + b_j です。i についての積和は、行列の積でまとめて計算できます。"""
# en = """\
# u_j = Σ_i x_i w_ij + b_j. The sum over i for every j is one matrix product."""
#
# [[hints]]
# ja = """\
# 形をそろえて考えます: (N, D) と (D, H) の積は (N, H) です。\
# 要素ごとの積 * ではなく、行列の積を使います。"""
# en = """\
# Think in shapes: (N, D) times (D, H) is (N, H). Use the matrix product, not the \
# element-wise *."""
#
# [[hints]]
# ja = """\
# np.dot の引数は x が先、W が後です。その結果に b を足すと、b は各行に\
# ブロードキャストされます。"""
# en = """\
# np.dot takes x first and W second. Add b to the result; it is broadcast to every row."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(W, x) + b"
# source = "common"
# why.ja = """\
# 講座の数式 u = Wx + b（列形式）をそのまま写すと W が先になりますが、ここは行形式で\
# W は (D, H)、x は (N, D) です。(D, H) と (N, D) は H = N でないと掛けられません。\
# x を先に置きます。"""
# why.en = """\
# Copying the course's formula u = Wx + b (column form) puts W first, but here the row form \
# has W (D, H) and x (N, D): (D, H) times (N, D) fails unless H == N. Put x first."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(x, W)"
# source = "common"
# why.ja = """\
# バイアス b が足されていません。総入力は重み付き和にバイアスを足したものです。"""
# why.en = """\
# The bias b is missing: the total input is the weighted sum plus the bias."""
#
# [[wrong]]
# blank = 1
# answer = "x * W + b"
# source = "common"
# why.ja = """\
# * は要素ごとの積で、積和（行列の積）になりません。(N, D) と (D, H) は形が合わず\
# ブロードキャストもできません。np.dot を使います。"""
# why.en = """\
# * is the element-wise product, not a sum of products: (N, D) and (D, H) do not even \
# broadcast. Use np.dot."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(x, W.T) + b"
# source = "common"
# why.ja = """\
# W はすでに (D, H) の行形式なので転置しません。W.T は (H, D) で、(N, D) とは\
# D = H でないと掛けられず、掛けられても別の重みになります。"""
# why.en = """\
# W is already (D, H) in row form: do not transpose it. W.T is (H, D), which multiplies \
# (N, D) only when D == H, and then it uses the wrong weights."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(x, W) * b"
# source = "common"
# why.ja = """\
# バイアスは掛けるのではなく足します。u = xW + b です。"""
# why.en = """\
# The bias is added, not multiplied: u = xW + b."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(x + b, W)"
# source = "common"
# why.ja = """\
# バイアスは重みを掛けた後に足します。b (H,) は出力側の大きさで、入力 x (N, D) には\
# 足せません（D = H のときも結果が違います）。"""
# why.en = """\
# The bias is added after the weights: b (H,) has the size of the output and cannot be \
# added to the input x (N, D) (and when D == H the result is different)."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(np.dot(x, W), axis=0) + b"
# source = "common"
# why.ja = """\
# バッチ方向に足し合わせてはいけません。u は入力 1 件ごとに 1 行、(N, H) のままです。"""
# why.en = """\
# Do not sum over the batch: u keeps one row per example, (N, H)."""
#
# [[accepted]]
# blank = 1
# answer = "x @ W + b"
#
# [[accepted]]
# blank = 1
# answer = "x.dot(W) + b"
#
# [[accepted]]
# blank = 1
# answer = "b + np.dot(x, W)"
#
# [[accepted]]
# blank = 1
# answer = "np.matmul(x, W) + b"
# ///
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


def affine_forward(x: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    # x (N, D), W (D, H), b (H,)
    u = np.dot(x, W) + b  # BLANK: np.dot(x, W) + b
    return u  # (N, H)


if __name__ == "__main__":
    x = np.array([1.0, 0.5])
    W = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])
    b = np.array([0.1, 0.2, 0.3])
    print(affine_forward(x, W, b))  # [0.3 0.7 1.1]
