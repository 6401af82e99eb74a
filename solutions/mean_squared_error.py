# /// exercise
# id = "mean_squared_error"
# day = 1
# section = 3
# points = 10
# topic = { ja = "損失関数（平均二乗誤差）", en = "Loss functions: the mean squared error" }
# title = { ja = "平均二乗誤差（講座の形）", en = "The mean squared error (the course's form)" }
# instructions.ja = """
# 回帰の損失関数、平均二乗誤差を返す 1 行を完成させてください（講座のコードの形）。
# 引数は教師ラベル d が先、ネットワークの出力 y が後で、形は同じです（(N, K) や (K,)）。
# 誤差 d − y の二乗を「すべての要素」で平均し、最後に 2 で割ります。戻り値は 1 つの実数です。
# """
# instructions.en = """
# Complete the line that returns the mean squared error, the loss of regression (the
# course's code). The teacher label d comes first and the network's output y second; they
# have the same shape ((N, K) or (K,)). Average the squared error (d − y)² over all the
# entries, then divide by 2. The result is a single real number.
# """
#
# [[hints]]
# ja = """\
# E = (1/2) · mean((d − y)²) です。平均はデータ数と出力の次元のすべての要素についてとります。"""
# en = """\
# E = (1/2) · mean((d − y)²). The mean runs over all the entries, examples and output \
# dimensions alike."""
#
# [[hints]]
# ja = """\
# 要素ごとの二乗は np.square、すべての要素の平均は np.mean（axis を指定しない）で求まります。"""
# en = """\
# np.square squares element by element; np.mean without an axis averages over all the \
# entries."""
#
# [[hints]]
# ja = """\
# d − y を np.square で二乗し、np.mean で平均して、2 で割ります。"""
# en = """\
# Square d − y with np.square, average with np.mean and divide by 2."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(np.square(d - y)) / 2"
# source = "common"
# why.ja = """\
# これは二乗和誤差（ゼロから作る Deep Learning の sum_squared_error の形）です。\
# 講座の平均二乗誤差は和ではなく平均をとるので、要素数が変わっても大きさが変わりません。"""
# why.en = """\
# This is the sum of squared errors (the form of sum_squared_error in Deep Learning from \
# Scratch). The course's mean squared error takes the mean, not the sum, so its size does \
# not grow with the number of entries."""
#
# [[wrong]]
# blank = 1
# answer = "np.mean(np.square(d - y))"
# source = "common"
# why.ja = """\
# 最後に 2 で割っていません。講座の形では 1/2 を掛け、微分したときに二乗の 2 と打ち消し合う\
# ようにしています。"""
# why.en = """\
# The division by 2 is missing. The course's form has the factor 1/2, which cancels the 2 \
# of the square when differentiating."""
#
# [[wrong]]
# blank = 1
# answer = "np.mean(d - y) / 2"
# source = "common"
# why.ja = """\
# 誤差を二乗していません。正と負の誤差が打ち消し合い、外れていても 0 になることがあります。"""
# why.en = """\
# The error is not squared: positive and negative errors cancel, and a wrong output can \
# score 0."""
#
# [[wrong]]
# blank = 1
# answer = "np.mean(np.abs(d - y)) / 2"
# source = "common"
# why.ja = """\
# 絶対値は平均絶対誤差（L1）です。平均二乗誤差は誤差の二乗を使います。"""
# why.en = """\
# The absolute value gives the mean absolute error (L1). The mean squared error squares \
# the error."""
#
# [[wrong]]
# blank = 1
# answer = "np.square(np.mean(d - y)) / 2"
# source = "common"
# why.ja = """\
# 平均してから二乗しています。順番が逆で、誤差を要素ごとに二乗してから平均します。"""
# why.en = """\
# This averages first and squares afterwards. Square every error first, then average."""
#
# [[wrong]]
# blank = 1
# answer = "np.sqrt(np.mean(np.square(d - y))) / 2"
# source = "common"
# why.ja = """\
# 平方根をとると二乗平均平方根誤差（RMSE）になります。平均二乗誤差に平方根はありません。"""
# why.en = """\
# The square root gives the root mean squared error (RMSE). The mean squared error has no \
# square root."""
#
# [[wrong]]
# blank = 1
# answer = "np.mean(np.square(d - y), axis=0) / 2"
# source = "common"
# why.ja = """\
# axis=0 で平均すると出力の次元ごとの配列が返ります。損失は 1 つの実数なので、\
# すべての要素で平均します（axis を指定しない）。"""
# why.en = """\
# The mean over axis=0 returns an array, one value per output dimension. The loss is a \
# single number: average over all the entries (no axis)."""
#
# [[accepted]]
# blank = 1
# answer = "np.mean((d - y) ** 2) / 2"
#
# [[accepted]]
# blank = 1
# answer = "0.5 * np.mean(np.square(y - d))"
#
# [[accepted]]
# blank = 1
# answer = "np.sum((d - y) ** 2) / (2 * d.size)"
# ///
"""平均二乗誤差 / The mean squared error.

日本語
------
回帰の損失関数。講座のコードの形で、すべての要素（N 件 × K 次元）について平均し、
1/2 を掛ける:

    E = (1 / 2) · (1 / (N K)) Σ_{n=1}^{N} Σ_{k=1}^{K} (d_{nk} − y_{nk})²

1/2 は微分 ∂E/∂y_{nk} = −(d_{nk} − y_{nk}) / (N K) をきれいにするための係数。
ゼロから作る Deep Learning の二乗和誤差 (1/2) Σ_k (y_k − t_k)² は和で、平均ではない。
引数の順番は講座のとおり、教師ラベル d が先、出力 y が後。

形状: d と y は同じ形の float64 配列（(N, K)、または 1 件なら (K,)）。
      戻り値は実数（スカラー）。

English
-------
The loss of regression. In the course's code it averages over all the entries (N examples
× K outputs) and takes half:

    E = (1 / 2) · (1 / (N K)) Σ_{n=1}^{N} Σ_{k=1}^{K} (d_{nk} − y_{nk})²

The factor 1/2 tidies the derivative ∂E/∂y_{nk} = −(d_{nk} − y_{nk}) / (N K). Deep Learning
from Scratch's sum of squared errors (1/2) Σ_k (y_k − t_k)² is a sum, not a mean. The
arguments come in the course's order: the teacher label d first, the output y second.

Shapes: d and y are float64 arrays of the same shape ((N, K), or (K,) for one example).
        The result is a real number (a scalar).
"""

import numpy as np


def mean_squared_error(d: np.ndarray, y: np.ndarray) -> float:
    # d (N, K) teacher labels, y (N, K) outputs
    return np.mean(np.square(d - y)) / 2  # BLANK: np.mean(np.square(d - y)) / 2


if __name__ == "__main__":
    print(mean_squared_error(np.array([1.0, 0.0, 0.0]), np.array([0.7, 0.2, 0.1])))  # 7/300
