# /// exercise
# id = "sigmoid"
# day = 1
# section = 2
# points = 10
# topic.ja = "活性化関数（シグモイド関数とその微分）"
# topic.en = "Activation functions: the sigmoid and its derivative"
# title = { ja = "シグモイド関数とその導関数", en = "The sigmoid function and its derivative" }
# instructions.ja = """
# 2 か所を完成させてください。
#   空欄 1（sigmoid）: シグモイド関数 σ(x) の値を返します。
#   空欄 2（d_sigmoid）: σ の導関数 σ'(x) の値を、すでにある sigmoid を使って返します。
# どちらも要素ごとの計算で、x と同じ形の float64 配列を返します（x は任意の形）。
# |x| が 1000 のような大きな値でも、結果が NaN にならないようにします。
# """
# instructions.en = """
# Complete two places.
#   Blank 1 (sigmoid): return the sigmoid σ(x).
#   Blank 2 (d_sigmoid): return its derivative σ'(x), using the sigmoid function above.
# Both work element by element and return a float64 array of x's shape (x of any shape).
# The result must not be NaN even for large |x| such as 1000.
# """
#
# [[hints]]
# ja = """\
# σ(x) = 1 / (1 + e^(−x)) です。σ(0) = 0.5、σ'(0) = 0.25 になるか確かめましょう。"""
# en = """\
# σ(x) = 1 / (1 + e^(−x)). Check that σ(0) = 0.5 and σ'(0) = 0.25."""
#
# [[hints]]
# ja = """\
# e^x は np.exp で、配列のすべての要素に一度に使えます。e^(−x) の「−」を忘れずに。\
# 分母全体を括弧で囲みます。"""
# en = """\
# e^x is np.exp, which works on every entry of an array at once. Mind the minus in \
# e^(−x), and put the whole denominator in parentheses."""
#
# [[hints]]
# ja = """\
# 微分すると σ'(x) = (1 − σ(x)) σ(x) となり、σ の値だけで書けます。\
# 空欄 2 では sigmoid(x) を呼んで、この式を書きます。"""
# en = """\
# The derivative is σ'(x) = (1 − σ(x)) σ(x): it is written with σ itself. In blank 2 call \
# sigmoid(x) and write this formula."""
#
# [[wrong]]
# blank = 1
# answer = "1 / (1 + np.exp(x))"
# source = "common"
# why.ja = """\
# 指数の符号が逆です。1 / (1 + e^x) は σ(−x) で、x が大きいほど 0 に近づく減少関数になります。\
# e^(−x) を使います。"""
# why.en = """\
# The sign in the exponent is flipped: 1 / (1 + e^x) is σ(−x), a decreasing function that \
# goes to 0 for large x. Use e^(−x)."""
#
# [[wrong]]
# blank = 1
# answer = "1 / (1 - np.exp(-x))"
# source = "common"
# why.ja = """\
# 分母は 1 + e^(−x) です。1 − e^(−x) は x = 0 で 0 になり（0 除算）、値も 0〜1 に収まりません。"""
# why.en = """\
# The denominator is 1 + e^(−x). 1 − e^(−x) is 0 at x = 0 (division by zero) and the \
# values leave the range 0 to 1."""
#
# [[wrong]]
# blank = 1
# answer = "1 / 1 + np.exp(-x)"
# source = "common"
# why.ja = """\
# 括弧がないため 1 / 1 が先に計算され、1 + e^(−x) になります。分母全体を括弧で囲みます。"""
# why.en = """\
# Without parentheses 1 / 1 is computed first, giving 1 + e^(−x). Put the whole \
# denominator in parentheses."""
#
# [[wrong]]
# blank = 1
# answer = "np.exp(-x) / (1 + np.exp(-x))"
# source = "common"
# why.ja = """\
# 分子が e^(−x) になっています。これは 1 − σ(x) = σ(−x) です。分子は 1 です。"""
# why.en = """\
# The numerator is e^(−x): this is 1 − σ(x) = σ(−x). The numerator is 1."""
#
# [[wrong]]
# blank = 1
# answer = "np.exp(x) / (1 + np.exp(x))"
# source = "common"
# why.ja = """\
# 数式としては σ(x) に等しいのですが、x が大きい（例: 1000）と e^x が inf になり、\
# inf / inf = NaN になります。e^(−x) の形なら分母が inf になっても結果は 0 で済みます。"""
# why.en = """\
# Mathematically this equals σ(x), but for large x (e.g. 1000) e^x overflows to inf and \
# inf / inf is NaN. With e^(−x), an infinite denominator just gives 0."""
#
# [[wrong]]
# blank = 1
# answer = "np.tanh(x)"
# source = "common"
# why.ja = """\
# tanh は別の活性化関数で、値の範囲は −1〜1（tanh(0) = 0）です。\
# σ の範囲は 0〜1、σ(0) = 0.5 です。"""
# why.en = """\
# tanh is a different activation with range −1 to 1 (tanh(0) = 0). σ has range 0 to 1 \
# and σ(0) = 0.5."""
#
# [[wrong]]
# blank = 2
# answer = "(1 - x) * x"
# source = "common"
# why.ja = """\
# これは σ の出力 y を受け取ったときの形 (1 − y) y です。\
# この関数が受け取るのは σ を通す前の x なので、\
# sigmoid(x) を使います。"""
# why.en = """\
# This is the form (1 − y) y for the sigmoid's output y. This function receives the input x \
# before the sigmoid, so use sigmoid(x)."""
#
# [[wrong]]
# blank = 2
# answer = "(1 + sigmoid(x)) * sigmoid(x)"
# source = "common"
# why.ja = """\
# 符号が違います。σ'(x) = (1 − σ(x)) σ(x) で、σ'(0) = 0.25 です（この式では 0.75）。"""
# why.en = """\
# Wrong sign: σ'(x) = (1 − σ(x)) σ(x), so σ'(0) = 0.25 (this gives 0.75)."""
#
# [[wrong]]
# blank = 2
# answer = "1 - sigmoid(x) ** 2"
# source = "common"
# why.ja = """\
# 1 − y² は tanh の導関数の形です。シグモイドの導関数は (1 − σ(x)) σ(x) です。"""
# why.en = """\
# 1 − y² is the form of tanh's derivative. The sigmoid's derivative is (1 − σ(x)) σ(x)."""
#
# [[wrong]]
# blank = 2
# answer = "sigmoid(x)"
# source = "common"
# why.ja = """\
# σ の値そのものを返しています。e^x と違い、σ は微分しても σ に戻りません。"""
# why.en = """\
# This returns σ itself. Unlike e^x, σ is not its own derivative."""
#
# [[wrong]]
# blank = 2
# answer = "(1 - sigmoid(x)) * x"
# source = "common"
# why.ja = """\
# 後ろの因子は x ではなく σ(x) です: σ'(x) = (1 − σ(x)) σ(x)。"""
# why.en = """\
# The second factor is σ(x), not x: σ'(x) = (1 − σ(x)) σ(x)."""
#
# [[accepted]]
# blank = 1
# answer = "1.0 / (1.0 + np.exp(-x))"
#
# [[accepted]]
# blank = 2
# answer = "sigmoid(x) * (1 - sigmoid(x))"
#
# [[accepted]]
# blank = 2
# answer = "sigmoid(x) * sigmoid(-x)"
# ///
"""シグモイド関数とその導関数 / The sigmoid function and its derivative.

日本語
------
シグモイド関数（ロジスティック関数）は実数を 0〜1 に写す活性化関数:

    σ(x) = 1 / (1 + e^(−x))
    σ'(x) = dσ/dx = (1 − σ(x)) σ(x)

σ(0) = 0.5、σ'(0) = 0.25（導関数の最大値）。|x| が大きいと σ'(x) → 0
（勾配消失の原因）。要素ごとの計算で、e^(−x) の形なら x = −1000 でも分母が inf に
なるだけで結果は 0（NaN にならない）。

形状: x は任意の形（スカラー、(N,)、(N, H) など）の float64 配列。
      sigmoid(x) と d_sigmoid(x) は x と同じ形の float64 配列。

English
-------
The sigmoid (logistic) function maps a real number into 0 to 1:

    σ(x) = 1 / (1 + e^(−x))
    σ'(x) = dσ/dx = (1 − σ(x)) σ(x)

σ(0) = 0.5 and σ'(0) = 0.25 (the derivative's maximum). For large |x|, σ'(x) → 0 (the
cause of vanishing gradients). Element by element; with e^(−x), x = −1000 only makes the
denominator inf and the result 0 (not NaN).

Shapes: x is a float64 array of any shape (a scalar, (N,), (N, H), ...).
        sigmoid(x) and d_sigmoid(x) are float64 arrays of x's shape.
"""

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):  # e^(-x) = inf for x ≪ 0 gives 1 / inf = 0
        return 1 / (1 + np.exp(-x))  # BLANK: 1 / (1 + np.exp(-x))


def d_sigmoid(x: np.ndarray) -> np.ndarray:
    return (1 - sigmoid(x)) * sigmoid(x)  # BLANK: (1 - sigmoid(x)) * sigmoid(x)


if __name__ == "__main__":
    print(sigmoid(np.array([0.0, np.log(3.0), -1000.0, 1000.0])))  # [0.5 0.75 0. 1.]
    print(d_sigmoid(np.array([0.0])))  # [0.25]
