# /// exercise
# id = "normalization_axes"
# day = 4
# section = 4
# points = 10
# topic.ja = "正規化（Batch Norm・Layer Norm・Instance Norm の軸）"
# topic.en = "Normalization: the axes of batch, layer and instance normalization"
# title.ja = "Batch / Layer / Instance Normalization の正規化の軸"
# title.en = "The axes of batch, layer and instance normalization"
# instructions.ja = """
# 画像の特徴マップ x (N, C, H, W) を正規化する関数 normalize の 3 つの空欄に、
# 平均と分散をとる軸のタプル axes を書いてください。
#   空欄 1: Batch Normalization（kind = "batch"）: チャネルごとに、ミニバッチ内の全サンプル・
#     全画素にわたって正規化します。
#   空欄 2: Layer Normalization（kind = "layer"）: サンプルごとに、全チャネル・全画素に
#     わたって正規化します。
#   空欄 3: Instance Normalization（kind = "instance"）: サンプルごと・チャネルごとに、
#     全画素にわたって正規化します。
# 軸の番号は 0 = N、1 = C、2 = H、3 = W です。
# """
# instructions.en = """
# Fill in the three blanks of normalize, which normalizes a feature map x (N, C, H, W): each
# is the tuple `axes` the mean and variance are taken over.
#   Blank 1: batch normalization (kind = "batch"): per channel, over all the samples of the
#     mini-batch and all pixels.
#   Blank 2: layer normalization (kind = "layer"): per sample, over all channels and all
#     pixels.
#   Blank 3: instance normalization (kind = "instance"): per sample and per channel, over
#     all pixels.
# The axes are numbered 0 = N, 1 = C, 2 = H, 3 = W.
# """
#
# [[hints]]
# ja = """\
# 統計量をとる軸は、「1 つの平均を共有する要素」が並んでいる軸です。残った軸の各値ごとに\
# 別々の平均と分散ができます（BN ならチャネル C ごと）。"""
# en = """\
# The axes to average over are those along which the elements share one mean. Every value \
# of the remaining axes gets a mean and variance of its own (for BN, each channel C)."""
#
# [[hints]]
# ja = """\
# 残る軸: BN は C、LN は N、IN は N と C。axes はそれ以外の軸です。"""
# en = """\
# The axes that remain: C for BN, N for LN, N and C for IN. axes are all the others."""
#
# [[hints]]
# ja = """\
# 空欄 1 は 3 つの軸（0 を含み 1 を含まない）、空欄 2 も 3 つの軸（1 を含み 0 を含まない）、\
# 空欄 3 は空間の 2 つの軸です。"""
# en = """\
# Blank 1 is three axes (with 0, without 1), blank 2 also three axes (with 1, without 0), \
# blank 3 the two spatial axes."""
#
# [[wrong]]
# blank = 1
# answer = "(0,)"
# source = "common"
# why.ja = """\
# 全結合層の BN (N, D) と同じく軸 0 だけで正規化しています。畳み込み層の BN は、同じ\
# チャネルのすべての画素でも統計量を共有し、軸 (N, H, W) で平均をとります。"""
# why.en = """\
# This normalizes over axis 0 only, as BN does for a fully connected layer (N, D). For a \
# convolution, BN shares the statistics over all pixels of a channel as well: average over \
# (N, H, W)."""
#
# [[wrong]]
# blank = 1
# answer = "(2, 3)"
# source = "common"
# why.ja = """\
# これは Instance Normalization の軸で、サンプルごとに別の統計量になります。BN はミニ\
# バッチ全体（軸 0 も）で統計量をとります。"""
# why.en = """\
# These are instance normalization's axes: each sample gets statistics of its own. BN takes \
# its statistics over the whole mini-batch (axis 0 as well)."""
#
# [[wrong]]
# blank = 1
# answer = "(1, 2, 3)"
# source = "common"
# why.ja = """\
# これは Layer Normalization の軸です。BN はチャネルごとに統計量をとり、チャネルの軸 1 \
# ではなくバッチの軸 0 で平均します。"""
# why.en = """\
# These are layer normalization's axes. BN keeps one set of statistics per channel: it \
# averages over the batch axis 0, not over the channel axis 1."""
#
# [[wrong]]
# blank = 1
# answer = "(0, 1, 2, 3)"
# source = "common"
# why.ja = """\
# テンソル全体で 1 つの平均と分散になっています。BN はチャネルごとに別の統計量をとります。"""
# why.en = """\
# This gives one mean and variance for the whole tensor. BN has statistics of its own per \
# channel."""
#
# [[wrong]]
# blank = 2
# answer = "(1,)"
# source = "common"
# why.ja = """\
# チャネルの軸だけで正規化しているので、画素ごとに別の統計量になります。LN はサンプルごとに\
# 全チャネル・全画素 (C, H, W) で 1 つの統計量をとります。"""
# why.en = """\
# This normalizes over the channel axis only, so every pixel gets statistics of its own. LN \
# takes one set of statistics per sample over all of (C, H, W)."""
#
# [[wrong]]
# blank = 2
# answer = "(3,)"
# source = "common"
# why.ja = """\
# Transformer の LN（最後の軸 d_model で正規化）をそのまま画像に当てはめています。\
# 画像 (N, C, H, W) の LN は、サンプルごとに (C, H, W) 全体で正規化します。"""
# why.en = """\
# This copies the Transformer's LN (over the last axis, d_model) to an image. For an image \
# (N, C, H, W), LN normalizes each sample over all of (C, H, W)."""
#
# [[wrong]]
# blank = 2
# answer = "(0, 2, 3)"
# source = "common"
# why.ja = """\
# これは Batch Normalization の軸です。LN はミニバッチの他のサンプルを使わず、サンプル\
# ごとに (C, H, W) で正規化します。"""
# why.en = """\
# These are batch normalization's axes. LN never uses the other samples of the mini-batch: \
# it normalizes each sample over (C, H, W)."""
#
# [[wrong]]
# blank = 2
# answer = "(2, 3)"
# source = "common"
# why.ja = """\
# これは Instance Normalization の軸で、チャネルごとに別の統計量になります。LN は全チャネルで\
# 1 つの統計量を共有します。"""
# why.en = """\
# These are instance normalization's axes: each channel gets statistics of its own. LN \
# shares one set of statistics over all channels."""
#
# [[wrong]]
# blank = 3
# answer = "(0, 2, 3)"
# source = "common"
# why.ja = """\
# これは Batch Normalization の軸です。IN はサンプルごとに別の統計量をとり、軸 0 では\
# 平均しません。"""
# why.en = """\
# These are batch normalization's axes. IN has statistics of its own per sample: it never \
# averages over axis 0."""
#
# [[wrong]]
# blank = 3
# answer = "(1, 2, 3)"
# source = "common"
# why.ja = """\
# これは Layer Normalization の軸です。IN はチャネルごとにも別の統計量をとり、軸 1 では\
# 平均しません。"""
# why.en = """\
# These are layer normalization's axes. IN also keeps the channels apart: it never averages \
# over axis 1."""
#
# [[wrong]]
# blank = 3
# answer = "(3,)"
# source = "common"
# why.ja = """\
# 幅の軸だけで正規化しているので、行ごとに別の統計量になります。IN はサンプル・チャネル\
# ごとに、画像全体 (H, W) で正規化します。"""
# why.en = """\
# This normalizes over the width only, so every row gets statistics of its own. IN \
# normalizes each sample and channel over the whole image (H, W)."""
#
# [[accepted]]
# blank = 1
# answer = "(0, -2, -1)"
#
# [[accepted]]
# blank = 2
# answer = "(-3, -2, -1)"
#
# [[accepted]]
# blank = 3
# answer = "(-2, -1)"
#
# [[accepted]]
# blank = 3
# answer = "(3, 2)"
# ///
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


def normalize(x: np.ndarray, kind: str, eps: float = 1e-5) -> np.ndarray:
    if kind == "batch":
        axes = (0, 2, 3)  # BLANK: (0, 2, 3)
    elif kind == "layer":
        axes = (1, 2, 3)  # BLANK: (1, 2, 3)
    elif kind == "instance":
        axes = (2, 3)  # BLANK: (2, 3)
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
