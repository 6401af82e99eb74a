# ============================================================================
# edrill · clip_grads_global · Day 3 Section 2 · 勾配クリッピング（全パラメータのノルム、その場で更新） / Gradient clipping (global norm over all parameters, in place)
# 全パラメータの勾配をまとめてクリッピングする / Clipping all the parameters' gradients by their global norm
#
# 【課題】
# ゼロから作る Deep Learning 2 の clip_grads と同じ、全パラメータの勾配をまとめて
# クリッピングする関数を完成させてください。grads は勾配の配列（形はそれぞれ異なる）のリストです。
#   空欄 1（total_norm = の 1 行）: すべての配列のすべての要素をつなげた
#     1 本のベクトルの L2 ノルム total_norm（全体のノルム）を求めます。
#   空欄 2: rate < 1 のとき（全体のノルムが max_norm を超えたとき）、各勾配 g を rate 倍します。
#     関数は何も返さず、呼び出し元の配列そのものを書き換えます。
#
# [Task]
# Complete the clipping of all the parameters' gradients at once, as clip_grads of Deep
# Learning from Scratch 2 does. grads is a list of gradient arrays (of different shapes).
#   Blank 1 (the line total_norm = ...): the L2 norm total_norm of the single vector
#     made of every entry of every array (the global norm).
#   Blank 2: when rate < 1 (the global norm exceeds max_norm), scale each gradient g by
#     rate. The function returns nothing: it must change the caller's arrays themselves.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade clip_grads_global` で採点。ヒント: `grade hint clip_grads_global`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade clip_grads_global`. Hints: `grade hint clip_grads_global`
# ============================================================================
"""全体ノルムによる勾配クリッピング / Gradient clipping by the global norm.

日本語
------
ゼロから作る Deep Learning 2 の clip_grads。すべてのパラメータの勾配 g_1, …, g_P を
1 本のベクトルとみなしてノルムを測り、それが max_norm を超えたら全部を同じ倍率で縮める。

    ‖g‖ = sqrt( Σ_p Σ_i g_{p,i}² )              （全体のノルム）
    rate = max_norm / (‖g‖ + 10⁻⁶)
    rate < 1 なら  g_p ← rate · g_p  （すべての p について、その場で）

10⁻⁶ はノルムが 0 のときの 0 除算を避けるため（本の形）。向きは保たれ、クリップ後の
ノルムは max_norm · ‖g‖ / (‖g‖ + 10⁻⁶) ≈ max_norm になる。

形状:
    grads       勾配の配列のリスト（例: [dWx (D, H), dWh (H, H), db (H,)]）、float64
    max_norm    float
    戻り値 None（grads の各配列をその場で書き換える）

English
-------
clip_grads of Deep Learning from Scratch 2. The gradients g_1, …, g_P of all parameters
are measured as one vector; when its norm exceeds max_norm, all are shrunk by the same
factor.

    ‖g‖ = sqrt( Σ_p Σ_i g_{p,i}² )              (the global norm)
    rate = max_norm / (‖g‖ + 10⁻⁶)
    if rate < 1:  g_p ← rate · g_p  (for every p, in place)

The 10⁻⁶ avoids a division by zero for a zero norm (the book's form). The direction is
kept, and the norm after clipping is max_norm · ‖g‖ / (‖g‖ + 10⁻⁶) ≈ max_norm.

Shapes:
    grads       list of gradient arrays (e.g. [dWx (D, H), dWh (H, H), db (H,)]), float64
    max_norm    float
    returns None (changes each array of grads in place)
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of clip_grads_global is not filled in yet")


def clip_grads_global(grads: list[np.ndarray], max_norm: float) -> None:
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    rate = max_norm / (total_norm + 1e-6)  # scalar
    if rate < 1:
        for g in grads:
            _blank(2)


if __name__ == "__main__":
    grads = [np.array([3.0, 0.0]), np.array([[0.0], [4.0]])]  # global norm 5
    clip_grads_global(grads, 2.0)
    print(grads)  # ≈ [array([1.2, 0. ]), array([[0. ], [1.6]])]
