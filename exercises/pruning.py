# ============================================================================
# edrill · pruning · Day 4 Section 3 · プルーニング（枝刈り） / Pruning
# 絶対値の小さい重みを刈り取る / Magnitude pruning of a weight matrix
#
# 【課題】
# 重み W のうち絶対値の小さいものから割合 ratio（0 ≤ ratio ≤ 1）を 0 にする
# プルーニングを完成させてください。空欄は、残す重みを True とする bool のマスク mask
# (W と同じ形) を求める 1 行です。しきい値は |W| の 100·ratio パーセンタイル
# （np.percentile の既定の補間）とし、しきい値ちょうどの重みは残します。
# 刈り取った重み W * mask とマスクを返す部分はすでに書かれています。
#
# [Task]
# Complete magnitude pruning: set to 0 the fraction ratio (0 ≤ ratio ≤ 1) of the weights
# W with the smallest absolute values. The blank is the line that makes the bool mask mask
# (W's shape), True for the weights that are kept. The threshold is the 100·ratio-th
# percentile of |W| (np.percentile's default interpolation); a weight exactly at the
# threshold is kept. Returning the pruned weights W * mask and the mask is given.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade pruning` で採点。ヒント: `grade hint pruning`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade pruning`. Hints: `grade hint pruning`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of pruning is not filled in yet")


def magnitude_pruning(W: np.ndarray, ratio: float) -> tuple[np.ndarray, np.ndarray]:
    # W (D, H); mask (D, H) bool, True for the weights that are kept
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return W * mask, mask  # (D, H) float64, (D, H) bool


if __name__ == "__main__":
    W = np.array([[0.5, -2.0, 0.1], [-0.3, 1.5, -0.05]])
    W_pruned, mask = magnitude_pruning(W, 0.5)  # threshold (0.3 + 0.5) / 2 = 0.4
    print(W_pruned)  # [[ 0.5 -2.   0. ] [-0.   1.5 -0. ]]
    print(mask)  # [[ True  True False] [False  True False]]
