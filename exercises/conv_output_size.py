# ============================================================================
# edrill · conv_output_size · Day 2 Section 4 · 畳み込み層（パディング・ストライド・出力サイズ） / Convolution: padding, stride and output size
# 畳み込みの出力サイズ / The output size of a convolution
#
# 【課題】
# 畳み込み層の出力の高さ（幅も同じ式）を返す関数を完成させてください。
# 入力の高さ H、フィルタの高さ FH、パディング P（上下それぞれに P 行）、ストライド S から、
# フィルタが入力の内側に収まる位置の数を数えます。戻り値は Python の int です。
# 不正な引数の検査はすでに書かれています。
#
# [Task]
# Complete the function that returns the output height of a convolution (the width follows
# the same formula). From the input height H, the filter height FH, the padding P (P rows on
# top and P at the bottom) and the stride S, count the positions where the filter fits
# inside the padded input. Return a Python int.
# The validation of the arguments is already written.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade conv_output_size` で採点。ヒント: `grade hint conv_output_size`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade conv_output_size`. Hints: `grade hint conv_output_size`
# ============================================================================
"""畳み込みの出力サイズ / The output size of a convolution.

日本語
------
高さ H の入力に、上下それぞれ P 行のパディングを付け、高さ FH のフィルタを
ストライド S でずらしていくときの出力の高さ OH:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ は切り捨て。幅も同じ式（W, FW）で求まる。
例: (H, FH, P, S) = (5, 3, 1, 2) → 3、(6, 2, 1, 1) → 7、(28, 5, 0, 1) → 24。

引数と戻り値: H, FH, P, S はいずれも Python の int（スカラー）、戻り値 OH も int。
H, FH, P が負、S < 1、またはフィルタがパディング後の入力より大きい（FH > H + 2P）
ときは ValueError。

English
-------
The output height OH when a filter of height FH slides with stride S over an input of
height H padded with P rows on top and P rows at the bottom:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ rounds down. The width follows the same formula (W, FW).
Examples: (H, FH, P, S) = (5, 3, 1, 2) → 3, (6, 2, 1, 1) → 7, (28, 5, 0, 1) → 24.

Arguments and result: H, FH, P, S are Python ints (scalars); the result OH is an int.
A negative H, FH or P, S < 1, or a filter larger than the padded input (FH > H + 2P)
raises ValueError.
"""


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of conv_output_size is not filled in yet")


def conv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    if FH > H + 2 * P:
        raise ValueError(
            f"the filter (FH={FH}) is larger than the padded input (H + 2*P = {H + 2 * P})"
        )
    return _blank(1)


if __name__ == "__main__":
    print(conv_output_size(5, 3, 1, 2))  # 3
    print(conv_output_size(6, 2, 1, 1))  # 7
    print(conv_output_size(28, 5, 0, 1))  # 24
