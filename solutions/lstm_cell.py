# /// exercise
# id = "lstm_cell"
# day = 3
# section = 2
# points = 10
# topic.ja = "LSTM（CEC・入力ゲート・忘却ゲート・出力ゲート）"
# topic.en = "LSTM (CEC, input, forget and output gates)"
# title = { ja = "LSTM セルの順伝播", en = "Forward pass of one LSTM cell" }
# instructions.ja = """
# LSTM の 1 ステップ分の順伝播を完成させてください。
# ゲートの値（a: 入力の候補、input_gate、forget_gate、output_gate）は
# すでに計算されています。空欄では次の 2 つを計算します。
#   1. 新しいセル状態 c（CEC に蓄える記憶）
#   2. 新しい隠れ状態 h（このステップの出力）
# 変数名 c と h を上書きしてください。関数は (c, h) を返します。
# """
# instructions.en = """
# Complete the forward pass of one LSTM step.
# The gate values (a: the candidate input, input_gate, forget_gate, output_gate)
# are already computed. In the blank compute
#   1. the new cell state c (the memory kept in the CEC), then
#   2. the new hidden state h (this step's output).
# Overwrite the variables c and h; the function returns (c, h).
# """
#
# [[hints]]
# ja = """\
# 各ゲートの役割を思い出しましょう。入力ゲートは「新しい入力 a をどれだけ記憶に加えるか」、\
# 忘却ゲートは「前の記憶 c をどれだけ残すか」、出力ゲートは「記憶をどれだけ出力するか」です。"""
# en = """\
# Recall each gate's job: the input gate decides how much of the new input a enters the \
# memory, the forget gate how much of the old memory c is kept, the output gate how much \
# of the memory is shown as output."""
#
# [[hints]]
# ja = """\
# 新しいセル状態は「入力ゲート ⊙ a」と「忘却ゲート ⊙ 前のセル状態」の和です（⊙ は要素積、\
# NumPy の *）。右辺の c はまだ前のセル状態です。"""
# en = """\
# The new cell state is the sum of "input gate ⊙ a" and "forget gate ⊙ previous cell \
# state" (⊙ is the element-wise product, * in NumPy). On the right-hand side c is still the \
# previous cell state."""
#
# [[hints]]
# ja = """\
# 隠れ状態は、新しいセル状態を tanh に通してから出力ゲートを要素ごとに掛けたものです。\
# 先に c を更新し、その新しい c を使って h を計算します。"""
# en = """\
# The hidden state is the new cell state passed through tanh, multiplied element-wise by \
# the output gate. Update c first, then compute h from the new c."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = output_gate * a + forget_gate * c
# h = output_gate * np.tanh(c)
# """
# source = "quiz"
# why.ja = """\
# 新しい入力 a に掛けるのは出力ゲートではなく入力ゲートです。\
# 出力ゲートは h を作るときにだけ使います。"""
# why.en = """\
# The new input a is gated by the input gate, not the output gate. The output gate is \
# used only when computing h."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = forget_gate * a + output_gate * c
# h = output_gate * np.tanh(c)
# """
# source = "quiz"
# why.ja = """\
# ゲートの役割が入れ替わっています。a には入力ゲートを、前のセル状態 c には\
# 忘却ゲートを掛けます。"""
# why.en = """\
# The gates are mixed up: a is multiplied by the input gate and the previous cell state c \
# by the forget gate."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = forget_gate * a + input_gate * c
# h = output_gate * np.tanh(c)
# """
# source = "quiz"
# why.ja = """\
# 入力ゲートと忘却ゲートが逆です。忘却ゲートは「前の記憶 c をどれだけ残すか」なので c に、\
# 入力ゲートは新しい入力 a に掛けます。"""
# why.en = """\
# The input and forget gates are swapped. The forget gate decides how much of the old \
# memory c is kept, so it multiplies c; the input gate multiplies the new input a."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = input_gate * a + forget_gate * c
# h = output_gate * c
# """
# source = "common"
# why.ja = """\
# h の計算で tanh を忘れています。セル状態 c は有界ではないので、\
# tanh で (-1, 1) に収めてから出力ゲートを掛けます。"""
# why.en = """\
# tanh is missing in h. The cell state c is unbounded; squash it with tanh into (-1, 1) \
# before applying the output gate."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = input_gate * a + forget_gate * c
# h = np.tanh(output_gate * c)
# """
# source = "common"
# why.ja = """\
# tanh と出力ゲートの順序が逆です。先にセル状態を tanh に通し、その後で出力ゲートを掛けます。"""
# why.en = """\
# tanh and the output gate are applied in the wrong order: pass the cell state through \
# tanh first, then multiply by the output gate."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = input_gate * a + c
# h = output_gate * np.tanh(c)
# """
# source = "common"
# why.ja = """\
# 忘却ゲートが使われていません。前のセル状態 c に忘却ゲートを掛けないと、\
# 古い記憶を消す仕組みがなくなります。"""
# why.en = """\
# The forget gate is missing: without multiplying the previous cell state c by it, the \
# cell can never erase old memory."""
#
# [[wrong]]
# blank = 1
# answer = """
# c = input_gate * a * forget_gate * c
# h = output_gate * np.tanh(c)
# """
# source = "common"
# why.ja = """\
# 2 つの項は積ではなく和でつなぎます。新しいセル状態は\
# 「入力ゲート ⊙ a」＋「忘却ゲート ⊙ c」です。"""
# why.en = """\
# The two terms are added, not multiplied: the new cell state is \
# (input gate ⊙ a) + (forget gate ⊙ c)."""
#
# [[wrong]]
# blank = 1
# answer = """
# h = output_gate * np.tanh(c)
# c = input_gate * a + forget_gate * c
# """
# source = "common"
# why.ja = """\
# 計算の順序が逆です。h は更新後のセル状態から作るので、先に c を更新してから h を計算します。"""
# why.en = """\
# Wrong order: h is computed from the updated cell state, so update c first and then \
# compute h."""
#
# [[accepted]]
# blank = 1
# answer = """
# c = forget_gate * c + input_gate * a
# h = output_gate * np.tanh(c)
# """
#
# [[accepted]]
# blank = 1
# answer = """
# c = a * input_gate + c * forget_gate
# h = np.tanh(c) * output_gate
# """
# ///
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

    # BEGIN BLANK
    c = input_gate * a + forget_gate * c
    h = output_gate * np.tanh(c)
    # END BLANK

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
