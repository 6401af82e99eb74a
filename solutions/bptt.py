# /// exercise
# id = "bptt"
# day = 3
# section = 1
# points = 10
# requires = ["rnn_backward"]
# topic = { ja = "BPTT（通時的誤差逆伝播法）", en = "Backpropagation through time (BPTT)" }
# title.ja = "BPTT: 誤差を 1 時刻さかのぼらせる"
# title.en = "BPTT: carrying the error one time step back"
# instructions.ja = """
# 演習チャレンジの BPTT を完成させてください。ネットワークは列形式で、中間層の活性化関数は
# 恒等関数です（h_t = W x_t + U h_{t-1}、出力 o_t = V h_t）。
# 内側のループは時刻 bptt_step の誤差 delta_t (N, H) から dW と dU に寄与を足し、
# そのあと delta_t を 1 時刻前（bptt_step − 1）の中間層の誤差に更新します。
# 空欄はその更新後の delta_t (N, H) です。
# """
# instructions.en = """
# Complete the BPTT of the course quiz. The network is in column form and the hidden
# layer's activation is the identity (h_t = W x_t + U h_{t-1}, output o_t = V h_t).
# The inner loop adds the contributions of the error delta_t (N, H) at time bptt_step to dW
# and dU, then turns delta_t into the error of the hidden layer one step earlier
# (bptt_step − 1). The blank is that updated delta_t (N, H).
# """
#
# [[hints]]
# ja = """\
# h_{t-1} は h_t = W x_t + U h_{t-1} を通して h_t に効きます。活性化関数は恒等関数なので、\
# 微分は U だけです。"""
# en = """\
# h_{t-1} reaches h_t through h_t = W x_t + U h_{t-1}. The activation is the identity, so \
# the derivative is just U."""
#
# [[hints]]
# ja = """\
# 列形式 h_t = U h_{t-1} では ∂L/∂h_{t-1} = Uᵀ ∂L/∂h_t です。誤差を行ベクトルの並び (N, H) で\
# 持つときは、転置して δ_{t-1} = δ_t U（右から U を掛ける）になります。"""
# en = """\
# In column form h_t = U h_{t-1} gives ∂L/∂h_{t-1} = Uᵀ ∂L/∂h_t. Kept as a batch of row \
# vectors (N, H), the error transposes to δ_{t-1} = δ_t U (U multiplied on the right)."""
#
# [[hints]]
# ja = "delta_t と U の行列積を .dot で書きます（上の行の do[:, t].dot(V) と同じ形です）。"
# en = """\
# Write the matrix product of delta_t and U with .dot (the same form as do[:, t].dot(V) \
# above)."""
#
# [[wrong]]
# blank = 1
# answer = "delta_t.dot(W)"
# source = "quiz"
# why.ja = """\
# W は入力 x から中間層への重みです。誤差を前の時刻の中間層へ伝えるのは、\
# 中間層どうしをつなぐ重み U です。"""
# why.en = """\
# W is the weight from the input x into the hidden layer. The error travels to the previous \
# step's hidden layer through U, the weight between hidden layers."""
#
# [[wrong]]
# blank = 1
# answer = "delta_t.dot(V)"
# source = "quiz"
# why.ja = """\
# V は中間層から出力への重みで、出力の誤差を中間層に戻すとき（delta_t = do[:, t].dot(V)）に\
# 一度だけ使います。時間をさかのぼるのは U です。"""
# why.en = """\
# V is the weight from the hidden layer to the output; it is used once, to bring the \
# output error into the hidden layer (delta_t = do[:, t].dot(V)). Going back in time uses U."""
#
# [[wrong]]
# blank = 1
# answer = "delta_t * U"
# source = "common"
# why.ja = """\
# * は要素積です。(N, H) と (H, H) のブロードキャストになり、形が合わないか別の値になります。\
# 行列積 .dot を使います。"""
# why.en = """\
# * is the element-wise product: (N, H) times (H, H) broadcasts, giving a shape error or a \
# different value. Use the matrix product .dot."""
#
# [[wrong]]
# blank = 1
# answer = "delta_t.dot(U.T)"
# source = "common"
# why.ja = """\
# 列形式の h_t = U h_{t-1} の勾配は Uᵀ δ（列ベクトル）で、行ベクトルの並び (N, H) では\
# 転置が外れて δ U になります。U.T を掛けるのは順伝播（h.dot(U.T)）の形です。"""
# why.en = """\
# For column-form h_t = U h_{t-1} the gradient is Uᵀ δ (column vectors); for a batch of \
# row vectors (N, H) the transpose goes away: δ U. Multiplying by U.T is the forward pass's \
# form (h.dot(U.T))."""
#
# [[wrong]]
# blank = 1
# answer = "U.dot(delta_t)"
# source = "common"
# why.ja = """\
# delta_t は (N, H) の行ベクトルの並びなので、U を左から掛けることはできません（N ≠ H なら\
# 形が合わずエラー）。右から掛けます。"""
# why.en = """\
# delta_t is a batch of row vectors (N, H): U cannot multiply it from the left (a shape \
# error when N != H). Multiply on the right."""
#
# [[wrong]]
# blank = 1
# answer = "delta_t"
# source = "common"
# why.ja = """\
# 誤差を更新していません。前の時刻の中間層の誤差は U を通った分だけ変わります\
# （このままでは h_{t-1} から h_t への重みを無視しています）。"""
# why.en = """\
# The error is not updated. The previous hidden layer's error is what passes back through U \
# (as written, the weight from h_{t-1} to h_t is ignored)."""
#
# [[wrong]]
# blank = 1
# answer = "delta_t.dot(U) * (1 - hiddens[:, bptt_step - 1]**2)"
# source = "common"
# why.ja = """\
# このネットワークの活性化関数は恒等関数なので、tanh の微分 1 − h² は掛けません\
# （tanh を使う RNN なら必要です）。"""
# why.en = """\
# This network's activation is the identity, so tanh's derivative 1 − h² does not apply \
# (it would for a tanh RNN)."""
#
# [[accepted]]
# blank = 1
# answer = "np.dot(delta_t, U)"
#
# [[accepted]]
# blank = 1
# answer = "delta_t @ U"
#
# [[accepted]]
# blank = 1
# answer = "U.T.dot(delta_t.T).T"
# ///
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
            delta_t = delta_t.dot(U)  # BLANK: delta_t.dot(U)
    return dW, dU, dV


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, T, D, H, K = 2, 4, 3, 5, 2
    xs, ys = rng.standard_normal((N, T, D)), rng.standard_normal((N, T, K))
    W, V = rng.standard_normal((H, D)), rng.standard_normal((K, H))
    U = 0.5 * rng.standard_normal((H, H))
    for grad in bptt(xs, ys, W, U, V):
        print(grad.shape)  # (5, 3), (5, 5), (2, 5)
