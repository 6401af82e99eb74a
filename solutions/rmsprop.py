# /// exercise
# id = "rmsprop"
# day = 2
# section = 2
# points = 10
# requires = ["adagrad"]
# topic = { ja = "学習率最適化手法（RMSProp）", en = "Optimizers: RMSProp" }
# title = { ja = "RMSProp", en = "RMSProp" }
# instructions.ja = """
# RMSProp によるパラメータ更新を完成させてください。
# 空欄では、勾配の 2 乗の指数移動平均 h[key] を更新します。前回の h[key] に減衰率
# decay_rate を掛け、今回の勾配の 2 乗（要素ごと）に (1 − decay_rate) を掛けて足します。
# パラメータの更新（h の平方根で学習率を割る）はすでに書かれています。
# params と grads は同じキーを持つ配列の辞書です。h はキーごとに別々に持ちます。
# """
# instructions.en = """
# Complete the parameter update of RMSProp.
# The blank updates h[key], the exponential moving average of the squared gradient: the
# previous h[key] times the decay rate decay_rate, plus (1 − decay_rate) times the square
# of the current gradient (element-wise). The parameter update (dividing the learning rate
# by the square root of h) is already written.
# params and grads are dicts of arrays with the same keys; there is one h per key.
# """
#
# [[hints]]
# ja = """\
# AdaGrad は勾配の 2 乗を足し続けるので、学習が進むと更新量が 0 に近づいてしまいます。\
# RMSProp は古い勾配を少しずつ忘れる（指数移動平均）ことでこれを防ぎます。"""
# en = """\
# AdaGrad keeps adding squared gradients, so its steps shrink towards 0 as training goes \
# on. RMSProp forgets old gradients gradually (an exponential moving average) instead."""
#
# [[hints]]
# ja = """\
# 指数移動平均は h ← ρh + (1 − ρ)x の形です。ρ = decay_rate が「古い値をどれだけ残すか」、\
# x は今回の値で、ここでは勾配の要素ごとの 2 乗です。"""
# en = """\
# An exponential moving average has the form h ← ρh + (1 − ρ)x: ρ = decay_rate is how much \
# of the old value is kept and x is the new value, here the element-wise square of the \
# gradient."""
#
# [[hints]]
# ja = """\
# h[key] に、decay_rate × h[key] と (1 − decay_rate) × grad の 2 乗の和を代入します。"""
# en = """\
# Assign to h[key] the sum of decay_rate × h[key] and (1 − decay_rate) × grad squared."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] = (1 - decay_rate) * h[key] + decay_rate * grad**2"
# source = "common"
# why.ja = """\
# 係数が入れ替わっています。decay_rate（例 0.99）は古い h を残す割合なので h に、\
# (1 − decay_rate) は今回の勾配の 2 乗に掛けます。"""
# why.en = """\
# The coefficients are swapped: decay_rate (e.g. 0.99) is the share of the old h that is \
# kept, so it multiplies h; (1 − decay_rate) multiplies the new squared gradient."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] = decay_rate * h[key] + decay_rate * grad**2"
# source = "common"
# why.ja = """\
# 今回の勾配の 2 乗に掛けるのは decay_rate ではなく (1 − decay_rate) です。\
# 係数の和が 1 にならないと平均になりません。"""
# why.en = """\
# The new squared gradient is multiplied by (1 − decay_rate), not decay_rate: the two \
# weights must add up to 1 for an average."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] = decay_rate * h[key] + grad**2"
# source = "common"
# why.ja = """\
# 今回の勾配の 2 乗に (1 − decay_rate) が掛かっていません。これでは h が\
# 移動平均のおよそ 1 / (1 − decay_rate) 倍に膨らみます。"""
# why.en = """\
# The new squared gradient lacks the factor (1 − decay_rate): h grows to about \
# 1 / (1 − decay_rate) times the moving average."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] = decay_rate * h[key] + (1 - decay_rate) * grad"
# source = "common"
# why.ja = """\
# 勾配を 2 乗していません。h は勾配の 2 乗の平均で、負の勾配で h が負になると\
# 平方根が NaN になります。"""
# why.en = """\
# The gradient is not squared. h averages squared gradients; with a negative gradient h \
# can turn negative and its square root NaN."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] += grad * grad"
# source = "common"
# why.ja = """\
# これは AdaGrad の更新で、古い勾配を忘れません。RMSProp は decay_rate で古い h を\
# 減衰させる指数移動平均です。"""
# why.en = """\
# This is AdaGrad's update, which never forgets old gradients. RMSProp decays the old h \
# with decay_rate: an exponential moving average."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] = (1 - decay_rate) * grad**2"
# source = "common"
# why.ja = """\
# 前回の h が使われていません。decay_rate × h[key] の項で過去の勾配の情報を残します。"""
# why.en = """\
# The previous h is dropped: the term decay_rate × h[key] keeps the information of past \
# gradients."""
#
# [[accepted]]
# blank = 1
# answer = """
# h[key] *= decay_rate
# h[key] += (1 - decay_rate) * grad * grad
# """
#
# [[accepted]]
# blank = 1
# answer = "h[key] += (1 - decay_rate) * (grad**2 - h[key])"
# ///
"""RMSProp / RMSProp (the form of Deep Learning from Scratch).

日本語
------
パラメータ W ごとに、勾配の 2 乗の指数移動平均 h を持ち、その平方根で学習率を割る
（キーごとに独立、演算はすべて要素ごと）:

    h ← ρ h + (1 − ρ) (∂L/∂W) ⊙ (∂L/∂W)
    W ← W − η (∂L/∂W) / (√h + ε)

ρ = decay_rate（既定 0.99）、η = lr（既定 0.01）、ε = 1e-7（平方根の外に足す）。
h は最初の update で 0 に初期化する。

形状: params と grads は同じキーを持つ辞書で、params[key] と grads[key] は同じ形の
float64 配列（例: W (D, H)、b (H,)）。self.h[key] も同じ形。update は params の配列を
その場で書き換え、None を返す。

English
-------
Keep, for every parameter W, the exponential moving average h of its squared gradient and
divide the learning rate by its square root (independently for every key, all operations
element-wise):

    h ← ρ h + (1 − ρ) (∂L/∂W) ⊙ (∂L/∂W)
    W ← W − η (∂L/∂W) / (√h + ε)

ρ = decay_rate (default 0.99), η = lr (default 0.01), ε = 1e-7 (added outside the root).
h starts at 0 on the first update.

Shapes: params and grads are dicts with the same keys; params[key] and grads[key] are
float64 arrays of the same shape (e.g. W (D, H), b (H,)), and so is self.h[key]. update
changes the arrays of params in place and returns None.
"""

import numpy as np


class RMSprop:
    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99) -> None:
        self.lr = lr
        self.decay_rate = decay_rate
        self.h: dict[str, np.ndarray] | None = None

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        h, lr, decay_rate = self.h, self.lr, self.decay_rate  # h: one average per key
        for key, grad in grads.items():
            # BEGIN BLANK
            h[key] = decay_rate * h[key] + (1 - decay_rate) * grad**2
            # END BLANK
            params[key] -= lr * grad / (np.sqrt(h[key]) + 1e-7)


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = RMSprop(lr=0.1, decay_rate=0.9)
    optimizer.update(params, {"W": np.array([2.0, -0.5])})
    print(params["W"])  # [ 0.68377223 -1.68377223]: 1 ∓ 0.1·√10
