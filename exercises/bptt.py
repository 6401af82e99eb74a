# ============================================================================
# edrill · bptt · Day 3 Section 1 · BPTT（通時的誤差逆伝播法） / Backpropagation through time (BPTT)
# BPTT: 誤差を 1 時刻さかのぼらせる / BPTT: carrying the error one time step back
#
# 【課題】
# 演習チャレンジの BPTT を完成させてください。ネットワークは列形式で、中間層の活性化関数は
# 恒等関数です（h_t = W x_t + U h_{t-1}、出力 o_t = V h_t）。
# 内側のループは時刻 bptt_step の誤差 delta_t (N, H) から dW と dU に寄与を足し、
# そのあと delta_t を 1 時刻前（bptt_step − 1）の中間層の誤差に更新します。
# 空欄はその更新後の delta_t (N, H) です。
#
# [Task]
# Complete the BPTT of the course quiz. The network is in column form and the hidden
# layer's activation is the identity (h_t = W x_t + U h_{t-1}, output o_t = V h_t).
# The inner loop adds the contributions of the error delta_t (N, H) at time bptt_step to dW
# and dU, then turns delta_t into the error of the hidden layer one step earlier
# (bptt_step − 1). The blank is that updated delta_t (N, H).
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade bptt` で採点。ヒント: `grade hint bptt`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade bptt`. Hints: `grade hint bptt`
# ============================================================================
"""BPTT（通時的誤差逆伝播法）/ Backpropagation through time.

日本語
------
演習チャレンジの BPTT（列形式）。中間層の活性化関数は恒等関数（tanh などではない）なので、
誤差が 1 時刻さかのぼるときに掛かるのは重み U だけになる。

    順伝播:  h_t = W x_t + U h_{t-1}（h_{-1} = 0）,   o_t = V h_t
    損失:    L = 1/(2N) Σ_{n,t} ‖o_t − y_t‖²,   do_t = o_t − y_t（_calculate_do）
    逆伝播（誤差を行ベクトルの並びで持つ）:
        δ_t = do_t V                              （時刻 t の出力から中間層へ）
        dV += do_tᵀ h_t / N
        s = t, t−1, …, 0 について:
            dW += δ_sᵀ x_s / N,   dU += δ_sᵀ h_{s-1} / N
            δ_{s-1} = δ_s U                       （空欄: 1 時刻さかのぼる）

演習問題の hiddens[:, bptt_step - 1] は bptt_step = 0 のとき最後の時刻の h を指してしまう
ため、ここでは h_{-1} = 0（h0）を使う。

形状（N はバッチサイズ、T は系列長）:
    xs (N, T, D), ys (N, T, K)
    W (H, D), U (H, H), V (K, H)           （列形式: 重みは (出力, 入力)）
    hiddens (N, T, H), outputs (N, T, K), do (N, T, K)
    delta_t (N, H)
    戻り値 dW (H, D), dU (H, H), dV (K, H)

English
-------
The BPTT of the course quiz (column form). The hidden layer's activation is the identity
(not tanh), so an error going one step back in time is multiplied by the weight U only.

    forward:   h_t = W x_t + U h_{t-1} (h_{-1} = 0),   o_t = V h_t
    loss:      L = 1/(2N) Σ_{n,t} ‖o_t − y_t‖²,   do_t = o_t − y_t (_calculate_do)
    backward (errors kept as batches of row vectors):
        δ_t = do_t V                              (from the output at t into the hidden layer)
        dV += do_tᵀ h_t / N
        for s = t, t−1, …, 0:
            dW += δ_sᵀ x_s / N,   dU += δ_sᵀ h_{s-1} / N
            δ_{s-1} = δ_s U                       (the blank: one step back)

The quiz's hiddens[:, bptt_step - 1] is the last step's h when bptt_step = 0; here
h_{-1} = 0 (h0) is used instead.

Shapes (N is the batch size, T the sequence length):
    xs (N, T, D), ys (N, T, K)
    W (H, D), U (H, H), V (K, H)           (column form: weights are (out, in))
    hiddens (N, T, H), outputs (N, T, K), do (N, T, K)
    delta_t (N, H)
    returns dW (H, D), dU (H, H), dV (K, H)
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of bptt is not filled in yet")


def rnn_net(
    xs: np.ndarray, W: np.ndarray, U: np.ndarray, V: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    N, n_seq = xs.shape[:2]
    h = np.zeros((N, U.shape[0]))  # h_{-1} = 0, (N, H)
    hiddens, outputs = [], []
    for t in range(n_seq):
        h = xs[:, t].dot(W.T) + h.dot(U.T)  # (N, H), identity activation
        hiddens.append(h)
        outputs.append(h.dot(V.T))  # (N, K)
    return np.stack(hiddens, axis=1), np.stack(outputs, axis=1)  # (N, T, H), (N, T, K)


def _calculate_do(outputs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    return outputs - ys  # (N, T, K), N times dL/do for L = Σ ‖o − y‖² / (2N)


def bptt(
    xs: np.ndarray, ys: np.ndarray, W: np.ndarray, U: np.ndarray, V: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    hiddens, outputs = rnn_net(xs, W, U, V)

    dW = np.zeros_like(W)  # (H, D)
    dU = np.zeros_like(U)  # (H, H)
    dV = np.zeros_like(V)  # (K, H)
    do = _calculate_do(outputs, ys)  # (N, T, K)

    batch_size, n_seq = ys.shape[:2]
    h0 = np.zeros_like(hiddens[:, 0])  # h_{-1} = 0, (N, H)
    for t in reversed(range(n_seq)):
        dV += np.dot(do[:, t].T, hiddens[:, t]) / batch_size  # (K, H)
        delta_t = do[:, t].dot(V)  # (N, H)
        for bptt_step in reversed(range(t + 1)):
            h_prev = hiddens[:, bptt_step - 1] if bptt_step > 0 else h0  # (N, H)
            dW += np.dot(delta_t.T, xs[:, bptt_step]) / batch_size  # (H, D)
            dU += np.dot(delta_t.T, h_prev) / batch_size  # (H, H)
            delta_t = _blank(1)
    return dW, dU, dV


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, T, D, H, K = 2, 4, 3, 5, 2
    xs, ys = rng.standard_normal((N, T, D)), rng.standard_normal((N, T, K))
    W, V = rng.standard_normal((H, D)), rng.standard_normal((K, H))
    U = 0.5 * rng.standard_normal((H, H))
    for grad in bptt(xs, ys, W, U, V):
        print(grad.shape)  # (5, 3), (5, 5), (2, 5)
