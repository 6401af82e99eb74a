# ============================================================================
# edrill · d_relu · Day 1 Section 2 · 活性化関数の微分（ReLU 関数） / The derivative of an activation: ReLU
# ReLU 関数の導関数 / The derivative of the ReLU function
#
# 【課題】
# ReLU 関数 relu(x) = max(0, x) の導関数 d_relu を完成させてください。
# x の各要素について、x > 0 なら 1、それ以外なら 0 を返します。
# x = 0 ではこの講座の約束どおり 0 とします。
# x は任意の形で、戻り値は x と同じ形です（float64 への変換はすでに書かれています）。
#
# [Task]
# Complete d_relu, the derivative of the ReLU function relu(x) = max(0, x).
# For every entry of x return 1 where x > 0 and 0 elsewhere; at x = 0 the derivative is 0
# (the course's convention). x has any shape and the result has x's shape (the conversion
# to float64 is already written).
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade d_relu` で採点。ヒント: `grade hint d_relu`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade d_relu`. Hints: `grade hint d_relu`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of d_relu is not filled in yet")


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, x)


def d_relu(x: np.ndarray) -> np.ndarray:
    grad = _blank(1)
    return np.asarray(grad, dtype=np.float64)  # same shape as x, 0.0 or 1.0


if __name__ == "__main__":
    print(d_relu(np.array([-2.0, 0.0, 3.0])))  # [0. 0. 1.]
