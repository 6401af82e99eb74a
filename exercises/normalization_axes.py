# ============================================================================
# edrill · normalization_axes · Day 4 Section 4 · 正規化（Batch Norm・Layer Norm・Instance Norm の軸） / Normalization: the axes of batch, layer and instance normalization
# Batch / Layer / Instance Normalization の正規化の軸 / The axes of batch, layer and instance normalization
#
# 【課題】
# 画像の特徴マップ x (N, C, H, W) を正規化する関数 normalize の 3 つの空欄に、
# 平均と分散をとる軸のタプル axes を書いてください。
#   空欄 1: Batch Normalization（kind = "batch"）: チャネルごとに、ミニバッチ内の全サンプル・
#     全画素にわたって正規化します。
#   空欄 2: Layer Normalization（kind = "layer"）: サンプルごとに、全チャネル・全画素に
#     わたって正規化します。
#   空欄 3: Instance Normalization（kind = "instance"）: サンプルごと・チャネルごとに、
#     全画素にわたって正規化します。
# 軸の番号は 0 = N、1 = C、2 = H、3 = W です。
#
# [Task]
# Fill in the three blanks of normalize, which normalizes a feature map x (N, C, H, W): each
# is the tuple `axes` the mean and variance are taken over.
#   Blank 1: batch normalization (kind = "batch"): per channel, over all the samples of the
#     mini-batch and all pixels.
#   Blank 2: layer normalization (kind = "layer"): per sample, over all channels and all
#     pixels.
#   Blank 3: instance normalization (kind = "instance"): per sample and per channel, over
#     all pixels.
# The axes are numbered 0 = N, 1 = C, 2 = H, 3 = W.
#
# 空欄 `_blank(N)` (3 箇所) を埋めて `grade normalization_axes` で採点。ヒント: `grade hint normalization_axes`
# Fill in the 3 blank(s) `_blank(N)`, then run `grade normalization_axes`. Hints: `grade hint normalization_axes`
# ============================================================================
"""正規化の軸 / The axes of batch, layer and instance normalization.

日本語
------
特徴マップ x (N, C, H, W) を、ある要素のグループごとに平均 0・分散 1 にする（学習される
スケール γ とシフト β は省略、γ = 1, β = 0）:

    μ = mean_{axes}(x),  σ² = mean_{axes}((x − μ)²)
    y = (x − μ) / √(σ² + ε)

3 つの手法は、統計量をとる軸（同じ平均と分散を共有する要素のグループ）だけが違う:

    Batch Normalization     チャネル c ごとに 1 組。ミニバッチの全サンプル・全画素で共有
    Layer Normalization     サンプル n ごとに 1 組。そのサンプルの全チャネル・全画素で共有
    Instance Normalization  サンプル n・チャネル c ごとに 1 組。その特徴マップの全画素で共有

μ と σ² は keepdims で 4 次元のまま、平均をとった軸の長さが 1 になる（x とブロードキャスト
できる形）。

BN はミニバッチに依存するので小さなバッチで不安定になる。LN と IN はサンプルごとに
計算するのでバッチサイズに依存しない（LN は RNN や Transformer、IN はスタイル変換で使う）。
Transformer の LN は (N, T, d_model) の最後の軸で正規化するが、ここでは画像 (N, C, H, W)。

形状:
    x (N, C, H, W)、軸の番号 0 = N, 1 = C, 2 = H, 3 = W
    kind: "batch"、"layer"、"instance" のいずれか（それ以外は ValueError）
    eps: float（既定 1e-5）
    戻り値 y (N, C, H, W)、float64

English
-------
Normalize a feature map x (N, C, H, W) to mean 0 and variance 1 within groups of elements
(the learned scale γ and shift β are left out: γ = 1, β = 0):

    μ = mean_{axes}(x),  σ² = mean_{axes}((x − μ)²)
    y = (x − μ) / √(σ² + ε)

The three methods differ only in the axes of the statistics (the groups of elements that
share one mean and variance):

    batch normalization     one set per channel c, shared by all samples and all pixels
    layer normalization     one set per sample n, shared by all its channels and pixels
    instance normalization  one set per sample n and channel c, shared by that map's pixels

μ and σ² stay 4-D (keepdims), with length 1 on every averaged axis (a shape that
broadcasts against x).

BN depends on the mini-batch and becomes unstable for small batches; LN and IN work per
sample and do not depend on the batch size (LN in RNNs and Transformers, IN in style
transfer). The Transformer's LN normalizes (N, T, d_model) over its last axis; here the
input is an image (N, C, H, W).

Shapes:
    x (N, C, H, W), axes numbered 0 = N, 1 = C, 2 = H, 3 = W
    kind: "batch", "layer" or "instance" (anything else is a ValueError)
    eps: a float (default 1e-5)
    returns y (N, C, H, W), float64
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of normalization_axes is not filled in yet")


def normalize(x: np.ndarray, kind: str, eps: float = 1e-5) -> np.ndarray:
    if kind == "batch":
        axes = _blank(1)
    elif kind == "layer":
        axes = _blank(2)
    elif kind == "instance":
        axes = _blank(3)
    else:
        raise ValueError(f"kind must be 'batch', 'layer' or 'instance', not {kind!r}")
    mu = x.mean(axis=axes, keepdims=True)  # 4-D, length 1 on every averaged axis
    var = np.mean((x - mu) ** 2, axis=axes, keepdims=True)  # the shape of mu
    return (x - mu) / np.sqrt(var + eps)  # (N, C, H, W)


if __name__ == "__main__":
    x = np.random.default_rng(0).standard_normal((4, 3, 2, 5))
    for kind in ("batch", "layer", "instance"):
        y = normalize(x, kind)
        print(kind, y.shape, round(float(y.mean()), 6), round(float(y.var()), 4))
