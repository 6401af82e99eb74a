# ============================================================================
# edrill · dense_block_concat · Day 4 Section 4 · DenseNet（Dense Block・成長率） / DenseNet: the dense block and its growth rate
# Dense Block のチャネル連結 / Channel concatenation in a dense block
#
# 【課題】
# DenseNet の Dense Block を完成させてください。各層は、それまでのすべての特徴マップ x
# （形状 (N, C_l, H, W)）から k チャネルの新しい特徴マップ out を作ります。
# 空欄では、x と out をつなげて次の層への入力（形状 (N, C_l + k, H, W)）にします。
# 各層の計算（1×1 畳み込み + ReLU）はすでに書かれています。
#
# [Task]
# Complete DenseNet's dense block. Each layer makes k new feature maps out from all the
# feature maps so far, x (shape (N, C_l, H, W)). In the blank, join x and out into the input
# of the next layer (shape (N, C_l + k, H, W)).
# The layer itself (a 1×1 convolution + ReLU) is already written.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade dense_block_concat` で採点。ヒント: `grade hint dense_block_concat`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade dense_block_concat`. Hints: `grade hint dense_block_concat`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of dense_block_concat is not filled in yet")


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
        x = _blank(1)
    return x


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 4, 4))
    Ws = [rng.standard_normal((2, 3 + 2 * l)) for l in range(3)]
    print(dense_block(x, Ws).shape)  # (2, 9, 4, 4)
