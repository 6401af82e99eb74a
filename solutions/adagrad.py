# /// exercise
# id = "adagrad"
# day = 2
# section = 2
# points = 10
# requires = ["sgd"]
# topic = { ja = "学習率最適化手法（AdaGrad）", en = "Optimizers: AdaGrad" }
# title = { ja = "AdaGrad", en = "AdaGrad" }
# instructions.ja = """
# AdaGrad によるパラメータ更新を完成させてください。
#   空欄 1: これまでの勾配の 2 乗和 h[key] に、今回の勾配の 2 乗（要素ごと）を加えます。
#   空欄 2: パラメータの更新量 lr × grad を割る分母です。h[key] の平方根に、
#     0 での割り算を防ぐ小さな値 1e-7 を加えたものにします。
# params と grads は同じキーを持つ配列の辞書です。h はキーごとに別々に持ちます。
# """
# instructions.en = """
# Complete the parameter update of AdaGrad.
#   Blank 1: add the square of the current gradient (element-wise) to h[key], the sum of
#     the squares of all gradients so far.
#   Blank 2: the denominator that divides the step lr × grad: the square root of h[key]
#     plus the small value 1e-7 that prevents a division by zero.
# params and grads are dicts of arrays with the same keys; there is one h per key.
# """
#
# [[hints]]
# ja = """\
# AdaGrad は、これまで大きく動いたパラメータほど学習率を小さくします。\
# 「どれだけ動いたか」を勾配の 2 乗の累積 h で測ります。"""
# en = """\
# AdaGrad lowers the learning rate of a parameter the more it has moved so far. It measures \
# that movement by h, the accumulated squares of the gradients."""
#
# [[hints]]
# ja = """\
# 空欄 1 は h ← h + ∇L ⊙ ∇L です（⊙ は要素ごとの積。行列積ではありません）。\
# 累積なので、前の h を消さずに加えます。"""
# en = """\
# Blank 1 is h ← h + ∇L ⊙ ∇L (⊙ is the element-wise product, not a matrix product). It \
# accumulates: add to the previous h, do not replace it."""
#
# [[hints]]
# ja = """\
# 空欄 2 は √h + ε（ε = 1e-7）です。ε は平方根の外に足します。\
# 勾配がとても小さいとき（h が 1e-14 程度）、ε を平方根の内側に入れると結果が大きく変わります。"""
# en = """\
# Blank 2 is √h + ε (ε = 1e-7). Add ε outside the square root: for tiny gradients (h around \
# 1e-14) putting ε inside the root changes the result a lot."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] = grad * grad"
# source = "common"
# why.ja = """\
# h を今回の勾配の 2 乗で置き換えています。AdaGrad の h はこれまでのすべての勾配の\
# 2 乗の「累積」なので、前の h に加えます（置き換えると 2 ステップ目から学習率が変わります）。"""
# why.en = """\
# h is replaced by the current squared gradient. AdaGrad's h accumulates the squares of all \
# gradients so far: add to the previous h (replacing it changes the steps from the second \
# step on)."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] += grad"
# source = "common"
# why.ja = """\
# 勾配を 2 乗せずに足しています。負の勾配で h が減り、平方根が負の数の平方根（NaN）に\
# なることもあります。h には勾配の 2 乗を足します。"""
# why.en = """\
# The gradient is added without squaring it: a negative gradient lowers h and can make \
# the square root NaN. Add the squared gradient to h."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] += np.abs(grad)"
# source = "common"
# why.ja = """\
# 勾配の絶対値ではなく 2 乗を累積します。分母は √(Σ g²) なので、絶対値の和では\
# 大きさが合いません。"""
# why.en = """\
# Accumulate the squares of the gradient, not its absolute values: the denominator is \
# √(Σ g²), which a sum of absolute values does not give."""
#
# [[wrong]]
# blank = 1
# answer = "h[key] += np.dot(grad, grad)"
# source = "common"
# why.ja = """\
# np.dot はベクトルなら内積（スカラー）、行列なら行列積です。h はパラメータごとの値なので、\
# 要素ごとの積 grad * grad を足します。"""
# why.en = """\
# np.dot is the inner product (a scalar) for vectors and the matrix product for matrices. \
# h holds one value per parameter entry: add the element-wise product grad * grad."""
#
# [[wrong]]
# blank = 2
# answer = "np.sqrt(h[key] + 1e-7)"
# source = "common"
# why.ja = """\
# ε = 1e-7 を平方根の内側に入れています。この講座（ゼロから作る Deep Learning）の形は \
# √h + ε です。勾配が小さいと違いが大きく、g = 1e-8 なら分母は 1.1e-7 ではなく約 3.2e-4 に\
# なり、更新がほとんど止まります。"""
# why.en = """\
# ε = 1e-7 is inside the square root. The form used here (Deep Learning from Scratch) is \
# √h + ε. For small gradients it matters a lot: for g = 1e-8 the denominator becomes about \
# 3.2e-4 instead of 1.1e-7 and the update almost stops."""
#
# [[wrong]]
# blank = 2
# answer = "np.sqrt(h[key])"
# source = "common"
# why.ja = """\
# ε が抜けています。勾配がずっと 0 のパラメータでは h = 0 で、0 / 0 が NaN になります。\
# 分母に 1e-7 を加えます。"""
# why.en = """\
# ε is missing. For a parameter whose gradient has always been 0, h = 0 and 0 / 0 gives \
# NaN. Add 1e-7 to the denominator."""
#
# [[wrong]]
# blank = 2
# answer = "h[key] + 1e-7"
# source = "common"
# why.ja = """\
# 平方根が抜けています。分母は h そのものではなく √h です（h は勾配の 2 乗の和なので、\
# 平方根で勾配と同じ大きさに戻します）。"""
# why.en = """\
# The square root is missing: the denominator is √h, not h (h is a sum of squared \
# gradients; the root brings it back to the scale of a gradient)."""
#
# [[wrong]]
# blank = 2
# answer = "np.sqrt(grad * grad) + 1e-7"
# source = "common"
# why.ja = """\
# 今回の勾配だけで割っているので、更新量はいつも約 lr × 符号 になります。AdaGrad は\
# これまでの累積 h[key] の平方根で割ります。"""
# why.en = """\
# Dividing by the current gradient only makes every step about lr × sign. AdaGrad divides \
# by the square root of the accumulated h[key]."""
#
# [[accepted]]
# blank = 1
# answer = "h[key] += grad ** 2"
#
# [[accepted]]
# blank = 1
# answer = "h[key] = h[key] + np.square(grad)"
#
# [[accepted]]
# blank = 2
# answer = "1e-7 + h[key] ** 0.5"
# ///
"""AdaGrad / AdaGrad (the form of Deep Learning from Scratch).

日本語
------
パラメータ W ごとに、これまでの勾配の 2 乗和 h を持ち、その平方根で学習率を割る
（キーごとに独立、演算はすべて要素ごと）:

    h ← h + (∂L/∂W) ⊙ (∂L/∂W)
    W ← W − η (∂L/∂W) / (√h + ε)

η = lr（学習率）、ε = 1e-7（平方根の外に足す）。h は最初の update で 0 に初期化する。
ε を √(h + ε) のように平方根の内側に入れる書き方もあるが、ここでは √h + ε に固定する
（勾配が 1e-8 程度だと両者の更新量は数千倍違う）。

形状: params と grads は同じキーを持つ辞書で、params[key] と grads[key] は同じ形の
float64 配列（例: W (D, H)、b (H,)）。self.h[key] も同じ形。update は params の配列を
その場で書き換え、None を返す。

English
-------
Keep, for every parameter W, the sum h of the squares of its gradients so far, and divide
the learning rate by its square root (independently for every key, all operations
element-wise):

    h ← h + (∂L/∂W) ⊙ (∂L/∂W)
    W ← W − η (∂L/∂W) / (√h + ε)

η = lr (the learning rate), ε = 1e-7 (added outside the root). h starts at 0 on the first
update. Some texts write √(h + ε) with ε inside the root; here it is √h + ε (for gradients
around 1e-8 the two steps differ by a factor of thousands).

Shapes: params and grads are dicts with the same keys; params[key] and grads[key] are
float64 arrays of the same shape (e.g. W (D, H), b (H,)), and so is self.h[key]. update
changes the arrays of params in place and returns None.
"""

import numpy as np


class AdaGrad:
    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr
        self.h: dict[str, np.ndarray] | None = None

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        h, lr = self.h, self.lr  # h: one sum of squared gradients per key
        for key, grad in grads.items():
            h[key] += grad * grad  # BLANK: h[key] += grad * grad
            params[key] -= lr * grad / (np.sqrt(h[key]) + 1e-7)  # BLANK: np.sqrt(h[key]) + 1e-7


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0, 0.5])}
    optimizer = AdaGrad(lr=0.5)
    optimizer.update(params, {"W": np.array([0.3, -4.0, 0.0])})
    print(params["W"])  # [ 0.5 -1.5  0.5]
    optimizer.update(params, {"W": np.array([0.4, 3.0, 0.0])})
    print(params["W"])  # [ 0.1 -1.8  0.5]
