# /// exercise
# id = "clip_grads_global"
# day = 3
# section = 2
# points = 10
# requires = ["gradient_clipping"]
# topic.ja = "勾配クリッピング（全パラメータのノルム、その場で更新）"
# topic.en = "Gradient clipping (global norm over all parameters, in place)"
# title.ja = "全パラメータの勾配をまとめてクリッピングする"
# title.en = "Clipping all the parameters' gradients by their global norm"
# instructions.ja = """
# ゼロから作る Deep Learning 2 の clip_grads と同じ、全パラメータの勾配をまとめて
# クリッピングする関数を完成させてください。grads は勾配の配列（形はそれぞれ異なる）のリストです。
#   空欄 1（total_norm = の 1 行）: すべての配列のすべての要素をつなげた
#     1 本のベクトルの L2 ノルム total_norm（全体のノルム）を求めます。
#   空欄 2: rate < 1 のとき（全体のノルムが max_norm を超えたとき）、各勾配 g を rate 倍します。
#     関数は何も返さず、呼び出し元の配列そのものを書き換えます。
# """
# instructions.en = """
# Complete the clipping of all the parameters' gradients at once, as clip_grads of Deep
# Learning from Scratch 2 does. grads is a list of gradient arrays (of different shapes).
#   Blank 1 (the line total_norm = ...): the L2 norm total_norm of the single vector
#     made of every entry of every array (the global norm).
#   Blank 2: when rate < 1 (the global norm exceeds max_norm), scale each gradient g by
#     rate. The function returns nothing: it must change the caller's arrays themselves.
# """
#
# [[hints]]
# ja = """\
# 全体のノルムは、各配列の要素の 2 乗和をすべての配列について足し合わせ、最後に平方根を\
# 取ったものです（配列ごとのノルムの和ではありません）。"""
# en = """\
# The global norm is the square root of the sum, over all arrays, of each array's sum of \
# squares (not the sum of the arrays' norms)."""
#
# [[hints]]
# ja = """\
# for g in grads: の g は配列そのものを指しています。g = ... と書くと名前 g が新しい配列を\
# 指すだけで、リストの中の配列は変わりません。配列を書き換える累算代入（*= など）を使います。"""
# en = """\
# In for g in grads:, g names the array itself. g = ... only makes the name g point to a new \
# array and leaves the array in the list alone. Use an augmented assignment (*= etc.), \
# which changes the array."""
#
# [[hints]]
# ja = """\
# 空欄 1 は total_norm = の 1 行で、np.sum で各配列の 2 乗和、組み込みの sum で全配列の合計、\
# 最後に np.sqrt を使います。空欄 2 は g に rate をその場で掛ける 1 文です。"""
# en = """\
# Blank 1 is one line total_norm = ...: np.sum for each array's sum of squares, the \
# built-in sum over the arrays, then np.sqrt. Blank 2 is one statement that multiplies g by \
# rate in place."""
#
# [[wrong]]
# blank = 1
# answer = "total_norm = sum(np.linalg.norm(g) for g in grads)"
# source = "common"
# why.ja = """\
# 配列ごとのノルムの和は全体のノルムより大きくなります（三角不等式）。\
# 2 乗和を全体で足してから平方根を取ります。"""
# why.en = """\
# The sum of the arrays' norms is larger than the global norm (triangle inequality). Add \
# the squares over everything first, then take one square root."""
#
# [[wrong]]
# blank = 1
# answer = "total_norm = sum(np.sum(g ** 2) for g in grads)"
# source = "common"
# why.ja = "平方根を取り忘れています。これはノルムの 2 乗です。"
# why.en = "The square root is missing: this is the squared norm."
#
# [[wrong]]
# blank = 1
# answer = "total_norm = max(np.linalg.norm(g) for g in grads)"
# source = "common"
# why.ja = """\
# 最も大きい配列のノルムだけを見ています。クリッピングはすべてのパラメータの勾配を\
# 1 本のベクトルとみなしたノルムで判定します。"""
# why.en = """\
# This looks only at the largest array's norm. Clipping is decided by the norm of all the \
# parameters' gradients taken as one vector."""
#
# [[wrong]]
# blank = 1
# answer = "total_norm = np.sqrt(sum(np.sum(g) ** 2 for g in grads))"
# source = "common"
# why.ja = """\
# 要素の和を 2 乗しています。2 乗するのは各要素で、その和を取ります（正負の要素が打ち消し\
# 合ってしまいます）。"""
# why.en = """\
# This squares the sum of the entries. Square each entry, then add them up (here positive \
# and negative entries cancel)."""
#
# [[wrong]]
# blank = 1
# answer = "total_norm = np.sqrt(sum(np.sum(g ** 2) for g in grads)) / len(grads)"
# source = "common"
# why.ja = "配列の個数で割る必要はありません。ノルムは平均ではなく、全要素の 2 乗和の平方根です。"
# why.en = """\
# Do not divide by the number of arrays: the norm is the square root of the sum of all \
# squares, not an average."""
#
# [[wrong]]
# blank = 2
# answer = "g = g * rate"
# source = "common"
# why.ja = """\
# g = g * rate は新しい配列を作って名前 g に結び付けるだけで、grads の中の配列（呼び出し元の\
# 勾配）は変わりません。その場で書き換える g *= rate の形を使います。"""
# why.en = """\
# g = g * rate makes a new array and binds the name g to it; the arrays in grads (the \
# caller's gradients) do not change. Change them in place."""
#
# [[wrong]]
# blank = 2
# answer = "g /= rate"
# source = "common"
# why.ja = """\
# rate = max_norm / total_norm は 1 より小さいので、割ると勾配が大きくなります。掛けます。"""
# why.en = """\
# rate = max_norm / total_norm is below 1: dividing by it makes the gradient larger. \
# Multiply."""
#
# [[wrong]]
# blank = 2
# answer = "g *= max_norm"
# source = "common"
# why.ja = """\
# max_norm 倍では全体のノルムが max_norm × total_norm になります。\
# ノルムを max_norm にする倍率は rate です。"""
# why.en = """\
# Scaling by max_norm makes the global norm max_norm × total_norm. The factor that turns \
# the norm into max_norm is rate."""
#
# [[accepted]]
# blank = 1
# answer = "total_norm = np.sqrt(sum((g * g).sum() for g in grads))"
#
# [[accepted]]
# blank = 1
# answer = "total_norm = np.linalg.norm(np.concatenate([g.ravel() for g in grads]))"
#
# [[accepted]]
# blank = 2
# answer = "g[...] = g * rate"
#
# [[accepted]]
# blank = 2
# answer = "np.multiply(g, rate, out=g)"
# ///
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


def clip_grads_global(grads: list[np.ndarray], max_norm: float) -> None:
    # BEGIN BLANK
    total_norm = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    # END BLANK
    rate = max_norm / (total_norm + 1e-6)  # scalar
    if rate < 1:
        for g in grads:
            g *= rate  # BLANK: g *= rate


if __name__ == "__main__":
    grads = [np.array([3.0, 0.0]), np.array([[0.0], [4.0]])]  # global norm 5
    clip_grads_global(grads, 2.0)
    print(grads)  # ≈ [array([1.2, 0. ]), array([[0. ], [1.6]])]
