# /// exercise
# id = "grad_cam"
# day = 4
# section = 8
# points = 10
# topic.ja = "XAI（Grad-CAM）"
# topic.en = "Explainable AI: Grad-CAM"
# title.ja = "Grad-CAM のヒートマップ"
# title.en = "The Grad-CAM heat map"
# instructions.ja = """
# CNN の最後の畳み込み層の特徴マップ activations（形 (C, H, W)）と、対象クラスのスコアの
# その特徴マップについての勾配 grads（同じ形）から、Grad-CAM のヒートマップを求めます。
# 空欄 1 では、各チャネルの重み weights（形 (C,)）を、勾配の空間方向（高さと幅）の平均として
# 求めます。
# 空欄 2 では、特徴マップを weights で重み付けしてチャネル方向に足し合わせ、ReLU を通した
# ヒートマップ cam（形 (H, W)）を求めます。正規化や入力画像の大きさへの拡大はしません。
# """
# instructions.en = """
# From the feature maps activations (shape (C, H, W)) of a CNN's last convolutional layer
# and grads (the same shape), the gradient of the target class score with respect to those
# feature maps, compute the Grad-CAM heat map.
# Blank 1 computes weights (shape (C,)), one per channel: the mean of the gradient over the
# spatial axes (height and width).
# Blank 2 computes cam (shape (H, W)): the feature maps weighted by weights, summed over the
# channels, passed through a ReLU. Do not normalise it or resize it to the input image.
# """
#
# [[hints]]
# ja = """\
# grads の軸は (C, H, W) です。チャネルごとに 1 つの値を残すには、軸 1 と 2 について平均を\
# 取ります（Global Average Pooling と同じ）。"""
# en = """\
# grads has axes (C, H, W). To keep one value per channel, average over axes 1 and 2 (the \
# same as global average pooling)."""
#
# [[hints]]
# ja = """\
# weights は形 (C,)、activations は (C, H, W) です。そのまま掛けると最後の軸 W に\
# 揃えられてしまうので、weights を (C, 1, 1) の形にしてから掛けます。"""
# en = """\
# weights has shape (C,) and activations (C, H, W): multiplied as they are, numpy aligns \
# weights with the last axis W. Reshape weights to (C, 1, 1) first."""
#
# [[hints]]
# ja = """\
# ReLU はチャネル方向の和を取った「後」に 1 回だけ掛けます。対象クラスに正の影響を持つ\
# 場所だけを残すためです。"""
# en = """\
# Apply the ReLU once, after summing over the channels: it keeps only the places with a \
# positive influence on the target class."""
#
# [[wrong]]
# blank = 1
# answer = "grads.mean(axis=0)"
# source = "common"
# why.ja = """\
# チャネル方向（軸 0）の平均で、形 (H, W) になります。重みはチャネルごとに 1 つなので、\
# 空間方向の軸 (1, 2) について平均します。"""
# why.en = """\
# This averages over the channels (axis 0) and has shape (H, W). There is one weight per \
# channel: average over the spatial axes (1, 2)."""
#
# [[wrong]]
# blank = 1
# answer = "grads.mean(axis=(0, 1))"
# source = "common"
# why.ja = """\
# 平均を取る軸が違います（形 (W,) になります）。(C, H, W) の空間方向は軸 1 と 2 です。"""
# why.en = """\
# Wrong axes (the shape is (W,)): the spatial axes of (C, H, W) are 1 and 2."""
#
# [[wrong]]
# blank = 1
# answer = "grads.sum(axis=(1, 2))"
# source = "common"
# why.ja = """\
# 和になっていて、重みが H·W 倍になります。Grad-CAM の重みは勾配の空間平均（GAP）です。"""
# why.en = """\
# A sum makes the weights H·W times too large; Grad-CAM's weights are the spatial mean \
# (global average pooling) of the gradient."""
#
# [[wrong]]
# blank = 1
# answer = "grads.max(axis=(1, 2))"
# source = "common"
# why.ja = """\
# 最大値（Global Max Pooling）ではなく平均（Global Average Pooling）です。"""
# why.en = """\
# Not the maximum (global max pooling) but the mean (global average pooling)."""
#
# [[wrong]]
# blank = 1
# answer = "np.abs(grads).mean(axis=(1, 2))"
# source = "common"
# why.ja = """\
# 絶対値を取ると、スコアを下げるチャネル（負の勾配）まで正の重みになります。符号はそのまま\
# 平均します。"""
# why.en = """\
# The absolute value gives a positive weight even to channels that lower the score \
# (negative gradients). Average the signed gradient."""
#
# [[wrong]]
# blank = 1
# answer = "(grads * activations).mean(axis=(1, 2))"
# source = "common"
# why.ja = """\
# 重みは勾配だけの空間平均です。特徴マップを掛けるのは空欄 2 の重み付き和のときです。"""
# why.en = """\
# The weights are the spatial mean of the gradient alone; the feature maps come in with the \
# weighted sum of blank 2."""
#
# [[wrong]]
# blank = 2
# answer = "cam = np.sum(weights[:, None, None] * activations, axis=0)"
# source = "common"
# why.ja = """\
# ReLU がありません。負の値（対象クラスのスコアを下げる場所）が残ります。"""
# why.en = """\
# The ReLU is missing: negative values (places that lower the target class score) remain."""
#
# [[wrong]]
# blank = 2
# answer = "cam = np.sum(np.maximum(weights[:, None, None] * activations, 0.0), axis=0)"
# source = "common"
# why.ja = """\
# ReLU をチャネルごとに掛けてから足しています。負の寄与が打ち消されません。ReLU は\
# チャネル方向の和の後に 1 回です。"""
# why.en = """\
# The ReLU is applied per channel before the sum, so negative contributions no longer \
# cancel positive ones. Apply it once, after the sum over the channels."""
#
# [[wrong]]
# blank = 2
# answer = "cam = np.maximum(np.mean(weights[:, None, None] * activations, axis=0), 0.0)"
# source = "common"
# why.ja = """\
# チャネル方向は平均ではなく和（重み付き和）です。平均では値が 1/C になります。"""
# why.en = """\
# Over the channels it is a (weighted) sum, not a mean; a mean divides the map by C."""
#
# [[wrong]]
# blank = 2
# answer = "cam = np.maximum(np.sum(weights * activations, axis=0), 0.0)"
# source = "common"
# why.ja = """\
# weights (C,) と activations (C, H, W) をそのまま掛けると、weights が最後の軸 W に\
# 揃えられます（C ≠ W なら形のエラー）。weights[:, None, None] で (C, 1, 1) にします。"""
# why.en = """\
# weights (C,) times activations (C, H, W) as they are aligns weights with the last axis W \
# (a shape error when C ≠ W). Use weights[:, None, None], shape (C, 1, 1)."""
#
# [[wrong]]
# blank = 2
# answer = "cam = np.maximum(np.sum(weights[:, None, None] * grads, axis=0), 0.0)"
# source = "common"
# why.ja = """\
# 重み付けする相手は勾配ではなく特徴マップ activations です。"""
# why.en = """\
# The weights multiply the feature maps (activations), not the gradients."""
#
# [[wrong]]
# blank = 2
# answer = """
# cam = np.maximum(np.sum(weights[:, None, None] * activations, axis=0), 0.0)
# cam = cam / cam.max()
# """
# source = "common"
# why.ja = """\
# 最大値で正規化しています（表示用によく行いますが）。この関数は正規化しない cam を\
# 返す約束です。"""
# why.en = """\
# This normalises by the maximum (often done for display); this function returns the \
# unnormalised cam."""
#
# [[accepted]]
# blank = 1
# answer = "np.mean(grads, axis=(2, 1))"
#
# [[accepted]]
# blank = 1
# answer = "grads.reshape(grads.shape[0], -1).mean(axis=1)"
#
# [[accepted]]
# blank = 2
# answer = 'cam = np.maximum(np.einsum("c,chw->hw", weights, activations), 0)'
#
# [[accepted]]
# blank = 2
# answer = """
# cam = np.tensordot(weights, activations, axes=1)  # (H, W)
# cam[cam < 0] = 0.0
# """
# ///
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


def grad_cam(activations: np.ndarray, grads: np.ndarray) -> np.ndarray:
    activations = np.asarray(activations, dtype=np.float64)  # (C, H, W)
    grads = np.asarray(grads, dtype=np.float64)  # (C, H, W) ∂y^c / ∂A
    weights = grads.mean(axis=(1, 2))  # BLANK: grads.mean(axis=(1, 2))
    # BEGIN BLANK
    cam = np.maximum(np.sum(weights[:, None, None] * activations, axis=0), 0.0)
    # END BLANK
    return cam  # (H, W)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    activations = np.maximum(rng.standard_normal((5, 4, 3)), 0.0)  # after a ReLU
    grads = rng.standard_normal((5, 4, 3))
    print(grad_cam(activations, grads).shape)  # (4, 3)
