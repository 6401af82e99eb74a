# ============================================================================
# edrill · im2col · Day 2 Section 4 · 畳み込み層（im2col） / Convolution layer: im2col
# im2col: 画像を行列に展開する / im2col: unfolding images into a matrix
#
# 【課題】
# im2col を完成させてください。入力 (N, C, H, W) から、フィルタを当てる各位置の
# パッチを 1 行ずつ並べた 2 次元配列を返します。
# ループの後の配列 col の形は (N, C, FH, FW, OH, OW) です（col[n, c, y, x, i, j] は
# 出力位置 (i, j) のパッチのチャンネル c、フィルタ内の位置 (y, x) の値）。
# 空欄では、col の軸を並べ替えて形を変え、(N·OH·OW, C·FH·FW) の配列にします。
# 行の順序は (n, i, j)（j が最も速く変わる）、各行の中の順序は (c, y, x) です。
#
# [Task]
# Complete im2col: from an input (N, C, H, W), return a 2-D array with one row per position
# of the filter, holding that position's patch.
# After the loop, col has shape (N, C, FH, FW, OH, OW) (col[n, c, y, x, i, j] is the value
# at channel c and filter offset (y, x) of the patch for output position (i, j)).
# In the blank, reorder col's axes and reshape it into an (N·OH·OW, C·FH·FW) array. The rows
# are ordered by (n, i, j) (j fastest); inside a row the order is (c, y, x).
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade im2col` で採点。ヒント: `grade hint im2col`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade im2col`. Hints: `grade hint im2col`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of im2col is not filled in yet")


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

    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return col  # (N*out_h*out_w, C*filter_h*filter_w)


if __name__ == "__main__":
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    print(im2col(x, 2, 2))  # rows [0 1 3 4], [1 2 4 5], [3 4 6 7], [4 5 7 8]
