# ============================================================================
# edrill · dropout · Day 2 Section 3 · ドロップアウト / Dropout
# ドロップアウト（順伝播・推論時・逆伝播） / Dropout: forward, test time and backward
#
# 【課題】
# ドロップアウトレイヤ Dropout を 3 か所完成させてください（ゼロから作る Deep Learning の形）。
#   空欄 1（学習時の順伝播）: x と同じ形のマスク self.mask を作ります。各要素を
#     確率 dropout_ratio で消去（False）、確率 1 − dropout_ratio で残す（True）ようにし、
#     乱数は self.rng の一様乱数（[0, 1)）から作ります。マスクを掛ける行はすでにあります。
#   空欄 2（推論時の順伝播）: ニューロンを消さず、出力の期待値が学習時と同じになるように
#     x を縮小して返します。
#   空欄 3（逆伝播）: 順伝播で残したニューロンにだけ勾配 dout を流します。
#
# [Task]
# Complete the layer Dropout in three places (the form of Deep Learning from Scratch).
#   Blank 1 (forward, training): make the mask self.mask of x's shape. Each entry is
#     dropped (False) with probability dropout_ratio and kept (True) with probability
#     1 − dropout_ratio; draw uniform random numbers in [0, 1) from self.rng. The line
#     that applies the mask is given.
#   Blank 2 (forward, test time): drop nothing, and scale x down so that the output's
#     expected value equals that of training.
#   Blank 3 (backward): pass the gradient dout only through the neurons kept in the
#     forward pass.
#
# 空欄 `_blank(N)` (3 箇所) を埋めて `grade dropout` で採点。ヒント: `grade hint dropout`
# Fill in the 3 blank(s) `_blank(N)`, then run `grade dropout`. Hints: `grade hint dropout`
# ============================================================================
"""ドロップアウト / Dropout.

日本語
------
学習時、各ニューロンを確率 p（dropout_ratio）で消去し、確率 1 − p で残す
（ゼロから作る Deep Learning の形: 学習時に残した値は拡大せず、推論時に縮小する）。

    学習時:   m_ij ~ Bernoulli(1 − p)   （u_ij ~ U[0, 1) について m_ij = [u_ij > p]）
              y = x ⊙ m
    推論時:   y = (1 − p) · x          （学習時の期待値 E[x ⊙ m] = (1 − p) · x に合わせる）
    逆伝播:   ∂L/∂x = ∂L/∂y ⊙ m       （順伝播と同じマスク m）

乱数は self.rng（numpy.random.Generator）からだけ作る。マスクは学習時の順伝播のたびに
作り直す。（PyTorch や Keras の「逆ドロップアウト」は学習時に 1 / (1 − p) 倍し、推論時は
何もしない。この演習はその形ではない。）

形状: x, y, dout, dx, mask は同じ任意の形（例: (N, D)）、mask は bool、
dropout_ratio は 0 ≤ p < 1 のスカラー。すべて float64（mask を除く）。

English
-------
In training each neuron is dropped with probability p (dropout_ratio) and kept with
probability 1 − p (the form of Deep Learning from Scratch: kept values are not scaled up
in training; test time scales down).

    training:   m_ij ~ Bernoulli(1 − p)   (m_ij = [u_ij > p] for u_ij ~ U[0, 1))
                y = x ⊙ m
    test time:  y = (1 − p) · x           (matching the training expectation
                                           E[x ⊙ m] = (1 − p) · x)
    backward:   ∂L/∂x = ∂L/∂y ⊙ m         (the forward pass's mask m)

All randomness comes from self.rng (a numpy.random.Generator); a new mask is drawn on
every training forward pass. (The "inverted dropout" of PyTorch and Keras scales by
1 / (1 − p) in training and does nothing at test time; this exercise is not that form.)

Shapes: x, y, dout, dx and mask share one, any, shape (e.g. (N, D)); mask is bool;
dropout_ratio is a scalar 0 ≤ p < 1. Everything float64 (except the mask).
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of dropout is not filled in yet")


class Dropout:
    def __init__(self, dropout_ratio: float, rng: np.random.Generator) -> None:
        self.dropout_ratio = dropout_ratio  # p, the fraction dropped
        self.rng = rng
        self.mask = None  # x's shape, bool: True = kept

    def forward(self, x: np.ndarray, train_flg: bool = True) -> np.ndarray:
        if train_flg:
            # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
            _blank(1)
            # └──
            return x * self.mask  # x's shape
        return _blank(2)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return _blank(3)


if __name__ == "__main__":
    layer = Dropout(0.3, np.random.default_rng(0))
    x = np.ones((1000, 100))
    print(layer.forward(x).mean())  # ≈ 0.7: about 70 % kept
    print(layer.forward(x[:1, :4], train_flg=False))  # [[0.7 0.7 0.7 0.7]]
