# ============================================================================
# edrill · rnn_forward · Day 3 Section 1 · 再帰型ニューラルネットワーク（RNN） / Recurrent neural network (RNN)
# RNN レイヤの順伝播（1 時刻分） / The forward pass of an RNN layer (one time step)
#
# 【課題】
# RNN レイヤ（ゼロから作る Deep Learning 2 の形、行形式）の順伝播 forward を完成させてください。
# 空欄は 1 時刻分の新しい隠れ状態 h_next (N, H) です。前の時刻の隠れ状態 h_prev (N, H) と
# この時刻の入力 x (N, D) を、それぞれ重み Wh (H, H) と Wx (D, H) で変換し、バイアス b (H,) を
# 加えてから活性化関数 tanh を通します。backward は与えられています。
#
# [Task]
# Complete the forward pass of the RNN layer (the form of Deep Learning from Scratch 2, row
# form). The blank is the new hidden state h_next (N, H) of one time step: transform the
# previous hidden state h_prev (N, H) with the weights Wh (H, H) and this step's input
# x (N, D) with Wx (D, H), add the bias b (H,), and apply the activation tanh. The backward
# pass is given.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade rnn_forward` で採点。ヒント: `grade hint rnn_forward`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade rnn_forward`. Hints: `grade hint rnn_forward`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of rnn_forward is not filled in yet")


class RNN:
    def __init__(self, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray) -> None:
        self.params = [Wx, Wh, b]  # Wx (D, H), Wh (H, H), b (H,)
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.cache = None

    def forward(self, x: np.ndarray, h_prev: np.ndarray) -> np.ndarray:
        Wx, Wh, b = self.params
        h_next = _blank(1)
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
