# /// exercise
# id = "softmax"
# day = 1
# section = 3
# points = 10
# topic = { ja = "出力層（ソフトマックス関数）", en = "The output layer: the softmax function" }
# title = { ja = "オーバーフローしないソフトマックス関数", en = "A softmax that does not overflow" }
# instructions.ja = """
# ソフトマックス関数を 2 か所完成させてください。x は 1 件なら (K,)、N 件なら (N, K) で、
# どちらでも最後の軸（クラスの軸）について計算します。
#   空欄 1: e^x がオーバーフローしないよう、各行から引いておく値（その行の最大値）。
#     引いた後も形がそろうように、(N, 1)（1-D なら (1,)）の形にします。
#   空欄 2: 分母（各行の e^x、つまり exp_x の和）。これも (N, 1) の形にします。
# 各行の出力は 0〜1 の値で、合計は 1 になります。x = 1000 のような大きな値でも NaN にしません。
# """
# instructions.en = """
# Complete the softmax function in two places. x is (K,) for one example or (N, K) for N
# examples; either way, work along the last axis (the classes).
#   Blank 1: the value subtracted from every row so that e^x cannot overflow (the row's
#     maximum), kept in the shape (N, 1) ((1,) for 1-D input) so that it lines up.
#   Blank 2: the denominator (the sum of e^x, i.e. exp_x, over the row), also of shape (N, 1).
# Every row of the output lies in 0 to 1 and sums to 1. Large values such as x = 1000 must
# not give NaN.
# """
#
# [[hints]]
# ja = """\
# softmax は各行に同じ定数を足しても引いても変わりません。行の最大値を引くと、\
# 指数の引数は 0 以下になり e^x は 1 以下に収まります。"""
# en = """\
# Adding a constant to a whole row does not change its softmax. Subtract the row's maximum: \
# every exponent becomes ≤ 0 and e^x stays ≤ 1."""
#
# [[hints]]
# ja = """\
# 最後の軸は axis=-1 で、1-D でも 2-D でも同じ書き方で使えます。\
# 行ごとに集計した結果を元の配列とブロードキャストするには、軸を残す keepdims=True を付けます。"""
# en = """\
# The last axis is axis=-1, which works for 1-D and 2-D alike. To broadcast a per-row \
# result against the array, keep the reduced axis with keepdims=True."""
#
# [[hints]]
# ja = """\
# 空欄 1 は np.max、空欄 2 は exp_x の np.sum で、どちらも axis=-1, keepdims=True を\
# 付けます。"""
# en = """\
# Blank 1 is np.max and blank 2 is np.sum of exp_x, both with axis=-1, keepdims=True."""
#
# [[wrong]]
# blank = 1
# answer = "np.max(x)"
# source = "common"
# why.ja = """\
# 配列全体の最大値を引いています。行ごとの大きさが大きく違う（例: [0, 1, 2] と \
# [1000, 1001, 1002]）と、小さい行の e^x がすべて 0 になり 0 / 0 = NaN になります。\
# 行ごとの最大値（axis=-1）を引きます。"""
# why.en = """\
# This subtracts the maximum of the whole array. When rows differ in scale (e.g. [0, 1, 2] \
# and [1000, 1001, 1002]) every e^x of the small row underflows to 0 and 0 / 0 is NaN. \
# Subtract each row's maximum (axis=-1)."""
#
# [[wrong]]
# blank = 1
# answer = "np.max(x, axis=0, keepdims=True)"
# source = "common"
# why.ja = """\
# axis=0 は列（バッチの軸）ごとの最大値です。行ごとに違う値を引くことになり、各列で\
# 違う定数を引くので softmax の値が変わります。クラスの軸 axis=-1 を使います。"""
# why.en = """\
# axis=0 takes the maximum of each column (over the batch). Subtracting a different \
# constant per class changes the softmax. Use the class axis, axis=-1."""
#
# [[wrong]]
# blank = 1
# answer = "np.max(x, axis=-1)"
# source = "common"
# why.ja = """\
# keepdims=True がないと最大値は (N,) になり、(N, K) から引くとき行ではなく列に\
# ブロードキャストされます（N ≠ K なら形のエラー）。"""
# why.en = """\
# Without keepdims=True the maxima are (N,), which broadcast along the columns of (N, K), \
# not the rows (a shape error when N ≠ K)."""
#
# [[wrong]]
# blank = 1
# answer = "np.min(x, axis=-1, keepdims=True)"
# source = "common"
# why.ja = """\
# 最小値を引くと、残りの要素は 0 以上の大きな値になり得ます。[1000, 0] なら e^1000 が\
# inf になり NaN が出ます。最大値を引きます。"""
# why.en = """\
# After subtracting the minimum the other entries can be large and positive: for \
# [1000, 0], e^1000 overflows to inf and the result is NaN. Subtract the maximum."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(exp_x)"
# source = "common"
# why.ja = """\
# 配列全体の和で割っています。1-D なら正しいのですが、(N, K) ではすべての行を合わせて 1 に\
# なり、各行の和が 1 になりません。axis=-1 で行ごとに足します。"""
# why.en = """\
# This divides by the sum of the whole array: right for 1-D input, but for (N, K) all the \
# rows together sum to 1 instead of each row. Sum along axis=-1."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(exp_x, axis=0, keepdims=True)"
# source = "common"
# why.ja = """\
# axis=0 は列（バッチの軸）の和で、各列の和が 1 になってしまいます。クラスの軸 axis=-1 で\
# 足します。"""
# why.en = """\
# axis=0 sums each column (over the batch), so the columns sum to 1 instead of the rows. \
# Sum along the class axis, axis=-1."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(exp_x, axis=-1)"
# source = "common"
# why.ja = """\
# keepdims=True がないと和は (N,) になり、(N, K) を割るとき列方向にブロードキャストされます\
# （N ≠ K なら形のエラー）。"""
# why.en = """\
# Without keepdims=True the sums are (N,), which broadcast along the columns when dividing \
# (N, K) (a shape error when N ≠ K)."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(x, axis=-1, keepdims=True)"
# source = "common"
# why.ja = """\
# 分母は x の和ではなく e^x の和です。"""
# why.en = """\
# The denominator is the sum of e^x, not of x."""
#
# [[wrong]]
# blank = 2
# answer = "np.max(exp_x, axis=-1, keepdims=True)"
# source = "common"
# why.ja = """\
# 最大値で割ると、最大の要素が 1 になるだけで行の和は 1 になりません。分母は e^x の和です。"""
# why.en = """\
# Dividing by the maximum makes the largest entry 1, but the row does not sum to 1. The \
# denominator is the sum of e^x."""
#
# [[accepted]]
# blank = 1
# answer = "x.max(axis=-1, keepdims=True)"
#
# [[accepted]]
# blank = 1
# answer = "np.max(x, axis=x.ndim - 1, keepdims=True)"
#
# [[accepted]]
# blank = 2
# answer = "exp_x.sum(axis=-1, keepdims=True)"
# ///
"""ソフトマックス関数 / The softmax function.

日本語
------
K クラスの出力層の活性化関数。入力の各行 x = (x_1, …, x_K) について

    softmax(x)_k = e^{x_k} / Σ_j e^{x_j}

出力は 0〜1 で、各行の和は 1（各クラスの確率）。
行ごとに定数 c を引いても値は変わらない: softmax(x − c) = softmax(x)。
そこで c = max_j x_j を引いてから指数を取り、e^{x_k} のオーバーフロー
（x = 1000 で e^1000 = inf、inf / inf = NaN）を防ぐ。

形状: x は (K,)（1 件）または (N, K)（N 件、各行が 1 件）。クラスの軸は最後の軸。
      行ごとの最大値と和は (N, 1)（1-D なら (1,)）。出力 y は x と同じ形の float64。

English
-------
The activation of a K-class output layer. For every row x = (x_1, …, x_K),

    softmax(x)_k = e^{x_k} / Σ_j e^{x_j}

The outputs lie in 0 to 1 and every row sums to 1 (the class probabilities).
Subtracting a constant c from a row does not change it: softmax(x − c) = softmax(x). So
c = max_j x_j is subtracted before the exponential, which prevents e^{x_k} from overflowing
(at x = 1000, e^1000 = inf and inf / inf = NaN).

Shapes: x is (K,) (one example) or (N, K) (N examples, one per row); the classes are the
        last axis. The row maxima and sums are (N, 1) ((1,) for 1-D). The output y is a
        float64 array of x's shape.
"""

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    # x (N, K) or (K,)
    x = x - np.max(x, axis=-1, keepdims=True)  # BLANK: np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)  # (N, K), every entry in (0, 1]
    sum_exp = np.sum(exp_x, axis=-1, keepdims=True)  # BLANK: np.sum(exp_x, axis=-1, keepdims=True)
    return exp_x / sum_exp  # (N, K), every row sums to 1


if __name__ == "__main__":
    print(softmax(np.array([0.0, np.log(2.0), np.log(5.0)])))  # [0.125 0.25 0.625]
    print(softmax(np.array([[1000.0, 0.0], [0.0, 0.0]])))  # [[1. 0.] [0.5 0.5]]
