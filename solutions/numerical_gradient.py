# /// exercise
# id = "numerical_gradient"
# day = 1
# section = 4
# points = 10
# topic = { ja = "数値微分（中心差分）", en = "Numerical differentiation (central differences)" }
# title = { ja = "数値微分による勾配", en = "The gradient by numerical differentiation" }
# instructions.ja = """
# 関数 f のある点 x における勾配を、中心差分で求める numerical_gradient を完成させてください。
# 空欄は、x の 1 つの要素 x[idx] について偏微分を求め grad[idx] に入れる部分です。
#   - f は配列を 1 つ受け取りスカラーを返す関数です。x[idx] だけを ±h ずらした x で
#     f を 2 回呼びます。ゼロから作る Deep Learning と同じく、x のコピーは作らず、
#     x そのものをその場で書き換えて f(x) を呼んでください
#     （f = lambda W: net.loss(x, t) のように、引数を見ずにネットワークの重みを読む f もあるため）。
#   - 終わったら x[idx] を元の値（tmp_val）に戻し、呼び出し後の x が呼び出し前と同じになるように
#     します。
# """
# instructions.en = """
# Complete numerical_gradient, the gradient of a function f at a point x by central
# differences. The blank computes the partial derivative for one entry x[idx] and stores it
# in grad[idx].
#   - f takes one array and returns a scalar. Call f twice, with x[idx] moved by +h and by
#     −h. As in Deep Learning from Scratch, do not copy x: change x itself in place and call
#     f(x) (some f, such as f = lambda W: net.loss(x, t), ignore their argument and read
#     the network's weights).
#   - Then put x[idx] back to its value (tmp_val), so that x after the call equals x before.
# """
#
# [[hints]]
# ja = """\
# 中心差分は (f(x + h) − f(x − h)) / (2h) で、前進差分 (f(x + h) − f(x)) / h より\
# 誤差がずっと小さくなります（h² のオーダー）。"""
# en = """\
# Central differences (f(x + h) − f(x − h)) / (2h) are far more accurate than forward \
# differences (f(x + h) − f(x)) / h: the error is of the order h²."""
#
# [[hints]]
# ja = """\
# ずらすのは x[idx] の 1 要素だけです。x[idx] = tmp_val + h として f(x) を計算し、\
# 次に x[idx] = tmp_val - h として f(x) を計算します。"""
# en = """\
# Move only the one entry x[idx]: set x[idx] = tmp_val + h and evaluate f(x), then set \
# x[idx] = tmp_val - h and evaluate f(x) again."""
#
# [[hints]]
# ja = """\
# 2 つの値の差を 2 * h で割って grad[idx] に入れ（かっこに注意）、\
# 最後に x[idx] = tmp_val で元に戻します。"""
# en = """\
# Divide the difference of the two values by 2 * h (mind the parentheses), store it in \
# grad[idx], and finally restore x[idx] = tmp_val."""
#
# [[wrong]]
# blank = 1
# answer = """
# x[idx] = tmp_val + h
# fxh1 = f(x)
# x[idx] = tmp_val
# fxh2 = f(x)
# grad[idx] = (fxh1 - fxh2) / h
# """
# source = "common"
# why.ja = """\
# 前進差分です。誤差が h のオーダーで大きく（中心差分は h²）、h = 1e-4 では\
# 勾配が 1e-4 程度ずれます。x[idx] を +h と −h の両方にずらします。"""
# why.en = """\
# These are forward differences: the error is of the order h (central differences: h²), \
# about 1e-4 with h = 1e-4. Move x[idx] both by +h and by −h."""
#
# [[wrong]]
# blank = 1
# answer = """
# x[idx] = tmp_val + h
# fxh1 = f(x)
# x[idx] = tmp_val - h
# fxh2 = f(x)
# grad[idx] = (fxh1 - fxh2) / h
# x[idx] = tmp_val
# """
# source = "common"
# why.ja = """\
# 2 点の間隔は 2h なので、h ではなく 2 * h で割ります（このままでは勾配が 2 倍になります）。"""
# why.en = """\
# The two points are 2h apart: divide by 2 * h, not h (this gives twice the gradient)."""
#
# [[wrong]]
# blank = 1
# answer = """
# x[idx] = tmp_val + h
# fxh1 = f(x)
# x[idx] = tmp_val - h
# fxh2 = f(x)
# grad[idx] = (fxh1 - fxh2) / 2 * h
# x[idx] = tmp_val
# """
# source = "common"
# why.ja = """\
# / 2 * h は (… / 2) * h と計算されます（h で割らずに h を掛けています）。\
# 分母をかっこでくくって / (2 * h) とします。"""
# why.en = """\
# / 2 * h means (… / 2) * h: it multiplies by h instead of dividing. Parenthesise the \
# denominator: / (2 * h)."""
#
# [[wrong]]
# blank = 1
# answer = """
# x[idx] = tmp_val + h
# fxh1 = f(x)
# x[idx] = tmp_val - h
# fxh2 = f(x)
# grad[idx] = (fxh2 - fxh1) / (2 * h)
# x[idx] = tmp_val
# """
# source = "common"
# why.ja = """\
# 差の順序が逆で、勾配の符号が反対になります。f(x + h) − f(x − h) の順です。"""
# why.en = """\
# The difference is reversed, so the gradient has the wrong sign: it is \
# f(x + h) − f(x − h)."""
#
# [[wrong]]
# blank = 1
# answer = """
# x[idx] = tmp_val + h
# fxh1 = f(x)
# x[idx] = tmp_val - h
# fxh2 = f(x)
# grad[idx] = (fxh1 - fxh2) / (2 * h)
# """
# source = "common"
# why.ja = """\
# x[idx] を元の値に戻していません。x は tmp_val − h のまま残り、次の要素の偏微分も\
# 呼び出し元の x（ネットワークの重み）も狂います。最後に x[idx] = tmp_val とします。"""
# why.en = """\
# x[idx] is not put back: it stays at tmp_val − h, which spoils the next entries' partial \
# derivatives and the caller's x (the network's weights). End with x[idx] = tmp_val."""
#
# [[wrong]]
# blank = 1
# answer = """
# fxh1 = f(x + h)
# fxh2 = f(x - h)
# grad[idx] = (fxh1 - fxh2) / (2 * h)
# """
# source = "common"
# why.ja = """\
# x + h は x のすべての要素を h ずらします。偏微分では x[idx] の 1 要素だけをずらします\
# （このままでは各要素に偏微分の合計が入ります）。"""
# why.en = """\
# x + h moves every entry of x by h. A partial derivative moves only the one entry \
# x[idx] (this gives every entry the sum of all the partial derivatives)."""
#
# [[wrong]]
# blank = 1
# answer = """
# x_plus, x_minus = x.copy(), x.copy()
# x_plus[idx] = tmp_val + h
# x_minus[idx] = tmp_val - h
# grad[idx] = (f(x_plus) - f(x_minus)) / (2 * h)
# """
# source = "common"
# why.ja = """\
# コピーをずらしても、引数を見ずに重みを読む f（f = lambda W: net.loss(x, t) のような関数）には\
# 変化が伝わらず、勾配が 0 になります。x そのものを書き換えてから元に戻します。"""
# why.en = """\
# Moving a copy is invisible to an f that ignores its argument and reads the weights \
# (such as f = lambda W: net.loss(x, t)): the gradient comes out 0. Change x itself, then \
# restore it."""
#
# [[accepted]]
# blank = 1
# answer = """
# x[idx] += h
# fxh1 = f(x)
# x[idx] -= 2 * h
# fxh2 = f(x)
# x[idx] = tmp_val
# grad[idx] = (fxh1 - fxh2) / (2 * h)
# """
#
# [[accepted]]
# blank = 1
# answer = """
# x[idx] = tmp_val - h
# fxh2 = f(x)
# x[idx] = tmp_val + h
# fxh1 = f(x)
# x[idx] = tmp_val
# grad[idx] = (fxh1 - fxh2) / (2 * h)
# """
# ///
"""数値微分による勾配 / The gradient by numerical differentiation.

日本語
------
中心差分による偏微分（ゼロから作る Deep Learning の numerical_gradient）:

    ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h),   h = 10⁻⁴

e_i は i 番目の要素だけが 1 の単位ベクトル。誤差は O(h²)（前進差分は O(h)）。
x をその場で 1 要素ずつ ±h ずらして f(x) を呼び、そのたびに元の値に戻すので、
呼び出し後の x は呼び出し前と同じ。f が引数を見ずに同じ配列を読む場合
（f = lambda W: net.loss(x, t)）にも正しく動く。

形状:
    x (任意の形、float64)    勾配を求める点（例: 重み W (D, M)）
    f                        配列 1 つを受け取りスカラー（float）を返す関数
    戻り値 grad              x と同じ形、grad[i] = ∂f/∂x_i

English
-------
Partial derivatives by central differences (numerical_gradient of Deep Learning from
Scratch):

    ∂f/∂x_i ≈ (f(x + h e_i) − f(x − h e_i)) / (2h),   h = 10⁻⁴

e_i is the unit vector with a 1 at entry i. The error is O(h²) (forward differences:
O(h)). x itself is moved by ±h one entry at a time, f(x) is called, and the entry is put
back each time, so x after the call equals x before. This also works when f ignores its
argument and reads the same array (f = lambda W: net.loss(x, t)).

Shapes:
    x (any shape, float64)   the point (e.g. weights W (D, M))
    f                        a function of one array returning a scalar (float)
    returns grad             x's shape, grad[i] = ∂f/∂x_i
"""

from collections.abc import Callable

import numpy as np


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray) -> np.ndarray:
    h = 1e-4
    grad = np.zeros_like(x)  # x's shape
    for idx in np.ndindex(*x.shape):  # every entry of x, in any dimension
        tmp_val = x[idx]
        # BEGIN BLANK
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp_val
        # END BLANK
    return grad


if __name__ == "__main__":
    x = np.array([3.0, 4.0])
    print(numerical_gradient(lambda v: float(np.sum(v ** 2)), x))  # [6. 8.]
    print(x)  # [3. 4.], unchanged
