# /// exercise
# id = "conv_params"
# day = 2
# section = 5
# points = 10
# topic.ja = "AlexNet（畳み込み層のパラメータ数）"
# topic.en = "AlexNet: the parameters of a convolution layer"
# title.ja = "畳み込み層のパラメータ数"
# title.en = "The number of parameters of a convolution layer"
# instructions.ja = """
# 畳み込み層の学習するパラメータ（重みとバイアス）の総数を返す関数を完成させてください。
# フィルタの数 FN、入力チャンネル数 C、フィルタの高さ FH と幅 FW が与えられます。
# バイアスはフィルタ 1 枚につき 1 つです。戻り値は Python の int です。
# 例: AlexNet の 1 層目（96 枚の 3 × 11 × 11 のフィルタ）は 34944 個です。
# """
# instructions.en = """
# Complete the function that returns the number of learned parameters (weights and biases)
# of a convolution layer, given the number of filters FN, the input channels C, and the
# filter height FH and width FW. There is one bias per filter. Return a Python int.
# Example: AlexNet's first layer (96 filters of 3 × 11 × 11) has 34944 parameters.
# """
#
# [[hints]]
# ja = "重み W の形は (FN, C, FH, FW) です。重みの個数はこの形の要素数です。"
# en = """\
# The weights W have shape (FN, C, FH, FW); their count is the number of entries of \
# that shape."""
#
# [[hints]]
# ja = """\
# 1 枚のフィルタは入力の全チャンネルにまたがるので C × FH × FW 個の重みを持ちます。\
# バイアス b の形は (FN,) です。"""
# en = """\
# One filter spans all input channels, so it has C × FH × FW weights. The bias b has \
# shape (FN,)."""
#
# [[hints]]
# ja = "FN × C × FH × FW（重み）に FN（バイアス）を足します。"
# en = "Add FN (the biases) to FN × C × FH × FW (the weights)."
#
# [[wrong]]
# blank = 1
# answer = "FN*C*FH*FW"
# source = "common"
# why.ja = """\
# バイアスが数えられていません。フィルタ 1 枚につきバイアスが 1 つあるので FN を足します\
# （AlexNet の 1 層目なら 34848 ではなく 34944）。"""
# why.en = """\
# The biases are missing: each filter has one bias, so add FN (34944 for AlexNet's first \
# layer, not 34848)."""
#
# [[wrong]]
# blank = 1
# answer = "FN*FH*FW + FN"
# source = "common"
# why.ja = """\
# 入力チャンネル数 C が抜けています。1 枚のフィルタは入力の全チャンネルにまたがり、\
# C × FH × FW 個の重みを持ちます。"""
# why.en = """\
# The input channels C are missing: one filter spans every input channel and has \
# C × FH × FW weights."""
#
# [[wrong]]
# blank = 1
# answer = "C*FH*FW + FN"
# source = "common"
# why.ja = """\
# フィルタ 1 枚分の重みしか数えていません。重みは FN 枚のフィルタそれぞれにあります。"""
# why.en = """\
# Only the weights of one filter are counted; each of the FN filters has its own."""
#
# [[wrong]]
# blank = 1
# answer = "FN*C*FH*FW + 1"
# source = "common"
# why.ja = """\
# バイアスは層全体で 1 つではなく、出力チャンネル（フィルタ）ごとに 1 つ、合計 FN 個です。"""
# why.en = """\
# There is not one bias for the layer but one per output channel (filter): FN in all."""
#
# [[wrong]]
# blank = 1
# answer = "FN*C*FH*FW + C"
# source = "common"
# why.ja = """\
# バイアスの数は入力チャンネル数 C ではなく、出力チャンネル数（フィルタの数）FN です。"""
# why.en = """\
# The number of biases is the number of output channels (filters) FN, not the input \
# channels C."""
#
# [[wrong]]
# blank = 1
# answer = "(FN + 1)*C*FH*FW"
# source = "common"
# why.ja = """\
# バイアスはフィルタの各重みごとではなく、フィルタ 1 枚につき 1 つのスカラーです。\
# 足すのは FN 個だけです。"""
# why.en = """\
# A bias is one scalar per filter, not one per weight of a filter: add only FN."""
#
# [[wrong]]
# blank = 1
# answer = "FN*C*FH*FH + FN"
# source = "common"
# why.ja = """\
# フィルタの幅に FW ではなく FH を使っています。正方形でないフィルタ（FH ≠ FW）では\
# 数が変わります。"""
# why.en = """\
# FH is used for the filter's width instead of FW; for a filter that is not square \
# (FH != FW) the count changes."""
#
# [[wrong]]
# blank = 1
# answer = "FN*C*FH*FW + FN*C"
# source = "common"
# why.ja = """\
# バイアスは入力チャンネルごとではなく、フィルタ 1 枚（出力チャンネル 1 つ）につき 1 つです。\
# フィルタは全入力チャンネルの和を取ってから 1 つのバイアスを足します。"""
# why.en = """\
# There is one bias per filter (per output channel), not one per input channel: a filter \
# sums over all input channels and then adds a single bias."""
#
# [[accepted]]
# blank = 1
# answer = "FN * (C * FH * FW + 1)"
#
# [[accepted]]
# blank = 1
# answer = "FN*C*FH*FW + FN*1"
# ///
"""畳み込み層のパラメータ数 / The number of parameters of a convolution layer.

日本語
------
重み W の形は (FN, C, FH, FW)、バイアス b の形は (FN,)。パラメータ数は両者の要素数の和:

    #params = FN · C · FH · FW + FN

FN: フィルタの数（出力チャンネル数）、C: 入力チャンネル数、FH, FW: フィルタの高さと幅。
例: AlexNet の 1 層目 (FN, C, FH, FW) = (96, 3, 11, 11) → 96·3·11·11 + 96 = 34944。
引数はすべて Python の int（スカラー）、戻り値も int。

English
-------
The weights W have shape (FN, C, FH, FW) and the bias b shape (FN,). The number of
parameters is the number of entries of both:

    #params = FN · C · FH · FW + FN

FN: the number of filters (output channels), C: input channels, FH, FW: filter height and
width. Example: AlexNet's first layer (FN, C, FH, FW) = (96, 3, 11, 11) →
96·3·11·11 + 96 = 34944. Every argument is a Python int (a scalar); so is the result.
"""


def conv_params(FN: int, C: int, FH: int, FW: int) -> int:
    return FN*C*FH*FW + FN  # BLANK: FN*C*FH*FW + FN


if __name__ == "__main__":
    print(conv_params(96, 3, 11, 11))  # 34944 (AlexNet conv1)
    print(conv_params(256, 96, 5, 5))  # 614656 (AlexNet conv2)
