# ============================================================================
# edrill · minibatch · Day 1 Section 4 · ミニバッチ勾配降下法 / Mini-batch gradient descent
# ミニバッチの取り出し / Taking the mini-batches
#
# 【課題】
# ミニバッチ勾配降下法で、1 エポックごとに訓練データをシャッフルし、先頭から
# batch_size 個ずつのミニバッチに分けて順に取り出す処理を完成させてください。
# 空欄は、i 番目から i_end 番目の手前までのデータ batch_x とその教師データ batch_t を
# 取り出す 1 行です（batch_x, batch_t = … の形）。
# データ数 N が batch_size で割り切れないとき、最後のミニバッチは残りのデータだけになります。
# 講座のコードではここで _update(batch_x, batch_t) を呼びますが、
# この演習では取り出したミニバッチをリスト batches に集めて返します。
#
# [Task]
# Complete mini-batch gradient descent's loop: every epoch shuffles the training data and
# takes it, from the front, in mini-batches of batch_size examples. The blank is the data
# batch_x from index i up to (not including) i_end, and its labels batch_t. When N is not a
# multiple of batch_size, the last mini-batch holds only the examples left. The course's
# code calls _update(batch_x, batch_t) here; this exercise collects the mini-batches in the
# list batches and returns it. The blank is one line, of the form batch_x, batch_t = ….
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade minibatch` で採点。ヒント: `grade hint minibatch`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade minibatch`. Hints: `grade hint minibatch`
# ============================================================================
"""ミニバッチの取り出し / Taking the mini-batches.

日本語
------
ミニバッチ勾配降下法。エポックごとに N 個の訓練データを並べ替え、先頭から
batch_size 個ずつに分ける。

    エポックごとに: 並べ替え π（rng.permutation(N)）
    ミニバッチ j = 0, 1, …, ⌈N / B⌉ - 1:
        D_j = { (x_{π(n)}, t_{π(n)}) : jB ≤ n < min((j + 1)B, N) }
        （講座のコードではここで D_j による更新 w ← w - η ∇E_{D_j}）

B = batch_size。最後のミニバッチは N - ⌊(N - 1) / B⌋·B 個。
乱数は引数 rng（numpy.random.Generator）からだけ取る。

形状:
    data_x (N, D)    訓練データ
    data_t (N, K)    教師データ（one-hot）
    batch_x (n, D), batch_t (n, K)    n = B（最後だけ N - (⌈N / B⌉ - 1)·B）
    戻り値          n_epoch·⌈N / B⌉ 個の (batch_x, batch_t) のリスト

English
-------
Mini-batch gradient descent. Every epoch reorders the N training examples and cuts them,
from the front, into mini-batches of batch_size examples.

    every epoch: a permutation π (rng.permutation(N))
    mini-batch j = 0, 1, …, ⌈N / B⌉ - 1:
        D_j = { (x_{π(n)}, t_{π(n)}) : jB ≤ n < min((j + 1)B, N) }
        (the course's code updates here: w ← w - η ∇E_{D_j})

B = batch_size. The last mini-batch holds N - ⌊(N - 1) / B⌋·B examples. Randomness comes
only from the argument rng (a numpy.random.Generator).

Shapes:
    data_x (N, D)    training data
    data_t (N, K)    labels (one-hot)
    batch_x (n, D), batch_t (n, K)    n = B (only the last: N - (⌈N / B⌉ - 1)·B)
    returns          a list of n_epoch·⌈N / B⌉ pairs (batch_x, batch_t)
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of minibatch is not filled in yet")


def minibatches(data_x: np.ndarray, data_t: np.ndarray, n_epoch: int, batch_size: int,
                rng: np.random.Generator) -> list[tuple[np.ndarray, np.ndarray]]:
    N = len(data_x)
    batches = []
    for _ in range(n_epoch):
        shuffle_idx = rng.permutation(N)
        data_x = data_x[shuffle_idx]  # (N, D)
        data_t = data_t[shuffle_idx]  # (N, K)
        for i in range(0, N, batch_size):
            i_end = i + batch_size
            # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
            _blank(1)
            # └──
            batches.append((batch_x, batch_t))  # the course calls _update(batch_x, batch_t)
    return batches


if __name__ == "__main__":
    data_x = np.arange(10.0).reshape(5, 2)  # N = 5, D = 2
    data_t = np.eye(5)  # (5, 5)
    for batch_x, batch_t in minibatches(data_x, data_t, 1, 2, np.random.default_rng(0)):
        print(batch_x.shape, batch_t.argmax(axis=1))  # (2, 2) (2, 2) (1, 2)
