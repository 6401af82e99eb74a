"""Red-team baseline (honest): the reference solution, blank markers stripped; must earn full marks."""

"""SGD によるパラメータの更新 / Updating the parameters with SGD.

日本語
------
確率的勾配降下法（ミニバッチの勾配による勾配降下法）の 1 ステップ:

    W ← W − η ∂E/∂W        （すべてのパラメータについて、η は学習率）

ゼロから作る Deep Learning の形: update(params, grads) は params の配列を
その場で書き換え、何も返さない。

形状:
    params    辞書 {キー: パラメータの配列}。例 'W1' (D, H), 'b1' (H,), …
    grads     params と同じキー・同じ形の勾配の辞書
    learning_rate   η (float)

English
-------
One step of stochastic gradient descent (gradient descent on a mini-batch's gradient):

    W ← W − η ∂E/∂W        (for every parameter; η the learning rate)

The form of Deep Learning from Scratch: update(params, grads) changes the arrays in
params in place and returns nothing.

Shapes:
    params    a dict {key: parameter array}, e.g. 'W1' (D, H), 'b1' (H,), …
    grads     a dict of gradients with params' keys and shapes
    learning_rate   η (float)
"""

import numpy as np


class SGD:
    def __init__(self, learning_rate: float = 0.01) -> None:
        self.learning_rate = learning_rate

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        learning_rate = self.learning_rate
        for key in params.keys():
            params[key] -= learning_rate * grads[key]


if __name__ == "__main__":
    params = {'W': np.array([[1.0, 2.0], [3.0, 4.0]]), 'b': np.array([0.5, -1.0])}
    grads = {'W': np.array([[1.0, -2.0], [0.5, 4.0]]), 'b': np.array([-1.0, 2.0])}
    SGD(learning_rate=0.1).update(params, grads)
    print(params['W'], params['b'])  # [[0.9 2.2] [2.95 3.6]] [ 0.6 -1.2]
