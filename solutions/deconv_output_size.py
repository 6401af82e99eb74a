# /// exercise
# id = "deconv_output_size"
# day = 4
# section = 6
# points = 10
# topic.ja = "セマンティックセグメンテーション（転置畳み込み・アップサンプリング）"
# topic.en = "Semantic segmentation: transposed convolution (upsampling)"
# title = { ja = "転置畳み込みの出力サイズ", en = "The output size of a transposed convolution" }
# instructions.ja = """
# 転置畳み込み（deconvolution）の出力の高さ（幅も同じ式）を返す関数を完成させてください。
# 入力の高さ H の各画素の間隔をストライド S 分あけて並べ、高さ FH のフィルタを重ねて広げ、
# 最後に上下それぞれ P 行を切り落とします。戻り値は Python の int です。
# 不正な引数の検査はすでに書かれています。
# """
# instructions.en = """
# Complete the function that returns the output height of a transposed convolution
# (deconvolution); the width follows the same formula. The H input pixels are placed S rows
# apart, a filter of height FH is spread out from each of them, and finally P rows are cut
# off at the top and P at the bottom. Return a Python int.
# The validation of the arguments is already written.
# """
#
# [[hints]]
# ja = """\
# H 個の画素を S 間隔で置くと、最初の画素から最後の画素まで (H − 1) 回ずれます。"""
# en = """\
# Placing H pixels S apart makes H − 1 steps of S from the first pixel to the last."""
#
# [[hints]]
# ja = """\
# 最後の画素の位置にもフィルタ FH 行分が広がるので、その高さを足します。\
# パディング P は転置畳み込みでは出力の上下から取り除かれます。"""
# en = """\
# The filter spreads FH rows from the last pixel as well: add its height. In a transposed \
# convolution the padding P is removed from the top and the bottom of the output."""
#
# [[hints]]
# ja = """\
# (H − 1) と S の積に FH を足し、2P を引きます。\
# 確かめ方: 畳み込みの出力サイズの式に結果を入れると H に戻ります（割り切れる場合）。"""
# en = """\
# Multiply (H − 1) by S, add FH and subtract 2P. To check: putting the result into the \
# convolution output-size formula gives back H (when the stride divides evenly)."""
#
# [[wrong]]
# blank = 1
# answer = "(H - 1) * S + 2 * P + FH"
# source = "common"
# why.ja = """\
# 転置畳み込みのパディングは出力を小さくします（畳み込みで足した 2P を戻す）。\
# 2P は足すのではなく引きます。"""
# why.en = """\
# In a transposed convolution the padding makes the output smaller (it undoes the 2P a \
# convolution adds): subtract 2P, do not add it."""
#
# [[wrong]]
# blank = 1
# answer = "(H - 1) * S - P + FH"
# source = "common"
# why.ja = """\
# パディングは上と下の両側から P 行ずつ取り除かれるので、2P を引きます。"""
# why.en = """\
# P rows are removed at the top and P at the bottom: subtract 2P, not P."""
#
# [[wrong]]
# blank = 1
# answer = "H * S - 2 * P + FH"
# source = "common"
# why.ja = """\
# S 間隔で置いた H 個の画素の間のずれは H − 1 回です。H * S では S 行多くなります。"""
# why.en = """\
# H pixels placed S apart are H − 1 steps apart; H * S gives S rows too many."""
#
# [[wrong]]
# blank = 1
# answer = "(H - 1) * S - 2 * P"
# source = "common"
# why.ja = """\
# フィルタの高さ FH が抜けています。最後の画素からもフィルタが FH 行分広がります。"""
# why.en = """\
# The filter height FH is missing: the filter spreads FH rows from the last pixel too."""
#
# [[wrong]]
# blank = 1
# answer = "(H + 2 * P - FH) // S + 1"
# source = "common"
# why.ja = """\
# これは通常の畳み込みの出力サイズ（縮小）です。転置畳み込みはその逆で、\
# ストライド倍に拡大します。"""
# why.en = """\
# This is the output size of an ordinary convolution (it shrinks). A transposed \
# convolution does the inverse and upsamples by the stride."""
#
# [[wrong]]
# blank = 1
# answer = "(H - 1) // S - 2 * P + FH"
# source = "common"
# why.ja = """\
# ストライドで割るのは畳み込みの場合です。転置畳み込みでは画素の間隔が S に広がるので、\
# (H − 1) に S を掛けます。"""
# why.en = """\
# Dividing by the stride belongs to the convolution. In a transposed convolution the \
# pixels move S apart: multiply (H − 1) by S."""
#
# [[wrong]]
# blank = 1
# answer = "(H - 1) * S - 2 * P + FH - 1"
# source = "common"
# why.ja = """\
# 余分な − 1 があります。フィルタは FH 行そのままで、最後の画素の位置から FH 行広がります。"""
# why.en = """\
# There is an extra − 1: the filter spreads its full FH rows from the last pixel."""
#
# [[accepted]]
# blank = 1
# answer = "S * (H - 1) - 2 * P + FH"
#
# [[accepted]]
# blank = 1
# answer = "(H - 1) * S + FH - 2 * P"
#
# [[accepted]]
# blank = 1
# answer = "int((H - 1) * S - 2 * P + FH)"
# ///
"""転置畳み込みの出力サイズ / The output size of a transposed convolution.

日本語
------
高さ H の入力に、高さ FH のフィルタ、ストライド S、パディング P の転置畳み込み
（セグメンテーションのアップサンプリングで使う）をかけたときの出力の高さ OH:

    OH = S·(H − 1) + FH − 2P

幅も同じ式（W, FW）で求まる。これは畳み込みの出力サイズ
⌊(H + 2P − FH) / S⌋ + 1 の逆で、割り切れる場合は畳み込みに戻すと H になる。
例: (H, FH, P, S) = (3, 3, 1, 2) → 5、(2, 4, 1, 2) → 4、(28, 5, 0, 1) → 32。

引数と戻り値: H, FH, P, S はいずれも Python の int（スカラー）、戻り値 OH も int。
H, FH, P が負、または S < 1 のときは ValueError。

English
-------
The output height OH of a transposed convolution (the upsampling used in segmentation)
with a filter of height FH, stride S and padding P on an input of height H:

    OH = S·(H − 1) + FH − 2P

The width follows the same formula (W, FW). It inverts the convolution output size
⌊(H + 2P − FH) / S⌋ + 1: when the stride divides evenly, convolving back gives H.
Examples: (H, FH, P, S) = (3, 3, 1, 2) → 5, (2, 4, 1, 2) → 4, (28, 5, 0, 1) → 32.

Arguments and result: H, FH, P, S are Python ints (scalars); the result OH is an int.
A negative H, FH or P, or S < 1, raises ValueError.
"""


def deconv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    return (H - 1) * S - 2 * P + FH  # BLANK: (H - 1) * S - 2 * P + FH


if __name__ == "__main__":
    print(deconv_output_size(3, 3, 1, 2))  # 5
    print(deconv_output_size(2, 4, 1, 2))  # 4
    print(deconv_output_size(28, 5, 0, 1))  # 32
