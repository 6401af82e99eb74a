# ============================================================================
# edrill · l1_regularization · Day 2 Section 3 · 正則化（L1 正則化・ラッソ） / Regularization (L1, lasso)
# L1 正則化（ラッソ）の勾配 / The gradient of L1 (lasso) regularization
#
# 【課題】
# L1 正則化（ラッソ）の勾配を加える関数 lasso を完成させてください。
# 損失に正則化項 rate·Σ|w| を足したとき、その勾配は rate·x です。
# 空欄は、param と同じ形の配列 x（|w| の w についての微分）を求める式です。
# w = 0 では |w| は微分できないので、劣勾配として 0 を使います。
# grad はその場で更新され、param は変更しません。
#
# [Task]
# Complete lasso, which adds the gradient of L1 regularization (lasso).
# When the penalty rate·Σ|w| is added to the loss, its gradient is rate·x. The blank is
# the expression for x, an array of param's shape: the derivative of |w| by w.
# At w = 0, |w| has no derivative; use the subgradient 0 there.
# grad is updated in place and param is left unchanged.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade l1_regularization` で採点。ヒント: `grade hint l1_regularization`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade l1_regularization`. Hints: `grade hint l1_regularization`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of l1_regularization is not filled in yet")


def lasso(param: np.ndarray, grad: np.ndarray, rate: float) -> None:
    """param: 対象のパラメータ / the parameter; grad: その勾配 / its gradient (in place);
    rate: 正則化の係数 λ / the lasso coefficient λ."""
    x = _blank(1)
    grad += rate * x  # same shape as param


if __name__ == "__main__":
    W = np.array([[1.5, -2.0], [0.0, 0.3]])  # (2, 2)
    dW = np.ones_like(W)
    lasso(W, dW, 0.1)
    print(dW)  # [[1.1 0.9] [1.  1.1]]: the zero weight gets no penalty gradient
