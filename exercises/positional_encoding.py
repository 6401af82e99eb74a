# ============================================================================
# edrill · positional_encoding · Day 4 Section 5 · Transformer（位置エンコーディング Positional Encoding） / Transformer: positional encoding
# 正弦波による位置エンコーディング / Sinusoidal positional encoding
#
# 【課題】
# Transformer の位置エンコーディング PE (T, d_model) を返す関数を完成させてください。
#   空欄 1: 位置 pos (T, 1) と次元の組の番号 i (1, d_model/2) から、角度
#     angle (T, d_model/2) を求めます。組 i の周波数は 1 / 10000^(2i / d_model) です。
#   空欄 2: 偶数番目の列 (0, 2, 4, ...) に sin(angle) を、奇数番目の列 (1, 3, 5, ...) に
#     cos(angle) を書き込みます（列 2i と 2i+1 が同じ角度の組です）。
# d_model は偶数とします。
#
# [Task]
# Complete the function that returns the Transformer's positional encoding PE (T, d_model).
#   Blank 1: from the positions pos (T, 1) and the pair numbers i (1, d_model/2), compute
#     the angles (T, d_model/2). The frequency of pair i is 1 / 10000^(2i / d_model).
#   Blank 2: write sin(angle) into the even columns (0, 2, 4, ...) and cos(angle) into the
#     odd columns (1, 3, 5, ...) (columns 2i and 2i+1 share one angle).
# d_model is even.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade positional_encoding` で採点。ヒント: `grade hint positional_encoding`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade positional_encoding`. Hints: `grade hint positional_encoding`
# ============================================================================
"""正弦波による位置エンコーディング / Sinusoidal positional encoding.

日本語
------
Transformer（Vaswani et al., 2017）は再帰も畳み込みも使わないので、単語の順序を
埋め込みベクトルに足す位置エンコーディング PE で与える。次元 2i と 2i+1 を 1 組とし、
組ごとに周波数の違う正弦波を使う（i = 0, 1, ..., d_model/2 − 1）:

    PE[pos, 2i]     = sin(pos / 10000^(2i / d_model))
    PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model))

位置 0 の行は [0, 1, 0, 1, ...]。組 i = 0 の角度は pos そのもの（波長 2π）、最後の組の
波長は 2π·10000 に近い。sin を前半・cos を後半にまとめる実装もあるが、ここでは論文どおり
sin と cos を列ごとに交互に並べる。

形状:
    T, d_model        Python の int（T ≥ 1、d_model は 2 以上の偶数）
    pos (T, 1)        位置 0, 1, ..., T − 1
    i (1, d_model/2)  組の番号 0, 1, ..., d_model/2 − 1
    angle (T, d_model/2)
    戻り値 PE (T, d_model)、float64

English
-------
The Transformer (Vaswani et al., 2017) has neither recurrence nor convolution, so the
order of the words is given by a positional encoding PE added to the embeddings. The
dimensions 2i and 2i+1 form a pair, and each pair is a sinusoid of its own frequency
(i = 0, 1, ..., d_model/2 − 1):

    PE[pos, 2i]     = sin(pos / 10000^(2i / d_model))
    PE[pos, 2i + 1] = cos(pos / 10000^(2i / d_model))

The row of position 0 is [0, 1, 0, 1, ...]. For pair i = 0 the angle is pos itself
(wavelength 2π); the last pair's wavelength is close to 2π·10000. Some implementations put
all the sines first and the cosines second; here, as in the paper, sin and cos alternate
column by column.

Shapes:
    T, d_model        Python ints (T ≥ 1, d_model even and ≥ 2)
    pos (T, 1)        positions 0, 1, ..., T − 1
    i (1, d_model/2)  pair numbers 0, 1, ..., d_model/2 − 1
    angle (T, d_model/2)
    returns PE (T, d_model), float64
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of positional_encoding is not filled in yet")


def positional_encoding(T: int, d_model: int) -> np.ndarray:
    pos = np.arange(T, dtype=np.float64)[:, None]  # (T, 1)
    i = np.arange(d_model // 2, dtype=np.float64)[None, :]  # (1, d_model/2)
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    pe = np.zeros((T, d_model))
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return pe  # (T, d_model)


if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print(positional_encoding(3, 6))  # row 0: [0, 1, 0, 1, 0, 1]
