# /// exercise
# id = "adam"
# day = 2
# section = 2
# points = 10
# requires = ["momentum", "rmsprop"]
# topic = { ja = "学習率最適化手法（Adam）", en = "Optimizers: Adam" }
# title = { ja = "Adam", en = "Adam" }
# instructions.ja = """
# Adam によるパラメータ更新を完成させてください（ゼロから作る Deep Learning の形）。
#   空欄 1: t ステップ目の学習率 lr_t を求めます。lr に √(1 − β2^t) を掛け、
#     (1 − β1^t) で割ります（バイアス補正をまとめたもの）。
#   空欄 2: 勾配の 1 次モーメント m[key]（勾配の指数移動平均）と 2 次モーメント v[key]
#     （勾配の 2 乗の指数移動平均）を、それぞれ係数 β1、β2 で更新します。
# パラメータの更新（lr_t × m / (√v + 1e-7) を引く）はすでに書かれています。
# params と grads は同じキーを持つ配列の辞書です。m と v はキーごとに別々に持ちます。
# """
# instructions.en = """
# Complete the parameter update of Adam (the form of Deep Learning from Scratch).
#   Blank 1: the learning rate lr_t of step t: lr times √(1 − β2^t), divided by
#     (1 − β1^t) (the bias corrections folded into one factor).
#   Blank 2: update the first moment m[key] (the exponential moving average of the
#     gradient) and the second moment v[key] (that of the squared gradient) with the
#     coefficients β1 and β2.
# The parameter update (subtracting lr_t × m / (√v + 1e-7)) is already written.
# params and grads are dicts of arrays with the same keys; there is one m and one v per key.
# """
#
# [[hints]]
# ja = """\
# Adam はモメンタム（勾配の移動平均 m）と RMSProp（勾配の 2 乗の移動平均 v）を\
# 組み合わせたものです。m と v は 0 から始まるので、初めのうちは小さすぎます。\
# それを補正するのがバイアス補正です。"""
# en = """\
# Adam combines Momentum (a moving average m of the gradient) and RMSProp (a moving average \
# v of the squared gradient). m and v start at 0 and are too small at first; the bias \
# correction makes up for that."""
#
# [[hints]]
# ja = """\
# 指数移動平均 m ← β1 m + (1 − β1) g は、m ← m + (1 − β1)(g − m) とも書けます。\
# v も同じ形で、g の代わりに g の 2 乗（要素ごと）を使います。"""
# en = """\
# The moving average m ← β1 m + (1 − β1) g can also be written m ← m + (1 − β1)(g − m). \
# v has the same form with the element-wise square of g in place of g."""
#
# [[hints]]
# ja = """\
# 空欄 1 は lr_t = lr · √(1 − β2^t) / (1 − β1^t) です。t は self.iter（1 から数える）で、\
# べき乗は ** で書きます。平方根は β2 の側、平方根なしは β1 の側です。"""
# en = """\
# Blank 1 is lr_t = lr · √(1 − β2^t) / (1 − β1^t), with t = self.iter (counted from 1) and \
# powers written with **. The square root goes with β2, the plain factor with β1."""
#
# [[wrong]]
# blank = 1
# answer = "lr_t = lr * np.sqrt(1.0 - beta1**t) / (1.0 - beta2**t)"
# source = "common"
# why.ja = """\
# β1 と β2 が入れ替わっています。平方根を取るのは 2 次モーメント v の補正 (1 − β2^t)、\
# 割るのは 1 次モーメント m の補正 (1 − β1^t) です。"""
# why.en = """\
# β1 and β2 are swapped: the square root belongs to the correction of the second moment v, \
# (1 − β2^t); the division to that of the first moment m, (1 − β1^t)."""
#
# [[wrong]]
# blank = 1
# answer = "lr_t = lr * (1.0 - beta2**t) / (1.0 - beta1**t)"
# source = "common"
# why.ja = """\
# 平方根が抜けています。v は勾配の 2 乗の平均で、更新では √v で割るので、\
# v の補正 (1 − β2^t) も平方根で効きます。"""
# why.en = """\
# The square root is missing: v averages squared gradients and the update divides by √v, \
# so v's correction (1 − β2^t) enters through a square root too."""
#
# [[wrong]]
# blank = 1
# answer = "lr_t = lr"
# source = "common"
# why.ja = """\
# バイアス補正がありません。m と v は 0 から始まるため、初めのステップでは小さく偏っています。\
# lr に √(1 − β2^t) / (1 − β1^t) を掛けて補正します。"""
# why.en = """\
# The bias correction is missing. m and v start at 0 and are biased towards 0 in the first \
# steps; multiply lr by √(1 − β2^t) / (1 − β1^t) to correct it."""
#
# [[wrong]]
# blank = 1
# answer = "lr_t = lr * np.sqrt(1.0 - beta2) / (1.0 - beta1)"
# source = "common"
# why.ja = """\
# β1、β2 が t 乗されていません。補正はステップ数 t に依存し、t が大きくなると 1 に近づきます。"""
# why.en = """\
# β1 and β2 are not raised to the power t: the correction depends on the step t and tends \
# to 1 as t grows."""
#
# [[wrong]]
# blank = 1
# answer = "lr_t = lr * np.sqrt(1.0 - beta2**t) * (1.0 - beta1**t)"
# source = "common"
# why.ja = """\
# (1 − β1^t) は掛けるのではなく割ります。m は 0 から始まって小さすぎるので、\
# 補正では大きくします。"""
# why.en = """\
# Divide by (1 − β1^t), do not multiply: m starts at 0 and is too small, so the correction \
# must enlarge it."""
#
# [[wrong]]
# blank = 2
# answer = """
# m[key] += (1 - beta1) * (grad - m[key])
# v[key] += (1 - beta2) * (grad - v[key])
# """
# source = "common"
# why.ja = """\
# v は勾配の 2 乗の移動平均です。grad ではなく grad**2 を使います（負の v の平方根は NaN）。"""
# why.en = """\
# v is the moving average of the squared gradient: use grad**2, not grad (the square root \
# of a negative v is NaN)."""
#
# [[wrong]]
# blank = 2
# answer = """
# m[key] += beta1 * (grad - m[key])
# v[key] += beta2 * (grad**2 - v[key])
# """
# source = "common"
# why.ja = """\
# β は古い値を残す割合です。新しい値との差に掛けるのは β ではなく (1 − β) です。"""
# why.en = """\
# β is the share of the old value that is kept: the difference to the new value is \
# multiplied by (1 − β), not β."""
#
# [[wrong]]
# blank = 2
# answer = """
# m[key] = beta1 * m[key] + (1 - beta1) * grad
# v[key] = beta2 * v[key] + (1 - beta1) * grad**2
# """
# source = "common"
# why.ja = """\
# v の更新に β1 が使われています。v の係数は β2 と (1 − β2) です。"""
# why.en = """\
# v's update uses β1; its coefficients are β2 and (1 − β2)."""
#
# [[wrong]]
# blank = 2
# answer = """
# m[key] += (1 - beta1) * grad
# v[key] += (1 - beta2) * grad**2
# """
# source = "common"
# why.ja = """\
# 古い m、v が減衰しないので、移動平均ではなく累積和になります。\
# m ← m + (1 − β1)(g − m) のように、今の値との差を足します。"""
# why.en = """\
# The old m and v never decay: this is a running sum, not a moving average. Add the \
# difference to the current value, as in m ← m + (1 − β1)(g − m)."""
#
# [[accepted]]
# blank = 1
# answer = "lr_t = lr * (1.0 - beta2**t) ** 0.5 / (1.0 - beta1**t)"
#
# [[accepted]]
# blank = 2
# answer = """
# m[key] = beta1 * m[key] + (1 - beta1) * grad
# v[key] = beta2 * v[key] + (1 - beta2) * grad**2
# """
#
# [[accepted]]
# blank = 2
# answer = """
# m[key] += (1 - beta1) * (grad - m[key])
# v[key] += (1 - beta2) * (grad * grad - v[key])
# """
# ///
"""Adam / Adam (the form of Deep Learning from Scratch).

日本語
------
パラメータ W ごとに、勾配の 1 次モーメント m と 2 次モーメント v（どちらも指数移動平均）を
持つ（キーごとに独立、演算はすべて要素ごと）。t = 1, 2, ... はステップ数:

    lr_t = η √(1 − β2^t) / (1 − β1^t)
    m ← m + (1 − β1) (∂L/∂W − m)                 （= β1 m + (1 − β1) ∂L/∂W）
    v ← v + (1 − β2) ((∂L/∂W) ⊙ (∂L/∂W) − v)    （= β2 v + (1 − β2) (∂L/∂W)²）
    W ← W − lr_t m / (√v + ε)

η = lr（既定 0.001）、β1 = 0.9、β2 = 0.999、ε = 1e-7。m と v は最初の update で 0 に
初期化する。バイアス補正を lr_t にまとめたこの形（ゼロから作る Deep Learning）は、
m̂ = m / (1 − β1^t)、v̂ = v / (1 − β2^t) を使う論文の形と ε の効き方だけが違う
（ε が √(1 − β2^t) 倍になる。相対差は 1e-6 程度）。ここではこの形に固定する。

形状: params と grads は同じキーを持つ辞書で、params[key] と grads[key] は同じ形の
float64 配列（例: W (D, H)、b (H,)）。self.m[key]、self.v[key] も同じ形。
update は params の配列をその場で書き換え、None を返す。

English
-------
Keep, for every parameter W, the first moment m and the second moment v of its gradient
(both exponential moving averages), independently for every key and element-wise.
t = 1, 2, ... counts the steps:

    lr_t = η √(1 − β2^t) / (1 − β1^t)
    m ← m + (1 − β1) (∂L/∂W − m)                 (= β1 m + (1 − β1) ∂L/∂W)
    v ← v + (1 − β2) ((∂L/∂W) ⊙ (∂L/∂W) − v)    (= β2 v + (1 − β2) (∂L/∂W)²)
    W ← W − lr_t m / (√v + ε)

η = lr (default 0.001), β1 = 0.9, β2 = 0.999, ε = 1e-7. m and v start at 0 on the first
update. This form (Deep Learning from Scratch), with the bias corrections folded into
lr_t, differs from the paper's m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t) only in how ε acts
(it is scaled by √(1 − β2^t); a relative difference around 1e-6). This form is the one
used here.

Shapes: params and grads are dicts with the same keys; params[key] and grads[key] are
float64 arrays of the same shape (e.g. W (D, H), b (H,)), and so are self.m[key] and
self.v[key]. update changes the arrays of params in place and returns None.
"""

import numpy as np


class Adam:
    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999) -> None:
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m: dict[str, np.ndarray] | None = None
        self.v: dict[str, np.ndarray] | None = None

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        m, v, t = self.m, self.v, self.iter  # m, v: one moment each per key; t = 1, 2, ...
        lr, beta1, beta2 = self.lr, self.beta1, self.beta2
        # BEGIN BLANK
        lr_t = lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
        # END BLANK
        for key, grad in grads.items():
            # BEGIN BLANK
            m[key] += (1 - beta1) * (grad - m[key])
            v[key] += (1 - beta2) * (grad**2 - v[key])
            # END BLANK
            params[key] -= lr_t * m[key] / (np.sqrt(v[key]) + 1e-7)


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = Adam(lr=0.1)
    optimizer.update(params, {"W": np.array([0.5, -2.0])})
    print(params["W"])  # about [ 0.9 -1.9]: the first step is lr · sign(grad)
