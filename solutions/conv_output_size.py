# /// exercise
# id = "conv_output_size"
# day = 2
# section = 4
# points = 10
# topic.ja = "畳み込み層（パディング・ストライド・出力サイズ）"
# topic.en = "Convolution: padding, stride and output size"
# title = { ja = "畳み込みの出力サイズ", en = "The output size of a convolution" }
# instructions.ja = """
# 畳み込み層の出力の高さ（幅も同じ式）を返す関数を完成させてください。
# 入力の高さ H、フィルタの高さ FH、パディング P（上下それぞれに P 行）、ストライド S から、
# フィルタが入力の内側に収まる位置の数を数えます。戻り値は Python の int です。
# 不正な引数の検査はすでに書かれています。
# """
# instructions.en = """
# Complete the function that returns the output height of a convolution (the width follows
# the same formula). From the input height H, the filter height FH, the padding P (P rows on
# top and P at the bottom) and the stride S, count the positions where the filter fits
# inside the padded input. Return a Python int.
# The validation of the arguments is already written.
# """
#
# [[hints]]
# ja = """\
# パディング後の入力の高さは H に上下の P 行を足したものです。\
# ストライド 1 なら、フィルタを置ける位置は「パディング後の高さ − FH + 1」個です。"""
# en = """\
# The padded input is H plus P rows on each side. With stride 1 the filter fits at \
# (padded height − FH + 1) positions."""
#
# [[hints]]
# ja = """\
# ストライド S では、最初の位置から S ずつずらして何回ずらせるかを数え、最初の 1 つを足します。\
# 最後に端数が出たとき、はみ出す位置は数えません（切り捨て）。"""
# en = """\
# With stride S, count how many steps of S fit after the first position, then add the \
# first position. A leftover that does not fit is not counted (round down)."""
#
# [[hints]]
# ja = """\
# (H + 2P − FH) を S で割った商を切り捨て、1 を足します。\
# 切り捨ての割り算には、int を返す Python の // を使います。"""
# en = """\
# Divide (H + 2P − FH) by S, round down and add 1. For division that rounds down, use \
# Python's //, which returns an int."""
#
# [[wrong]]
# blank = 1
# answer = "(H + 2*P - FH) / S + 1"
# source = "common"
# why.ja = """\
# / は float を返し、割り切れないときは小数（例: 4.5）になります。\
# 出力サイズは位置の個数なので、切り捨ての // で int にします。"""
# why.en = """\
# / returns a float, with a fraction when S does not divide evenly (e.g. 4.5). The output \
# size counts positions: round down with //, which gives an int."""
#
# [[wrong]]
# blank = 1
# answer = "(H + P - FH) // S + 1"
# source = "common"
# why.ja = """\
# パディングは上と下の両側に P 行ずつ入るので、高さは 2P 増えます。P ではなく 2*P を足します。"""
# why.en = """\
# Padding adds P rows on top and P at the bottom, so the height grows by 2P: add 2*P, \
# not P."""
#
# [[wrong]]
# blank = 1
# answer = "(H + 2*P - FH) // S"
# source = "common"
# why.ja = """\
# 最後の + 1 が抜けています。// S はずらせる回数で、最初の位置の 1 つを足して個数にします。"""
# why.en = """\
# The final + 1 is missing: // S counts the steps, and the first position must be added \
# to get the number of positions."""
#
# [[wrong]]
# blank = 1
# answer = "(H - 2*P - FH) // S + 1"
# source = "common"
# why.ja = """\
# パディングは入力を大きくするので、2P は引くのではなく足します。"""
# why.en = """\
# Padding makes the input larger: add 2P, do not subtract it."""
#
# [[wrong]]
# blank = 1
# answer = "(H - FH) // S + 1"
# source = "common"
# why.ja = """\
# パディング P が使われていません。パディング後の高さ H + 2P で数えます。"""
# why.en = """\
# The padding P is ignored: count on the padded height H + 2P."""
#
# [[wrong]]
# blank = 1
# answer = "round((H + 2*P - FH) / S) + 1"
# source = "common"
# why.ja = """\
# 四捨五入ではなく切り捨てです。例えば H=10, FH=3, P=0, S=2 では 7/2 = 3.5 を 4 に\
# 丸めて 5 を返し、入力からはみ出す位置まで数えます（正しくは 3 + 1 = 4）。"""
# why.en = """\
# Round down, not to nearest. For H=10, FH=3, P=0, S=2 this rounds 7/2 = 3.5 up to 4 and \
# counts a position that sticks out of the input (the answer is 3 + 1 = 4, not 5)."""
#
# [[wrong]]
# blank = 1
# answer = "-(-(H + 2*P - FH) // S) + 1"
# source = "common"
# why.ja = """\
# これは切り上げです。割り切れないときの端数の位置ではフィルタが入力からはみ出すので、\
# 切り捨てます。"""
# why.en = """\
# This rounds up. When S does not divide evenly, the extra position would put the filter \
# outside the input: round down."""
#
# [[accepted]]
# blank = 1
# answer = "int((H + 2*P - FH) / S) + 1"
#
# [[accepted]]
# blank = 1
# answer = "(H + 2 * P - FH) // S + 1"
#
# [[accepted]]
# blank = 1
# answer = "(H - FH + 2*P) // S + 1"
# ///
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


def conv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    if FH > H + 2 * P:
        raise ValueError(
            f"the filter (FH={FH}) is larger than the padded input (H + 2*P = {H + 2 * P})"
        )
    return (H + 2*P - FH) // S + 1  # BLANK: (H + 2*P - FH) // S + 1


if __name__ == "__main__":
    print(conv_output_size(5, 3, 1, 2))  # 3
    print(conv_output_size(6, 2, 1, 1))  # 7
    print(conv_output_size(28, 5, 0, 1))  # 24
