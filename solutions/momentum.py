# /// exercise
# id = "momentum"
# day = 2
# section = 2
# points = 10
# requires = ["sgd"]
# topic = { ja = "学習率最適化手法（モメンタム）", en = "Optimizers: Momentum" }
# title = { ja = "モメンタム", en = "Momentum" }
# instructions.ja = """
# モメンタムによるパラメータ更新を完成させてください。
#   空欄 1: 速度 v を更新します。前回の速度に慣性の係数 momentum を掛けたものから、
#     学習率 lr 倍の勾配を引きます。
#   空欄 2: 更新した速度でパラメータ params[key] をその場で（in place に）更新します。
# params と grads は同じキーを持つ配列の辞書です。速度 v はキーごとに別々に持ちます。
# """
# instructions.en = """
# Complete the parameter update of Momentum.
#   Blank 1: update the velocity v: the previous velocity times the momentum coefficient,
#     minus the learning rate lr times the gradient.
#   Blank 2: update the parameter params[key] in place with the new velocity.
# params and grads are dicts of arrays with the same keys; there is one velocity per key.
# """
#
# [[hints]]
# ja = """\
# モメンタムはボールが坂を転がるように、前回の動き（速度）を引き継ぎます。\
# 速度は勾配と逆向き（下り坂）に加速します。"""
# en = """\
# Momentum carries over the previous movement (the velocity), like a ball rolling down a \
# slope. The velocity accelerates against the gradient (downhill)."""
#
# [[hints]]
# ja = """\
# 空欄 1 は v ← αv − η∇L の右辺です。momentum、v[key]、lr、grad を使います。"""
# en = """\
# Blank 1 is the right-hand side of v ← αv − η∇L, with momentum, v[key], lr and grad."""
#
# [[hints]]
# ja = """\
# 空欄 2 は W ← W + v です。勾配の符号はすでに v に含まれているので、v を「足し」ます。\
# 配列をその場で変えるには累算代入（+=）を使います。"""
# en = """\
# Blank 2 is W ← W + v. The sign of the gradient is already inside v, so add v. Use an \
# augmented assignment (+=) to change the array in place."""
#
# [[wrong]]
# blank = 1
# answer = "momentum * v[key] + lr * grad"
# source = "common"
# why.ja = """\
# 勾配を足すと、損失が増える向き（上り坂）に加速します。速度からは学習率 × 勾配を引きます。"""
# why.en = """\
# Adding the gradient accelerates uphill, towards a larger loss. Subtract the learning rate \
# times the gradient from the velocity."""
#
# [[wrong]]
# blank = 1
# answer = "v[key] - lr * grad"
# source = "common"
# why.ja = """\
# 前回の速度に慣性の係数 momentum（α）を掛けていません。α = 1 では速度が減衰せず、\
# 最適値の周りで振動し続けます。"""
# why.en = """\
# The previous velocity is not multiplied by the momentum coefficient α. With α = 1 the \
# velocity never decays and keeps oscillating around the optimum."""
#
# [[wrong]]
# blank = 1
# answer = "momentum * v[key] - grad"
# source = "common"
# why.ja = "学習率 lr が抜けています。速度に加えるのは勾配そのものではなく lr 倍の勾配です。"
# why.en = """\
# The learning rate lr is missing: the velocity takes lr times the gradient, not the \
# gradient itself."""
#
# [[wrong]]
# blank = 1
# answer = "momentum * v[key] - (1 - momentum) * grad"
# source = "common"
# why.ja = """\
# これは勾配の指数移動平均の形で、学習率 lr が使われていません。この講座（ゼロから作る\
# Deep Learning）の形は v ← αv − η∇L です。"""
# why.en = """\
# This is an exponential moving average of the gradient and ignores the learning rate lr. \
# The form used here (Deep Learning from Scratch) is v ← αv − η∇L."""
#
# [[wrong]]
# blank = 1
# answer = "lr * v[key] - momentum * grad"
# source = "common"
# why.ja = """\
# 係数が入れ替わっています。前回の速度に掛けるのが momentum（α）、勾配に掛けるのが\
# 学習率 lr（η）です。"""
# why.en = """\
# The coefficients are swapped: momentum (α) multiplies the previous velocity and the \
# learning rate lr (η) multiplies the gradient."""
#
# [[wrong]]
# blank = 1
# answer = "- lr * grad"
# source = "common"
# why.ja = """\
# 前回の速度が使われておらず、ただの SGD です。モメンタムは αv の項で前回の動きを引き継ぎます。"""
# why.en = """\
# The previous velocity is not used: this is plain SGD. Momentum carries over the previous \
# movement through the term αv."""
#
# [[wrong]]
# blank = 2
# answer = "params[key] -= v[key]"
# source = "common"
# why.ja = """\
# v にはすでに −η∇L（下り坂の向き）が含まれています。v を引くと上り坂に進みます。\
# パラメータには v を足します。"""
# why.en = """\
# v already contains −η∇L (the downhill direction); subtracting it walks uphill. Add v to \
# the parameter."""
#
# [[wrong]]
# blank = 2
# answer = "params[key] = v[key]"
# source = "common"
# why.ja = """\
# パラメータを速度で置き換えています。速度は 1 ステップの移動量なので、現在の値に足します。"""
# why.en = """\
# The parameter is replaced by the velocity. The velocity is one step's movement: add it to \
# the current value."""
#
# [[wrong]]
# blank = 2
# answer = "params[key] -= lr * grad"
# source = "common"
# why.ja = """\
# 計算した速度 v を使わず、SGD の更新をしています。モメンタムではパラメータに v を足します。"""
# why.en = """\
# This is the SGD update and ignores the velocity v just computed. Momentum adds v to the \
# parameter."""
#
# [[accepted]]
# blank = 1
# answer = "-lr * grad + momentum * v[key]"
#
# [[accepted]]
# blank = 2
# answer = "params[key] = params[key] + v[key]"
#
# [[accepted]]
# blank = 2
# answer = "params[key][...] += v[key]"
# ///
"""モメンタム / Momentum (the form of Deep Learning from Scratch).

日本語
------
勾配 ∂L/∂W から速度 v を作り、v でパラメータ W を動かす（キーごとに独立）:

    v ← α v − η ∂L/∂W
    W ← W + v

α = momentum（慣性の係数、例 0.9）、η = lr（学習率）。v は最初の update で 0 に初期化する。

形状: params と grads は同じキーを持つ辞書で、params[key] と grads[key] は同じ形の
float64 配列（例: W (D, H)、b (H,)）。self.v[key] も同じ形。update は params の配列を
その場で書き換え、None を返す。

English
-------
Build a velocity v from the gradient ∂L/∂W and move the parameter W by v (independently
for every key):

    v ← α v − η ∂L/∂W
    W ← W + v

α = momentum (e.g. 0.9), η = lr (the learning rate). v starts at 0 on the first update.

Shapes: params and grads are dicts with the same keys; params[key] and grads[key] are
float64 arrays of the same shape (e.g. W (D, H), b (H,)), and so is self.v[key]. update
changes the arrays of params in place and returns None.
"""

import numpy as np


class Momentum:
    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        self.lr = lr
        self.momentum = momentum
        self.v: dict[str, np.ndarray] | None = None

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        if self.v is None:
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        v, lr, momentum = self.v, self.lr, self.momentum  # v: one velocity per key
        for key, grad in grads.items():
            v[key] = momentum * v[key] - lr * grad  # BLANK: momentum * v[key] - lr * grad
            params[key] += v[key]  # BLANK: params[key] += v[key]


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = Momentum(lr=0.1, momentum=0.9)
    optimizer.update(params, {"W": np.array([0.5, 1.0])})
    print(params["W"])  # [ 0.95 -2.1 ]
    optimizer.update(params, {"W": np.array([-1.0, 2.0])})
    print(params["W"])  # [ 1.005 -2.39 ]
