# ============================================================================
# edrill · conv_params · Day 2 Section 5 · AlexNet（畳み込み層のパラメータ数） / AlexNet: the parameters of a convolution layer
# 畳み込み層のパラメータ数 / The number of parameters of a convolution layer
#
# 【課題】
# 畳み込み層の学習するパラメータ（重みとバイアス）の総数を返す関数を完成させてください。
# フィルタの数 FN、入力チャンネル数 C、フィルタの高さ FH と幅 FW が与えられます。
# バイアスはフィルタ 1 枚につき 1 つです。戻り値は Python の int です。
# 例: AlexNet の 1 層目（96 枚の 3 × 11 × 11 のフィルタ）は 34944 個です。
#
# [Task]
# Complete the function that returns the number of learned parameters (weights and biases)
# of a convolution layer, given the number of filters FN, the input channels C, and the
# filter height FH and width FW. There is one bias per filter. Return a Python int.
# Example: AlexNet's first layer (96 filters of 3 × 11 × 11) has 34944 parameters.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade conv_params` で採点。ヒント: `grade hint conv_params`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade conv_params`. Hints: `grade hint conv_params`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of conv_params is not filled in yet")


def conv_params(FN: int, C: int, FH: int, FW: int) -> int:
    return _blank(1)


if __name__ == "__main__":
    print(conv_params(96, 3, 11, 11))  # 34944 (AlexNet conv1)
    print(conv_params(256, 96, 5, 5))  # 614656 (AlexNet conv2)
