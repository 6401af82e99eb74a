# /// exercise
# id = "l1_regularization"
# day = 2
# section = 3
# points = 10
# requires = ["l2_regularization"]
# topic = { ja = "正則化（L1 正則化・ラッソ）", en = "Regularization (L1, lasso)" }
# title = { ja = "L1 正則化（ラッソ）の勾配", en = "The gradient of L1 (lasso) regularization" }
# instructions.ja = """
# L1 正則化（ラッソ）の勾配を加える関数 lasso を完成させてください。
# 損失に正則化項 rate·Σ|w| を足したとき、その勾配は rate·x です。
# 空欄は、param と同じ形の配列 x（|w| の w についての微分）を求める式です。
# w = 0 では |w| は微分できないので、劣勾配として 0 を使います。
# grad はその場で更新され、param は変更しません。
# """
# instructions.en = """
# Complete lasso, which adds the gradient of L1 regularization (lasso).
# When the penalty rate·Σ|w| is added to the loss, its gradient is rate·x. The blank is
# the expression for x, an array of param's shape: the derivative of |w| by w.
# At w = 0, |w| has no derivative; use the subgradient 0 there.
# grad is updated in place and param is left unchanged.
# """
#
# [[hints]]
# ja = "|w| のグラフを描いてみましょう。w > 0 での傾き、w < 0 での傾きはいくつでしょうか。"
# en = "Sketch the graph of |w|. What is its slope for w > 0, and for w < 0?"
#
# [[hints]]
# ja = """\
# 傾きは w > 0 で +1、w < 0 で −1、w = 0 では 0 とします。これは w の「符号」そのものです。\
# param / np.abs(param) は w = 0 で 0 / 0 になるので使えません。"""
# en = """\
# The slope is +1 for w > 0, −1 for w < 0, and 0 at w = 0: exactly the sign of w. \
# param / np.abs(param) is 0 / 0 at w = 0, so it will not do."""
#
# [[hints]]
# ja = "NumPy には要素ごとの符号（+1, 0, −1）を返す関数 np.sign があります。"
# en = "NumPy's np.sign gives the element-wise sign (+1, 0, −1)."
#
# [[wrong]]
# blank = 1
# answer = "np.maximum(param, 0)"
# source = "quiz"
# why.ja = """\
# np.maximum(param, 0) は ReLU と同じで、負の重みを 0 にし、正の重みは w のまま残します。\
# |w| の微分は w の大きさによらず ±1（w の符号）です。"""
# why.en = """\
# np.maximum(param, 0) is a ReLU: negative weights become 0 and positive ones stay w. \
# The derivative of |w| is ±1 (the sign of w), whatever w's size."""
#
# [[wrong]]
# blank = 1
# answer = "np.minimum(param, 0)"
# source = "quiz"
# why.ja = """\
# np.minimum(param, 0) は正の重みを 0 にし、負の重みは w のまま残します。\
# |w| の微分は w の符号（+1, 0, −1）です。"""
# why.en = """\
# np.minimum(param, 0) sets positive weights to 0 and keeps negative ones as w. The \
# derivative of |w| is the sign of w (+1, 0, −1)."""
#
# [[wrong]]
# blank = 1
# answer = "np.abs(param)"
# source = "quiz"
# why.ja = """\
# np.abs(param) は正則化項 |w| そのもので、その微分ではありません。\
# 負の重みでも正の値になり、0 へ引き寄せる向きが逆になります。"""
# why.en = """\
# np.abs(param) is the penalty |w| itself, not its derivative: it is positive even for a \
# negative weight, pushing it the wrong way instead of toward 0."""
#
# [[wrong]]
# blank = 1
# answer = "param"
# source = "common"
# why.ja = """\
# x = param とすると勾配は rate·w で、これは L2 正則化（リッジ）の勾配です。\
# L1 正則化の勾配は w の大きさによらず rate·sign(w) です。"""
# why.en = """\
# With x = param the gradient is rate·w, that of L2 regularization (ridge). The gradient \
# of L1 regularization is rate·sign(w), whatever w's size."""
#
# [[wrong]]
# blank = 1
# answer = "param / np.abs(param)"
# source = "common"
# why.ja = """\
# w ≠ 0 では符号と同じですが、w = 0 では 0 / 0 = NaN になり、勾配が壊れます。\
# 0 の重みでは劣勾配 0 を返す np.sign を使います。"""
# why.en = """\
# It equals the sign for w != 0, but at w = 0 it is 0 / 0 = NaN and the gradient breaks. \
# Use np.sign, which gives the subgradient 0 at a zero weight."""
#
# [[wrong]]
# blank = 1
# answer = "np.where(param >= 0, 1.0, -1.0)"
# source = "common"
# why.ja = """\
# w > 0 と w < 0 では正しいのですが、w = 0 でも +1 を返します。\
# 0 の重みには劣勾配 0 を使います（w = 0 のまま留まれるように）。"""
# why.en = """\
# Right for w > 0 and w < 0, but it gives +1 at w = 0 as well. A zero weight takes the \
# subgradient 0 (so that it can stay at 0)."""
#
# [[wrong]]
# blank = 1
# answer = "-np.sign(param)"
# source = "common"
# why.ja = """\
# 符号が逆です。rate·Σ|w| を w で微分すると +rate·sign(w) で、勾配降下で引くと\
# 重みが 0 に近づきます。"""
# why.en = """\
# The sign is flipped. The derivative of rate·Σ|w| is +rate·sign(w); subtracting it in \
# gradient descent moves the weights toward 0."""
#
# [[wrong]]
# blank = 1
# answer = "np.sign(grad)"
# source = "common"
# why.ja = """\
# 正則化項 rate·Σ|w| はパラメータ w の関数なので、その微分は勾配 grad ではなく\
# param の符号で決まります。"""
# why.en = """\
# The penalty rate·Σ|w| is a function of the parameter w, so its derivative depends on \
# the sign of param, not of grad."""
#
# [[wrong]]
# blank = 1
# answer = "param > 0"
# source = "common"
# why.ja = """\
# param > 0 は真偽値（1 か 0）で、負の重みに −1 を返しません。\
# 負の重みも 0 へ引き寄せるには −1 が必要です。"""
# why.en = """\
# param > 0 is a boolean (1 or 0): a negative weight gets 0, not −1, and is not pulled \
# toward 0."""
#
# [[accepted]]
# blank = 1
# answer = "np.where(param > 0, 1.0, np.where(param < 0, -1.0, 0.0))"
#
# [[accepted]]
# blank = 1
# answer = "(param > 0).astype(float) - (param < 0)"
# ///
"""L1 正則化（ラッソ）/ L1 (lasso) regularization.

日本語
------
損失 E(w) に L1 正則化項を加える:

    E_reg(w) = E(w) + λ · Σ_k |w_k|
    ∂E_reg / ∂w = ∂E / ∂w + λ · sign(w)

    sign(w) = +1 (w > 0),  0 (w = 0),  −1 (w < 0)

λ は rate。|w| は w = 0 で微分できないので、劣勾配のうち 0 を使う。ラッソの勾配は
重みの大きさによらず一定の強さで重みを 0 へ引き寄せるため、多くの重みがちょうど 0 に
なる（スパースになる）。lasso は grad をその場で更新し（戻り値なし）、param は変えない。

形状: param, grad, x は同じ任意の形（例: 重み W (in, out)）、rate はスカラー。

English
-------
Add the L1 penalty to the loss E(w):

    E_reg(w) = E(w) + λ · Σ_k |w_k|
    ∂E_reg / ∂w = ∂E / ∂w + λ · sign(w)

    sign(w) = +1 (w > 0),  0 (w = 0),  −1 (w < 0)

λ is rate. |w| has no derivative at w = 0; the subgradient 0 is used there. The lasso
gradient pulls every weight toward 0 with the same strength whatever its size, so many
weights end up exactly 0 (sparsity). lasso updates grad in place (it returns nothing) and
leaves param unchanged.

Shapes: param, grad and x have the same, any, shape (e.g. a weight W (in, out)); rate is
a scalar.
"""

import numpy as np


def lasso(param: np.ndarray, grad: np.ndarray, rate: float) -> None:
    """param: 対象のパラメータ / the parameter; grad: その勾配 / its gradient (in place);
    rate: 正則化の係数 λ / the lasso coefficient λ."""
    x = np.sign(param)  # BLANK: np.sign(param)
    grad += rate * x  # same shape as param


if __name__ == "__main__":
    W = np.array([[1.5, -2.0], [0.0, 0.3]])  # (2, 2)
    dW = np.ones_like(W)
    lasso(W, dW, 0.1)
    print(dW)  # [[1.1 0.9] [1.  1.1]]: the zero weight gets no penalty gradient
