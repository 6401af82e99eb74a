# /// exercise
# id = "dropout"
# day = 2
# section = 3
# points = 10
# topic = { ja = "ドロップアウト", en = "Dropout" }
# title.ja = "ドロップアウト（順伝播・推論時・逆伝播）"
# title.en = "Dropout: forward, test time and backward"
# instructions.ja = """
# ドロップアウトレイヤ Dropout を 3 か所完成させてください（ゼロから作る Deep Learning の形）。
#   空欄 1（学習時の順伝播）: x と同じ形のマスク self.mask を作ります。各要素を
#     確率 dropout_ratio で消去（False）、確率 1 − dropout_ratio で残す（True）ようにし、
#     乱数は self.rng の一様乱数（[0, 1)）から作ります。マスクを掛ける行はすでにあります。
#   空欄 2（推論時の順伝播）: ニューロンを消さず、出力の期待値が学習時と同じになるように
#     x を縮小して返します。
#   空欄 3（逆伝播）: 順伝播で残したニューロンにだけ勾配 dout を流します。
# """
# instructions.en = """
# Complete the layer Dropout in three places (the form of Deep Learning from Scratch).
#   Blank 1 (forward, training): make the mask self.mask of x's shape. Each entry is
#     dropped (False) with probability dropout_ratio and kept (True) with probability
#     1 − dropout_ratio; draw uniform random numbers in [0, 1) from self.rng. The line
#     that applies the mask is given.
#   Blank 2 (forward, test time): drop nothing, and scale x down so that the output's
#     expected value equals that of training.
#   Blank 3 (backward): pass the gradient dout only through the neurons kept in the
#     forward pass.
# """
#
# [[hints]]
# ja = """\
# [0, 1) の一様乱数 u が dropout_ratio を超える確率は 1 − dropout_ratio です。\
# 比較の結果（真偽値の配列）がそのままマスクになります。"""
# en = """\
# A uniform random number u in [0, 1) exceeds dropout_ratio with probability \
# 1 − dropout_ratio. The comparison's result, a boolean array, is the mask."""
#
# [[hints]]
# ja = """\
# 学習時、各ニューロンは確率 1 − dropout_ratio で残り、残ったときは x のままです。\
# 出力の期待値は x·(1 − dropout_ratio) です。推論時はこれに合わせます。"""
# en = """\
# In training each neuron survives with probability 1 − dropout_ratio and then passes x \
# unchanged: the expected output is x·(1 − dropout_ratio). Test time matches it."""
#
# [[hints]]
# ja = """\
# 空欄 1 は self.rng.random(x.shape) と self.dropout_ratio の比較、\
# 空欄 2 は x に (1.0 - self.dropout_ratio) を掛け、空欄 3 は dout に self.mask を掛けます。"""
# en = """\
# Blank 1 compares self.rng.random(x.shape) with self.dropout_ratio; blank 2 multiplies x \
# by (1.0 - self.dropout_ratio); blank 3 multiplies dout by self.mask."""
#
# [[wrong]]
# blank = 1
# answer = "self.mask = self.rng.random(x.shape) < self.dropout_ratio"
# source = "common"
# why.ja = """\
# 不等号が逆です。u < dropout_ratio が真になる確率は dropout_ratio なので、\
# 残すはずの割合と消すはずの割合が入れ替わります。"""
# why.en = """\
# The comparison is reversed: u < dropout_ratio holds with probability dropout_ratio, so \
# the kept and the dropped fractions are swapped."""
#
# [[wrong]]
# blank = 1
# answer = "self.mask = np.random.rand(*x.shape) > self.dropout_ratio"
# source = "common"
# why.ja = """\
# 割合は正しいのですが、np.random のグローバルな乱数を使っていて self.rng を無視しています。\
# 同じシードの rng から同じマスクが作れず、結果を再現できません。"""
# why.en = """\
# The rate is right, but it uses numpy's global random state and ignores self.rng: the \
# same seed does not give the same mask, so results cannot be reproduced."""
#
# [[wrong]]
# blank = 1
# answer = "self.mask = self.rng.standard_normal(x.shape) > self.dropout_ratio"
# source = "common"
# why.ja = """\
# 標準正規乱数は [0, 1) の一様乱数ではないので、dropout_ratio を超える確率が\
# 1 − dropout_ratio になりません。一様乱数 self.rng.random を使います。"""
# why.en = """\
# Standard normal numbers are not uniform in [0, 1): the probability of exceeding \
# dropout_ratio is not 1 − dropout_ratio. Use the uniform self.rng.random."""
#
# [[wrong]]
# blank = 1
# answer = "self.mask = self.rng.random(x.shape)"
# source = "common"
# why.ja = """\
# 一様乱数そのものを掛けると、各要素が 0〜1 倍に縮むだけで消去になりません。\
# dropout_ratio と比較して真偽値のマスクにします。"""
# why.en = """\
# Multiplying by the uniform numbers themselves shrinks every entry by a factor in [0, 1) \
# instead of dropping some. Compare them with dropout_ratio to get a boolean mask."""
#
# [[wrong]]
# blank = 2
# answer = "x"
# source = "common"
# why.ja = """\
# この形（ゼロから作る Deep Learning の形）では学習時に残した値を拡大しないので、\
# 学習時の出力の期待値は x·(1 − dropout_ratio) です。推論時もそれに合わせて縮小します。"""
# why.en = """\
# In this form (Deep Learning from Scratch's) training does not scale the kept values up, \
# so the expected training output is x·(1 − dropout_ratio); test time must scale x down \
# to match."""
#
# [[wrong]]
# blank = 2
# answer = "x * self.dropout_ratio"
# source = "common"
# why.ja = """\
# dropout_ratio は消す割合です。残る割合は 1 − dropout_ratio で、推論時はそれを掛けます。"""
# why.en = """\
# dropout_ratio is the fraction dropped; the fraction kept is 1 − dropout_ratio, and that \
# is what test time multiplies by."""
#
# [[wrong]]
# blank = 2
# answer = "x / (1.0 - self.dropout_ratio)"
# source = "common"
# why.ja = """\
# 1 − dropout_ratio で割るのは「逆ドロップアウト」で学習時に行う拡大です。\
# この形では学習時に拡大しないので、推論時は (1 − dropout_ratio) を掛けて縮小します。"""
# why.en = """\
# Dividing by 1 − dropout_ratio is the scaling inverted dropout applies during training. \
# This form does not scale in training, so test time multiplies by (1 − dropout_ratio)."""
#
# [[wrong]]
# blank = 3
# answer = "dout"
# source = "common"
# why.ja = """\
# 順伝播で消したニューロンは出力に影響しないので、その勾配は 0 です。\
# 順伝播と同じマスク self.mask を dout に掛けます。"""
# why.en = """\
# A neuron dropped in the forward pass does not affect the output, so its gradient is 0. \
# Multiply dout by the forward pass's mask self.mask."""
#
# [[wrong]]
# blank = 3
# answer = "dout * (1.0 - self.dropout_ratio)"
# source = "common"
# why.ja = """\
# これは推論時の縮小で、逆伝播ではありません。学習時の順伝播で残した要素だけに\
# 勾配をそのまま流し、消した要素の勾配を 0 にします。"""
# why.en = """\
# That is the test-time scaling, not the backward pass. Pass the gradient unchanged \
# through the entries kept in the training forward pass and zero it for the dropped ones."""
#
# [[wrong]]
# blank = 3
# answer = "dout * (self.rng.random(dout.shape) > self.dropout_ratio)"
# source = "common"
# why.ja = """\
# 新しいマスクを作っています。逆伝播では順伝播で実際に使ったマスク self.mask を使わないと、\
# 消したニューロンに勾配が流れ、残したニューロンの勾配が消えます。"""
# why.en = """\
# This draws a new mask. The backward pass must use the mask the forward pass actually \
# used, self.mask; otherwise dropped neurons get gradients and kept ones lose theirs."""
#
# [[wrong]]
# blank = 3
# answer = "dout * ~self.mask"
# source = "common"
# why.ja = """\
# マスクが反転しています。勾配を流すのは残したニューロン（mask が True）で、\
# 消したニューロン（False）の勾配は 0 です。"""
# why.en = """\
# The mask is inverted: the gradient flows through the kept neurons (mask True); the \
# dropped ones (False) get 0."""
#
# [[accepted]]
# blank = 1
# answer = "self.mask = self.rng.random(x.shape) < 1.0 - self.dropout_ratio"
#
# [[accepted]]
# blank = 1
# answer = "self.mask = self.rng.random(size=x.shape) >= self.dropout_ratio"
#
# [[accepted]]
# blank = 1
# answer = "self.mask = (self.rng.random(x.shape) > self.dropout_ratio).astype(np.float64)"
#
# [[accepted]]
# blank = 2
# answer = "(1 - self.dropout_ratio) * x"
#
# [[accepted]]
# blank = 3
# answer = "np.where(self.mask, dout, 0.0)"
# ///
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


class Dropout:
    def __init__(self, dropout_ratio: float, rng: np.random.Generator) -> None:
        self.dropout_ratio = dropout_ratio  # p, the fraction dropped
        self.rng = rng
        self.mask = None  # x's shape, bool: True = kept

    def forward(self, x: np.ndarray, train_flg: bool = True) -> np.ndarray:
        if train_flg:
            # BEGIN BLANK
            self.mask = self.rng.random(x.shape) > self.dropout_ratio
            # END BLANK
            return x * self.mask  # x's shape
        return x * (1.0 - self.dropout_ratio)  # BLANK: x * (1.0 - self.dropout_ratio)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        return dout * self.mask  # BLANK: dout * self.mask


if __name__ == "__main__":
    layer = Dropout(0.3, np.random.default_rng(0))
    x = np.ones((1000, 100))
    print(layer.forward(x).mean())  # ≈ 0.7: about 70 % kept
    print(layer.forward(x[:1, :4], train_flg=False))  # [[0.7 0.7 0.7 0.7]]
