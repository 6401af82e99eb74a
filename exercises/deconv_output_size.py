# ============================================================================
# edrill · deconv_output_size · Day 4 Section 6 · セマンティックセグメンテーション（転置畳み込み・アップサンプリング） / Semantic segmentation: transposed convolution (upsampling)
# 転置畳み込みの出力サイズ / The output size of a transposed convolution
#
# 【課題】
# 転置畳み込み（deconvolution）の出力の高さ（幅も同じ式）を返す関数を完成させてください。
# 入力の高さ H の各画素の間隔をストライド S 分あけて並べ、高さ FH のフィルタを重ねて広げ、
# 最後に上下それぞれ P 行を切り落とします。戻り値は Python の int です。
# 不正な引数の検査はすでに書かれています。
#
# [Task]
# Complete the function that returns the output height of a transposed convolution
# (deconvolution); the width follows the same formula. The H input pixels are placed S rows
# apart, a filter of height FH is spread out from each of them, and finally P rows are cut
# off at the top and P at the bottom. Return a Python int.
# The validation of the arguments is already written.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade deconv_output_size` で採点。ヒント: `grade hint deconv_output_size`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade deconv_output_size`. Hints: `grade hint deconv_output_size`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of deconv_output_size is not filled in yet")


def deconv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    return _blank(1)


if __name__ == "__main__":
    print(deconv_output_size(3, 3, 1, 2))  # 5
    print(deconv_output_size(2, 4, 1, 2))  # 4
    print(deconv_output_size(28, 5, 0, 1))  # 32
