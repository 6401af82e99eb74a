# /// exercise
# id = "affine_backward"
# day = 1
# section = 5
# points = 10
# requires = ["affine_forward"]
# topic = { ja = "誤差逆伝播法（Affine レイヤ）", en = "Backpropagation through an Affine layer" }
# title = { ja = "Affine レイヤの逆伝播", en = "The backward pass of the Affine layer" }
# instructions.ja = """
# 全結合層 Affine（u = xW + b）の逆伝播 backward を完成させてください。
# 上流から来た勾配 dout から、
#   空欄 1: 入力の勾配 dx（戻り値）
#   空欄 2: 重みの勾配 self.dW
#   空欄 3: バイアスの勾配 self.db
# を求めます。順伝播で保存した self.x と重み self.W を使えます。
# 形状は docstring のとおり（行形式: x (N, D)、W (D, M)）です。
# """
# instructions.en = """
# Complete the backward pass of the fully connected layer Affine (u = xW + b).
# From the upstream gradient dout compute
#   blank 1: the gradient of the input, dx (the return value),
#   blank 2: the gradient of the weights, self.dW,
#   blank 3: the gradient of the bias, self.db.
# You may use self.x, saved by the forward pass, and the weights self.W.
# Shapes are as in the docstring (row form: x (N, D), W (D, M)).
# """
#
# [[hints]]
# ja = "各勾配の形は、対応する変数の形と同じです: dx は (N, D)、dW は (D, M)、db は (M,)。"
# en = "Each gradient has the shape of its variable: dx is (N, D), dW is (D, M), db is (M,)."
#
# [[hints]]
# ja = """\
# 形を合わせるように行列積を組み立てます。(N, M) の dout から (N, D) を作るには、\
# (M, D) の行列を右から掛けます。(D, M) を作るには、(D, N) の行列を左から掛けます。"""
# en = """\
# Build each matrix product so the shapes fit. To turn the (N, M) dout into (N, D), \
# multiply by an (M, D) matrix on the right; to make (D, M), multiply by a (D, N) \
# matrix on the left."""
#
# [[hints]]
# ja = """\
# dx は dout と W の転置の積、dW は x の転置と dout の積です。\
# バイアスは N 個のデータすべてに足されたので、db は dout をバッチ方向（axis=0）に合計します。"""
# en = """\
# dx is dout times the transpose of W; dW is the transpose of x times dout. The bias was \
# added to all N rows, so db sums dout over the batch (axis=0)."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(dout, self.W)"
# source = "common"
# why.ja = """\
# W を転置していません。dout (N, M) と W (D, M) は M ≠ D なら掛けられず（形が合わずエラー）、\
# 掛けられても正しい勾配になりません。W の転置 (M, D) を右から掛けます。"""
# why.en = """\
# W is not transposed: dout (N, M) and W (D, M) cannot be multiplied unless M == D (a \
# shape error), and even then the result is not the gradient. Multiply by W's transpose \
# (M, D) on the right."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(self.W.T, dout)"
# source = "common"
# why.ja = """\
# 掛ける順序が逆です。W.T (M, D) と dout (N, M) は D ≠ N なら掛けられません。\
# 行形式では dout を左、W の転置を右に置きます。"""
# why.en = """\
# The order of the product is reversed: W.T (M, D) times dout (N, M) fails unless D == N. \
# In row form dout goes on the left and W's transpose on the right."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(self.x.T, dout)"
# source = "common"
# why.ja = """\
# それは重みの勾配 dW (D, M) です。入力の勾配 dx (N, D) は dout に W の転置を掛けて求めます。"""
# why.en = """\
# That is the weights' gradient dW (D, M). The input's gradient dx (N, D) is dout times \
# W's transpose."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(dout.T, self.x)"
# source = "common"
# why.ja = """\
# dW の転置 (M, D) になっています。dW は W と同じ (D, M) でなければなりません。\
# x の転置を左、dout を右に置きます。"""
# why.en = """\
# That is the transpose of dW, (M, D); dW must have W's shape (D, M). Put x's transpose \
# on the left and dout on the right."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(self.x, dout)"
# source = "common"
# why.ja = """\
# x を転置していません。x (N, D) と dout (N, M) は D ≠ N なら掛けられません。\
# バッチ方向 N について和をとるよう、x の転置 (D, N) を使います。"""
# why.en = """\
# x is not transposed: x (N, D) times dout (N, M) fails unless D == N. Use x's transpose \
# (D, N), so the product sums over the batch N."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(self.x.T, dout) / dout.shape[0]"
# source = "common"
# why.ja = """\
# バッチサイズで割る必要はありません。平均をとる 1/N は損失（SoftmaxWithLoss）の逆伝播で\
# すでに dout に含まれています。ここで割ると二重に割ることになります。"""
# why.en = """\
# Do not divide by the batch size: the 1/N of the mean is already in dout, from the \
# backward pass of the loss (SoftmaxWithLoss). Dividing here divides twice."""
#
# [[wrong]]
# blank = 3
# answer = "np.sum(dout, axis=1)"
# source = "common"
# why.ja = """\
# 軸が違います。axis=1 は出力方向の和で (N,) になります。\
# バイアスは N 個のデータに共通なので、バッチ方向 axis=0 で合計して (M,) にします。"""
# why.en = """\
# Wrong axis: axis=1 sums over the outputs and gives (N,). The bias is shared by all N \
# rows, so sum over the batch, axis=0, to get (M,)."""
#
# [[wrong]]
# blank = 3
# answer = "np.sum(dout)"
# source = "common"
# why.ja = """\
# 軸を指定しないとすべての要素の和（スカラー）になります。db は b と同じ (M,) です。"""
# why.en = """\
# Without an axis this sums every entry into a scalar. db has b's shape (M,)."""
#
# [[wrong]]
# blank = 3
# answer = "np.mean(dout, axis=0)"
# source = "common"
# why.ja = """\
# 平均ではなく和です。バイアスは N 個のデータそれぞれに足されたので、\
# 各データの勾配がそのまま足し合わされます。"""
# why.en = """\
# A sum, not a mean: the bias was added to each of the N rows, so their gradients add up."""
#
# [[wrong]]
# blank = 3
# answer = "dout[0]"
# source = "common"
# why.ja = """\
# 最初のデータの勾配だけです。バイアスは N 個すべてに足されたので、全データの勾配を合計します。"""
# why.en = """\
# Only the first row's gradient. The bias was added to all N rows: sum all their gradients."""
#
# [[accepted]]
# blank = 1
# answer = "dout @ self.W.T"
#
# [[accepted]]
# blank = 1
# answer = "np.dot(self.W, dout.T).T"
#
# [[accepted]]
# blank = 2
# answer = "self.x.T @ dout"
#
# [[accepted]]
# blank = 2
# answer = "np.dot(dout.T, self.x).T"
#
# [[accepted]]
# blank = 3
# answer = "dout.sum(axis=0)"
#
# [[accepted]]
# blank = 3
# answer = "np.ones(dout.shape[0]).dot(dout)"
# ///
"""Affine レイヤの逆伝播 / The backward pass of the Affine layer.

日本語
------
ゼロから作る Deep Learning の Affine レイヤ（行形式）。

    順伝播:  u = x W + b                      （b は N 行すべてに足される）
    逆伝播:  ∂L/∂x = (∂L/∂u) Wᵀ
             ∂L/∂W = xᵀ (∂L/∂u)
             ∂L/∂b = Σ_n (∂L/∂u)_n            （バッチ方向の和）

形状:
    x (N, D)       入力（N はバッチサイズ）。forward が self.x に保存する
    W (D, M)       重み（行形式: 入力 D → 出力 M）
    b (M,)         バイアス
    u (N, M)       forward の戻り値
    dout (N, M)    上流からの勾配 ∂L/∂u
    dx (N, D)      backward の戻り値 ∂L/∂x
    self.dW (D, M), self.db (M,)

English
-------
The Affine layer of Deep Learning from Scratch (row form).

    forward:   u = x W + b                    (b is added to all N rows)
    backward:  ∂L/∂x = (∂L/∂u) Wᵀ
               ∂L/∂W = xᵀ (∂L/∂u)
               ∂L/∂b = Σ_n (∂L/∂u)_n          (a sum over the batch)

Shapes:
    x (N, D)       input (N is the batch size); forward keeps it in self.x
    W (D, M)       weights (row form: D inputs → M outputs)
    b (M,)         bias
    u (N, M)       forward's return value
    dout (N, M)    the upstream gradient ∂L/∂u
    dx (N, D)      backward's return value ∂L/∂x
    self.dW (D, M), self.db (M,)
"""

import numpy as np


class Affine:
    def __init__(self, W: np.ndarray, b: np.ndarray) -> None:
        self.W = W  # (D, M)
        self.b = b  # (M,)
        self.x: np.ndarray | None = None  # (N, D), kept by forward
        self.dW: np.ndarray | None = None  # (D, M)
        self.db: np.ndarray | None = None  # (M,)

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.x = x  # (N, D)
        out = np.dot(x, self.W) + self.b  # (N, M)
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        dx = np.dot(dout, self.W.T)  # BLANK: np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)  # BLANK: np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)  # BLANK: np.sum(dout, axis=0)
        return dx  # (N, D)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    layer = Affine(rng.standard_normal((3, 4)), np.zeros(4))  # D = 3, M = 4
    out = layer.forward(rng.standard_normal((2, 3)))  # (2, 4)
    dx = layer.backward(np.ones_like(out))
    print(dx.shape, layer.dW.shape, layer.db)  # (2, 3) (3, 4) [2. 2. 2. 2.]
