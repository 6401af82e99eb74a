# ============================================================================
# edrill · cross_entropy · Day 1 Section 3 · 損失関数（交差エントロピー誤差） / Loss functions: the cross-entropy error
# 交差エントロピー誤差（正解はクラス番号） / Cross-entropy error with class-index labels
#
# 【課題】
# ミニバッチの交差エントロピー誤差を返す 1 行を完成させてください。
# d は正解クラスの番号（one-hot ではなく整数）で (N,)、y はソフトマックスの出力で (N, K) です。
# 各データについて正解クラスの確率の対数を取り、符号を反転して N 件で平均します。
# 確率が 0 のとき log(0) = −∞ にならないよう、log の中で微小な値 1e-7 を足します。
# 戻り値は 1 つの実数です。
#
# [Task]
# Complete the line that returns the cross-entropy error of a mini-batch.
# d holds the correct classes as integers (class indices, not one-hot), shape (N,); y is the
# softmax output, shape (N, K). For every example take the log of the probability of its
# correct class, flip the sign and average over the N examples. Add the small value 1e-7
# inside the log so that a probability of 0 does not give log(0) = −∞.
# The result is a single real number.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade cross_entropy` で採点。ヒント: `grade hint cross_entropy`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade cross_entropy`. Hints: `grade hint cross_entropy`
# ============================================================================
"""交差エントロピー誤差 / The cross-entropy error.

日本語
------
多クラス分類の損失関数。正解ラベルはクラス番号 d_n ∈ {0, …, K−1}（one-hot ではない）で、
y はソフトマックスの出力（各行が K クラスの確率）:

    E = −(1/N) Σ_{n=1}^{N} log(y_{n, d_n} + ε),    ε = 1e-7

正解クラスの確率 y_{n, d_n} だけを使う（one-hot の t を使えば −(1/N) Σ_n Σ_k t_{nk} log y_{nk}
と同じ）。ε は y = 0 のときの log(0) = −∞ を防ぐ小さな値で、この講座とゼロから作る
Deep Learning の値 1e-7 を使う。y = 1 なら E ≈ 0、正解の確率が 1/K なら E ≈ log K。
引数の順番は講座のとおり、教師ラベル d が先、出力 y が後。

形状:
    d (N,)      正解クラスの番号（整数）
    y (N, K)    ソフトマックスの出力（float64、各行の和が 1）
    戻り値      実数（スカラー）、N 件の平均

English
-------
The loss of multi-class classification. The labels are class indices d_n ∈ {0, …, K−1}
(not one-hot), and y is the softmax output (every row holds K class probabilities):

    E = −(1/N) Σ_{n=1}^{N} log(y_{n, d_n} + ε),    ε = 1e-7

Only the probability y_{n, d_n} of the correct class is used (with one-hot t this equals
−(1/N) Σ_n Σ_k t_{nk} log y_{nk}). ε prevents log(0) = −∞ when y = 0; 1e-7 is the value of
the course and of Deep Learning from Scratch. y = 1 gives E ≈ 0; a correct-class
probability of 1/K gives E ≈ log K. The arguments come in the course's order: the teacher
label d first, the output y second.

Shapes:
    d (N,)      correct class indices (integers)
    y (N, K)    softmax output (float64, every row sums to 1)
    returns     a real number (a scalar), the mean over the N examples
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of cross_entropy is not filled in yet")


def cross_entropy_error(d: np.ndarray, y: np.ndarray) -> float:
    # d (N,) class indices, y (N, K) probabilities
    n = y.shape[0]  # batch size N
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──


if __name__ == "__main__":
    y = np.array([[0.5, 0.3, 0.2], [0.1, 0.65, 0.25]])
    print(cross_entropy_error(np.array([0, 2]), y))  # (log 2 + log 4) / 2 ≈ 1.0397
