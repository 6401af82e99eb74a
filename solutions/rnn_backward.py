# /// exercise
# id = "rnn_backward"
# day = 3
# section = 1
# points = 10
# requires = ["rnn_forward"]
# topic = { ja = "RNN の逆伝播（BPTT）", en = "Backpropagation through an RNN step (BPTT)" }
# title.ja = "RNN レイヤの逆伝播（1 時刻分）"
# title.en = "The backward pass of an RNN layer (one time step)"
# instructions.ja = """
# RNN レイヤ（ゼロから作る Deep Learning 2 の形、行形式）の逆伝播 backward を完成させてください。
# 順伝播は h_next = tanh(h_prev Wh + x Wx + b) で、与えられています。
#   空欄 1: 上流からの勾配 dh_next (N, H) を tanh の中身（活性化前の値）の勾配 dt (N, H) に
#     変換します。tanh の微分は、順伝播で保存した出力 h_next だけで表せます。
#   空欄 2: 前の時刻の隠れ状態への勾配 dh_prev (N, H) を dt から求めます。
# 残りの勾配（dx, dWx, dWh, db）は与えられています。
# """
# instructions.en = """
# Complete the backward pass of the RNN layer (the form of Deep Learning from Scratch 2,
# row form). The forward pass, h_next = tanh(h_prev Wh + x Wx + b), is given.
#   Blank 1: turn the upstream gradient dh_next (N, H) into the gradient dt (N, H) of the
#     value inside tanh (before the activation). The derivative of tanh can be written with
#     the output h_next saved by the forward pass alone.
#   Blank 2: compute the gradient dh_prev (N, H) of the previous hidden state from dt.
# The other gradients (dx, dWx, dWh, db) are given.
# """
#
# [[hints]]
# ja = """\
# y = tanh(a) の微分は dy/da = 1 − tanh(a)² = 1 − y² です。\
# 連鎖律では、上流の勾配にこの局所的な微分を要素ごとに掛けます。"""
# en = """\
# The derivative of y = tanh(a) is dy/da = 1 − tanh(a)² = 1 − y². By the chain rule the \
# upstream gradient is multiplied element-wise by this local derivative."""
#
# [[hints]]
# ja = """\
# 順伝播の h_prev @ Wh は Affine と同じ形です。Affine の逆伝播 dx = dout @ W.T と同じ形で、\
# dh_prev は dt に Wh の転置を右から掛けたものです。形: (N, H) @ (H, H) → (N, H)。"""
# en = """\
# The forward's h_prev @ Wh has the form of an Affine layer. Like the Affine backward \
# dx = dout @ W.T, dh_prev is dt times the transpose of Wh: (N, H) @ (H, H) -> (N, H)."""
#
# [[hints]]
# ja = """\
# 空欄 1 は dh_next と (1 - h_next の 2 乗) の要素積、空欄 2 は dt と Wh.T の行列積（@）です。\
# 与えられた dx の行がよい手本です。"""
# en = """\
# Blank 1 is the element-wise product of dh_next and (1 - h_next squared); blank 2 is the \
# matrix product (@) of dt and Wh.T. The given line for dx is a good model."""
#
# [[wrong]]
# blank = 1
# answer = "dh_next * (1 - h_next)"
# source = "common"
# why.ja = "tanh の微分は 1 − y ではなく 1 − y² です（y = h_next）。"
# why.en = "The derivative of tanh is 1 − y², not 1 − y (y = h_next)."
#
# [[wrong]]
# blank = 1
# answer = "dh_next * h_next * (1 - h_next)"
# source = "common"
# why.ja = """\
# y(1 − y) はシグモイドの微分です。活性化関数は tanh なので、微分は 1 − y² です。"""
# why.en = """\
# y(1 − y) is the derivative of the sigmoid. The activation is tanh, whose derivative is \
# 1 − y²."""
#
# [[wrong]]
# blank = 1
# answer = "dh_next * (1 - np.tanh(h_next)**2)"
# source = "common"
# why.ja = """\
# h_next はすでに tanh の出力です。もう一度 tanh を掛けると tanh(tanh(a)) の値を使うことに\
# なります。微分は 1 − h_next² です。"""
# why.en = """\
# h_next already is the output of tanh; applying tanh again uses tanh(tanh(a)). The \
# derivative is 1 − h_next²."""
#
# [[wrong]]
# blank = 1
# answer = "1 - h_next**2"
# source = "common"
# why.ja = """\
# tanh の局所的な微分だけで、上流からの勾配 dh_next を掛けていません（連鎖律）。"""
# why.en = """\
# This is only tanh's local derivative: the upstream gradient dh_next is not multiplied in \
# (chain rule)."""
#
# [[wrong]]
# blank = 1
# answer = "dh_next * (1 - h_prev**2)"
# source = "common"
# why.ja = """\
# 微分するのはこの時刻の tanh なので、その出力 h_next を使います。h_prev は前の時刻の出力です。"""
# why.en = """\
# The tanh being differentiated is this step's, so use its output h_next; h_prev is the \
# previous step's output."""
#
# [[wrong]]
# blank = 1
# answer = "dh_next * (1 - h_next)**2"
# source = "common"
# why.ja = "2 乗するのは h_next だけです: 1 − h_next²（(1 − h_next)² ではありません）。"
# why.en = "Only h_next is squared: 1 − h_next², not (1 − h_next)²."
#
# [[wrong]]
# blank = 2
# answer = "dt @ Wh"
# source = "common"
# why.ja = """\
# Wh を転置していません。順伝播 h_prev @ Wh の h_prev に関する勾配は dt @ Wh.T です\
# （Wh は正方行列なので形は合いますが、値が違います）。"""
# why.en = """\
# Wh is not transposed. The gradient of h_prev @ Wh by h_prev is dt times the transpose of \
# Wh (Wh is square, so the shape fits, but the values are wrong)."""
#
# [[wrong]]
# blank = 2
# answer = "dh_next @ Wh.T"
# source = "common"
# why.ja = """\
# tanh を通る逆伝播を飛ばしています。dh_next ではなく、tanh の微分を掛けた dt を使います。"""
# why.en = """\
# This skips the backward pass through tanh: use dt, which includes tanh's derivative, not \
# dh_next."""
#
# [[wrong]]
# blank = 2
# answer = "dt @ Wx.T"
# source = "common"
# why.ja = """\
# Wx は入力 x の重みです。h_prev に掛かっている重みは Wh なので、Wh の転置を使います\
# （結果の形も (N, D) になり、(N, H) になりません）。"""
# why.en = """\
# Wx is the weight of the input x. The weight that multiplies h_prev is Wh, so use its \
# transpose (dt @ Wx.T is (N, D), not (N, H))."""
#
# [[wrong]]
# blank = 2
# answer = "h_prev.T @ dt"
# source = "common"
# why.ja = """\
# これは重み Wh の勾配 dWh (H, H) です。dh_prev は隠れ状態 h_prev と同じ (N, H) の形です。"""
# why.en = """\
# This is the gradient dWh (H, H) of the weight Wh. dh_prev has the shape (N, H) of the \
# hidden state h_prev."""
#
# [[accepted]]
# blank = 1
# answer = "dh_next * (1 - h_next * h_next)"
#
# [[accepted]]
# blank = 1
# answer = "dh_next * (1 - np.square(h_next))"
#
# [[accepted]]
# blank = 2
# answer = "np.dot(dt, Wh.T)"
#
# [[accepted]]
# blank = 2
# answer = "(Wh @ dt.T).T"
# ///
"""RNN レイヤの逆伝播 / The backward pass of an RNN layer.

日本語
------
ゼロから作る Deep Learning 2 の RNN レイヤ（行形式、1 時刻分）。

    順伝播（与えられている）:  h_t = tanh(a_t),  a_t = h_{t-1} W_h + x_t W_x + b
    逆伝播:  δ = ∂L/∂a_t = ∂L/∂h_t ⊙ (1 − h_t ⊙ h_t)       （tanh'(a) = 1 − tanh(a)²）
             ∂L/∂h_{t-1} = δ W_hᵀ
             ∂L/∂x_t = δ W_xᵀ,  ∂L/∂W_x = x_tᵀ δ,  ∂L/∂W_h = h_{t-1}ᵀ δ,  ∂L/∂b = Σ_n δ

形状:
    x (N, D), h_prev (N, H), h_next (N, H)      （N はバッチサイズ）
    Wx (D, H), Wh (H, H), b (H,)
    backward: dh_next (N, H) → (dx (N, D), dh_prev (N, H))
    dt (N, H)（tanh の中身 a_t の勾配 δ）
    grads = [dWx (D, H), dWh (H, H), db (H,)] をその場で書き換える

English
-------
The RNN layer of Deep Learning from Scratch 2 (row form, one time step).

    forward (given):  h_t = tanh(a_t),  a_t = h_{t-1} W_h + x_t W_x + b
    backward:  δ = ∂L/∂a_t = ∂L/∂h_t ⊙ (1 − h_t ⊙ h_t)       (tanh'(a) = 1 − tanh(a)²)
               ∂L/∂h_{t-1} = δ W_hᵀ
               ∂L/∂x_t = δ W_xᵀ,  ∂L/∂W_x = x_tᵀ δ,  ∂L/∂W_h = h_{t-1}ᵀ δ,  ∂L/∂b = Σ_n δ

Shapes:
    x (N, D), h_prev (N, H), h_next (N, H)      (N is the batch size)
    Wx (D, H), Wh (H, H), b (H,)
    backward: dh_next (N, H) -> (dx (N, D), dh_prev (N, H))
    dt (N, H) (the gradient δ of a_t, the value inside tanh)
    fills grads = [dWx (D, H), dWh (H, H), db (H,)] in place
"""

import numpy as np


class RNN:
    def __init__(self, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray) -> None:
        self.params = [Wx, Wh, b]  # Wx (D, H), Wh (H, H), b (H,)
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x: np.ndarray, h_prev: np.ndarray) -> np.ndarray:
        Wx, Wh, b = self.params
        h_next = np.tanh(h_prev @ Wh + x @ Wx + b)  # (N, H)
        self.cache = (x, h_prev, h_next)
        return h_next

    def backward(self, dh_next: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        Wx, Wh, b = self.params
        x, h_prev, h_next = self.cache
        dt = dh_next * (1 - h_next**2)  # BLANK: dh_next * (1 - h_next**2)
        db = np.sum(dt, axis=0)  # (H,)
        dWh = h_prev.T @ dt  # (H, H)
        dh_prev = dt @ Wh.T  # BLANK: dt @ Wh.T
        dWx = x.T @ dt  # (D, H)
        dx = dt @ Wx.T  # (N, D)
        self.grads[0][...] = dWx
        self.grads[1][...] = dWh
        self.grads[2][...] = db
        return dx, dh_prev  # (N, D), (N, H)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    layer = RNN(rng.standard_normal((D, H)), rng.standard_normal((H, H)), np.zeros(H))
    h = layer.forward(rng.standard_normal((N, D)), np.zeros((N, H)))
    dx, dh_prev = layer.backward(np.ones_like(h))
    print(dx.shape, dh_prev.shape)  # (2, 3) (2, 4)
