# ============================================================================
# edrill · conv_forward · Day 2 Section 4 · 畳み込み層（im2col による順伝播） / Convolution layer: the forward pass with im2col
# 畳み込み層の順伝播 / The forward pass of a convolution layer
#
# 【課題】
# 畳み込み層の順伝播を 2 か所完成させてください。im2col はすでに書かれていて、
# col (N·OH·OW, C·FH·FW) の各行は 1 つのパッチを (c, y, x) の順に並べたものです。
#   空欄 1: フィルタの重み W (FN, C, FH, FW) から、col と行列積を取れる
#     (C·FH·FW, FN) の行列 col_W を作ります。各列が 1 枚のフィルタを (c, y, x) の順に
#     並べたものです。
#   空欄 2: 行列積とバイアスの結果 out (N·OH·OW, FN) を、出力の形 (N, FN, OH, OW) に
#     変えて out に入れ直します。
# 逆伝播はすでに書かれています（順伝播が正しければ数値勾配と一致します）。
#
# [Task]
# Complete two places in the forward pass of a convolution layer. im2col is already written:
# each row of col (N·OH·OW, C·FH·FW) is one patch in (c, y, x) order.
#   Blank 1: from the filter weights W (FN, C, FH, FW), make the (C·FH·FW, FN) matrix col_W
#     that col can be multiplied with: each column is one filter laid out in (c, y, x) order.
#   Blank 2: turn out (N·OH·OW, FN), the matrix product plus the bias, into the output shape
#     (N, FN, OH, OW) and store it back in out.
# The backward pass is already written (it matches the numeric gradient when the forward
# pass is right).
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade conv_forward` で採点。ヒント: `grade hint conv_forward`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade conv_forward`. Hints: `grade hint conv_forward`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of conv_forward is not filled in yet")


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
        col_W = _blank(1)
        out = np.dot(col, col_W) + self.b  # (N*out_h*out_w, FN)
        # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
        _blank(2)
        # └──

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
