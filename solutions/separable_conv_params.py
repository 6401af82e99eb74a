# /// exercise
# id = "separable_conv_params"
# day = 4
# section = 4
# points = 10
# topic.ja = "MobileNet（Depthwise Separable Convolution の計算量削減）"
# topic.en = "MobileNet: parameters of a depthwise separable convolution"
# title.ja = "Depthwise Separable Convolution のパラメータ数"
# title.en = "Parameters of a depthwise separable convolution"
# instructions.ja = """
# MobileNet の Depthwise Separable Convolution（depthwise 畳み込み + pointwise 畳み込み）の
# 重みの数を返す関数を完成させてください。入力チャネル数 C、フィルタの高さ・幅 K、
# 出力チャネル数 M が与えられます。バイアスは数えません。戻り値は Python の int です。
# depthwise はチャネルごとに 1 枚の K×K フィルタ、pointwise は 1×1 の畳み込みです。
# """
# instructions.en = """
# Complete the function that returns the number of weights of MobileNet's depthwise
# separable convolution (a depthwise convolution followed by a pointwise convolution).
# It gets the number of input channels C, the filter height and width K and the number of
# output channels M. Biases are not counted. Return a Python int.
# The depthwise step has one K×K filter per channel; the pointwise step is a 1×1 convolution.
# """
#
# [[hints]]
# ja = """\
# depthwise 畳み込みはチャネルを混ぜず、C 個のチャネルそれぞれに K×K のフィルタを 1 枚だけ\
# 持ちます。"""
# en = """\
# The depthwise convolution does not mix channels: each of the C channels has exactly one \
# K×K filter."""
#
# [[hints]]
# ja = """\
# pointwise 畳み込みは 1×1 のフィルタで C チャネルを M チャネルに混ぜます。\
# 出力チャネル 1 つにつき C 個の重みがあります。"""
# en = """\
# The pointwise convolution mixes the C channels into M channels with 1×1 filters: C \
# weights per output channel."""
#
# [[hints]]
# ja = """\
# 2 つの段の重みの数を足します（掛けません）。通常の畳み込み K·K·C·M と比べてみましょう。"""
# en = """\
# Add the weights of the two steps (do not multiply them). Compare with the K·K·C·M of an \
# ordinary convolution."""
#
# [[wrong]]
# blank = 1
# answer = "K*K*C*M"
# source = "common"
# why.ja = """\
# これは通常の畳み込みの重みの数です。depthwise separable では空間方向（K×K）と\
# チャネル方向（C→M）を別々の段に分けるので、2 つの段の数の和になります。"""
# why.en = """\
# This is the weight count of an ordinary convolution. A depthwise separable convolution \
# splits the spatial part (K×K) and the channel mixing (C→M) into two steps: add their counts."""
#
# [[wrong]]
# blank = 1
# answer = "C*K*K*M + C*M"
# source = "common"
# why.ja = """\
# depthwise 畳み込みはチャネルごとに K×K のフィルタを 1 枚だけ持ち、M は関係しません。\
# 出力チャネル数 M を掛けるのは pointwise の段だけです。"""
# why.en = """\
# The depthwise step has a single K×K filter per channel; M plays no part there. Only the \
# pointwise step depends on the number of output channels M."""
#
# [[wrong]]
# blank = 1
# answer = "C*K*K + M"
# source = "common"
# why.ja = """\
# pointwise の 1×1 フィルタは出力チャネル 1 つにつき C チャネル分の重みを持つので、\
# C·M 個です。"""
# why.en = """\
# Each 1×1 pointwise filter has one weight per input channel for each output channel: C·M \
# weights, not M."""
#
# [[wrong]]
# blank = 1
# answer = "K*K + C*M"
# source = "common"
# why.ja = """\
# depthwise のフィルタはチャネル間で共有されず、C チャネルそれぞれに 1 枚ずつあります。\
# K·K に C を掛けます。"""
# why.en = """\
# The depthwise filters are not shared between channels: there is one per channel, so \
# multiply K·K by C."""
#
# [[wrong]]
# blank = 1
# answer = "C*K + C*M"
# source = "common"
# why.ja = """\
# フィルタは高さ K・幅 K の正方形なので、1 枚に K·K 個の重みがあります。"""
# why.en = """\
# A filter is K high and K wide: it has K·K weights, not K."""
#
# [[wrong]]
# blank = 1
# answer = "C*K*K * C*M"
# source = "common"
# why.ja = """\
# 2 つの段は別々の重みを持つので、数は掛けるのではなく足します。"""
# why.en = """\
# The two steps have separate weights: add their counts, do not multiply them."""
#
# [[wrong]]
# blank = 1
# answer = "C*K*K + C*M + C + M"
# source = "common"
# why.ja = """\
# この関数はバイアスを数えません（重みだけ）。C + M のバイアスを足さないでください。"""
# why.en = """\
# This function does not count biases (weights only): do not add the C + M biases."""
#
# [[accepted]]
# blank = 1
# answer = "K*K*C + C*M"
#
# [[accepted]]
# blank = 1
# answer = "C * K**2 + C * M"
#
# [[accepted]]
# blank = 1
# answer = "C * (K * K + M)"
# ///
"""Depthwise Separable Convolution のパラメータ数 / Parameters of a depthwise separable conv.

日本語
------
入力 C チャネル、フィルタ K×K、出力 M チャネルのとき（バイアスは数えない）:

    depthwise (各チャネルに K×K フィルタ 1 枚, 重み形状 (C, 1, K, K)):  C·K²
    pointwise (1×1 畳み込み, 重み形状 (M, C, 1, 1)):                     C·M
    合計 = C·K² + C·M

通常の畳み込み（重み形状 (M, C, K, K)）は K²·C·M なので、比は 1/M + 1/K²
（K = 3 ならおよそ 8〜9 分の 1）に減る。
例: (C, K, M) = (3, 3, 16) → 75（通常は 432）、(32, 3, 64) → 2336（通常は 18432）。

引数と戻り値: C, K, M は Python の int（スカラー）、戻り値も int。

English
-------
For C input channels, K×K filters and M output channels (biases not counted):

    depthwise (one K×K filter per channel, weights of shape (C, 1, K, K)):  C·K²
    pointwise (1×1 convolution, weights of shape (M, C, 1, 1)):              C·M
    total = C·K² + C·M

An ordinary convolution (weights of shape (M, C, K, K)) has K²·C·M, so the ratio is
1/M + 1/K² (about 8 to 9 times fewer for K = 3).
Examples: (C, K, M) = (3, 3, 16) → 75 (ordinary: 432), (32, 3, 64) → 2336 (ordinary: 18432).

Arguments and result: C, K, M are Python ints (scalars); the result is an int.
"""


def separable_conv_params(C: int, K: int, M: int) -> int:
    # depthwise: C filters of K x K, pointwise: M filters of 1 x 1 x C; no biases
    return C*K*K + C*M  # BLANK: C*K*K + C*M


if __name__ == "__main__":
    print(separable_conv_params(3, 3, 16))  # 75
    print(separable_conv_params(32, 3, 64))  # 2336
