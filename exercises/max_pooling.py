# ============================================================================
# edrill · max_pooling · Day 2 Section 4 · プーリング層（Max プーリング） / Pooling layer: max pooling
# Max プーリングの順伝播 / The forward pass of max pooling
#
# 【課題】
# Max プーリング層の順伝播を完成させてください。
# im2col で展開した col の形は (N·OH·OW, C·PH·PW) で、1 行に 1 つの出力位置の
# 全チャンネルのプーリング窓が (c, y, x) の順に並んでいます。
# 空欄では、col を「1 行に 1 つのチャンネルの 1 つの窓 (PH·PW 個の値)」の形に
# 変えて col に入れ直し、各行の最大値を out (N·OH·OW·C,) とします。
# その後の argmax（逆伝播用）と (N, C, OH, OW) への変形はすでに書かれています。
#
# [Task]
# Complete the forward pass of a max pooling layer.
# col, unfolded by im2col, has shape (N·OH·OW, C·PH·PW): one row per output position,
# holding the pooling windows of every channel in (c, y, x) order.
# In the blank, reshape col so that a row is one window of one channel (PH·PW values),
# store it back in col, and make out (N·OH·OW·C,) the maximum of every row.
# The argmax that follows (kept for the backward pass) and the reshape to (N, C, OH, OW)
# are already written.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade max_pooling` で採点。ヒント: `grade hint max_pooling`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade max_pooling`. Hints: `grade hint max_pooling`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of max_pooling is not filled in yet")


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
        # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
        _blank(1)
        # └──
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
