# ============================================================================
# edrill · sgd · Day 1 Section 4 · 勾配降下法（確率的勾配降下法 SGD） / Gradient descent (SGD)
# SGD によるパラメータの更新 / Updating the parameters with SGD
#
# 【課題】
# 勾配降下法でパラメータを 1 回更新するメソッド SGD.update を完成させてください。
# params と grads は同じキー（'W1', 'b1', …）を持つ辞書で、grads[key] は損失を
# params[key] で微分した勾配です。空欄は、キー key のパラメータを学習率 learning_rate で
# 更新する 1 行です。ネットワークの各レイヤは params の配列そのものを参照しているので、
# 配列を置き換えずに、その場で（in place）書き換えてください。戻り値はありません。
#
# [Task]
# Complete SGD.update, one step of gradient descent on the parameters. params and grads
# are dicts with the same keys ('W1', 'b1', …); grads[key] is the gradient of the loss
# with respect to params[key]. The blank is the one line that updates the parameter of
# key with the learning rate learning_rate. The network's layers refer to the very arrays
# in params, so change each array in place instead of replacing it. Nothing is returned.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade sgd` で採点。ヒント: `grade hint sgd`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade sgd`. Hints: `grade hint sgd`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of sgd is not filled in yet")


class SGD:
    def __init__(self, learning_rate: float = 0.01) -> None:
        self.learning_rate = learning_rate

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        learning_rate = self.learning_rate
        for key in params.keys():
            # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
            _blank(1)
            # └──


if __name__ == "__main__":
    params = {'W': np.array([[1.0, 2.0], [3.0, 4.0]]), 'b': np.array([0.5, -1.0])}
    grads = {'W': np.array([[1.0, -2.0], [0.5, 4.0]]), 'b': np.array([-1.0, 2.0])}
    SGD(learning_rate=0.1).update(params, grads)
    print(params['W'], params['b'])  # [[0.9 2.2] [2.95 3.6]] [ 0.6 -1.2]
