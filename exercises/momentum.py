# ============================================================================
# edrill · momentum · Day 2 Section 2 · 学習率最適化手法（モメンタム） / Optimizers: Momentum
# モメンタム / Momentum
#
# 【課題】
# モメンタムによるパラメータ更新を完成させてください。
#   空欄 1: 速度 v を更新します。前回の速度に慣性の係数 momentum を掛けたものから、
#     学習率 lr 倍の勾配を引きます。
#   空欄 2: 更新した速度でパラメータ params[key] をその場で（in place に）更新します。
# params と grads は同じキーを持つ配列の辞書です。速度 v はキーごとに別々に持ちます。
#
# [Task]
# Complete the parameter update of Momentum.
#   Blank 1: update the velocity v: the previous velocity times the momentum coefficient,
#     minus the learning rate lr times the gradient.
#   Blank 2: update the parameter params[key] in place with the new velocity.
# params and grads are dicts of arrays with the same keys; there is one velocity per key.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade momentum` で採点。ヒント: `grade hint momentum`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade momentum`. Hints: `grade hint momentum`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of momentum is not filled in yet")


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
            v[key] = _blank(1)
            _blank(2)


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = Momentum(lr=0.1, momentum=0.9)
    optimizer.update(params, {"W": np.array([0.5, 1.0])})
    print(params["W"])  # [ 0.95 -2.1 ]
    optimizer.update(params, {"W": np.array([-1.0, 2.0])})
    print(params["W"])  # [ 1.005 -2.39 ]
