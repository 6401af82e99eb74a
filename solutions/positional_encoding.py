# /// exercise
# id = "positional_encoding"
# day = 4
# section = 5
# points = 10
# topic.ja = "Transformer（位置エンコーディング Positional Encoding）"
# topic.en = "Transformer: positional encoding"
# title.ja = "正弦波による位置エンコーディング"
# title.en = "Sinusoidal positional encoding"
# instructions.ja = """
# Transformer の位置エンコーディング PE (T, d_model) を返す関数を完成させてください。
#   空欄 1: 位置 pos (T, 1) と次元の組の番号 i (1, d_model/2) から、角度
#     angle (T, d_model/2) を求めます。組 i の周波数は 1 / 10000^(2i / d_model) です。
#   空欄 2: 偶数番目の列 (0, 2, 4, ...) に sin(angle) を、奇数番目の列 (1, 3, 5, ...) に
#     cos(angle) を書き込みます（列 2i と 2i+1 が同じ角度の組です）。
# d_model は偶数とします。
# """
# instructions.en = """
# Complete the function that returns the Transformer's positional encoding PE (T, d_model).
#   Blank 1: from the positions pos (T, 1) and the pair numbers i (1, d_model/2), compute
#     the angles (T, d_model/2). The frequency of pair i is 1 / 10000^(2i / d_model).
#   Blank 2: write sin(angle) into the even columns (0, 2, 4, ...) and cos(angle) into the
#     odd columns (1, 3, 5, ...) (columns 2i and 2i+1 share one angle).
# d_model is even.
# """
#
# [[hints]]
# ja = """\
# 位置 0 の行は [0, 1, 0, 1, ...]（sin 0 = 0, cos 0 = 1）になります。\
# 組 i = 0 の角度は位置そのもの、i が大きいほど角度はゆっくり変わります。"""
# en = """\
# The row of position 0 is [0, 1, 0, 1, ...] (sin 0 = 0, cos 0 = 1). For pair i = 0 the \
# angle is the position itself; the larger i, the slower the angle changes."""
#
# [[hints]]
# ja = """\
# 指数は i / d_model ではなく 2i / d_model です（2i は組の最初の列の番号）。\
# 10000 の累乗で「割る」ことに注意。べき乗は ** で、/ より先に計算されます。"""
# en = """\
# The exponent is 2i / d_model, not i / d_model (2i is the number of the pair's first \
# column). Note that you divide by the power of 10000; ** binds tighter than /."""
#
# [[hints]]
# ja = """\
# 空欄 2 は、列のスライス 0::2（偶数列）と 1::2（奇数列）に np.sin(angle) と \
# np.cos(angle) をそれぞれ代入する 2 行です。"""
# en = """\
# Blank 2 is two lines: assign np.sin(angle) and np.cos(angle) to the column slices 0::2 \
# (even columns) and 1::2 (odd columns)."""
#
# [[wrong]]
# blank = 1
# answer = "angle = pos / 10000 ** (i / d_model)"
# source = "common"
# why.ja = """\
# 指数が i / d_model になっています。組 i の最初の列の番号は 2i なので、指数は \
# 2i / d_model です（これでは周波数の範囲が半分しか使われません）。"""
# why.en = """\
# The exponent is i / d_model. Pair i starts at column 2i, so the exponent is 2i / d_model \
# (with i only half of the range of frequencies is used)."""
#
# [[wrong]]
# blank = 1
# answer = "angle = pos * 10000 ** (2 * i / d_model)"
# source = "common"
# why.ja = """\
# 10000 の累乗を掛けています。周波数は 1 / 10000^(2i / d_model) なので、割ります。"""
# why.en = """\
# This multiplies by the power of 10000. The frequency is 1 / 10000^(2i / d_model): \
# divide."""
#
# [[wrong]]
# blank = 1
# answer = "angle = pos / 10000 ** (2 * i)"
# source = "common"
# why.ja = """\
# 指数を d_model で割っていません。指数は 0 から 1 未満の範囲 2i / d_model です。"""
# why.en = """\
# The exponent is not divided by d_model. It is 2i / d_model, between 0 and just under 1."""
#
# [[wrong]]
# blank = 1
# answer = "angle = pos / 10000 * (2 * i / d_model)"
# source = "common"
# why.ja = """\
# べき乗 ** ではなく掛け算 * になっています。10000 の (2i / d_model) 乗で割ります。"""
# why.en = """\
# This is a product * instead of a power **. Divide by 10000 to the power 2i / d_model."""
#
# [[wrong]]
# blank = 1
# answer = "angle = i / 10000 ** (2 * pos / d_model)"
# source = "common"
# why.ja = """\
# 位置 pos と組の番号 i が入れ替わっています。角度は位置に比例し、周波数が i で決まります。"""
# why.en = """\
# The position pos and the pair number i are swapped. The angle is proportional to the \
# position; i sets the frequency."""
#
# [[wrong]]
# blank = 1
# answer = "angle = pos / 10000 ** (2 * i / T)"
# source = "common"
# why.ja = """\
# 指数を系列長 T で割っています。割るのはモデルの次元 d_model です。"""
# why.en = """\
# The exponent is divided by the sequence length T. Divide by the model size d_model."""
#
# [[wrong]]
# blank = 2
# answer = """\
# pe[:, 0::2] = np.cos(angle)
# pe[:, 1::2] = np.sin(angle)"""
# source = "common"
# why.ja = """\
# sin と cos が逆です。偶数列が sin、奇数列が cos で、位置 0 の行は [0, 1, 0, 1, ...] です。"""
# why.en = """\
# sin and cos are swapped. The even columns hold sin and the odd columns cos; the row of \
# position 0 is [0, 1, 0, 1, ...]."""
#
# [[wrong]]
# blank = 2
# answer = """\
# pe[:, :d_model // 2] = np.sin(angle)
# pe[:, d_model // 2:] = np.cos(angle)"""
# source = "common"
# why.ja = """\
# 前半に sin、後半に cos を並べています（そうする実装もありますが、ここでは論文どおり）\
# 列 2i に sin、列 2i+1 に cos を交互に並べます。"""
# why.en = """\
# This puts sin in the first half and cos in the second (some implementations do; here, \
# as in the paper, they interleave): sin in column 2i, cos in column 2i+1."""
#
# [[wrong]]
# blank = 2
# answer = """\
# pe[:, 0::2] = np.sin(angle)
# pe[:, 1::2] = np.sin(angle)"""
# source = "common"
# why.ja = """\
# 奇数列も sin になっています。奇数列は cos です。"""
# why.en = """\
# The odd columns hold sin as well. They hold cos."""
#
# [[wrong]]
# blank = 2
# answer = """\
# pe[0::2] = np.sin(angle)
# pe[1::2] = np.cos(angle)"""
# source = "common"
# why.ja = """\
# 列ではなく行（位置）を偶数・奇数に分けています。sin と cos を交互に並べるのは次元の軸\
# （列、pe[:, 0::2] のように 2 番目の添字）です。"""
# why.en = """\
# This splits the rows (positions) into even and odd, not the columns. sin and cos \
# alternate along the model dimension: the second index, as in pe[:, 0::2]."""
#
# [[accepted]]
# blank = 1
# answer = "angle = pos / np.power(10000.0, 2 * i / d_model)"
#
# [[accepted]]
# blank = 1
# answer = "angle = pos * np.exp(-np.log(10000.0) * 2 * i / d_model)"
#
# [[accepted]]
# blank = 2
# answer = """\
# pe[:, ::2] = np.sin(angle)
# pe[:, 1::2] = np.cos(angle)"""
#
# [[accepted]]
# blank = 2
# answer = "pe = np.stack([np.sin(angle), np.cos(angle)], axis=-1).reshape(T, d_model)"
# ///
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


def positional_encoding(T: int, d_model: int) -> np.ndarray:
    pos = np.arange(T, dtype=np.float64)[:, None]  # (T, 1)
    i = np.arange(d_model // 2, dtype=np.float64)[None, :]  # (1, d_model/2)
    # BEGIN BLANK
    angle = pos / 10000 ** (2 * i / d_model)  # (T, d_model/2)
    # END BLANK
    pe = np.zeros((T, d_model))
    # BEGIN BLANK
    pe[:, 0::2] = np.sin(angle)  # even columns 2i
    pe[:, 1::2] = np.cos(angle)  # odd columns 2i + 1
    # END BLANK
    return pe  # (T, d_model)


if __name__ == "__main__":
    np.set_printoptions(precision=3, suppress=True)
    print(positional_encoding(3, 6))  # row 0: [0, 1, 0, 1, 0, 1]
