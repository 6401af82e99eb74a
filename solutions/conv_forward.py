# /// exercise
# id = "conv_forward"
# day = 2
# section = 4
# points = 10
# requires = ["conv_output_size", "im2col"]
# topic.ja = "畳み込み層（im2col による順伝播）"
# topic.en = "Convolution layer: the forward pass with im2col"
# title = { ja = "畳み込み層の順伝播", en = "The forward pass of a convolution layer" }
# instructions.ja = """
# 畳み込み層の順伝播を 2 か所完成させてください。im2col はすでに書かれていて、
# col (N·OH·OW, C·FH·FW) の各行は 1 つのパッチを (c, y, x) の順に並べたものです。
#   空欄 1: フィルタの重み W (FN, C, FH, FW) から、col と行列積を取れる
#     (C·FH·FW, FN) の行列 col_W を作ります。各列が 1 枚のフィルタを (c, y, x) の順に
#     並べたものです。
#   空欄 2: 行列積とバイアスの結果 out (N·OH·OW, FN) を、出力の形 (N, FN, OH, OW) に
#     変えて out に入れ直します。
# 逆伝播はすでに書かれています（順伝播が正しければ数値勾配と一致します）。
# """
# instructions.en = """
# Complete two places in the forward pass of a convolution layer. im2col is already written:
# each row of col (N·OH·OW, C·FH·FW) is one patch in (c, y, x) order.
#   Blank 1: from the filter weights W (FN, C, FH, FW), make the (C·FH·FW, FN) matrix col_W
#     that col can be multiplied with: each column is one filter laid out in (c, y, x) order.
#   Blank 2: turn out (N·OH·OW, FN), the matrix product plus the bias, into the output shape
#     (N, FN, OH, OW) and store it back in out.
# The backward pass is already written (it matches the numeric gradient when the forward
# pass is right).
# """
#
# [[hints]]
# ja = """\
# W を (FN, C·FH·FW) に reshape すると、各行が 1 枚のフィルタを (c, y, x) の順に\
# 並べたものになり、col の行と同じ順序になります。行列積には列として必要です。"""
# en = """\
# Reshaping W to (FN, C·FH·FW) makes each row one filter in (c, y, x) order, the same order \
# as a row of col. For the matrix product you need them as columns."""
#
# [[hints]]
# ja = """\
# out (N·OH·OW, FN) の行は (n, i, j) の順に並んでいます。まず (N, OH, OW, FN) に\
# reshape し、それから軸を並べ替えてチャンネル FN を 2 番目にします。"""
# en = """\
# The rows of out (N·OH·OW, FN) are in (n, i, j) order. Reshape it to (N, OH, OW, FN) \
# first, then reorder the axes to bring the channels FN to the second place."""
#
# [[hints]]
# ja = """\
# 空欄 1 は W を FN 行に reshape（列数は −1）してから転置 .T します。\
# 空欄 2 は (N, OH, OW, FN) の軸を (0, 3, 1, 2) の順に transpose します。"""
# en = """\
# Blank 1: reshape W to FN rows (−1 columns), then transpose it with .T. Blank 2: transpose \
# the axes of (N, OH, OW, FN) in the order (0, 3, 1, 2)."""
#
# [[wrong]]
# blank = 1
# answer = "self.W.reshape(-1, FN)"
# source = "common"
# why.ja = """\
# 形は (C·FH·FW, FN) になりますが、W の値を先頭から詰め直すだけなので、\
# 各列が 1 枚のフィルタになりません（フィルタどうしの値が混ざります）。\
# (FN, −1) に reshape してから転置します。"""
# why.en = """\
# The shape is (C·FH·FW, FN), but reshape only refills W's values in order, so a column is \
# not one filter (values of different filters mix). Reshape to (FN, −1), then transpose."""
#
# [[wrong]]
# blank = 1
# answer = "self.W.reshape(FN, -1)"
# source = "common"
# why.ja = """\
# (FN, C·FH·FW) のままでは col (N·OH·OW, C·FH·FW) と行列積が取れません\
# （形が合わずエラー）。転置して (C·FH·FW, FN) にします。"""
# why.en = """\
# (FN, C·FH·FW) cannot be multiplied with col (N·OH·OW, C·FH·FW) (a shape error). \
# Transpose it to (C·FH·FW, FN)."""
#
# [[wrong]]
# blank = 1
# answer = "self.W.T.reshape(-1, FN)"
# source = "common"
# why.ja = """\
# W.T は軸を全部逆にした (FW, FH, C, FN) なので、各列の中の順序が (x, y, c) になり、\
# col の (c, y, x) と合いません。"""
# why.en = """\
# W.T reverses all axes, (FW, FH, C, FN), so each column is in (x, y, c) order and does not \
# match col's (c, y, x)."""
#
# [[wrong]]
# blank = 1
# answer = "self.W.transpose(2, 3, 1, 0).reshape(-1, FN)"
# source = "common"
# why.ja = """\
# 各列の中の順序が (y, x, c) になっています。col の各行は (c, y, x) の順なので、\
# フィルタも同じ順序に並べます。"""
# why.en = """\
# Each column is in (y, x, c) order; a row of col is in (c, y, x) order, so the filter must \
# be laid out the same way."""
#
# [[wrong]]
# blank = 2
# answer = "out = out.reshape(N, out_h, out_w, -1)"
# source = "common"
# why.ja = """\
# (N, OH, OW, FN) のままでは出力の形 (N, FN, OH, OW)（NCHW）になっていません。\
# 軸を並べ替えてチャンネルを 2 番目にします。"""
# why.en = """\
# (N, OH, OW, FN) is not the output shape (N, FN, OH, OW) (NCHW): reorder the axes to bring \
# the channels to the second place."""
#
# [[wrong]]
# blank = 2
# answer = "out = out.reshape(N, -1, out_h, out_w)"
# source = "common"
# why.ja = """\
# 形は (N, FN, OH, OW) になりますが、out の行は (n, i, j)、列はチャンネルなので、\
# reshape だけでは値の並びが崩れます。(N, OH, OW, FN) に reshape してから transpose します。"""
# why.en = """\
# The shape is (N, FN, OH, OW), but out's rows are (n, i, j) and its columns the channels: \
# a reshape alone scrambles the values. Reshape to (N, OH, OW, FN), then transpose."""
#
# [[wrong]]
# blank = 2
# answer = "out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 2, 1)"
# source = "common"
# why.ja = """\
# 出力の縦 OH と横 OW が入れ替わり、(N, FN, OW, OH) になっています。\
# transpose の順序は (0, 3, 1, 2) です。"""
# why.en = """\
# The output's height OH and width OW are swapped: (N, FN, OW, OH). The transpose order is \
# (0, 3, 1, 2)."""
#
# [[wrong]]
# blank = 2
# answer = "out = out.T.reshape(N, -1, out_h, out_w)"
# source = "common"
# why.ja = """\
# out.T は (FN, N·OH·OW) で、先頭の軸がチャンネルです。(N, FN, OH, OW) に reshape すると\
# N > 1 のときバッチとチャンネルが混ざります。"""
# why.en = """\
# out.T is (FN, N·OH·OW), channels first. Reshaping it to (N, FN, OH, OW) mixes the batch \
# and the channels when N > 1."""
#
# [[accepted]]
# blank = 1
# answer = "self.W.transpose(1, 2, 3, 0).reshape(-1, FN)"
#
# [[accepted]]
# blank = 1
# answer = "self.W.reshape(FN, C * FH * FW).T"
#
# [[accepted]]
# blank = 2
# answer = "out = out.reshape(N, out_h, out_w, FN).transpose(0, 3, 1, 2)"
#
# [[accepted]]
# blank = 2
# answer = "out = out.T.reshape(FN, N, out_h, out_w).transpose(1, 0, 2, 3)"
# ///
"""畳み込み層の順伝播 / The forward pass of a convolution layer (Deep Learning from Scratch).

日本語
------
入力 x (N, C, H, W) を pad だけ 0 でパディングし、FN 枚のフィルタ W (FN, C, FH, FW) を
ストライド S で当て、バイアス b (FN,) を足す:

    OH = (H + 2·pad − FH) // S + 1,   OW = (W + 2·pad − FW) // S + 1
    out[n, f, i, j] = Σ_{c, y, x} W[f, c, y, x] · x_pad[n, c, i·S + y, j·S + x] + b[f]

im2col で行列積 1 回にする:
    col   = im2col(x)             (N·OH·OW, C·FH·FW)   行 (n, i, j)、行の中 (c, y, x)
    col_W                         (C·FH·FW, FN)        列 f がフィルタ f を (c, y, x) の順に
    out   = col · col_W + b       (N·OH·OW, FN)
    戻り値                        (N, FN, OH, OW)      NCHW
逆伝播（与えられたコード）: dout (N, FN, OH, OW) → dx (N, C, H, W)、
self.dW (FN, C, FH, FW)、self.db (FN,)。im2col / col2im はここではループで書いてある。

English
-------
Pad the input x (N, C, H, W) with pad zeros, slide FN filters W (FN, C, FH, FW) over it
with stride S and add the bias b (FN,):

    OH = (H + 2·pad − FH) // S + 1,   OW = (W + 2·pad − FW) // S + 1
    out[n, f, i, j] = Σ_{c, y, x} W[f, c, y, x] · x_pad[n, c, i·S + y, j·S + x] + b[f]

im2col turns it into one matrix product:
    col   = im2col(x)             (N·OH·OW, C·FH·FW)   rows (n, i, j), each row (c, y, x)
    col_W                         (C·FH·FW, FN)        column f is filter f in (c, y, x)
    out   = col · col_W + b       (N·OH·OW, FN)
    result                        (N, FN, OH, OW)      NCHW
The backward pass (given code): dout (N, FN, OH, OW) → dx (N, C, H, W),
self.dW (FN, C, FH, FW), self.db (FN,). im2col / col2im are written with loops here.
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
        for j in range(out_w):  # overlapping patches add up
            img[:, :, i * stride:i * stride + fh, j * stride:j * stride + fw] += col[:, i, j]
    return img[:, :, pad:H + pad, pad:W + pad]  # (N, C, H, W)


class Convolution:
    def __init__(self, W: np.ndarray, b: np.ndarray, stride: int = 1, pad: int = 0) -> None:
        self.W = W  # (FN, C, FH, FW)
        self.b = b  # (FN,)
        self.stride = stride
        self.pad = pad
        self.x = None
        self.col = None
        self.col_W = None
        self.dW = None
        self.db = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        FN, C, FH, FW = self.W.shape
        N, C, H, W = x.shape
        out_h = (H + 2 * self.pad - FH) // self.stride + 1
        out_w = (W + 2 * self.pad - FW) // self.stride + 1

        col = im2col(x, FH, FW, self.stride, self.pad)  # (N*out_h*out_w, C*FH*FW)
        col_W = self.W.reshape(FN, -1).T  # BLANK: self.W.reshape(FN, -1).T
        out = np.dot(col, col_W) + self.b  # (N*out_h*out_w, FN)
        # BEGIN BLANK
        out = out.reshape(N, out_h, out_w, -1).transpose(0, 3, 1, 2)
        # END BLANK

        self.x, self.col, self.col_W = x, col, col_W
        return out  # (N, FN, out_h, out_w)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        FN, C, FH, FW = self.W.shape
        dout = dout.transpose(0, 2, 3, 1).reshape(-1, FN)  # (N*out_h*out_w, FN)
        self.db = np.sum(dout, axis=0)  # (FN,)
        self.dW = np.dot(self.col.T, dout).transpose(1, 0).reshape(FN, C, FH, FW)
        dcol = np.dot(dout, self.col_W.T)  # (N*out_h*out_w, C*FH*FW)
        return col2im(dcol, self.x.shape, FH, FW, self.stride, self.pad)  # (N, C, H, W)


if __name__ == "__main__":
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([np.ones((1, 2, 2)), [[[1.0, 0.0], [0.0, -1.0]]]])  # (2, 1, 2, 2)
    print(Convolution(W, np.array([0.5, -1.0])).forward(x))  # [[8.5 12.5] [20.5 24.5]], -5s
