"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

"""LSTM セル / One LSTM cell (forward and backward).

日本語
------
列形式（重みは (出力, 入力)、x.dot(W.T) の形）の LSTM 1 ステップ。ゲートの並びは
演習問題と同じ a, i, f, o（教科書の f, g, i, o や CS231n の i, f, o, g とは異なる）。

    [A | I | F | O] = x Wᵀ + h_prev Uᵀ + b           (N, 4H) を列方向に 4 等分
    a = tanh(A)     入力の候補（a は Wᵀ の列 0:H）
    i = σ(I)        入力ゲート（列 H:2H）
    f = σ(F)        忘却ゲート（列 2H:3H）
    o = σ(O)        出力ゲート（列 3H:4H）
    c_next = i ⊙ a + f ⊙ c_prev                      CEC に蓄える記憶
    h_next = o ⊙ tanh(c_next)

σ はシグモイド、⊙ は要素積。

形状:
    x (N, D)        入力（N: バッチ、D: 入力次元）
    h (N, H)        前の隠れ状態 h_prev
    c (N, H)        前のセル状態 c_prev
    W (4H, D)       入力の重み（行ブロック 0:H, H:2H, 2H:3H, 3H:4H が a, i, f, o）
    U (4H, H)       隠れ状態の重み（同じ並び）
    b (4H,)         バイアス（同じ並び）
    戻り値 (c_next, h_next)、どちらも (N, H)

lstm_cell_backward は lstm_cell の厳密な逆伝播（与えられたコード）。上流からの勾配
dc_next, dh_next (N, H) を受け取り、dx (N, D), dh (N, H), dc (N, H), dW (4H, D),
dU (4H, H), db (4H,) を返す。

English
-------
One LSTM step in column form (weights (out, in), used as x.dot(W.T)). The gate order is
the quiz's a, i, f, o (the books use f, g, i, o and CS231n i, f, o, g).

    [A | I | F | O] = x Wᵀ + h_prev Uᵀ + b           (N, 4H) split into 4 column blocks
    a = tanh(A)     candidate input (columns 0:H)
    i = σ(I)        input gate (columns H:2H)
    f = σ(F)        forget gate (columns 2H:3H)
    o = σ(O)        output gate (columns 3H:4H)
    c_next = i ⊙ a + f ⊙ c_prev                      the memory kept in the CEC
    h_next = o ⊙ tanh(c_next)

σ is the logistic sigmoid, ⊙ the element-wise product.

Shapes:
    x (N, D)        input (N: batch, D: input size)
    h (N, H)        previous hidden state h_prev
    c (N, H)        previous cell state c_prev
    W (4H, D)       input weights (row blocks 0:H, H:2H, 2H:3H, 3H:4H are a, i, f, o)
    U (4H, H)       recurrent weights (same order)
    b (4H,)         bias (same order)
    returns (c_next, h_next), both (N, H)

lstm_cell_backward is the exact backward pass of lstm_cell (given code). It takes the
upstream gradients dc_next, dh_next (N, H) and returns dx (N, D), dh (N, H), dc (N, H),
dW (4H, D), dU (4H, H), db (4H,).
"""

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    # σ(x) = 1 / (1 + exp(-x)) = (1 + tanh(x / 2)) / 2; the tanh form never overflows
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def lstm_cell(
    x: np.ndarray, h: np.ndarray, c: np.ndarray,
    W: np.ndarray, U: np.ndarray, b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    lstm_in = x.dot(W.T) + h.dot(U.T) + b  # (N, 4H)
    a, i, f, o = np.hsplit(lstm_in, 4)  # each (N, H), gate order a, i, f, o
    a = np.tanh(a)  # candidate input
    input_gate = sigmoid(i)
    forget_gate = sigmoid(f)
    output_gate = sigmoid(o)

    c = input_gate * a + forget_gate * c
    h = output_gate.dot(np.tanh(c).T)

    return c, h  # c_next (N, H), h_next (N, H)


def lstm_cell_backward(
    dc_next: np.ndarray, dh_next: np.ndarray,
    x: np.ndarray, h: np.ndarray, c: np.ndarray,
    W: np.ndarray, U: np.ndarray, b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    # recompute the gates of the forward pass
    lstm_in = x.dot(W.T) + h.dot(U.T) + b  # (N, 4H)
    a, i, f, o = np.hsplit(lstm_in, 4)
    a = np.tanh(a)
    input_gate = sigmoid(i)
    forget_gate = sigmoid(f)
    output_gate = sigmoid(o)
    c_next, _ = lstm_cell(x, h, c, W, U, b)  # (N, H)
    tanh_c_next = np.tanh(c_next)

    # total gradient reaching c_next: from dc_next directly and through h_next
    ds = dc_next + dh_next * output_gate * (1 - tanh_c_next ** 2)  # (N, H)

    d_output_gate = dh_next * tanh_c_next
    d_input_gate = ds * a
    d_forget_gate = ds * c
    da = ds * input_gate
    dc = ds * forget_gate  # gradient for the previous cell state

    # back through the activations, in the gate order a, i, f, o
    dA = da * (1 - a ** 2)
    dI = d_input_gate * input_gate * (1 - input_gate)
    dF = d_forget_gate * forget_gate * (1 - forget_gate)
    dO = d_output_gate * output_gate * (1 - output_gate)
    dlstm_in = np.hstack((dA, dI, dF, dO))  # (N, 4H)

    dx = dlstm_in.dot(W)  # (N, D)
    dh = dlstm_in.dot(U)  # (N, H)
    dW = dlstm_in.T.dot(x)  # (4H, D)
    dU = dlstm_in.T.dot(h)  # (4H, H)
    db = dlstm_in.sum(axis=0)  # (4H,)
    return dx, dh, dc, dW, dU, db


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    x = rng.standard_normal((N, D))
    h = rng.standard_normal((N, H))
    c = rng.standard_normal((N, H))
    W = rng.standard_normal((4 * H, D))
    U = rng.standard_normal((4 * H, H))
    b = rng.standard_normal(4 * H)
    c_next, h_next = lstm_cell(x, h, c, W, U, b)
    print(c_next.shape, h_next.shape)  # (2, 4) (2, 4)
