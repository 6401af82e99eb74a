# /// exercise
# id = "softmax_with_loss_backward"
# day = 1
# section = 3
# points = 10
# requires = ["softmax", "cross_entropy"]
# topic.ja = "出力層（ソフトマックス関数と交差エントロピー誤差の逆伝播）"
# topic.en = "Output layer: backpropagation through softmax with cross-entropy"
# title = { ja = "SoftmaxWithLoss の逆伝播", en = "The backward pass of SoftmaxWithLoss" }
# instructions.ja = """
# ソフトマックス関数と交差エントロピー誤差をまとめた出力層 SoftmaxWithLoss の
# 逆伝播 backward を完成させてください。空欄は、損失 L をソフトマックスへの入力 x で
# 微分した勾配 dx (N, K) です。順伝播で保存した出力 self.y と one-hot の教師データ
# self.d、変数 batch_size を使えます。損失はミニバッチの平均です。
# """
# instructions.en = """
# Complete the backward pass of SoftmaxWithLoss, the output layer that combines softmax
# and the cross-entropy error. The blank is the gradient dx (N, K) of the loss L with
# respect to the softmax's input x. You may use the output self.y and the one-hot labels
# self.d saved by the forward pass, and the variable batch_size. The loss is the mean over
# the mini-batch.
# """
#
# [[hints]]
# ja = """\
# データ 1 個なら、ソフトマックスと交差エントロピー誤差を合わせた微分は\
# 「出力 − 教師データ」というきれいな形になります。"""
# en = """\
# For a single example, the derivative of softmax followed by the cross-entropy error is \
# the tidy "output minus label"."""
#
# [[hints]]
# ja = """\
# 損失はミニバッチ N 個の平均なので、データ 1 個あたりの勾配は 1/N 倍されます。"""
# en = """\
# The loss is the mean over the N examples of the mini-batch, so each example's \
# gradient is scaled by 1/N."""
#
# [[hints]]
# ja = "self.y から self.d を引き、batch_size で割ります。"
# en = "Subtract self.d from self.y and divide by batch_size."
#
# [[wrong]]
# blank = 1
# answer = "self.y - self.d"
# source = "common"
# why.ja = """\
# バッチサイズで割っていません。損失はミニバッチの平均なので、勾配も 1/N 倍になります。"""
# why.en = """\
# Not divided by the batch size. The loss is the mean over the mini-batch, so the \
# gradient is scaled by 1/N as well."""
#
# [[wrong]]
# blank = 1
# answer = "(self.d - self.y) / batch_size"
# source = "common"
# why.ja = """\
# 符号が逆です。正解クラスの出力を大きくすると損失は減るので、その勾配は負、\
# つまり y − d の向きです。"""
# why.en = """\
# The sign is reversed. Raising the correct class's output lowers the loss, so its \
# gradient is negative: the direction is y − d."""
#
# [[wrong]]
# blank = 1
# answer = "(self.y - self.d) / self.y.shape[1]"
# source = "common"
# why.ja = """\
# クラス数 K で割っています。平均をとったのはデータ数 N（shape[0]）についてです。"""
# why.en = """\
# This divides by the number of classes K. The mean was taken over the N examples \
# (shape[0])."""
#
# [[wrong]]
# blank = 1
# answer = "(self.y - self.d) * batch_size"
# source = "common"
# why.ja = """\
# バッチサイズを掛けています。平均の微分なので、N で割ります。"""
# why.en = """\
# This multiplies by the batch size. The derivative of a mean divides by N."""
#
# [[wrong]]
# blank = 1
# answer = "self.y / batch_size"
# source = "common"
# why.ja = """\
# 教師データを引いていません。正解クラスでは y − 1、それ以外では y が勾配の分子です。"""
# why.en = """\
# The labels are not subtracted: the numerator is y − 1 for the correct class and y for \
# the others."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(self.y - self.d, axis=0) / batch_size"
# source = "common"
# why.ja = """\
# バッチ方向に合計しています。dx は入力 x と同じ (N, K) で、データごとの勾配が並びます。"""
# why.en = """\
# This sums over the batch. dx has x's shape (N, K): one gradient row per example."""
#
# [[wrong]]
# blank = 1
# answer = "self.y * (1 - self.y) / batch_size"
# source = "common"
# why.ja = """\
# それはソフトマックスの対角成分（シグモイドの微分の形）だけです。交差エントロピー誤差と\
# 合わせると、微分は y − d になります。"""
# why.en = """\
# That is only the diagonal of the softmax's Jacobian (the sigmoid-derivative form). \
# Combined with the cross-entropy error the derivative becomes y − d."""
#
# [[accepted]]
# blank = 1
# answer = "(self.y - self.d) / self.y.shape[0]"
#
# [[accepted]]
# blank = 1
# answer = "(self.y - self.d) / len(self.d)"
#
# [[accepted]]
# blank = 1
# answer = "self.y / batch_size - self.d / batch_size"
# ///
"""SoftmaxWithLoss の逆伝播 / The backward pass of SoftmaxWithLoss.

日本語
------
出力層: ソフトマックス関数のあとに交差エントロピー誤差（ミニバッチ平均）。

    y_{nk} = exp(x_{nk}) / Σ_j exp(x_{nj})
    L = -(1/N) Σ_n Σ_k d_{nk} log y_{nk}          （d は one-hot の教師データ）
    ∂L/∂x_{nk} = (y_{nk} - d_{nk}) / N

形状:
    x (N, K)       ソフトマックスへの入力（N はバッチサイズ、K はクラス数）
    d (N, K)       one-hot の教師データ（順伝播が self.d に保存）
    y (N, K)       ソフトマックスの出力（順伝播が self.y に保存）
    loss           スカラー（float）
    dout           スカラー（上流からの勾配、通常 1）
    dx (N, K)      backward の戻り値 ∂L/∂x

損失関数は講座の形に合わせて教師データを先に受け取る: cross_entropy_error(d, y)。

English
-------
The output layer: softmax followed by the cross-entropy error (mean over the mini-batch).

    y_{nk} = exp(x_{nk}) / Σ_j exp(x_{nj})
    L = -(1/N) Σ_n Σ_k d_{nk} log y_{nk}          (d: one-hot labels)
    ∂L/∂x_{nk} = (y_{nk} - d_{nk}) / N

Shapes:
    x (N, K)       the softmax's input (N the batch size, K the number of classes)
    d (N, K)       one-hot labels (kept by forward in self.d)
    y (N, K)       the softmax's output (kept by forward in self.y)
    loss           a scalar (float)
    dout           a scalar (the upstream gradient, usually 1)
    dx (N, K)      backward's return value ∂L/∂x

The loss helper takes the label first, as in the course: cross_entropy_error(d, y).
"""

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - np.max(x, axis=-1, keepdims=True)  # against overflow
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)  # (N, K)


def cross_entropy_error(d: np.ndarray, y: np.ndarray) -> float:
    batch_size = y.shape[0]
    return float(-np.sum(d * np.log(y + 1e-7)) / batch_size)


class SoftmaxWithLoss:
    def __init__(self) -> None:
        self.loss: float | None = None
        self.y: np.ndarray | None = None  # (N, K), softmax output
        self.d: np.ndarray | None = None  # (N, K), one-hot labels

    def forward(self, x: np.ndarray, d: np.ndarray) -> float:
        self.d = d
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.d, self.y)
        return self.loss

    def backward(self, dout: float = 1.0) -> np.ndarray:
        batch_size = self.d.shape[0]
        dx = (self.y - self.d) / batch_size  # BLANK: (self.y - self.d) / batch_size
        return dx * dout  # (N, K)


if __name__ == "__main__":
    layer = SoftmaxWithLoss()
    d = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])  # N = 2, K = 3
    print(layer.forward(np.zeros((2, 3)), d))  # log 3 ≈ 1.0986
    print(layer.backward())  # [[-1/3, 1/6, 1/6], [1/6, 1/6, -1/3]]
