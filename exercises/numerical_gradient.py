# ============================================================================
# edrill · numerical_gradient · Day 1 Section 4 · 数値微分（中心差分） / Numerical differentiation (central differences)
# 数値微分による勾配 / The gradient by numerical differentiation
#
# 【課題】
# 関数 f のある点 x における勾配を、中心差分で求める numerical_gradient を完成させてください。
# 空欄は、x の 1 つの要素 x[idx] について偏微分を求め grad[idx] に入れる部分です。
#   - f は配列を 1 つ受け取りスカラーを返す関数です。x[idx] だけを ±h ずらした x で
#     f を 2 回呼びます。ゼロから作る Deep Learning と同じく、x のコピーは作らず、
#     x そのものをその場で書き換えて f(x) を呼んでください
#     （f = lambda W: net.loss(x, t) のように、引数を見ずにネットワークの重みを読む f もあるため）。
#   - 終わったら x[idx] を元の値（tmp_val）に戻し、呼び出し後の x が呼び出し前と同じになるように
#     します。
#
# [Task]
# Complete numerical_gradient, the gradient of a function f at a point x by central
# differences. The blank computes the partial derivative for one entry x[idx] and stores it
# in grad[idx].
#   - f takes one array and returns a scalar. Call f twice, with x[idx] moved by +h and by
#     −h. As in Deep Learning from Scratch, do not copy x: change x itself in place and call
#     f(x) (some f, such as f = lambda W: net.loss(x, t), ignore their argument and read
#     the network's weights).
#   - Then put x[idx] back to its value (tmp_val), so that x after the call equals x before.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade numerical_gradient` で採点。ヒント: `grade hint numerical_gradient`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade numerical_gradient`. Hints: `grade hint numerical_gradient`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of numerical_gradient is not filled in yet")


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray) -> np.ndarray:
    h = 1e-4
    grad = np.zeros_like(x)  # x's shape
    for idx in np.ndindex(*x.shape):  # every entry of x, in any dimension
        tmp_val = x[idx]
        # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
        _blank(1)
        # └──
    return grad


if __name__ == "__main__":
    x = np.array([3.0, 4.0])
    print(numerical_gradient(lambda v: float(np.sum(v ** 2)), x))  # [6. 8.]
    print(x)  # [3. 4.], unchanged
