# /// exercise
# id = "minibatch"
# day = 1
# section = 4
# points = 10
# topic = { ja = "ミニバッチ勾配降下法", en = "Mini-batch gradient descent" }
# title = { ja = "ミニバッチの取り出し", en = "Taking the mini-batches" }
# instructions.ja = """
# ミニバッチ勾配降下法で、1 エポックごとに訓練データをシャッフルし、先頭から
# batch_size 個ずつのミニバッチに分けて順に取り出す処理を完成させてください。
# 空欄は、i 番目から i_end 番目の手前までのデータ batch_x とその教師データ batch_t を
# 取り出す 1 行です（batch_x, batch_t = … の形）。
# データ数 N が batch_size で割り切れないとき、最後のミニバッチは残りのデータだけになります。
# 講座のコードではここで _update(batch_x, batch_t) を呼びますが、
# この演習では取り出したミニバッチをリスト batches に集めて返します。
# """
# instructions.en = """
# Complete mini-batch gradient descent's loop: every epoch shuffles the training data and
# takes it, from the front, in mini-batches of batch_size examples. The blank is the data
# batch_x from index i up to (not including) i_end, and its labels batch_t. When N is not a
# multiple of batch_size, the last mini-batch holds only the examples left. The course's
# code calls _update(batch_x, batch_t) here; this exercise collects the mini-batches in the
# list batches and returns it. The blank is one line, of the form batch_x, batch_t = ….
# """
#
# [[hints]]
# ja = """\
# i は 0, batch_size, 2·batch_size, … と進み、i_end = i + batch_size です。\
# 1 回のループで取り出すのは i 番目から i_end − 1 番目までです。"""
# en = """\
# i runs 0, batch_size, 2·batch_size, …, and i_end = i + batch_size: one pass of the \
# loop takes the examples i to i_end − 1."""
#
# [[hints]]
# ja = """\
# Python のスライス a[start:stop] は start から stop の手前までを取り出し、\
# stop が長さを超えても残りだけを返します。"""
# en = """\
# A Python slice a[start:stop] takes start up to but not including stop, and a stop past \
# the end simply gives what is left."""
#
# [[hints]]
# ja = """\
# data_x と data_t を同じスライス i:i_end で切り出し、カンマで区切って 2 つ並べます\
# （入力と教師データの組がずれないように）。"""
# en = """\
# Slice data_x and data_t with the same slice i:i_end and write the two separated by a \
# comma (so inputs and labels stay paired)."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i], data_t[i]"
# source = "common"
# why.ja = """\
# 1 個のデータしか取り出していません（ミニバッチではなく確率的勾配降下法になり、\
# 残りの batch_size − 1 個は使われません）。i から i_end の手前までをスライスで取り出します。"""
# why.en = """\
# This takes a single example (plain SGD instead of a mini-batch), and the other \
# batch_size − 1 examples are never used. Slice from i up to i_end."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i:batch_size], data_t[i:batch_size]"
# source = "common"
# why.ja = """\
# スライスの終わりが batch_size に固定されているので、2 つ目以降のミニバッチが空になります。\
# 終わりは i_end = i + batch_size です。"""
# why.en = """\
# The slice always stops at batch_size, so the second and later mini-batches are empty. \
# It must stop at i_end = i + batch_size."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[:i_end], data_t[:i_end]"
# source = "common"
# why.ja = """\
# 毎回先頭から取り出しているので、ミニバッチがだんだん大きくなり、前のデータが何度も\
# 使われます。始まりは i です。"""
# why.en = """\
# Every slice starts at the front, so the mini-batches grow and the early examples are \
# used again and again. Start at i."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i:i_end + 1], data_t[i:i_end + 1]"
# source = "common"
# why.ja = """\
# スライスの終わりは含まれないので、+ 1 は不要です。batch_size + 1 個取り出され、\
# i_end 番目のデータが次のミニバッチと重なります。"""
# why.en = """\
# A slice excludes its stop, so no + 1: this takes batch_size + 1 examples, and example \
# i_end also appears in the next mini-batch."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i:i_end], data_x[i:i_end]"
# source = "common"
# why.ja = """\
# 教師データも data_x から取り出しています。batch_t は data_t から切り出します。"""
# why.en = """\
# The labels are taken from data_x too. batch_t is a slice of data_t."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i * batch_size:i_end], data_t[i * batch_size:i_end]"
# source = "common"
# why.ja = """\
# i はミニバッチの番号ではなく、すでにデータの位置（0, batch_size, 2·batch_size, …）です。\
# batch_size を掛けると始まりが i_end を超え、2 つ目以降のミニバッチが空になります。"""
# why.en = """\
# i is already the position in the data (0, batch_size, 2·batch_size, …), not the \
# mini-batch's number. Multiplied by batch_size the start passes i_end, and the second \
# and later mini-batches are empty."""
#
# [[wrong]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i_end:i], data_t[i_end:i]"
# source = "common"
# why.ja = """\
# 始まりと終わりが逆です。始まりが終わり以上のスライスは空になります。"""
# why.en = """\
# Start and stop are swapped: a slice whose start is at or past its stop is empty."""
#
# [[accepted]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i:i + batch_size], data_t[i:i + batch_size]"
#
# [[accepted]]
# blank = 1
# answer = "batch_x, batch_t = (data_x[i:i_end], data_t[i:i_end])"
#
# [[accepted]]
# blank = 1
# answer = "batch_x, batch_t = data_x[i:min(i_end, N)], data_t[i:min(i_end, N)]"
# ///
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
            # BEGIN BLANK
            batch_x, batch_t = data_x[i:i_end], data_t[i:i_end]
            # END BLANK
            batches.append((batch_x, batch_t))  # the course calls _update(batch_x, batch_t)
    return batches


if __name__ == "__main__":
    data_x = np.arange(10.0).reshape(5, 2)  # N = 5, D = 2
    data_t = np.eye(5)  # (5, 5)
    for batch_x, batch_t in minibatches(data_x, data_t, 1, 2, np.random.default_rng(0)):
        print(batch_x.shape, batch_t.argmax(axis=1))  # (2, 2) (2, 2) (1, 2)
