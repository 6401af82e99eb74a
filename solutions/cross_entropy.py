# /// exercise
# id = "cross_entropy"
# day = 1
# section = 3
# points = 10
# requires = ["softmax"]
# topic.ja = "損失関数（交差エントロピー誤差）"
# topic.en = "Loss functions: the cross-entropy error"
# title.ja = "交差エントロピー誤差（正解はクラス番号）"
# title.en = "Cross-entropy error with class-index labels"
# instructions.ja = """
# ミニバッチの交差エントロピー誤差を返す 1 行を完成させてください。
# d は正解クラスの番号（one-hot ではなく整数）で (N,)、y はソフトマックスの出力で (N, K) です。
# 各データについて正解クラスの確率の対数を取り、符号を反転して N 件で平均します。
# 確率が 0 のとき log(0) = −∞ にならないよう、log の中で微小な値 1e-7 を足します。
# 戻り値は 1 つの実数です。
# """
# instructions.en = """
# Complete the line that returns the cross-entropy error of a mini-batch.
# d holds the correct classes as integers (class indices, not one-hot), shape (N,); y is the
# softmax output, shape (N, K). For every example take the log of the probability of its
# correct class, flip the sign and average over the N examples. Add the small value 1e-7
# inside the log so that a probability of 0 does not give log(0) = −∞.
# The result is a single real number.
# """
#
# [[hints]]
# ja = """\
# E = −(1/N) Σ_n log(y[n, d_n] + 1e-7) です。正解以外のクラスの確率は使いません。"""
# en = """\
# E = −(1/N) Σ_n log(y[n, d_n] + 1e-7). The probabilities of the other classes are not \
# used."""
#
# [[hints]]
# ja = """\
# 各行 n から列 d_n を 1 つずつ取り出すには、行の番号の配列 np.arange(n) と d を\
# 組にして添字に使います: y[行番号の配列, 列番号の配列] は (N,) になります。\
# y[:, d] は (N, N) の行列になってしまうので違います。"""
# en = """\
# To take column d_n from every row n, index with the array of row numbers np.arange(n) \
# paired with d: y[row numbers, column numbers] is (N,). y[:, d] would be an (N, N) \
# matrix."""
#
# [[hints]]
# ja = """\
# 取り出した (N,) に 1e-7 を足して np.log を取り、np.sum で足し合わせ、符号を反転して n で\
# 割ります。"""
# en = """\
# Add 1e-7 to the (N,) values taken, apply np.log, add them up with np.sum, flip the sign \
# and divide by n."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(np.log(y[np.arange(n), d] + 1e-7))"
# source = "common"
# why.ja = """\
# バッチの大きさ n で割っていません。これは合計で、データ数が変わると損失の大きさも\
# 変わってしまいます。n で割って 1 件あたりの平均にします。"""
# why.en = """\
# This does not divide by the batch size n: it is a total, which grows with the number of \
# examples. Divide by n to get the mean per example."""
#
# [[wrong]]
# blank = 1
# answer = "return np.sum(np.log(y[np.arange(n), d] + 1e-7)) / n"
# source = "common"
# why.ja = """\
# マイナスの符号がありません。確率の対数は 0 以下なので、符号を反転して 0 以上の損失にします。"""
# why.en = """\
# The minus sign is missing. The log of a probability is ≤ 0; flip the sign to get a loss \
# ≥ 0."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(np.log(y[:, d] + 1e-7)) / n"
# source = "common"
# why.ja = """\
# y[:, d] はすべての行から d のすべての列を取り出す (N, N) の行列です。行 n からは列 d_n だけを\
# 取り出すよう、行番号の配列 np.arange(n) と d を組にして添字に使います。"""
# why.en = """\
# y[:, d] takes all the columns d from every row: an (N, N) matrix. Take only column d_n \
# from row n by pairing the row numbers np.arange(n) with d."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(d * np.log(y + 1e-7)) / n"
# source = "common"
# why.ja = """\
# これは d が one-hot (N, K) のときの式です。ここでの d はクラス番号の (N,) なので、\
# 掛け算ではなく添字で正解クラスの確率を取り出します。"""
# why.en = """\
# This is the formula for one-hot labels d (N, K). Here d holds class indices (N,): use \
# them as indices to take the probability of the correct class, not as factors."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(np.log(y + 1e-7)) / n"
# source = "common"
# why.ja = """\
# すべてのクラスの確率の対数を足しています。交差エントロピーで使うのは正解クラスの確率だけです。"""
# why.en = """\
# This adds the logs of all the class probabilities. The cross-entropy uses only the \
# probability of the correct class."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(np.log(y[np.arange(n), d])) / n"
# source = "common"
# why.ja = """\
# 1e-7 を足していないので、正解クラスの確率が 0 のとき log(0) = −∞ で損失が inf になります。\
# log の中で 1e-7 を足します。"""
# why.en = """\
# Without 1e-7, a probability of 0 for the correct class gives log(0) = −∞ and the loss is \
# inf. Add 1e-7 inside the log."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(np.log(y[np.arange(n), d]) + 1e-7) / n"
# source = "common"
# why.ja = """\
# 1e-7 を log の外で足しても log(0) = −∞ は防げません。log の中、確率に足します。"""
# why.en = """\
# Adding 1e-7 outside the log does not prevent log(0) = −∞. Add it to the probability, \
# inside the log."""
#
# [[wrong]]
# blank = 1
# answer = "return -np.sum(np.log(y[np.arange(n), d] + 1e-7)) / y.shape[1]"
# source = "common"
# why.ja = """\
# y.shape[1] はクラス数 K です。平均はデータ数 n = y.shape[0] で取ります。"""
# why.en = """\
# y.shape[1] is the number of classes K. Average over the number of examples \
# n = y.shape[0]."""
#
# [[accepted]]
# blank = 1
# answer = "return -np.mean(np.log(y[np.arange(n), d] + 1e-7))"
#
# [[accepted]]
# blank = 1
# answer = "return np.sum(-np.log(y[range(n), d] + 1e-7)) / n"
#
# [[accepted]]
# blank = 1
# answer = "return -np.log(y[np.arange(n), d] + 1e-7).sum() / n"
# ///
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


def cross_entropy_error(d: np.ndarray, y: np.ndarray) -> float:
    # d (N,) class indices, y (N, K) probabilities
    n = y.shape[0]  # batch size N
    # BEGIN BLANK
    return -np.sum(np.log(y[np.arange(n), d] + 1e-7)) / n
    # END BLANK


if __name__ == "__main__":
    y = np.array([[0.5, 0.3, 0.2], [0.1, 0.65, 0.25]])
    print(cross_entropy_error(np.array([0, 2]), y))  # (log 2 + log 4) / 2 ≈ 1.0397
