# /// exercise
# id = "dense_block_concat"
# day = 4
# section = 4
# points = 10
# topic.ja = "DenseNet（Dense Block・成長率）"
# topic.en = "DenseNet: the dense block and its growth rate"
# title.ja = "Dense Block のチャネル連結"
# title.en = "Channel concatenation in a dense block"
# instructions.ja = """
# DenseNet の Dense Block を完成させてください。各層は、それまでのすべての特徴マップ x
# （形状 (N, C_l, H, W)）から k チャネルの新しい特徴マップ out を作ります。
# 空欄では、x と out をつなげて次の層への入力（形状 (N, C_l + k, H, W)）にします。
# 各層の計算（1×1 畳み込み + ReLU）はすでに書かれています。
# """
# instructions.en = """
# Complete DenseNet's dense block. Each layer makes k new feature maps out from all the
# feature maps so far, x (shape (N, C_l, H, W)). In the blank, join x and out into the input
# of the next layer (shape (N, C_l + k, H, W)).
# The layer itself (a 1×1 convolution + ReLU) is already written.
# """
#
# [[hints]]
# ja = """\
# ResNet は入力と出力を足しますが、DenseNet は足さずに並べてつなぎ、前の層の特徴を\
# そのまま残します。"""
# en = """\
# ResNet adds the input to the output; DenseNet does not add, it places them side by side \
# and keeps the earlier features unchanged."""
#
# [[hints]]
# ja = """\
# NCHW の配列では、チャネルは 1 番目の軸（0 から数えて）です。\
# N, H, W はそのままで、チャネルの数だけが k 増えます。"""
# en = """\
# In an NCHW array the channels are axis 1 (counting from 0). N, H and W stay the same; \
# only the number of channels grows by k."""
#
# [[hints]]
# ja = """\
# 配列をある軸に沿ってつなぐのは np.concatenate です。\
# 前からの特徴 x を先に、新しい out を後ろに並べます。"""
# en = """\
# np.concatenate joins arrays along an axis. Put the earlier features x first and the new \
# out after them."""
#
# [[wrong]]
# blank = 1
# answer = "x + out"
# source = "common"
# why.ja = """\
# 足し算は ResNet の残差接続です。DenseNet は特徴を足さずにチャネル方向に連結し、\
# チャネル数が層ごとに k（成長率）ずつ増えます。"""
# why.en = """\
# Adding is ResNet's residual connection. DenseNet concatenates along the channels instead, \
# so the number of channels grows by k (the growth rate) at each layer."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([x, out])"
# source = "common"
# why.ja = """\
# axis を省くと 0 番目の軸（バッチ N）でつなぎます。NCHW ではチャネルは axis=1 です。"""
# why.en = """\
# Without axis, np.concatenate joins along axis 0 (the batch N). In NCHW the channels are \
# axis=1."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([x, out], axis=3)"
# source = "common"
# why.ja = """\
# axis=3 は幅 W の軸です（NHWC ならチャネルですが、ここは NCHW）。チャネルは axis=1 です。"""
# why.en = """\
# axis=3 is the width W (it would be the channels in NHWC, but this is NCHW). The channels \
# are axis=1."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([out, x], axis=1)"
# source = "common"
# why.ja = """\
# 順序が逆です。前からの特徴 x を先に、新しい特徴 out を後ろにつなぎます。\
# 入力チャネルは最初の C 枚のまま、同じ位置に残ります。"""
# why.en = """\
# The order is reversed: the earlier features x come first and the new out after them, so \
# the input channels stay where they were, in the first C channels."""
#
# [[wrong]]
# blank = 1
# answer = "out"
# source = "common"
# why.ja = """\
# これでは普通の CNN と同じで、前の層の特徴が捨てられます。DenseNet はそれまでの\
# すべての特徴マップを次の層に渡します。"""
# why.en = """\
# This is a plain CNN and throws the earlier features away. DenseNet passes all the feature \
# maps so far to the next layer."""
#
# [[wrong]]
# blank = 1
# answer = "np.stack([x, out], axis=1)"
# source = "common"
# why.ja = """\
# np.stack は新しい軸を作り、同じ形状の配列しか重ねられません。既存のチャネル軸に\
# 沿ってつなぐには np.concatenate を使います。"""
# why.en = """\
# np.stack creates a new axis and only stacks arrays of the same shape. To join along the \
# existing channel axis, use np.concatenate."""
#
# [[accepted]]
# blank = 1
# answer = "np.concatenate((x, out), axis=1)"
#
# [[accepted]]
# blank = 1
# answer = "np.hstack([x, out])"
#
# [[accepted]]
# blank = 1
# answer = "np.concatenate([x, out], 1)"
# ///
"""Dense Block のチャネル連結 / Channel concatenation in a dense block.

日本語
------
DenseNet の Dense Block。入力 x₀（形状 (N, C, H, W)）から、各層 ℓ = 1, …, L が
それまでのすべての特徴マップの連結から k チャネル（成長率）の新しい特徴を作る:

    out_ℓ = H_ℓ([x₀, out₁, …, out_{ℓ−1}])        形状 (N, k, H, W)
    x_ℓ   = [x_{ℓ−1}, out_ℓ]  （チャネル方向の連結）  形状 (N, C + ℓ·k, H, W)

ここで H_ℓ は 1×1 畳み込み（重み W_ℓ の形状 (k, C + (ℓ−1)·k)、バイアスなし）+ ReLU
に簡単化している（原論文は BN-ReLU-3×3 畳み込み）。出力は x_L、形状 (N, C + L·k, H, W)。
最初の C チャネルは入力 x₀ そのもの。ResNet の和（x + F(x)）とは違い、足さずに連結する。

English
-------
DenseNet's dense block. From the input x₀ (shape (N, C, H, W)), each layer ℓ = 1, …, L makes
k new channels (the growth rate) from the concatenation of all the feature maps so far:

    out_ℓ = H_ℓ([x₀, out₁, …, out_{ℓ−1}])          shape (N, k, H, W)
    x_ℓ   = [x_{ℓ−1}, out_ℓ]  (joined along channels)  shape (N, C + ℓ·k, H, W)

H_ℓ is simplified to a 1×1 convolution (weights W_ℓ of shape (k, C + (ℓ−1)·k), no bias)
+ ReLU (the paper uses BN-ReLU-3×3 convolution). The output is x_L, shape (N, C + L·k, H, W);
its first C channels are the input x₀ itself. Unlike ResNet's sum x + F(x), nothing is added.
"""

import numpy as np


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, x)


def conv1x1_relu(x: np.ndarray, W: np.ndarray) -> np.ndarray:
    # x: (N, C_l, H, W), W: (k, C_l) -> (N, k, H, W)
    return relu(np.einsum("kc,nchw->nkhw", W, x))


def dense_block(x: np.ndarray, Ws: list[np.ndarray]) -> np.ndarray:
    # x: (N, C, H, W); Ws[l]: (k, C + l*k) -> (N, C + L*k, H, W)
    x = np.asarray(x, dtype=np.float64)
    for W in Ws:
        out = conv1x1_relu(x, W)  # (N, k, H, W)
        x = np.concatenate([x, out], axis=1)  # BLANK: np.concatenate([x, out], axis=1)
    return x


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 4, 4))
    Ws = [rng.standard_normal((2, 3 + 2 * l)) for l in range(3)]
    print(dense_block(x, Ws).shape)  # (2, 9, 4, 4)
