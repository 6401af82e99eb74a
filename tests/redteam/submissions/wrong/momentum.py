"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

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
            v[key] = momentum * v[key] + lr * grad
            params[key] += v[key]


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = Momentum(lr=0.1, momentum=0.9)
    optimizer.update(params, {"W": np.array([0.5, 1.0])})
    print(params["W"])  # [ 0.95 -2.1 ]
    optimizer.update(params, {"W": np.array([-1.0, 2.0])})
    print(params["W"])  # [ 1.005 -2.39 ]
