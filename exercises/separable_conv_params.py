# ============================================================================
# edrill · separable_conv_params · Day 4 Section 4 · MobileNet（Depthwise Separable Convolution の計算量削減） / MobileNet: parameters of a depthwise separable convolution
# Depthwise Separable Convolution のパラメータ数 / Parameters of a depthwise separable convolution
#
# 【課題】
# MobileNet の Depthwise Separable Convolution（depthwise 畳み込み + pointwise 畳み込み）の
# 重みの数を返す関数を完成させてください。入力チャネル数 C、フィルタの高さ・幅 K、
# 出力チャネル数 M が与えられます。バイアスは数えません。戻り値は Python の int です。
# depthwise はチャネルごとに 1 枚の K×K フィルタ、pointwise は 1×1 の畳み込みです。
#
# [Task]
# Complete the function that returns the number of weights of MobileNet's depthwise
# separable convolution (a depthwise convolution followed by a pointwise convolution).
# It gets the number of input channels C, the filter height and width K and the number of
# output channels M. Biases are not counted. Return a Python int.
# The depthwise step has one K×K filter per channel; the pointwise step is a 1×1 convolution.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade separable_conv_params` で採点。ヒント: `grade hint separable_conv_params`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade separable_conv_params`. Hints: `grade hint separable_conv_params`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of separable_conv_params is not filled in yet")


def separable_conv_params(C: int, K: int, M: int) -> int:
    # depthwise: C filters of K x K, pointwise: M filters of 1 x 1 x C; no biases
    return _blank(1)


if __name__ == "__main__":
    print(separable_conv_params(3, 3, 16))  # 75
    print(separable_conv_params(32, 3, 64))  # 2336
