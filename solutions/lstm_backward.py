# /// exercise
# id = "lstm_backward"
# day = 3
# section = 2
# points = 10
# requires = ["lstm_cell"]
# topic.ja = "LSTM（CEC の逆伝播）"
# topic.en = "LSTM (backward pass through the CEC)"
# title = { ja = "LSTM セルの逆伝播", en = "Backward pass of one LSTM cell" }
# instructions.ja = """
# LSTM の 1 ステップ分の逆伝播 lstm_cell_backward を完成させてください（順伝播 lstm_cell は
# 与えられています）。空欄は 2 つです。
#   1. ds: セル状態 c_next に届く勾配の合計（dc_next から直接届く分と、
#      h_next = o ⊙ tanh(c_next) を通って届く分）
#   2. dc_prev: 前のセル状態 c_prev への勾配
# 残りの勾配（ゲート、重み、x、h_prev）はこの ds から計算されます。
# """
# instructions.en = """
# Complete lstm_cell_backward, the backward pass of one LSTM step (the forward pass lstm_cell
# is given). There are two blanks:
#   1. ds: the total gradient reaching the cell state c_next (what arrives directly as
#      dc_next, plus what arrives through h_next = o ⊙ tanh(c_next));
#   2. dc_prev: the gradient for the previous cell state c_prev.
# The remaining gradients (gates, weights, x, h_prev) are computed from ds.
# """
#
# [[hints]]
# ja = """\
# c_next は 2 つの道で損失に効きます。次のステップへそのまま渡る道（勾配 dc_next）と、\
# h_next を作る道です。2 つの道の勾配は足し合わせます。"""
# en = """\
# c_next reaches the loss along two paths: straight on to the next step (gradient dc_next) \
# and through h_next. The gradients of the two paths add up."""
#
# [[hints]]
# ja = """\
# h_next = o ⊙ tanh(c_next) を c_next で微分すると o ⊙ (1 − tanh²(c_next)) です。\
# これに dh_next を要素ごとに掛けたものが h_next を通る道の勾配です。"""
# en = """\
# The derivative of h_next = o ⊙ tanh(c_next) by c_next is o ⊙ (1 − tanh²(c_next)); \
# multiplied element-wise by dh_next it is the gradient along the h_next path."""
#
# [[hints]]
# ja = """\
# c_next = i ⊙ a + f ⊙ c_prev なので、c_prev の勾配は ds に忘却ゲート f を要素ごとに\
# 掛けたものです（CEC: 勾配は f 倍されるだけで、活性化関数の微分は掛からない）。"""
# en = """\
# Since c_next = i ⊙ a + f ⊙ c_prev, the gradient for c_prev is ds times the forget gate f, \
# element-wise (the CEC: the gradient is only scaled by f, no activation derivative)."""
#
# [[wrong]]
# blank = 1
# answer = "ds = (dh_next * o) * (1 - np.tanh(c_next) ** 2)"
# source = "common"
# why.ja = """\
# 次のステップから直接届く勾配 dc_next を足していません。c_next は h_next を通る道と、\
# そのまま次のセル状態へ渡る道の 2 つで損失に効きます。"""
# why.en = """\
# The gradient dc_next arriving straight from the next step is missing: c_next reaches the \
# loss both through h_next and directly as the next cell state."""
#
# [[wrong]]
# blank = 1
# answer = "ds = dc_next + dh_next * (1 - np.tanh(c_next) ** 2)"
# source = "common"
# why.ja = """\
# 出力ゲート o を掛け忘れています。h_next = o ⊙ tanh(c_next) なので、\
# h_next を通る勾配には o が掛かります。"""
# why.en = """\
# The output gate o is missing: h_next = o ⊙ tanh(c_next), so the gradient through h_next \
# is scaled by o."""
#
# [[wrong]]
# blank = 1
# answer = "ds = dc_next + dh_next * o"
# source = "common"
# why.ja = """\
# tanh の微分 1 − tanh²(c_next) を掛け忘れています。"""
# why.en = """\
# The derivative of tanh, 1 − tanh²(c_next), is missing."""
#
# [[wrong]]
# blank = 1
# answer = "ds = dc_next + (dh_next * o) * (1 - np.tanh(c_next))"
# source = "common"
# why.ja = """\
# tanh の微分は 1 − tanh(c) ではなく 1 − tanh²(c) です（2 乗を忘れています）。"""
# why.en = """\
# The derivative of tanh is 1 − tanh²(c), not 1 − tanh(c): the square is missing."""
#
# [[wrong]]
# blank = 1
# answer = "ds = dc_next + (dh_next * o) * (1 - np.tanh(c) ** 2)"
# source = "common"
# why.ja = """\
# tanh の微分は新しいセル状態 c_next で評価します。c は前のセル状態 c_prev です。"""
# why.en = """\
# The tanh derivative is taken at the new cell state c_next; c is the previous cell state \
# c_prev."""
#
# [[wrong]]
# blank = 1
# answer = "ds = dc_next * (dh_next * o) * (1 - np.tanh(c_next) ** 2)"
# source = "common"
# why.ja = """\
# 2 つの道の勾配は掛けるのではなく足し合わせます。"""
# why.en = """\
# The gradients of the two paths are added, not multiplied."""
#
# [[wrong]]
# blank = 2
# answer = "dc_next * f"
# source = "common"
# why.ja = """\
# dc_next だけでは h_next を通る道の勾配が抜けます。c_prev に伝えるのは合計の ds に f を\
# 掛けたものです。"""
# why.en = """\
# dc_next alone misses the gradient through h_next: c_prev receives the total ds times f."""
#
# [[wrong]]
# blank = 2
# answer = "ds * i"
# source = "common"
# why.ja = """\
# c_prev に掛かっているのは入力ゲート i ではなく忘却ゲート f です\
# （c_next = i ⊙ a + f ⊙ c_prev）。"""
# why.en = """\
# c_prev is multiplied by the forget gate f, not the input gate i \
# (c_next = i ⊙ a + f ⊙ c_prev)."""
#
# [[wrong]]
# blank = 2
# answer = "ds * f * (1 - f)"
# source = "common"
# why.ja = """\
# f(1 − f) は忘却ゲートの入力への勾配で使うシグモイドの微分です。c_prev への勾配は ds ⊙ f だけで、\
# 活性化関数の微分は掛かりません（CEC）。"""
# why.en = """\
# f(1 − f) is the sigmoid derivative used for the forget gate's input. The gradient for \
# c_prev is just ds ⊙ f, with no activation derivative (the CEC)."""
#
# [[wrong]]
# blank = 2
# answer = "ds"
# source = "common"
# why.ja = """\
# 忘却ゲート f を掛け忘れています。勾配がそのまま流れるのは f = 1 のときだけです。"""
# why.en = """\
# The forget gate f is missing: the gradient flows unchanged only when f = 1."""
#
# [[accepted]]
# blank = 1
# answer = "ds = dc_next + dh_next * o * (1 - np.tanh(c_next) * np.tanh(c_next))"
#
# [[accepted]]
# blank = 1
# answer = "ds = dh_next * o * (1 - np.tanh(c_next) ** 2) + dc_next"
#
# [[accepted]]
# blank = 2
# answer = "f * ds"
# ///
"""LSTM セルの逆伝播 / Backward pass of one LSTM cell.

日本語
------
列形式（重みは (出力, 入力)、x.dot(W.T) の形）の LSTM 1 ステップ。ゲートの並びは
演習問題と同じ a, i, f, o（教科書の f, g, i, o や CS231n の i, f, o, g とは異なる）。
順伝播 lstm_cell は与えられたコード:

    [A | I | F | O] = x Wᵀ + h_prev Uᵀ + b           (N, 4H) を列方向に 4 等分
    a = tanh(A),  i = σ(I),  f = σ(F),  o = σ(O)
    c_next = i ⊙ a + f ⊙ c_prev                      CEC
    h_next = o ⊙ tanh(c_next)

逆伝播（上流の勾配 dc_next = ∂L/∂c_next、dh_next = ∂L/∂h_next）:

    ds      = dc_next + dh_next ⊙ o ⊙ (1 − tanh²(c_next))   c_next への勾配の合計
    dc_prev = ds ⊙ f                                        CEC を通る勾配
    do = dh_next ⊙ tanh(c_next),  di = ds ⊙ a,  df = ds ⊙ c_prev,  da = ds ⊙ i
    dA = da ⊙ (1 − a²),  dI = di ⊙ i(1 − i),  dF = df ⊙ f(1 − f),  dO = do ⊙ o(1 − o)
    dZ = [dA | dI | dF | dO]                                 (N, 4H)
    dx = dZ W,  dh_prev = dZ U,  dW = dZᵀ x,  dU = dZᵀ h_prev,  db = Σ_n dZ

形状:
    x (N, D), h = h_prev (N, H), c = c_prev (N, H)
    W (4H, D), U (4H, H), b (4H,)     行ブロック 0:H, H:2H, 2H:3H, 3H:4H が a, i, f, o
    dc_next, dh_next, ds, a, i, f, o (N, H)
    戻り値 (dx (N, D), dh_prev (N, H), dc_prev (N, H), dW (4H, D), dU (4H, H), db (4H,))

English
-------
One LSTM step in column form (weights (out, in), used as x.dot(W.T)). The gate order is
the quiz's a, i, f, o (the books use f, g, i, o and CS231n i, f, o, g). The forward pass
lstm_cell is given:

    [A | I | F | O] = x Wᵀ + h_prev Uᵀ + b           (N, 4H) split into 4 column blocks
    a = tanh(A),  i = σ(I),  f = σ(F),  o = σ(O)
    c_next = i ⊙ a + f ⊙ c_prev                      the CEC
    h_next = o ⊙ tanh(c_next)

Backward pass (upstream gradients dc_next = ∂L/∂c_next, dh_next = ∂L/∂h_next):

    ds      = dc_next + dh_next ⊙ o ⊙ (1 − tanh²(c_next))   total gradient at c_next
    dc_prev = ds ⊙ f                                        the gradient through the CEC
    do = dh_next ⊙ tanh(c_next),  di = ds ⊙ a,  df = ds ⊙ c_prev,  da = ds ⊙ i
    dA = da ⊙ (1 − a²),  dI = di ⊙ i(1 − i),  dF = df ⊙ f(1 − f),  dO = do ⊙ o(1 − o)
    dZ = [dA | dI | dF | dO]                                 (N, 4H)
    dx = dZ W,  dh_prev = dZ U,  dW = dZᵀ x,  dU = dZᵀ h_prev,  db = Σ_n dZ

Shapes:
    x (N, D), h = h_prev (N, H), c = c_prev (N, H)
    W (4H, D), U (4H, H), b (4H,)     row blocks 0:H, H:2H, 2H:3H, 3H:4H are a, i, f, o
    dc_next, dh_next, ds, a, i, f, o (N, H)
    returns (dx (N, D), dh_prev (N, H), dc_prev (N, H), dW (4H, D), dU (4H, H), db (4H,))
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

    c = input_gate * a + forget_gate * c  # c_next (N, H)
    h = output_gate * np.tanh(c)  # h_next (N, H)

    return c, h  # c_next (N, H), h_next (N, H)



def lstm_cell_backward(
    dc_next: np.ndarray, dh_next: np.ndarray,
    x: np.ndarray, h: np.ndarray, c: np.ndarray,
    W: np.ndarray, U: np.ndarray, b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    # recompute the gates of the forward pass, each (N, H)
    lstm_in = x.dot(W.T) + h.dot(U.T) + b  # (N, 4H)
    a, i, f, o = np.hsplit(lstm_in, 4)
    a = np.tanh(a)
    i = sigmoid(i)
    f = sigmoid(f)
    o = sigmoid(o)
    c_next, _ = lstm_cell(x, h, c, W, U, b)  # (N, H)

    # BEGIN BLANK
    ds = dc_next + (dh_next * o) * (1 - np.tanh(c_next) ** 2)  # (N, H)
    # END BLANK
    dc_prev = ds * f  # BLANK: ds * f

    do = dh_next * np.tanh(c_next)
    di = ds * a
    df = ds * c  # c is c_prev
    da = ds * i

    # back through the activations, in the gate order a, i, f, o
    dA = da * (1 - a ** 2)
    dI = di * i * (1 - i)
    dF = df * f * (1 - f)
    dO = do * o * (1 - o)
    dlstm_in = np.hstack((dA, dI, dF, dO))  # (N, 4H)

    dx = dlstm_in.dot(W)  # (N, D)
    dh_prev = dlstm_in.dot(U)  # (N, H)
    dW = dlstm_in.T.dot(x)  # (4H, D)
    dU = dlstm_in.T.dot(h)  # (4H, H)
    db = dlstm_in.sum(axis=0)  # (4H,)
    return dx, dh_prev, dc_prev, dW, dU, db


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    x = rng.standard_normal((N, D))
    h = rng.standard_normal((N, H))
    c = rng.standard_normal((N, H))
    W = rng.standard_normal((4 * H, D))
    U = rng.standard_normal((4 * H, H))
    b = rng.standard_normal(4 * H)
    dc_next, dh_next = np.ones((N, H)), np.ones((N, H))
    grads = lstm_cell_backward(dc_next, dh_next, x, h, c, W, U, b)
    print([g.shape for g in grads])  # [(2, 3), (2, 4), (2, 4), (16, 3), (16, 4), (16,)]
