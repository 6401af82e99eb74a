# ============================================================================
# edrill · l2_regularization · Day 2 Section 3 · 正則化（L2 正則化・荷重減衰） / Regularization (L2, weight decay)
# L2 正則化（リッジ）の勾配 / The gradient of L2 (ridge) regularization
#
# 【課題】
# L2 正則化（リッジ、荷重減衰）の勾配を加える関数 ridge を完成させてください。
# 損失に正則化項 (rate / 2)·‖param‖² を足したとき、その勾配を
# 損失の勾配 grad に加えます。grad はその場で（同じ配列のまま）更新し、
# param は変更しません。空欄は grad を更新する 1 行です。
#
# [Task]
# Complete ridge, which adds the gradient of L2 regularization (ridge, weight decay).
# When the penalty (rate / 2)·‖param‖² is added to the loss, add its gradient to the
# loss gradient grad. Update grad in place (the same array) and leave param unchanged.
# The blank is the one line that updates grad.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade l2_regularization` で採点。ヒント: `grade hint l2_regularization`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade l2_regularization`. Hints: `grade hint l2_regularization`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of l2_regularization is not filled in yet")


def ridge(param: np.ndarray, grad: np.ndarray, rate: float) -> None:
    """param: 対象のパラメータ / the parameter; grad: その勾配 / its gradient (in place);
    rate: 正則化の係数 λ / the ridge coefficient λ."""
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──


if __name__ == "__main__":
    W = np.array([[1.0, -2.0], [0.5, 0.0]])  # (2, 2)
    dW = np.ones_like(W)
    ridge(W, dW, 0.1)
    print(dW)  # [[1.1 0.8] [1.05 1. ]]
