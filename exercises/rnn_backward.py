# ============================================================================
# edrill · rnn_backward · Day 3 Section 1 · RNN の逆伝播（BPTT） / Backpropagation through an RNN step (BPTT)
# RNN レイヤの逆伝播（1 時刻分） / The backward pass of an RNN layer (one time step)
#
# 【課題】
# RNN レイヤ（ゼロから作る Deep Learning 2 の形、行形式）の逆伝播 backward を完成させてください。
# 順伝播は h_next = tanh(h_prev Wh + x Wx + b) で、与えられています。
#   空欄 1: 上流からの勾配 dh_next (N, H) を tanh の中身（活性化前の値）の勾配 dt (N, H) に
#     変換します。tanh の微分は、順伝播で保存した出力 h_next だけで表せます。
#   空欄 2: 前の時刻の隠れ状態への勾配 dh_prev (N, H) を dt から求めます。
# 残りの勾配（dx, dWx, dWh, db）は与えられています。
#
# [Task]
# Complete the backward pass of the RNN layer (the form of Deep Learning from Scratch 2,
# row form). The forward pass, h_next = tanh(h_prev Wh + x Wx + b), is given.
#   Blank 1: turn the upstream gradient dh_next (N, H) into the gradient dt (N, H) of the
#     value inside tanh (before the activation). The derivative of tanh can be written with
#     the output h_next saved by the forward pass alone.
#   Blank 2: compute the gradient dh_prev (N, H) of the previous hidden state from dt.
# The other gradients (dx, dWx, dWh, db) are given.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade rnn_backward` で採点。ヒント: `grade hint rnn_backward`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade rnn_backward`. Hints: `grade hint rnn_backward`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of rnn_backward is not filled in yet")


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
        dt = _blank(1)
        db = np.sum(dt, axis=0)  # (H,)
        dWh = h_prev.T @ dt  # (H, H)
        dh_prev = _blank(2)
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
