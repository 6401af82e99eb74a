"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

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
        h_f + h_b[::-1]
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
