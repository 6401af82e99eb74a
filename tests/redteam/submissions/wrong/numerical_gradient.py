"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

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
        x[idx] = tmp_val + h
        fxh1 = f(x)
        x[idx] = tmp_val - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / h
    return grad


if __name__ == "__main__":
    x = np.array([3.0, 4.0])
    print(numerical_gradient(lambda v: float(np.sum(v ** 2)), x))  # [6. 8.]
    print(x)  # [3. 4.], unchanged
