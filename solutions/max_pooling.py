# /// exercise
# id = "max_pooling"
# day = 2
# section = 4
# points = 10
# requires = ["im2col"]
# topic = { ja = "プーリング層（Max プーリング）", en = "Pooling layer: max pooling" }
# title = { ja = "Max プーリングの順伝播", en = "The forward pass of max pooling" }
# instructions.ja = """
# Max プーリング層の順伝播を完成させてください。
# im2col で展開した col の形は (N·OH·OW, C·PH·PW) で、1 行に 1 つの出力位置の
# 全チャンネルのプーリング窓が (c, y, x) の順に並んでいます。
# 空欄では、col を「1 行に 1 つのチャンネルの 1 つの窓 (PH·PW 個の値)」の形に
# 変えて col に入れ直し、各行の最大値を out (N·OH·OW·C,) とします。
# その後の argmax（逆伝播用）と (N, C, OH, OW) への変形はすでに書かれています。
# """
# instructions.en = """
# Complete the forward pass of a max pooling layer.
# col, unfolded by im2col, has shape (N·OH·OW, C·PH·PW): one row per output position,
# holding the pooling windows of every channel in (c, y, x) order.
# In the blank, reshape col so that a row is one window of one channel (PH·PW values),
# store it back in col, and make out (N·OH·OW·C,) the maximum of every row.
# The argmax that follows (kept for the backward pass) and the reshape to (N, C, OH, OW)
# are already written.
# """
#
# [[hints]]
# ja = """\
# 1 行の C·PH·PW 個の値は、チャンネルごとに PH·PW 個ずつ連続して並んでいます。\
# 列数を PH·PW にすれば、1 行が 1 つのチャンネルの窓になります。"""
# en = """\
# The C·PH·PW values of a row come channel by channel, PH·PW at a time. With PH·PW \
# columns, a row becomes one channel's window."""
#
# [[hints]]
# ja = """\
# reshape の行数は -1 にすると自動で決まります（N·OH·OW·C 行）。\
# 最大値は窓の中、つまり各行の中で取ります。"""
# en = """\
# Let reshape work out the number of rows with -1 (N·OH·OW·C rows). The maximum is taken \
# inside a window, i.e. along each row."""
#
# [[hints]]
# ja = """\
# col を「行数 −1、列数 ph × pw」に reshape して col に入れ直し、\
# np.max を各行の中（axis=1）で使います。"""
# en = """\
# Reshape col to (−1 rows, ph × pw columns), store it back in col, then use np.max within \
# each row (axis=1)."""
#
# [[wrong]]
# blank = 1
# answer = "out = np.max(col, axis=1)"
# source = "common"
# why.ja = """\
# col を変形していないので、1 行の全チャンネル (C·PH·PW 個) から 1 つの最大値を取り、\
# チャンネルが混ざります（出力は N·OH·OW 個しかなく、(N, OH, OW, C) に変形できません）。\
# 先に 1 行が 1 チャンネルの窓になるよう reshape します。"""
# why.en = """\
# col is not reshaped, so one maximum is taken over all channels of a row (C·PH·PW values) \
# and the channels are mixed (only N·OH·OW values, which cannot be reshaped to \
# (N, OH, OW, C)). Reshape first so that a row is one channel's window."""
#
# [[wrong]]
# blank = 1
# answer = """
# col = col.reshape(-1, ph * pw)
# out = np.mean(col, axis=1)
# """
# source = "common"
# why.ja = """\
# これは平均値プーリング (Average プーリング) です。Max プーリングは窓の最大値を取ります。"""
# why.en = """\
# This is average pooling. Max pooling takes the maximum of each window."""
#
# [[wrong]]
# blank = 1
# answer = """
# col = col.reshape(-1, ph * pw)
# out = np.max(col, axis=0)
# """
# source = "common"
# why.ja = """\
# axis=0 は行をまたいだ（窓をまたいだ）最大値で、結果は PH·PW 個になります。\
# 最大値は各行（1 つの窓）の中で、axis=1 で取ります。"""
# why.en = """\
# axis=0 takes the maximum across rows (across windows) and gives PH·PW values. Take the \
# maximum inside each row (one window): axis=1."""
#
# [[wrong]]
# blank = 1
# answer = """
# col = col.reshape(ph * pw, -1)
# out = np.max(col, axis=0)
# """
# source = "common"
# why.ja = """\
# (PH·PW, −1) への reshape は値を行優先の順に詰め直すだけなので、各列は 1 つの窓になりません\
# （別の窓やチャンネルの値が混ざります）。窓の値は行の中で連続しているので (−1, PH·PW) にします。"""
# why.en = """\
# Reshaping to (PH·PW, −1) just refills the values in row-major order, so a column is not \
# one window (values of other windows and channels mix). A window's values are contiguous \
# within a row: reshape to (−1, PH·PW)."""
#
# [[wrong]]
# blank = 1
# answer = """
# col = col.reshape(-1, ph * pw)
# out = np.argmax(col, axis=1)
# """
# source = "common"
# why.ja = """\
# np.argmax は最大値の位置（整数の添字）を返します。出力は最大値そのもの、np.max です\
# （位置は逆伝播のために次の行で self.arg_max に保存しています）。"""
# why.en = """\
# np.argmax returns where the maximum is (an integer index). The output is the maximum \
# itself, np.max (the position is kept for the backward pass in self.arg_max on the next \
# line)."""
#
# [[wrong]]
# blank = 1
# answer = """
# col = col.reshape(-1, ph * pw)
# out = np.sum(col, axis=1)
# """
# source = "common"
# why.ja = """\
# 窓の値の合計になっています。Max プーリングは窓の最大値を取ります。"""
# why.en = """\
# This sums each window. Max pooling takes the maximum of each window."""
#
# [[wrong]]
# blank = 1
# answer = """
# col = col.reshape(-1, ph * pw)
# out = np.max(np.abs(col), axis=1)
# """
# source = "common"
# why.ja = """\
# 絶対値の最大ではなく、値そのものの最大を取ります（負の値が多い窓で結果が変わります）。"""
# why.en = """\
# Take the maximum of the values themselves, not of their absolute values (it differs for \
# windows with negative values)."""
#
# [[accepted]]
# blank = 1
# answer = """
# col = col.reshape(-1, ph * pw)
# out = col.max(axis=1)
# """
#
# [[accepted]]
# blank = 1
# answer = """
# col = col.reshape(col.shape[0] * C, -1)
# out = np.amax(col, axis=1)
# """
# ///
"""Max プーリング / Max pooling (the Pooling layer of Deep Learning from Scratch).

日本語
------
入力 x (N, C, H, W) の各チャンネルで、高さ PH・幅 PW の窓をストライド S でずらし、
窓の中の最大値を出力とする:

    OH = (H + 2·pad − PH) // S + 1,   OW = (W + 2·pad − PW) // S + 1
    out[n, c, i, j] = max_{0≤y<PH, 0≤x<PW} x_pad[n, c, i·S + y, j·S + x]

逆伝播では、勾配は各窓の最大値の位置にだけ流れる（他の位置は 0）。

形状:
    x (N, C, H, W)
    im2col の結果 col (N·OH·OW, C·PH·PW)   行は (n, i, j)、行の中は (c, y, x) の順
    1 行 = 1 チャンネルの 1 窓にした col (N·OH·OW·C, PH·PW)
    out (N·OH·OW·C,) → (N, OH, OW, C) → 戻り値 (N, C, OH, OW)
    self.arg_max (N·OH·OW·C,)   backward の dout (N, C, OH, OW) → dx (N, C, H, W)
im2col / col2im はここではループで書いてある（与えられたコード）。

English
-------
In every channel of the input x (N, C, H, W), slide a PH × PW window with stride S and
output the largest value inside it:

    OH = (H + 2·pad − PH) // S + 1,   OW = (W + 2·pad − PW) // S + 1
    out[n, c, i, j] = max_{0≤y<PH, 0≤x<PW} x_pad[n, c, i·S + y, j·S + x]

In the backward pass the gradient flows only to the position of each window's maximum.

Shapes:
    x (N, C, H, W)
    col from im2col (N·OH·OW, C·PH·PW)      rows (n, i, j), each row in (c, y, x) order
    col with one channel's window per row (N·OH·OW·C, PH·PW)
    out (N·OH·OW·C,) → (N, OH, OW, C) → result (N, C, OH, OW)
    self.arg_max (N·OH·OW·C,)   backward: dout (N, C, OH, OW) → dx (N, C, H, W)
im2col / col2im are written with loops here (given code).
"""

import numpy as np


def im2col(x: np.ndarray, fh: int, fw: int, stride: int = 1, pad: int = 0) -> np.ndarray:
    N, C, H, W = x.shape
    out_h = (H + 2 * pad - fh) // stride + 1
    out_w = (W + 2 * pad - fw) // stride + 1
    img = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.empty((N, out_h, out_w, C, fh, fw))
    for i in range(out_h):
        for j in range(out_w):
            col[:, i, j] = img[:, :, i * stride:i * stride + fh, j * stride:j * stride + fw]
    return col.reshape(N * out_h * out_w, C * fh * fw)  # rows (n, i, j), columns (c, y, x)


def col2im(col: np.ndarray, input_shape: tuple, fh: int, fw: int, stride: int = 1,
           pad: int = 0) -> np.ndarray:
    N, C, H, W = input_shape
    out_h = (H + 2 * pad - fh) // stride + 1
    out_w = (W + 2 * pad - fw) // stride + 1
    col = col.reshape(N, out_h, out_w, C, fh, fw)
    img = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    for i in range(out_h):
        for j in range(out_w):  # overlapping windows add up
            img[:, :, i * stride:i * stride + fh, j * stride:j * stride + fw] += col[:, i, j]
    return img[:, :, pad:H + pad, pad:W + pad]  # (N, C, H, W)


class Pooling:
    def __init__(self, pool_h: int, pool_w: int, stride: int = 1, pad: int = 0) -> None:
        self.pool_h = pool_h
        self.pool_w = pool_w
        self.stride = stride
        self.pad = pad
        self.x = None
        self.arg_max = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        N, C, H, W = x.shape
        ph, pw = self.pool_h, self.pool_w
        out_h = (H + 2 * self.pad - ph) // self.stride + 1
        out_w = (W + 2 * self.pad - pw) // self.stride + 1

        col = im2col(x, ph, pw, self.stride, self.pad)  # (N*out_h*out_w, C*ph*pw)
        # BEGIN BLANK
        col = col.reshape(-1, ph * pw)  # (N*out_h*out_w*C, ph*pw)
        out = np.max(col, axis=1)  # (N*out_h*out_w*C,)
        # END BLANK
        self.x = x
        self.arg_max = np.argmax(col, axis=1)  # where each maximum is, for backward
        return out.reshape(N, out_h, out_w, C).transpose(0, 3, 1, 2)  # (N, C, out_h, out_w)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        ph, pw = self.pool_h, self.pool_w
        dout = dout.transpose(0, 2, 3, 1)  # (N, out_h, out_w, C)
        dmax = np.zeros((dout.size, ph * pw))
        dmax[np.arange(self.arg_max.size), self.arg_max.flatten()] = dout.flatten()
        dcol = dmax.reshape(dout.shape[0] * dout.shape[1] * dout.shape[2], -1)
        return col2im(dcol, self.x.shape, ph, pw, self.stride, self.pad)  # (N, C, H, W)


if __name__ == "__main__":
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    print(Pooling(2, 2, stride=2).forward(x))  # [[[[ 5.  7.] [13. 15.]]]]
