# ============================================================================
# edrill · grad_cam · Day 4 Section 8 · XAI（Grad-CAM） / Explainable AI: Grad-CAM
# Grad-CAM のヒートマップ / The Grad-CAM heat map
#
# 【課題】
# CNN の最後の畳み込み層の特徴マップ activations（形 (C, H, W)）と、対象クラスのスコアの
# その特徴マップについての勾配 grads（同じ形）から、Grad-CAM のヒートマップを求めます。
# 空欄 1 では、各チャネルの重み weights（形 (C,)）を、勾配の空間方向（高さと幅）の平均として
# 求めます。
# 空欄 2 では、特徴マップを weights で重み付けしてチャネル方向に足し合わせ、ReLU を通した
# ヒートマップ cam（形 (H, W)）を求めます。正規化や入力画像の大きさへの拡大はしません。
#
# [Task]
# From the feature maps activations (shape (C, H, W)) of a CNN's last convolutional layer
# and grads (the same shape), the gradient of the target class score with respect to those
# feature maps, compute the Grad-CAM heat map.
# Blank 1 computes weights (shape (C,)), one per channel: the mean of the gradient over the
# spatial axes (height and width).
# Blank 2 computes cam (shape (H, W)): the feature maps weighted by weights, summed over the
# channels, passed through a ReLU. Do not normalise it or resize it to the input image.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade grad_cam` で採点。ヒント: `grade hint grad_cam`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade grad_cam`. Hints: `grade hint grad_cam`
# ============================================================================
"""Grad-CAM のヒートマップ / The Grad-CAM heat map.

日本語
------
最後の畳み込み層の特徴マップ A^k（k = 0, …, C − 1、各 H × W）と、対象クラス c のスコア
y^c（softmax の前）の勾配 ∂y^c/∂A^k について、

    α_k = (1 / (H W)) Σ_{i,j} ∂y^c / ∂A^k_{ij}          （チャネル k の重み、勾配の空間平均）
    L^c = ReLU( Σ_k α_k A^k )                          （形 (H, W)）

ReLU はチャネル方向の和の後に 1 回。正規化（最大値で割る）や入力画像の大きさへの拡大は
しない。

形: activations (C, H, W)、grads (C, H, W)（1 枚の画像、バッチ軸なし）、
weights (C,)、戻り値 cam (H, W)。すべて float64。

English
-------
With the last convolutional layer's feature maps A^k (k = 0, …, C − 1, each H × W) and the
gradient ∂y^c/∂A^k of the target class score y^c (before the softmax):

    α_k = (1 / (H W)) Σ_{i,j} ∂y^c / ∂A^k_{ij}          (channel k's weight: the spatial mean)
    L^c = ReLU( Σ_k α_k A^k )                          (shape (H, W))

The ReLU is applied once, after the sum over the channels. No normalisation (dividing by the
maximum) and no resizing to the input image.

Shapes: activations (C, H, W), grads (C, H, W) (one image, no batch axis), weights (C,),
the result cam (H, W). Everything float64.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of grad_cam is not filled in yet")


def grad_cam(activations: np.ndarray, grads: np.ndarray) -> np.ndarray:
    activations = np.asarray(activations, dtype=np.float64)  # (C, H, W)
    grads = np.asarray(grads, dtype=np.float64)  # (C, H, W) ∂y^c / ∂A
    weights = _blank(1)
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return cam  # (H, W)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    activations = np.maximum(rng.standard_normal((5, 4, 3)), 0.0)  # after a ReLU
    grads = rng.standard_normal((5, 4, 3))
    print(grad_cam(activations, grads).shape)  # (4, 3)
