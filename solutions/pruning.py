# /// exercise
# id = "pruning"
# day = 4
# section = 3
# points = 10
# topic = { ja = "プルーニング（枝刈り）", en = "Pruning" }
# title = { ja = "絶対値の小さい重みを刈り取る", en = "Magnitude pruning of a weight matrix" }
# instructions.ja = """
# 重み W のうち絶対値の小さいものから割合 ratio（0 ≤ ratio ≤ 1）を 0 にする
# プルーニングを完成させてください。空欄は、残す重みを True とする bool のマスク mask
# (W と同じ形) を求める 1 行です。しきい値は |W| の 100·ratio パーセンタイル
# （np.percentile の既定の補間）とし、しきい値ちょうどの重みは残します。
# 刈り取った重み W * mask とマスクを返す部分はすでに書かれています。
# """
# instructions.en = """
# Complete magnitude pruning: set to 0 the fraction ratio (0 ≤ ratio ≤ 1) of the weights
# W with the smallest absolute values. The blank is the line that makes the bool mask mask
# (W's shape), True for the weights that are kept. The threshold is the 100·ratio-th
# percentile of |W| (np.percentile's default interpolation); a weight exactly at the
# threshold is kept. Returning the pruned weights W * mask and the mask is given.
# """
#
# [[hints]]
# ja = """\
# 重要度の目安は重みの大きさ（絶対値）です。大きな負の重みも大きな正の重みと同じくらい\
# 出力に効くので、符号ではなく |W| で比べます。"""
# en = """\
# A weight's importance is judged by its magnitude: a large negative weight matters as \
# much as a large positive one, so compare |W|, not the signed values."""
#
# [[hints]]
# ja = """\
# np.percentile(a, p) は a の p パーセンタイル（p は 0〜100）です。下から割合 ratio の\
# 位置は p = ratio * 100 です。"""
# en = """\
# np.percentile(a, p) is the p-th percentile of a, with p from 0 to 100; the point below \
# which the fraction ratio lies is p = ratio * 100."""
#
# [[hints]]
# ja = """\
# np.abs(W) をしきい値 np.percentile(np.abs(W), ratio * 100) と比べます。しきい値ちょうどの\
# 重みも残すので、比較は >= です。"""
# en = """\
# Compare np.abs(W) with the threshold np.percentile(np.abs(W), ratio * 100); a weight \
# exactly at the threshold is kept, so the comparison is >=."""
#
# [[wrong]]
# blank = 1
# answer = "mask = W >= np.percentile(W, ratio * 100)"
# source = "common"
# why.ja = """\
# 符号付きの値で比べているので、絶対値の大きな負の重みがすべて刈られ、0 に近い正の重みが\
# 残ります。大きさ |W| で比べます。"""
# why.en = """\
# Comparing the signed values prunes every large negative weight and keeps small positive \
# ones. Compare the magnitudes |W|."""
#
# [[wrong]]
# blank = 1
# answer = "mask = W >= np.percentile(np.abs(W), ratio * 100)"
# source = "common"
# why.ja = """\
# しきい値は |W| から求めていますが、比べる側が符号付きの W なので、負の重みが大きさに\
# かかわらずすべて刈られます。np.abs(W) と比べます。"""
# why.en = """\
# The threshold comes from |W|, but the signed W is compared with it, so every negative \
# weight is pruned whatever its size. Compare np.abs(W)."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.abs(W) > np.percentile(np.abs(W), ratio * 100)"
# source = "common"
# why.ja = """\
# > ではしきい値ちょうどの重みまで刈られます。同じ大きさの重みが並ぶと刈りすぎになり、\
# ratio = 0 でも最小の重みが消えます。>= を使います。"""
# why.en = """\
# With > the weights exactly at the threshold are pruned too: with tied magnitudes too \
# many go, and even ratio = 0 removes the smallest weight. Use >=."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.abs(W) < np.percentile(np.abs(W), ratio * 100)"
# source = "common"
# why.ja = """\
# 不等号が逆で、小さい重みを残して大きい重みを刈っています。マスクは残す重みが True です。"""
# why.en = """\
# The comparison is reversed: this keeps the small weights and prunes the large ones. The \
# mask is True for the weights that are kept."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.abs(W) >= np.percentile(np.abs(W), ratio)"
# source = "common"
# why.ja = """\
# np.percentile の p は 0〜100 のパーセントです。ratio（0〜1）のまま渡すと、ほとんど\
# 何も刈られません。ratio * 100 を渡します。"""
# why.en = """\
# np.percentile takes p in percent, 0 to 100. Passing ratio (0 to 1) as it is prunes \
# almost nothing. Pass ratio * 100."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.abs(W) >= np.percentile(np.abs(W), (1 - ratio) * 100)"
# source = "common"
# why.ja = """\
# これでは割合 1 − ratio を刈り、ratio だけを残します。ratio は刈る割合なので、\
# しきい値は ratio * 100 パーセンタイルです。"""
# why.en = """\
# This prunes the fraction 1 − ratio and keeps only ratio. ratio is the fraction to prune, \
# so the threshold is the ratio * 100-th percentile."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.abs(W) >= ratio"
# source = "common"
# why.ja = """\
# ratio は刈る割合で、重みの大きさのしきい値ではありません。しきい値は |W| の分布から\
# パーセンタイルで求めます。"""
# why.en = """\
# ratio is the fraction to prune, not a threshold on the weights' size. The threshold is \
# a percentile of the distribution of |W|."""
#
# [[wrong]]
# blank = 1
# answer = "mask = np.abs(W) >= np.percentile(np.abs(W), ratio * 100, axis=0)"
# source = "common"
# why.ja = """\
# axis=0 で列ごとにしきい値を決めています。ここでは層全体（すべての重み）で 1 つの\
# しきい値を使います。"""
# why.en = """\
# axis=0 makes one threshold per column. Here one threshold is used for the whole layer \
# (all the weights)."""
#
# [[accepted]]
# blank = 1
# answer = "mask = np.abs(W) >= np.quantile(np.abs(W), ratio)"
#
# [[accepted]]
# blank = 1
# answer = """
# threshold = np.percentile(np.abs(W).ravel(), 100 * ratio)
# mask = np.abs(W) >= threshold
# """
# ///
"""絶対値の小さい重みを刈り取る / Magnitude pruning of a weight matrix.

日本語
------
重み W と刈り取る割合 r（0 ≤ r ≤ 1）について、|W| の 100·r パーセンタイルを
しきい値 θ とし（np.percentile の既定の線形補間）、

    θ = percentile(|W|, 100 r)
    mask_ij = ( |W_ij| ≥ θ )          （True が残す重み）
    W'_ij   = W_ij · mask_ij

残る重みは符号も値もそのまま、刈られた重みは 0。残る数はおよそ (1 − r)·W.size
（補間のため ±1、同じ大きさの重みがしきい値に並ぶとその分多く残る）。r = 0 なら全部残す。
層全体で 1 つのしきい値を使う（非構造的プルーニング）。疎になった重みは保存や計算を
減らせる。

形: W は (D, H)（任意の形でよい）の float64、ratio は float。戻り値は
(W', mask) で、W' は W と同じ形の float64、mask は W と同じ形の bool。

English
-------
For weights W and the fraction to prune r (0 ≤ r ≤ 1), the threshold θ is the 100·r-th
percentile of |W| (np.percentile's default linear interpolation):

    θ = percentile(|W|, 100 r)
    mask_ij = ( |W_ij| ≥ θ )          (True: the weight is kept)
    W'_ij   = W_ij · mask_ij

Kept weights keep their sign and value; pruned ones become 0. About (1 − r)·W.size
weights are kept (±1 from the interpolation; more when tied magnitudes sit at the
threshold); r = 0 keeps all of them. One threshold serves the whole layer (unstructured
pruning). The sparse weights save storage and computation.

Shapes: W is a float64 (D, H) (any shape works); ratio is a float. Returns (W', mask):
W' a float64 array of W's shape, mask a bool array of W's shape.
"""

import numpy as np


def magnitude_pruning(W: np.ndarray, ratio: float) -> tuple[np.ndarray, np.ndarray]:
    # W (D, H); mask (D, H) bool, True for the weights that are kept
    # BEGIN BLANK
    mask = np.abs(W) >= np.percentile(np.abs(W), ratio * 100)
    # END BLANK
    return W * mask, mask  # (D, H) float64, (D, H) bool


if __name__ == "__main__":
    W = np.array([[0.5, -2.0, 0.1], [-0.3, 1.5, -0.05]])
    W_pruned, mask = magnitude_pruning(W, 0.5)  # threshold (0.3 + 0.5) / 2 = 0.4
    print(W_pruned)  # [[ 0.5 -2.   0. ] [-0.   1.5 -0. ]]
    print(mask)  # [[ True  True False] [False  True False]]
