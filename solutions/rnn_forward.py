# /// exercise
# id = "rnn_forward"
# day = 3
# section = 1
# points = 10
# topic = { ja = "再帰型ニューラルネットワーク（RNN）", en = "Recurrent neural network (RNN)" }
# title.ja = "RNN レイヤの順伝播（1 時刻分）"
# title.en = "The forward pass of an RNN layer (one time step)"
# instructions.ja = """
# RNN レイヤ（ゼロから作る Deep Learning 2 の形、行形式）の順伝播 forward を完成させてください。
# 空欄は 1 時刻分の新しい隠れ状態 h_next (N, H) です。前の時刻の隠れ状態 h_prev (N, H) と
# この時刻の入力 x (N, D) を、それぞれ重み Wh (H, H) と Wx (D, H) で変換し、バイアス b (H,) を
# 加えてから活性化関数 tanh を通します。backward は与えられています。
# """
# instructions.en = """
# Complete the forward pass of the RNN layer (the form of Deep Learning from Scratch 2, row
# form). The blank is the new hidden state h_next (N, H) of one time step: transform the
# previous hidden state h_prev (N, H) with the weights Wh (H, H) and this step's input
# x (N, D) with Wx (D, H), add the bias b (H,), and apply the activation tanh. The backward
# pass is given.
# """
#
# [[hints]]
# ja = "行形式では、行ベクトルの並び (N, ·) に重み行列を右から掛けます。"
# en = "In row form the batch of row vectors (N, ·) is multiplied by a weight matrix on the right."
#
# [[hints]]
# ja = """\
# h_prev (N, H) に掛けられるのは (H, H) の Wh、x (N, D) に掛けられるのは (D, H) の Wx です。\
# どちらの積も (N, H) になり、b (H,) はブロードキャストで各行に足されます。"""
# en = """\
# h_prev (N, H) can be multiplied by Wh (H, H), and x (N, D) by Wx (D, H). Both products \
# are (N, H); b (H,) is broadcast onto every row."""
#
# [[hints]]
# ja = "2 つの行列積（@）とバイアスの和を、np.tanh で包みます。"
# en = "Wrap the sum of the two matrix products (@) and the bias in np.tanh."
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(h_prev @ Wx + x @ Wh + b)"
# source = "common"
# why.ja = """\
# 重みが逆です。Wh (H, H) は前の隠れ状態 h_prev に、Wx (D, H) は入力 x に掛けます\
# （D ≠ H なら形が合わずエラー）。"""
# why.en = """\
# The weights are swapped: Wh (H, H) multiplies the previous hidden state h_prev and \
# Wx (D, H) the input x (a shape error when D != H)."""
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(h_prev @ Wh + x @ Wx)"
# source = "common"
# why.ja = "バイアス b を足し忘れています。"
# why.en = "The bias b is missing."
#
# [[wrong]]
# blank = 1
# answer = "h_prev @ Wh + x @ Wx + b"
# source = "common"
# why.ja = """\
# 活性化関数 tanh を通していません。RNN の隠れ状態は tanh の出力で、\
# -1 と 1 の間に入ります。"""
# why.en = """\
# The activation tanh is missing. The RNN's hidden state is the output of tanh, between -1 \
# and 1."""
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(h_prev @ Wh.T + x @ Wx + b)"
# source = "common"
# why.ja = """\
# 行形式では Wh (H, H) をそのまま右から掛けます。転置すると別の重みになります\
# （Wh.T を使う列形式とは書き方が違います）。"""
# why.en = """\
# In row form Wh (H, H) multiplies on the right as it is; its transpose is a different \
# weight (the column form, which uses the transpose, is written differently)."""
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(x @ Wx + b)"
# source = "common"
# why.ja = """\
# 前の時刻の隠れ状態 h_prev を使っていません。これでは再帰がなく、過去の情報が伝わりません。"""
# why.en = """\
# The previous hidden state h_prev is not used: without the recurrence nothing from the \
# past reaches this step."""
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(h_prev @ Wh) + x @ Wx + b"
# source = "common"
# why.ja = """\
# tanh は h_prev の項だけでなく、2 つの積とバイアスの和全体に掛けます。"""
# why.en = """\
# tanh applies to the whole sum of both products and the bias, not only to the h_prev \
# term."""
#
# [[wrong]]
# blank = 1
# answer = "1 / (1 + np.exp(-(h_prev @ Wh + x @ Wx + b)))"
# source = "common"
# why.ja = """\
# シグモイドではなく tanh を使います（与えられた backward も tanh の微分 1 - h² を使います）。"""
# why.en = """\
# Use tanh, not the sigmoid (the given backward uses tanh's derivative 1 - h²)."""
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(h_prev * Wh + x * Wx + b)"
# source = "common"
# why.ja = """\
# * は要素積です。行列積 @（np.dot）を使います（形が合わずエラーになるか、別の値になります）。"""
# why.en = """\
# * is the element-wise product. Use the matrix product @ (np.dot); * gives a shape error \
# or a different value."""
#
# [[accepted]]
# blank = 1
# answer = "np.tanh(np.dot(h_prev, Wh) + np.dot(x, Wx) + b)"
#
# [[accepted]]
# blank = 1
# answer = "np.tanh(x @ Wx + h_prev @ Wh + b)"
# ///
"""RNN レイヤの順伝播 / The forward pass of an RNN layer.

日本語
------
ゼロから作る Deep Learning 2 の RNN レイヤ（行形式、1 時刻分）。

    h_t = tanh(h_{t-1} W_h + x_t W_x + b)

逆伝播（与えられている）: t = dh_next ⊙ (1 − h_t²) として
    db = Σ_n t,  dW_h = h_{t-1}ᵀ t,  dh_prev = t W_hᵀ,  dW_x = x_tᵀ t,  dx = t W_xᵀ

形状:
    x (N, D)        この時刻の入力（N はバッチサイズ）
    h_prev (N, H)   前の時刻の隠れ状態 h_{t-1}
    Wx (D, H), Wh (H, H), b (H,)
    h_next (N, H)   新しい隠れ状態 h_t
    backward: dh_next (N, H) → (dx (N, D), dh_prev (N, H))、
              grads = [dWx (D, H), dWh (H, H), db (H,)] をその場で書き換える

English
-------
The RNN layer of Deep Learning from Scratch 2 (row form, one time step).

    h_t = tanh(h_{t-1} W_h + x_t W_x + b)

Backward (given): with t = dh_next ⊙ (1 − h_t²),
    db = Σ_n t,  dW_h = h_{t-1}ᵀ t,  dh_prev = t W_hᵀ,  dW_x = x_tᵀ t,  dx = t W_xᵀ

Shapes:
    x (N, D)        this step's input (N is the batch size)
    h_prev (N, H)   the previous hidden state h_{t-1}
    Wx (D, H), Wh (H, H), b (H,)
    h_next (N, H)   the new hidden state h_t
    backward: dh_next (N, H) -> (dx (N, D), dh_prev (N, H)); fills
              grads = [dWx (D, H), dWh (H, H), db (H,)] in place
"""

import numpy as np


class RNN:
    def __init__(self, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray) -> None:
        self.params = [Wx, Wh, b]  # Wx (D, H), Wh (H, H), b (H,)
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x: np.ndarray, h_prev: np.ndarray) -> np.ndarray:
        Wx, Wh, b = self.params
        h_next = np.tanh(h_prev @ Wh + x @ Wx + b)  # BLANK: np.tanh(h_prev @ Wh + x @ Wx + b)
        self.cache = (x, h_prev, h_next)
        return h_next  # (N, H)

    def backward(self, dh_next: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        Wx, Wh, b = self.params
        x, h_prev, h_next = self.cache
        dt = dh_next * (1 - h_next**2)  # (N, H), tanh'
        db = np.sum(dt, axis=0)  # (H,)
        dWh = h_prev.T @ dt  # (H, H)
        dh_prev = dt @ Wh.T  # (N, H)
        dWx = x.T @ dt  # (D, H)
        dx = dt @ Wx.T  # (N, D)
        self.grads[0][...] = dWx
        self.grads[1][...] = dWh
        self.grads[2][...] = db
        return dx, dh_prev


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    layer = RNN(rng.standard_normal((D, H)), rng.standard_normal((H, H)), np.zeros(H))
    h = layer.forward(rng.standard_normal((N, D)), np.zeros((N, H)))
    print(h.shape)  # (2, 4)
