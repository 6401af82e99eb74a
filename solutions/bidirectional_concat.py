# /// exercise
# id = "bidirectional_concat"
# day = 3
# section = 4
# points = 10
# topic = { ja = "双方向RNN", en = "Bidirectional RNN" }
# title = { ja = "双方向 RNN の隠れ状態の連結", en = "Joining the states of a bidirectional RNN" }
# instructions.ja = """
# 双方向 RNN の隠れ状態を作る処理を完成させてください。
# 順方向の RNN は系列をそのまま、逆方向の RNN は時間を反転した系列を読みます。
# 空欄では、1 つのサンプルについて順方向の隠れ状態 h_f (T, H) と
# 逆方向の隠れ状態 h_b (T, H) から、各時刻 t の特徴 (T, 2H) を作ります。
# 時刻 t の行は、前半 H 個が順方向の状態、後半 H 個が同じ時刻 t に対応する
# 逆方向の状態になるようにしてください。
# """
# instructions.en = """
# Complete the hidden states of a bidirectional RNN.
# The forward RNN reads the sequence as it is, the backward RNN reads it reversed in time.
# In the blank, for one sample, build the features (T, 2H) from the forward states
# h_f (T, H) and the backward states h_b (T, H).
# Row t must hold the forward state in its first H entries and the backward state that
# belongs to the same time step t in its last H entries.
# """
#
# [[hints]]
# ja = """\
# 出力の形は (T, 2H) です。2 つの (T, H) の配列を、時間の軸ではなく特徴の軸\
# （axis=1）に沿ってつなぎます。"""
# en = """\
# The result has shape (T, 2H): join two (T, H) arrays along the feature axis (axis=1), \
# not along the time axis."""
#
# [[hints]]
# ja = """\
# 逆方向 RNN は反転した系列を読んだので、h_b の 0 行目は最後の時刻 T-1 に対応します。\
# 時刻をそろえるには、h_b の時間の並びをもう一度反転させます。"""
# en = """\
# The backward RNN read the reversed sequence, so row 0 of h_b belongs to the last time \
# step T-1. To align the time steps, reverse h_b in time once more."""
#
# [[hints]]
# ja = """\
# np.concatenate に [順方向の状態, 時間を反転した逆方向の状態] のリストを渡し、\
# axis=1 を指定します。(T, H) の配列の時間反転は [::-1] です。"""
# en = """\
# Pass np.concatenate the list [forward states, backward states reversed in time] and \
# axis=1. For a (T, H) array, [::-1] reverses time."""
#
# [[wrong]]
# blank = 1
# answer = "h_f + h_b[::-1]"
# source = "quiz"
# why.ja = """\
# 足し算では 2 つの状態が混ざり、形も (T, H) のままです。双方向 RNN では\
# 2 つの状態を連結して (T, 2H) の特徴にします。"""
# why.en = """\
# Adding mixes the two states and keeps the shape (T, H). A bidirectional RNN \
# concatenates them into (T, 2H) features."""
#
# [[wrong]]
# blank = 1
# answer = "h_f * h_b[::-1]"
# source = "quiz"
# why.ja = """\
# 要素積では 2 つの状態が混ざり、形も (T, H) のままです。\
# 2 つの状態は連結して (T, 2H) にします。"""
# why.en = """\
# The element-wise product mixes the two states and keeps the shape (T, H). \
# Concatenate them into (T, 2H) instead."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([h_f, h_b[::-1]], axis=0)"
# source = "quiz"
# why.ja = """\
# axis=0 は時間の軸です。これでは系列の後ろに逆方向の状態が並び、形が (2T, H) になります。\
# 特徴の軸 axis=1 に沿って連結し、(T, 2H) にします。"""
# why.en = """\
# axis=0 is the time axis: this appends the backward states after the sequence and gives \
# (2T, H). Concatenate along the feature axis, axis=1, to get (T, 2H)."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([h_f, h_b], axis=1)"
# source = "common"
# why.ja = """\
# 逆方向の状態を時間反転で戻していません。h_b の s 行目は反転系列の s 番目、\
# つまり時刻 T-1-s に対応するので、時刻 t の行に別の時刻の逆方向状態が並んでしまいます。"""
# why.en = """\
# The backward states are not reversed back. Row s of h_b belongs to time step T-1-s of \
# the original sequence, so row t would pair the forward state with the backward state of \
# another time step."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([h_b[::-1], h_f], axis=1)"
# source = "common"
# why.ja = """\
# 前半と後半が逆です。前半 H 個が順方向の状態、後半 H 個が逆方向の状態です\
# （出力層の重み V はこの並びを前提にしています）。"""
# why.en = """\
# The halves are swapped: the forward half must come first and the backward half second \
# (the output weights V assume this order)."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([h_f[::-1], h_b], axis=1)"
# source = "common"
# why.ja = """\
# 反転させる側が逆です。順方向の状態 h_f はすでに元の時間順に並んでいます。\
# 時間を反転して戻すのは、反転系列を読んだ逆方向の状態 h_b の方です。"""
# why.en = """\
# The wrong one is reversed. The forward states h_f are already in the original time \
# order; it is the backward states h_b, computed on the reversed sequence, that must be \
# reversed back."""
#
# [[wrong]]
# blank = 1
# answer = "np.stack([h_f, h_b[::-1]], axis=1)"
# source = "common"
# why.ja = """\
# np.stack は新しい軸を作るので形が (T, 2, H) になります。\
# 既存の特徴の軸に沿ってつなぐ np.concatenate を使い、(T, 2H) にします。"""
# why.en = """\
# np.stack creates a new axis and gives (T, 2, H). Join along the existing feature axis \
# with np.concatenate to get (T, 2H)."""
#
# [[accepted]]
# blank = 1
# answer = "np.hstack([h_f, h_b[::-1]])"
#
# [[accepted]]
# blank = 1
# answer = "np.concatenate((h_f, h_b[::-1]), axis=-1)"
#
# [[accepted]]
# blank = 1
# answer = "np.concatenate([h_f, np.flip(h_b, axis=0)], axis=1)"
# ///
"""双方向 RNN / Bidirectional RNN.

日本語
------
列形式（重みは (出力, 入力)）の単純な RNN を順方向と逆方向に 1 つずつ使う。

    h_t = tanh(x_t Wᵀ + h_{t-1} Uᵀ),  h_{-1} = 0                    （_rnn、バイアスなし）
    順方向:  hs_f = RNN_f(x_0, x_1, …, x_{T-1})
    逆方向:  hs_b = RNN_b(x_{T-1}, x_{T-2}, …, x_0)                  （時間を反転して読む）
    双方向の特徴:  hs[:, t] = [ hs_f[:, t] ; hs_b[:, T-1-t] ]        （; は連結、長さ 2H）
    出力:  y_t = hs[:, t] Vᵀ

hs_b[:, s] は反転系列を s まで読んだ逆方向 RNN の状態、つまり x[T-1-s:] を読んだ状態。
これを時間反転して並べ直すと、hs[:, t, :H] は x[:t+1]（過去から t まで）を、
hs[:, t, H:] は x[t:]（t から未来まで）を読んだ状態になり、両方が時刻 t にそろう。

形状:
    xs (N, T, D)                入力系列（N: バッチ、T: 時間、D: 入力次元）
    W, W_f, W_b (H, D)          入力の重み
    U, U_f, U_b (H, H)          隠れ状態の重み
    _rnn の戻り値 hs (N, T, H)
    h_f, h_b (T, H)             1 サンプル分の順方向・逆方向の状態
    bidirectional_states の戻り値 hs (N, T, 2H)（前半 H が順方向、後半 H が逆方向）
    V (O, 2H)                   出力の重み
    bidirectional_rnn_net の戻り値 ys (N, T, O)

English
-------
Two plain RNNs in column form (weights (out, in)), one reading forwards and one backwards.

    h_t = tanh(x_t Wᵀ + h_{t-1} Uᵀ),  h_{-1} = 0                    (_rnn, no bias)
    forward:   hs_f = RNN_f(x_0, x_1, …, x_{T-1})
    backward:  hs_b = RNN_b(x_{T-1}, x_{T-2}, …, x_0)                (reads reversed time)
    bidirectional features:  hs[:, t] = [ hs_f[:, t] ; hs_b[:, T-1-t] ]   (; joins, 2H)
    output:  y_t = hs[:, t] Vᵀ

hs_b[:, s] is the backward RNN's state after reading the reversed sequence up to s, i.e.
it has read x[T-1-s:]. Re-reversing it in time aligns it so that hs[:, t, :H] has read
x[:t+1] (the past up to t) while hs[:, t, H:] has read x[t:] (from t to the end): both
belong to time step t.

Shapes:
    xs (N, T, D)                input sequences (N: batch, T: time, D: input size)
    W, W_f, W_b (H, D)          input weights
    U, U_f, U_b (H, H)          recurrent weights
    _rnn returns hs (N, T, H)
    h_f, h_b (T, H)             forward and backward states of one sample
    bidirectional_states returns hs (N, T, 2H) (forward half first, backward half second)
    V (O, 2H)                   output weights
    bidirectional_rnn_net returns ys (N, T, O)
"""

import numpy as np


def _rnn(xs: np.ndarray, W: np.ndarray, U: np.ndarray) -> np.ndarray:
    N, T, D = xs.shape
    H = W.shape[0]
    hs = np.zeros((N, T, H))
    h = np.zeros((N, H))  # h_{-1} = 0
    for t in range(T):
        h = np.tanh(xs[:, t].dot(W.T) + h.dot(U.T))  # (N, H)
        hs[:, t] = h
    return hs  # (N, T, H)


def bidirectional_states(
    xs: np.ndarray,
    W_f: np.ndarray, U_f: np.ndarray,
    W_b: np.ndarray, U_b: np.ndarray,
) -> np.ndarray:
    xs_f = np.zeros_like(xs)  # (N, T, D)
    xs_b = np.zeros_like(xs)  # (N, T, D)
    for i, x in enumerate(xs):  # x (T, D), one sample
        xs_f[i] = x
        xs_b[i] = x[::-1]  # reversed in time
    hs_f = _rnn(xs_f, W_f, U_f)  # (N, T, H)
    hs_b = _rnn(xs_b, W_b, U_b)  # (N, T, H), hs_b[:, s] has read x[T-1-s:]
    hs = np.array([
        np.concatenate([h_f, h_b[::-1]], axis=1)  # BLANK: np.concatenate([h_f, h_b[::-1]], axis=1)
        for h_f, h_b in zip(hs_f, hs_b, strict=True)  # h_f, h_b (T, H), one sample
    ])
    return hs  # (N, T, 2H)


def bidirectional_rnn_net(
    xs: np.ndarray,
    W_f: np.ndarray, U_f: np.ndarray,
    W_b: np.ndarray, U_b: np.ndarray,
    V: np.ndarray,
) -> np.ndarray:
    hs = bidirectional_states(xs, W_f, U_f, W_b, U_b)  # (N, T, 2H)
    ys = hs.dot(V.T)  # (N, T, O)
    return ys


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, T, D, H, n_out = 2, 5, 3, 4, 2
    xs = rng.standard_normal((N, T, D))
    W_f, W_b = rng.standard_normal((H, D)), rng.standard_normal((H, D))
    U_f, U_b = rng.standard_normal((H, H)), rng.standard_normal((H, H))
    V = rng.standard_normal((n_out, 2 * H))
    print(bidirectional_rnn_net(xs, W_f, U_f, W_b, U_b, V).shape)  # (2, 5, 2)
