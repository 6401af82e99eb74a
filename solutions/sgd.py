# /// exercise
# id = "sgd"
# day = 1
# section = 4
# points = 10
# topic = { ja = "勾配降下法（確率的勾配降下法 SGD）", en = "Gradient descent (SGD)" }
# title = { ja = "SGD によるパラメータの更新", en = "Updating the parameters with SGD" }
# instructions.ja = """
# 勾配降下法でパラメータを 1 回更新するメソッド SGD.update を完成させてください。
# params と grads は同じキー（'W1', 'b1', …）を持つ辞書で、grads[key] は損失を
# params[key] で微分した勾配です。空欄は、キー key のパラメータを学習率 learning_rate で
# 更新する 1 行です。ネットワークの各レイヤは params の配列そのものを参照しているので、
# 配列を置き換えずに、その場で（in place）書き換えてください。戻り値はありません。
# """
# instructions.en = """
# Complete SGD.update, one step of gradient descent on the parameters. params and grads
# are dicts with the same keys ('W1', 'b1', …); grads[key] is the gradient of the loss
# with respect to params[key]. The blank is the one line that updates the parameter of
# key with the learning rate learning_rate. The network's layers refer to the very arrays
# in params, so change each array in place instead of replacing it. Nothing is returned.
# """
#
# [[hints]]
# ja = """\
# 勾配は損失が最も増える向きです。損失を減らすには、パラメータを勾配と逆の向きに動かします。"""
# en = """\
# The gradient points where the loss grows fastest; to lower the loss, move the \
# parameters against the gradient."""
#
# [[hints]]
# ja = """\
# 更新式は w ← w − η ∂E/∂w です（η は学習率）。"""
# en = "The update is w ← w − η ∂E/∂w (η the learning rate)."
#
# [[hints]]
# ja = """\
# params[key] から learning_rate と grads[key] の積を引きます。\
# 累算代入 -= を使うと、配列をその場で書き換えられます。"""
# en = """\
# Subtract learning_rate times grads[key] from params[key]; the augmented assignment \
# -= changes the array in place."""
#
# [[wrong]]
# blank = 1
# answer = "params[key] += learning_rate * grads[key]"
# source = "common"
# why.ja = """\
# 符号が逆です。勾配の向きに進むと損失は増えます（勾配上昇法）。勾配を引きます。"""
# why.en = """\
# The sign is reversed: moving along the gradient raises the loss (gradient ascent). \
# Subtract the gradient."""
#
# [[wrong]]
# blank = 1
# answer = "params[key] = learning_rate * grads[key]"
# source = "common"
# why.ja = """\
# 今のパラメータを捨てて、ステップの大きさだけを代入しています。\
# 更新は今の値から学習率 × 勾配を引くことです（この形では最適値が 0 の問題でしか\
# 「収束」しません）。"""
# why.en = """\
# This throws the current parameters away and stores only the step. The update subtracts \
# learning rate times gradient from the current value (this form only "converges" when the \
# optimum is 0)."""
#
# [[wrong]]
# blank = 1
# answer = "params[key] -= grads[key]"
# source = "common"
# why.ja = """\
# 学習率を掛けていません。学習率 η は 1 ステップの大きさを決めます。"""
# why.en = """\
# The learning rate is missing; η sets the size of each step."""
#
# [[wrong]]
# blank = 1
# answer = "params[key] = params[key] - learning_rate * grads[key]"
# source = "common"
# why.ja = """\
# 値は正しいのですが、新しい配列を辞書に入れ直しています。ネットワークのレイヤが参照して\
# いる元の配列は変わらないので、学習が進みません。-= でその場で書き換えます。"""
# why.en = """\
# The value is right, but a new array is put into the dict: the original array, the one \
# the network's layers refer to, never changes, so the network does not learn. Use -= to \
# change it in place."""
#
# [[wrong]]
# blank = 1
# answer = "params[key] -= learning_rate * params[key]"
# source = "common"
# why.ja = """\
# 勾配ではなくパラメータ自身を掛けています（パラメータを 0 に縮めるだけの荷重減衰）。\
# grads[key] を使います。"""
# why.en = """\
# This multiplies the parameter itself, not the gradient (pure weight decay that only \
# shrinks it towards 0). Use grads[key]."""
#
# [[wrong]]
# blank = 1
# answer = "grads[key] -= learning_rate * params[key]"
# source = "common"
# why.ja = """\
# 更新するのは勾配ではなくパラメータです。params[key] が左辺です。"""
# why.en = """\
# Update the parameters, not the gradients: params[key] is the target."""
#
# [[wrong]]
# blank = 1
# answer = "params[key] -= learning_rate * np.sign(grads[key])"
# source = "common"
# why.ja = """\
# 勾配の符号だけを使っています。SGD は勾配の大きさも使い、学習率 × 勾配だけ動かします。"""
# why.en = """\
# Only the gradient's sign is used. SGD moves by learning rate times the whole gradient."""
#
# [[accepted]]
# blank = 1
# answer = "params[key] -= self.learning_rate * grads[key]"
#
# [[accepted]]
# blank = 1
# answer = "params[key][...] = params[key] - learning_rate * grads[key]"
#
# [[accepted]]
# blank = 1
# answer = "np.subtract(params[key], learning_rate * grads[key], out=params[key])"
# ///
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
            # BEGIN BLANK
            params[key] -= learning_rate * grads[key]
            # END BLANK


if __name__ == "__main__":
    params = {'W': np.array([[1.0, 2.0], [3.0, 4.0]]), 'b': np.array([0.5, -1.0])}
    grads = {'W': np.array([[1.0, -2.0], [0.5, 4.0]]), 'b': np.array([-1.0, 2.0])}
    SGD(learning_rate=0.1).update(params, grads)
    print(params['W'], params['b'])  # [[0.9 2.2] [2.95 3.6]] [ 0.6 -1.2]
