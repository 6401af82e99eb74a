# ============================================================================
# edrill · rmsprop · Day 2 Section 2 · 学習率最適化手法（RMSProp） / Optimizers: RMSProp
# RMSProp / RMSProp
#
# 【課題】
# RMSProp によるパラメータ更新を完成させてください。
# 空欄では、勾配の 2 乗の指数移動平均 h[key] を更新します。前回の h[key] に減衰率
# decay_rate を掛け、今回の勾配の 2 乗（要素ごと）に (1 − decay_rate) を掛けて足します。
# パラメータの更新（h の平方根で学習率を割る）はすでに書かれています。
# params と grads は同じキーを持つ配列の辞書です。h はキーごとに別々に持ちます。
#
# [Task]
# Complete the parameter update of RMSProp.
# The blank updates h[key], the exponential moving average of the squared gradient: the
# previous h[key] times the decay rate decay_rate, plus (1 − decay_rate) times the square
# of the current gradient (element-wise). The parameter update (dividing the learning rate
# by the square root of h) is already written.
# params and grads are dicts of arrays with the same keys; there is one h per key.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade rmsprop` で採点。ヒント: `grade hint rmsprop`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade rmsprop`. Hints: `grade hint rmsprop`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of rmsprop is not filled in yet")


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
            # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
            _blank(1)
            # └──
            params[key] -= lr * grad / (np.sqrt(h[key]) + 1e-7)


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = RMSprop(lr=0.1, decay_rate=0.9)
    optimizer.update(params, {"W": np.array([2.0, -0.5])})
    print(params["W"])  # [ 0.68377223 -1.68377223]: 1 ∓ 0.1·√10
