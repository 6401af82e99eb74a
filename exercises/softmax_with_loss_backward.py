# ============================================================================
# edrill · softmax_with_loss_backward · Day 1 Section 3 · 出力層（ソフトマックス関数と交差エントロピー誤差の逆伝播） / Output layer: backpropagation through softmax with cross-entropy
# SoftmaxWithLoss の逆伝播 / The backward pass of SoftmaxWithLoss
#
# 【課題】
# ソフトマックス関数と交差エントロピー誤差をまとめた出力層 SoftmaxWithLoss の
# 逆伝播 backward を完成させてください。空欄は、損失 L をソフトマックスへの入力 x で
# 微分した勾配 dx (N, K) です。順伝播で保存した出力 self.y と one-hot の教師データ
# self.d、変数 batch_size を使えます。損失はミニバッチの平均です。
#
# [Task]
# Complete the backward pass of SoftmaxWithLoss, the output layer that combines softmax
# and the cross-entropy error. The blank is the gradient dx (N, K) of the loss L with
# respect to the softmax's input x. You may use the output self.y and the one-hot labels
# self.d saved by the forward pass, and the variable batch_size. The loss is the mean over
# the mini-batch.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade softmax_with_loss_backward` で採点。ヒント: `grade hint softmax_with_loss_backward`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade softmax_with_loss_backward`. Hints: `grade hint softmax_with_loss_backward`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of softmax_with_loss_backward is not filled in yet")


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
        dx = _blank(1)
        return dx * dout  # (N, K)


if __name__ == "__main__":
    layer = SoftmaxWithLoss()
    d = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])  # N = 2, K = 3
    print(layer.forward(np.zeros((2, 3)), d))  # log 3 ≈ 1.0986
    print(layer.backward())  # [[-1/3, 1/6, 1/6], [1/6, 1/6, -1/3]]
