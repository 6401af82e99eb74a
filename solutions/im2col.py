# /// exercise
# id = "im2col"
# day = 2
# section = 4
# points = 10
# topic = { ja = "畳み込み層（im2col）", en = "Convolution layer: im2col" }
# title = { ja = "im2col: 画像を行列に展開する", en = "im2col: unfolding images into a matrix" }
# instructions.ja = """
# im2col を完成させてください。入力 (N, C, H, W) から、フィルタを当てる各位置の
# パッチを 1 行ずつ並べた 2 次元配列を返します。
# ループの後の配列 col の形は (N, C, FH, FW, OH, OW) です（col[n, c, y, x, i, j] は
# 出力位置 (i, j) のパッチのチャンネル c、フィルタ内の位置 (y, x) の値）。
# 空欄では、col の軸を並べ替えて形を変え、(N·OH·OW, C·FH·FW) の配列にします。
# 行の順序は (n, i, j)（j が最も速く変わる）、各行の中の順序は (c, y, x) です。
# """
# instructions.en = """
# Complete im2col: from an input (N, C, H, W), return a 2-D array with one row per position
# of the filter, holding that position's patch.
# After the loop, col has shape (N, C, FH, FW, OH, OW) (col[n, c, y, x, i, j] is the value
# at channel c and filter offset (y, x) of the patch for output position (i, j)).
# In the blank, reorder col's axes and reshape it into an (N·OH·OW, C·FH·FW) array. The rows
# are ordered by (n, i, j) (j fastest); inside a row the order is (c, y, x).
# """
#
# [[hints]]
# ja = """\
# reshape は要素を C の順序（最後の軸が最も速く変わる）で読み直すだけです。\
# 欲しい順序に軸を並べ替えてから reshape します。"""
# en = """\
# reshape only re-reads the entries in C order (the last axis fastest). Put the axes in \
# the order you want first, then reshape."""
#
# [[hints]]
# ja = """\
# 行を決める軸 (n, i, j) を前に、行の中身を決める軸 (c, y, x) を後ろに並べます。\
# col の軸番号は n=0, c=1, y=2, x=3, i=4, j=5 です。"""
# en = """\
# Put the axes that choose the row, (n, i, j), in front and the axes inside a row, \
# (c, y, x), behind. col's axes are n=0, c=1, y=2, x=3, i=4, j=5."""
#
# [[hints]]
# ja = """\
# transpose に軸の番号を n, i, j, c, y, x の順に渡すと (N, OH, OW, C, FH, FW) になります。\
# それを N·OH·OW 行に reshape します（列数は -1 で自動的に決まります）。"""
# en = """\
# Passing transpose the axis numbers in the order n, i, j, c, y, x gives \
# (N, OH, OW, C, FH, FW); reshape that into N·OH·OW rows (-1 lets numpy work out the \
# number of columns)."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.reshape(N*out_h*out_w, -1)"
# source = "common"
# why.ja = """\
# 形は合いますが、軸を並べ替えずに reshape しているので、(N, C, FH, FW, OH, OW) の順に\
# 読んだ値が行に詰め込まれ、1 行が 1 つのパッチになりません。先に transpose します。"""
# why.en = """\
# The shape is right, but reshaping without reordering the axes packs the entries in \
# (N, C, FH, FW, OH, OW) order: a row is not one patch. Transpose first."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.transpose(0, 4, 5, 2, 3, 1).reshape(N*out_h*out_w, -1)"
# source = "common"
# why.ja = """\
# 行の中の順序が (y, x, c) になっています。重みを W.reshape(FN, -1) で並べたときの\
# (c, y, x) の順序に合わせます（チャンネルが最も遅く変わる）。"""
# why.en = """\
# Inside a row the order is (y, x, c). It must match W.reshape(FN, -1), whose order is \
# (c, y, x) (the channel changes slowest)."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.transpose(0, 4, 5, 1, 3, 2).reshape(N*out_h*out_w, -1)"
# source = "common"
# why.ja = """\
# フィルタ内の高さ y と幅 x が入れ替わっています（正方形でないフィルタで違いが出ます）。\
# 行の中の順序は (c, y, x) です。"""
# why.en = """\
# The filter's height y and width x are swapped (it shows with a filter that is not \
# square). Inside a row the order is (c, y, x)."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.transpose(4, 5, 0, 1, 2, 3).reshape(N*out_h*out_w, -1)"
# source = "common"
# why.ja = """\
# 行の順序が (i, j, n) になっています。行はバッチ n が最も遅く変わる (n, i, j) の順です\
# （畳み込みの出力を (N, OH, OW, FN) に戻すときにこの順序を使います）。"""
# why.en = """\
# The rows are ordered (i, j, n). They must be ordered (n, i, j), the batch slowest (the \
# convolution's output is reshaped back to (N, OH, OW, FN) in that order)."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.transpose(0, 5, 4, 1, 2, 3).reshape(N*out_h*out_w, -1)"
# source = "common"
# why.ja = """\
# 出力位置の i（縦）と j（横）が入れ替わっています。行は j が最も速く変わる (n, i, j) の\
# 順です。"""
# why.en = """\
# The output position's i (rows) and j (columns) are swapped: the rows are ordered \
# (n, i, j), j fastest."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.transpose(0, 4, 5, 1, 2, 3).reshape(C*filter_h*filter_w, -1)"
# source = "common"
# why.ja = """\
# 行と列が逆で、形が (C·FH·FW, N·OH·OW) になっています。1 行が 1 つのパッチなので、\
# 形は (N·OH·OW, C·FH·FW) です。"""
# why.en = """\
# Rows and columns are the wrong way round: (C·FH·FW, N·OH·OW). One row is one patch, so \
# the shape is (N·OH·OW, C·FH·FW)."""
#
# [[wrong]]
# blank = 1
# answer = "col = col.reshape(C*filter_h*filter_w, -1).T"
# source = "common"
# why.ja = """\
# 形は (N·OH·OW, C·FH·FW) になりますが、先頭の軸 N が列側に混ざり、値の並びが崩れます。\
# reshape の前に transpose で軸を並べ替えます。"""
# why.en = """\
# The shape becomes (N·OH·OW, C·FH·FW), but the leading axis N is mixed into the columns \
# and the values are scrambled. Reorder the axes with transpose before reshaping."""
#
# [[accepted]]
# blank = 1
# answer = "col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N*out_h*out_w, C*filter_h*filter_w)"
#
# [[accepted]]
# blank = 1
# answer = "col = np.transpose(col, (0, 4, 5, 1, 2, 3)).reshape(-1, C * filter_h * filter_w)"
# ///
"""im2col / im2col: unfolding images into a matrix (Deep Learning from Scratch).

日本語
------
入力 x (N, C, H, W) を上下左右に pad ずつ 0 でパディングし、高さ FH・幅 FW のフィルタを
ストライド S で当てる各位置 (i, j) のパッチ (C, FH, FW) を 1 行に並べる:

    OH = (H + 2·pad − FH) // S + 1,   OW = (W + 2·pad − FW) // S + 1
    col[(n·OH + i)·OW + j,  (c·FH + y)·FW + x] = x_pad[n, c, i·S + y, j·S + x]

形状:
    input_data (N, C, H, W)
    ループ後の col (N, C, FH, FW, OH, OW)
    戻り値 (N·OH·OW, C·FH·FW)   行は (n, i, j) の順（j が最も速い）、行の中は (c, y, x) の順
フィルタの重み W (FN, C, FH, FW) を (FN, C·FH·FW) に reshape すると同じ (c, y, x) の順に
なるので、畳み込みは 1 回の行列積で計算できる。

English
-------
Pad the input x (N, C, H, W) with pad zeros on every side and, for every position (i, j)
of an FH × FW filter sliding with stride S, lay its patch (C, FH, FW) out as one row:

    OH = (H + 2·pad − FH) // S + 1,   OW = (W + 2·pad − FW) // S + 1
    col[(n·OH + i)·OW + j,  (c·FH + y)·FW + x] = x_pad[n, c, i·S + y, j·S + x]

Shapes:
    input_data (N, C, H, W)
    col after the loop (N, C, FH, FW, OH, OW)
    result (N·OH·OW, C·FH·FW)   rows in (n, i, j) order (j fastest), each row in (c, y, x)
Reshaping the filter weights W (FN, C, FH, FW) to (FN, C·FH·FW) gives the same (c, y, x)
order, so the convolution becomes a single matrix product.
"""

import numpy as np


def im2col(input_data: np.ndarray, filter_h: int, filter_w: int, stride: int = 1,
           pad: int = 0) -> np.ndarray:
    N, C, H, W = input_data.shape
    out_h = (H + 2 * pad - filter_h) // stride + 1
    out_w = (W + 2 * pad - filter_w) // stride + 1

    img = np.pad(input_data, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N, C, filter_h, filter_w, out_h, out_w))

    for y in range(filter_h):
        y_max = y + stride * out_h
        for x in range(filter_w):
            x_max = x + stride * out_w
            col[:, :, y, x, :, :] = img[:, :, y:y_max:stride, x:x_max:stride]

    # BEGIN BLANK
    col = col.transpose(0, 4, 5, 1, 2, 3).reshape(N*out_h*out_w, -1)
    # END BLANK
    return col  # (N*out_h*out_w, C*filter_h*filter_w)


if __name__ == "__main__":
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    print(im2col(x, 2, 2))  # rows [0 1 3 4], [1 2 4 5], [3 4 6 7], [4 5 7 8]
