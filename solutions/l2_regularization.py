# /// exercise
# id = "l2_regularization"
# day = 2
# section = 3
# points = 10
# topic = { ja = "正則化（L2 正則化・荷重減衰）", en = "Regularization (L2, weight decay)" }
# title = { ja = "L2 正則化（リッジ）の勾配", en = "The gradient of L2 (ridge) regularization" }
# instructions.ja = """
# L2 正則化（リッジ、荷重減衰）の勾配を加える関数 ridge を完成させてください。
# 損失に正則化項 (rate / 2)·‖param‖² を足したとき、その勾配を
# 損失の勾配 grad に加えます。grad はその場で（同じ配列のまま）更新し、
# param は変更しません。空欄は grad を更新する 1 行です。
# """
# instructions.en = """
# Complete ridge, which adds the gradient of L2 regularization (ridge, weight decay).
# When the penalty (rate / 2)·‖param‖² is added to the loss, add its gradient to the
# loss gradient grad. Update grad in place (the same array) and leave param unchanged.
# The blank is the one line that updates grad.
# """
#
# [[hints]]
# ja = "正則化項 (rate / 2)·Σ w² を、各パラメータ w について微分するといくつになるでしょうか。"
# en = "Differentiate the penalty (rate / 2)·Σ w² with respect to each parameter w: what is it?"
#
# [[hints]]
# ja = """\
# 微分は rate·w で、param と同じ形の配列になります。スカラー（総和）ではありません。\
# それを grad に足し込みます。"""
# en = """\
# The derivative is rate·w, an array of param's shape, not a scalar (not a sum). Add it \
# to grad."""
#
# [[hints]]
# ja = """\
# grad = grad + ... と書くと新しい配列が作られ、呼び出し元の grad は変わりません。\
# 累算代入 += を使って、rate と param の積を grad に足します。"""
# en = """\
# grad = grad + ... makes a new array and leaves the caller's grad unchanged. Use the \
# augmented assignment += to add rate times param to grad."""
#
# [[wrong]]
# blank = 1
# answer = "grad += rate * np.sum(param**2)"
# source = "quiz"
# why.ja = """\
# np.sum(param**2) は正則化項そのもの（‖w‖²、スカラー）で、その勾配ではありません。\
# すべての要素に同じ値が足され、w ごとの勾配 rate·w になりません。"""
# why.en = """\
# np.sum(param**2) is the penalty itself (‖w‖², a scalar), not its gradient: the same \
# number is added to every entry instead of rate·w for each w."""
#
# [[wrong]]
# blank = 1
# answer = "grad += rate * np.sum(param)"
# source = "quiz"
# why.ja = """\
# np.sum(param) はスカラーで、すべての要素に同じ値が足されます。\
# L2 正則化の勾配は要素ごとの rate·w（param と同じ形の配列）です。"""
# why.en = """\
# np.sum(param) is a scalar added to every entry alike. The gradient of L2 \
# regularization is rate·w for each entry, an array of param's shape."""
#
# [[wrong]]
# blank = 1
# answer = "grad += rate * param**2"
# source = "quiz"
# why.ja = """\
# param**2 は w² で、微分する前の値です。(rate / 2)·w² を w で微分すると rate·w になり、\
# 2 乗は残りません（符号も失われます）。"""
# why.en = """\
# param**2 is w², the value before differentiating. The derivative of (rate / 2)·w² is \
# rate·w: no square remains (and w² loses the sign)."""
#
# [[wrong]]
# blank = 1
# answer = "grad += rate * np.sign(param)"
# source = "common"
# why.ja = """\
# np.sign(param) は L1 正則化（ラッソ、rate·Σ|w|）の勾配です。\
# L2 正則化の勾配は w そのものに比例します（rate·w）。"""
# why.en = """\
# np.sign(param) is the gradient of L1 regularization (lasso, rate·Σ|w|). The gradient of \
# L2 regularization is proportional to w itself (rate·w)."""
#
# [[wrong]]
# blank = 1
# answer = "grad = grad + rate * param"
# source = "common"
# why.ja = """\
# grad = grad + ... は新しい配列を作って局所変数 grad に束縛し直すだけで、\
# 呼び出し元の grad は変わりません（関数は何も返しません）。+= でその場で更新します。"""
# why.en = """\
# grad = grad + ... builds a new array and rebinds the local name grad; the caller's grad \
# is unchanged (the function returns nothing). Update it in place with +=."""
#
# [[wrong]]
# blank = 1
# answer = "grad -= rate * param"
# source = "common"
# why.ja = """\
# 正則化項を損失に「足す」ので、その勾配も grad に足します。引くと重みが大きくなる方向へ\
# 進み、荷重減衰ではなく荷重増大になります。"""
# why.en = """\
# The penalty is added to the loss, so its gradient is added to grad. Subtracting it pushes \
# the weights to grow: weight growth instead of weight decay."""
#
# [[wrong]]
# blank = 1
# answer = "grad += 2 * rate * param"
# source = "common"
# why.ja = """\
# 正則化項は (rate / 2)·‖w‖² と 1/2 が付いているので、勾配は rate·w です。\
# 2·rate·w は rate·‖w‖²（1/2 なし）の勾配です。"""
# why.en = """\
# The penalty is (rate / 2)·‖w‖², with the 1/2, so its gradient is rate·w. 2·rate·w is \
# the gradient of rate·‖w‖² (without the 1/2)."""
#
# [[wrong]]
# blank = 1
# answer = "grad += param"
# source = "common"
# why.ja = """\
# 正則化の強さ rate が掛かっていません。勾配は rate·w です。"""
# why.en = """\
# The regularization strength rate is missing: the gradient is rate·w."""
#
# [[wrong]]
# blank = 1
# answer = "param -= rate * param"
# source = "common"
# why.ja = """\
# ここではパラメータを更新せず、勾配 grad に正則化の勾配を加えます。\
# param は変えず、grad を更新します（パラメータの更新は最適化手法の仕事です）。"""
# why.en = """\
# This function does not update the parameters: it adds the penalty's gradient to grad. \
# Leave param alone and update grad (updating parameters is the optimizer's job)."""
#
# [[accepted]]
# blank = 1
# answer = "grad += param * rate"
#
# [[accepted]]
# blank = 1
# answer = "grad[...] = grad + rate * param"
#
# [[accepted]]
# blank = 1
# answer = "np.add(grad, rate * param, out=grad)"
# ///
"""L2 正則化（リッジ）/ L2 (ridge) regularization.

日本語
------
損失 E(w) に L2 正則化項を加える（荷重減衰、weight decay）:

    E_reg(w) = E(w) + (λ / 2) · ‖w‖²,    ‖w‖² = Σ_k w_k²
    ∂E_reg / ∂w = ∂E / ∂w + λ · w

λ は rate。ridge は損失の勾配 grad に正則化項の勾配 λ·w を足し、grad をその場で更新する
（戻り値なし）。param は変更しない。重みは勾配降下のたびに自分の大きさに比例して 0 へ
引き寄せられる（荷重減衰）。

形状: param, grad は同じ任意の形（例: 重み W (in, out)）、rate はスカラー。

English
-------
Add the L2 penalty to the loss E(w) (weight decay):

    E_reg(w) = E(w) + (λ / 2) · ‖w‖²,    ‖w‖² = Σ_k w_k²
    ∂E_reg / ∂w = ∂E / ∂w + λ · w

λ is rate. ridge adds the penalty's gradient λ·w to the loss gradient grad, updating grad
in place (it returns nothing); param is left unchanged. Each descent step pulls a weight
toward 0 in proportion to its size (weight decay).

Shapes: param and grad have the same, any, shape (e.g. a weight W (in, out)); rate is a
scalar.
"""

import numpy as np


def ridge(param: np.ndarray, grad: np.ndarray, rate: float) -> None:
    """param: 対象のパラメータ / the parameter; grad: その勾配 / its gradient (in place);
    rate: 正則化の係数 λ / the ridge coefficient λ."""
    # BEGIN BLANK
    grad += rate * param
    # END BLANK


if __name__ == "__main__":
    W = np.array([[1.0, -2.0], [0.5, 0.0]])  # (2, 2)
    dW = np.ones_like(W)
    ridge(W, dW, 0.1)
    print(dW)  # [[1.1 0.8] [1.05 1. ]]
