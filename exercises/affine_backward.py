# ============================================================================
# edrill · affine_backward · Day 1 Section 5 · 誤差逆伝播法（Affine レイヤ） / Backpropagation through an Affine layer
# Affine レイヤの逆伝播 / The backward pass of the Affine layer
#
# 【課題】
# 全結合層 Affine（u = xW + b）の逆伝播 backward を完成させてください。
# 上流から来た勾配 dout から、
#   空欄 1: 入力の勾配 dx（戻り値）
#   空欄 2: 重みの勾配 self.dW
#   空欄 3: バイアスの勾配 self.db
# を求めます。順伝播で保存した self.x と重み self.W を使えます。
# 形状は docstring のとおり（行形式: x (N, D)、W (D, M)）です。
#
# [Task]
# Complete the backward pass of the fully connected layer Affine (u = xW + b).
# From the upstream gradient dout compute
#   blank 1: the gradient of the input, dx (the return value),
#   blank 2: the gradient of the weights, self.dW,
#   blank 3: the gradient of the bias, self.db.
# You may use self.x, saved by the forward pass, and the weights self.W.
# Shapes are as in the docstring (row form: x (N, D), W (D, M)).
#
# 空欄 `_blank(N)` (3 箇所) を埋めて `grade affine_backward` で採点。ヒント: `grade hint affine_backward`
# Fill in the 3 blank(s) `_blank(N)`, then run `grade affine_backward`. Hints: `grade hint affine_backward`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of affine_backward is not filled in yet")


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
        dx = _blank(1)
        self.dW = _blank(2)
        self.db = _blank(3)
        return dx  # (N, D)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    layer = Affine(rng.standard_normal((3, 4)), np.zeros(4))  # D = 3, M = 4
    out = layer.forward(rng.standard_normal((2, 3)))  # (2, 4)
    dx = layer.backward(np.ones_like(out))
    print(dx.shape, layer.dW.shape, layer.db)  # (2, 3) (3, 4) [2. 2. 2. 2.]
