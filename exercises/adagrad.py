# ============================================================================
# edrill · adagrad · Day 2 Section 2 · 学習率最適化手法（AdaGrad） / Optimizers: AdaGrad
# AdaGrad / AdaGrad
#
# 【課題】
# AdaGrad によるパラメータ更新を完成させてください。
#   空欄 1: これまでの勾配の 2 乗和 h[key] に、今回の勾配の 2 乗（要素ごと）を加えます。
#   空欄 2: パラメータの更新量 lr × grad を割る分母です。h[key] の平方根に、
#     0 での割り算を防ぐ小さな値 1e-7 を加えたものにします。
# params と grads は同じキーを持つ配列の辞書です。h はキーごとに別々に持ちます。
#
# [Task]
# Complete the parameter update of AdaGrad.
#   Blank 1: add the square of the current gradient (element-wise) to h[key], the sum of
#     the squares of all gradients so far.
#   Blank 2: the denominator that divides the step lr × grad: the square root of h[key]
#     plus the small value 1e-7 that prevents a division by zero.
# params and grads are dicts of arrays with the same keys; there is one h per key.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade adagrad` で採点。ヒント: `grade hint adagrad`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade adagrad`. Hints: `grade hint adagrad`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of adagrad is not filled in yet")


class AdaGrad:
    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr
        self.h: dict[str, np.ndarray] | None = None

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        if self.h is None:
            self.h = {key: np.zeros_like(val) for key, val in params.items()}
        h, lr = self.h, self.lr  # h: one sum of squared gradients per key
        for key, grad in grads.items():
            _blank(1)
            params[key] -= lr * grad / (_blank(2))


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0, 0.5])}
    optimizer = AdaGrad(lr=0.5)
    optimizer.update(params, {"W": np.array([0.3, -4.0, 0.0])})
    print(params["W"])  # [ 0.5 -1.5  0.5]
    optimizer.update(params, {"W": np.array([0.4, 3.0, 0.0])})
    print(params["W"])  # [ 0.1 -1.8  0.5]
