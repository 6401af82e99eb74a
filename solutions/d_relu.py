# /// exercise
# id = "d_relu"
# day = 1
# section = 2
# points = 10
# topic = { ja = "活性化関数の微分（ReLU 関数）", en = "The derivative of an activation: ReLU" }
# title = { ja = "ReLU 関数の導関数", en = "The derivative of the ReLU function" }
# instructions.ja = """
# ReLU 関数 relu(x) = max(0, x) の導関数 d_relu を完成させてください。
# x の各要素について、x > 0 なら 1、それ以外なら 0 を返します。
# x = 0 ではこの講座の約束どおり 0 とします。
# x は任意の形で、戻り値は x と同じ形です（float64 への変換はすでに書かれています）。
# """
# instructions.en = """
# Complete d_relu, the derivative of the ReLU function relu(x) = max(0, x).
# For every entry of x return 1 where x > 0 and 0 elsewhere; at x = 0 the derivative is 0
# (the course's convention). x has any shape and the result has x's shape (the conversion
# to float64 is already written).
# """
#
# [[hints]]
# ja = """\
# ReLU は x > 0 では傾き 1 の直線、x < 0 では 0 の定数です。x = 0 は 0 と約束します。"""
# en = """\
# ReLU is a line of slope 1 for x > 0 and the constant 0 for x < 0. At x = 0 we take 0."""
#
# [[hints]]
# ja = """\
# 条件によって値を選ぶには np.where(条件, 真のときの値, 偽のときの値) を使います。\
# if 文は配列の要素ごとには働きません。"""
# en = """\
# To choose a value by a condition, element by element, use \
# np.where(condition, value_if_true, value_if_false); an if statement does not work per \
# entry of an array."""
#
# [[hints]]
# ja = """\
# 条件は x > 0 です（x >= 0 にすると x = 0 で 1 になってしまいます）。真なら 1、偽なら 0。"""
# en = """\
# The condition is x > 0 (with x >= 0 the result at x = 0 would be 1). 1 if true, 0 if \
# false."""
#
# [[wrong]]
# blank = 1
# answer = "np.where(x >= 0, 1, 0)"
# source = "common"
# why.ja = """\
# x = 0 で 1 を返しています。この講座では x = 0 での ReLU の微分を 0 とするので、\
# 条件は x >= 0 ではなく x > 0 です。"""
# why.en = """\
# This returns 1 at x = 0. The course takes ReLU's derivative at 0 to be 0: the condition \
# is x > 0, not x >= 0."""
#
# [[wrong]]
# blank = 1
# answer = "np.where(x > 0, x, 0)"
# source = "common"
# why.ja = """\
# これは ReLU 関数そのもの max(0, x) です。微分は x > 0 で x ではなく傾きの 1 です。"""
# why.en = """\
# This is ReLU itself, max(0, x). Its derivative for x > 0 is the slope 1, not x."""
#
# [[wrong]]
# blank = 1
# answer = "np.maximum(0, x)"
# source = "common"
# why.ja = """\
# これは ReLU 関数そのものです。導関数は 0 か 1 の値しか取りません。"""
# why.en = """\
# This is the ReLU function itself. Its derivative takes only the values 0 and 1."""
#
# [[wrong]]
# blank = 1
# answer = "np.where(x > 0, 0, 1)"
# source = "common"
# why.ja = """\
# 0 と 1 が逆です。x > 0 のとき 1、それ以外で 0 です。"""
# why.en = """\
# 0 and 1 are swapped: 1 where x > 0, 0 elsewhere."""
#
# [[wrong]]
# blank = 1
# answer = "np.where(x < 0, 0, 1)"
# source = "common"
# why.ja = """\
# x = 0 が「x < 0 ではない」側に入り 1 になっています。x = 0 での微分は 0 です。"""
# why.en = """\
# x = 0 falls on the "not x < 0" side and gets 1. The derivative at x = 0 is 0."""
#
# [[wrong]]
# blank = 1
# answer = "np.sign(x)"
# source = "common"
# why.ja = """\
# np.sign は負の x で −1 を返します。ReLU は x < 0 で定数 0 なので、微分は 0 です。"""
# why.en = """\
# np.sign gives −1 for negative x. ReLU is the constant 0 for x < 0, so its derivative \
# there is 0."""
#
# [[wrong]]
# blank = 1
# answer = "np.where(x > 0, 1, -1)"
# source = "common"
# why.ja = """\
# x ≤ 0 での値は −1 ではなく 0 です（ReLU はそこで平らです）。"""
# why.en = """\
# The value for x ≤ 0 is 0, not −1 (ReLU is flat there)."""
#
# [[accepted]]
# blank = 1
# answer = "x > 0"
#
# [[accepted]]
# blank = 1
# answer = "np.where(x <= 0, 0, 1)"
#
# [[accepted]]
# blank = 1
# answer = "(x > 0) * 1"
#
# [[accepted]]
# blank = 1
# answer = "np.heaviside(x, 0)"
# ///
"""ReLU 関数の導関数 / The derivative of the ReLU function.

日本語
------
ReLU 関数とその導関数（要素ごと）:

    relu(x) = max(0, x)
    relu'(x) = 1  (x > 0)
               0  (x ≤ 0)

x = 0 では relu は微分できないが、この講座では relu'(0) = 0 とする（ゼロから作る
Deep Learning の Relu レイヤも x ≤ 0 の要素で勾配を 0 にする）。
講座のコードは int の配列を返すので、ここでは最後に float64 に変換する。

形状: x は任意の形の float64 配列（(N,)、(N, H) など）。
      d_relu(x) は x と同じ形の float64 配列で、値は 0.0 か 1.0。

English
-------
The ReLU function and its derivative, element by element:

    relu(x) = max(0, x)
    relu'(x) = 1  (x > 0)
               0  (x ≤ 0)

relu is not differentiable at 0; the course takes relu'(0) = 0 (the Relu layer of Deep
Learning from Scratch also passes no gradient where x ≤ 0). The course's code returns an
int array; here the result is converted to float64 at the end.

Shapes: x is a float64 array of any shape ((N,), (N, H), ...).
        d_relu(x) is a float64 array of x's shape with values 0.0 or 1.0.
"""

import numpy as np


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, x)


def d_relu(x: np.ndarray) -> np.ndarray:
    grad = np.where(x > 0, 1, 0)  # BLANK: np.where(x > 0, 1, 0)
    return np.asarray(grad, dtype=np.float64)  # same shape as x, 0.0 or 1.0


if __name__ == "__main__":
    print(d_relu(np.array([-2.0, 0.0, 3.0])))  # [0. 0. 1.]
