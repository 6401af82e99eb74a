# ============================================================================
# edrill · gradient_clipping · Day 3 Section 2 · 勾配クリッピング / Gradient clipping
# 勾配クリッピング（ノルムによる） / Gradient clipping by norm
#
# 【課題】
# 勾配爆発を防ぐための勾配クリッピングを完成させてください。
# 勾配 grad 全体の L2 ノルムが閾値 threshold を超えたとき、
# 勾配の向きはそのままに、ノルムがちょうど threshold になるよう
# 勾配を縮小して返します。ノルムが threshold 以下なら grad をそのまま返します。
# 空欄は `if rate < 1:` の中で返す値です。
#
# [Task]
# Complete gradient clipping, the usual cure for exploding gradients.
# When the L2 norm of the whole gradient grad exceeds threshold, return the
# gradient scaled down so that its norm is exactly threshold and its direction
# is unchanged; otherwise return grad as it is.
# The blank is the value returned inside `if rate < 1:`.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade gradient_clipping` で採点。ヒント: `grade hint gradient_clipping`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade gradient_clipping`. Hints: `grade hint gradient_clipping`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of gradient_clipping is not filled in yet")


def gradient_clipping(grad: np.ndarray, threshold: float) -> np.ndarray:
    norm = np.linalg.norm(grad)  # ‖g‖, a scalar over all entries
    rate = threshold / norm
    if rate < 1:
        return _blank(1)
    return grad


if __name__ == "__main__":
    g = np.array([3.0, 4.0])  # ‖g‖ = 5
    print(gradient_clipping(g, 2.0))  # [1.2 1.6], norm 2
    print(gradient_clipping(g, 10.0))  # [3. 4.], unchanged
