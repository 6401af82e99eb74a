# ============================================================================
# edrill · mean_squared_error · Day 1 Section 3 · 損失関数（平均二乗誤差） / Loss functions: the mean squared error
# 平均二乗誤差（講座の形） / The mean squared error (the course's form)
#
# 【課題】
# 回帰の損失関数、平均二乗誤差を返す 1 行を完成させてください（講座のコードの形）。
# 引数は教師ラベル d が先、ネットワークの出力 y が後で、形は同じです（(N, K) や (K,)）。
# 誤差 d − y の二乗を「すべての要素」で平均し、最後に 2 で割ります。戻り値は 1 つの実数です。
#
# [Task]
# Complete the line that returns the mean squared error, the loss of regression (the
# course's code). The teacher label d comes first and the network's output y second; they
# have the same shape ((N, K) or (K,)). Average the squared error (d − y)² over all the
# entries, then divide by 2. The result is a single real number.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade mean_squared_error` で採点。ヒント: `grade hint mean_squared_error`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade mean_squared_error`. Hints: `grade hint mean_squared_error`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of mean_squared_error is not filled in yet")


def mean_squared_error(d: np.ndarray, y: np.ndarray) -> float:
    # d (N, K) teacher labels, y (N, K) outputs
    return _blank(1)


if __name__ == "__main__":
    print(mean_squared_error(np.array([1.0, 0.0, 0.0]), np.array([0.7, 0.2, 0.1])))  # 7/300
