"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

"""勾配クリッピング / Gradient clipping by norm.

日本語
------
勾配 g（任意の形の配列）全体の L2 ノルム ‖g‖ = √(Σ g_k²) を計算し、
閾値 threshold を超えていれば、向きを保ったままノルムが threshold になるよう縮小する。

    rate = threshold / ‖g‖
    rate < 1（‖g‖ > threshold）のとき  g ← rate · g    （このとき ‖g‖ = threshold）
    それ以外                             g はそのまま

形状: grad は任意の形（例: (H, H) の重み勾配）、threshold はスカラー、
戻り値は grad と同じ形の float64 配列。ノルムは全要素をまとめた 1 つの値
（行列ならフロベニウスノルム）。

English
-------
Compute the L2 norm ‖g‖ = √(Σ g_k²) over all entries of the gradient g; if it exceeds
threshold, scale g down so that its norm becomes threshold while its direction is kept.

    rate = threshold / ‖g‖
    if rate < 1 (‖g‖ > threshold):  g ← rate · g      (then ‖g‖ = threshold)
    otherwise                        g is returned unchanged

Shapes: grad has any shape (e.g. an (H, H) weight gradient), threshold is a scalar, and
the result is a float64 array of grad's shape. The norm is one number over all entries
(the Frobenius norm for a matrix).
"""

import numpy as np


def gradient_clipping(grad: np.ndarray, threshold: float) -> np.ndarray:
    norm = np.linalg.norm(grad)  # ‖g‖, a scalar over all entries
    rate = threshold / norm
    if rate < 1:
        return rate
    return grad


if __name__ == "__main__":
    g = np.array([3.0, 4.0])  # ‖g‖ = 5
    print(gradient_clipping(g, 2.0))  # [1.2 1.6], norm 2
    print(gradient_clipping(g, 10.0))  # [3. 4.], unchanged
