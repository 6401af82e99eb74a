# /// exercise
# id = "batchnorm_backward"
# day = 2
# section = 1
# points = 10
# requires = ["batchnorm_forward"]
# topic = { ja = "バッチ正規化", en = "Batch normalization" }
# title.ja = "バッチ正規化の逆伝播（γ と β の勾配）"
# title.en = "Batch normalization: the backward pass (the gradients of γ and β)"
# instructions.ja = """
# バッチ正規化レイヤ BatchNormalization の逆伝播で、学習するパラメータの勾配を
# 求める 2 か所を完成させてください（順伝播と、入力の勾配 dx の計算は書かれています）。
#   空欄 1: シフト β の勾配 dbeta (D,)。
#   空欄 2: スケール γ の勾配 dgamma (D,)。順伝播で保存した正規化済みの値 self.xn を使います。
# dout は出力の勾配 ∂L/∂out で、形は (N, D) です。
# """
# instructions.en = """
# Complete the two places in the backward pass of the layer BatchNormalization that compute
# the gradients of its learned parameters (the forward pass and the input gradient dx are
# given).
#   Blank 1: the gradient dbeta (D,) of the shift β.
#   Blank 2: the gradient dgamma (D,) of the scale γ. Use the normalized values self.xn kept
#     by the forward pass.
# dout is the gradient of the output, ∂L/∂out, of shape (N, D).
# """
#
# [[hints]]
# ja = """\
# out_nj = γ_j · x̂_nj + β_j です。β_j は N 個のサンプルすべての出力に足されるので、\
# その勾配は N 個の勾配の合計になります。"""
# en = """\
# out_nj = γ_j · x̂_nj + β_j. β_j is added to the output of all N samples, so its gradient \
# is the total of those N gradients."""
#
# [[hints]]
# ja = """\
# ∂out_nj / ∂γ_j = x̂_nj です。連鎖律で dout と x̂ を要素ごとに掛け、\
# サンプルの方向（axis=0）に合計すると (D,) になります。"""
# en = """\
# ∂out_nj / ∂γ_j = x̂_nj. By the chain rule, multiply dout and x̂ element-wise, then sum \
# over the samples (axis=0) to get (D,)."""
#
# [[hints]]
# ja = """\
# 空欄 1 は dout.sum(axis=0)、空欄 2 は self.xn * dout を axis=0 で np.sum します。"""
# en = """\
# Blank 1 is dout.sum(axis=0); blank 2 applies np.sum with axis=0 to self.xn * dout."""
#
# [[wrong]]
# blank = 1
# answer = "dout.sum(axis=1)"
# source = "common"
# why.ja = """\
# axis=1 は特徴の方向の合計で、形が (N,) になります。β_j は特徴ごとのパラメータなので、\
# サンプルの方向（axis=0）に合計して (D,) にします。"""
# why.en = """\
# axis=1 sums across the features and gives shape (N,). β_j is one parameter per feature: \
# sum over the samples (axis=0) to get (D,)."""
#
# [[wrong]]
# blank = 1
# answer = "dout.mean(axis=0)"
# source = "common"
# why.ja = """\
# 平均ではなく合計です。β はすべてのサンプルの出力に足されるので、勾配は N 個の勾配の\
# 和です（損失のバッチ平均は dout にすでに含まれています）。"""
# why.en = """\
# A sum, not a mean: β is added to every sample's output, so its gradient is the sum of \
# the N gradients (any averaging of the loss over the batch is already inside dout)."""
#
# [[wrong]]
# blank = 1
# answer = "dout"
# source = "common"
# why.ja = """\
# dout は (N, D) です。パラメータ β (D,) の勾配は同じ形 (D,) でなければならず、\
# サンプルの方向（axis=0）に合計します。"""
# why.en = """\
# dout is (N, D). The gradient of the parameter β (D,) has β's shape (D,): sum over the \
# samples (axis=0)."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(dout)"
# source = "common"
# why.ja = """\
# 全要素の合計は 1 つのスカラーで、すべての特徴の勾配が混ざります。\
# 特徴ごとに、サンプルの方向（axis=0）だけ合計します。"""
# why.en = """\
# Summing every entry gives one scalar that mixes all features. Sum per feature, over the \
# samples only (axis=0)."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(self.xc * dout, axis=0)"
# source = "common"
# why.ja = """\
# γ が掛かるのは正規化した x̂ = xc / √(σ² + ε) で、中心化しただけの xc ではありません。\
# self.xn を使います。"""
# why.en = """\
# γ multiplies the normalized x̂ = xc / √(σ² + ε), not the merely centred xc. Use \
# self.xn."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(dout, axis=0)"
# source = "common"
# why.ja = """\
# これは β の勾配です。γ は x̂ に掛かっているので、dout に x̂（self.xn）を掛けてから\
# 合計します。"""
# why.en = """\
# This is β's gradient. γ multiplies x̂, so multiply dout by x̂ (self.xn) before summing."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(self.xn * dout, axis=1)"
# source = "common"
# why.ja = """\
# axis=1 は特徴の方向の合計で、形が (N,) になります。γ は特徴ごとのパラメータなので\
# axis=0 で合計して (D,) にします。"""
# why.en = """\
# axis=1 sums across the features and gives (N,). γ is one parameter per feature: sum \
# with axis=0 to get (D,)."""
#
# [[wrong]]
# blank = 2
# answer = "self.xn * dout"
# source = "common"
# why.ja = """\
# (N, D) のままです。γ (D,) の勾配は、N 個のサンプルの寄与をサンプルの方向（axis=0）に\
# 合計した (D,) です。"""
# why.en = """\
# This is still (N, D). The gradient of γ (D,) adds the contributions of the N samples: \
# sum over axis=0 to get (D,)."""
#
# [[wrong]]
# blank = 2
# answer = "np.sum(self.gamma * dout, axis=0)"
# source = "common"
# why.ja = """\
# γ の勾配に γ 自身は現れません（out = γ x̂ + β を γ で微分すると x̂）。\
# γ を掛けるのは入力側へ流す dxn の計算です。"""
# why.en = """\
# γ itself does not appear in γ's gradient (differentiating out = γ x̂ + β by γ gives x̂). \
# Multiplying by γ belongs to dxn, the gradient passed toward the input."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(self.xn.T, dout)"
# source = "common"
# why.ja = """\
# 行列積 x̂ᵀ dout は (D, D) で、特徴 i の x̂ と特徴 j の dout の組み合わせまで作ります。\
# γ_j は特徴 j の x̂ にだけ掛かるので、要素ごとの積をサンプルの方向に合計します。"""
# why.en = """\
# The matrix product x̂ᵀ dout is (D, D): it pairs x̂ of feature i with dout of feature j. \
# γ_j multiplies only feature j's x̂: take the element-wise product and sum over the \
# samples."""
#
# [[accepted]]
# blank = 1
# answer = "np.sum(dout, axis=0)"
#
# [[accepted]]
# blank = 1
# answer = "dout.sum(0)"
#
# [[accepted]]
# blank = 2
# answer = "(dout * self.xn).sum(axis=0)"
#
# [[accepted]]
# blank = 2
# answer = "np.einsum('nd,nd->d', self.xn, dout)"
# ///
"""バッチ正規化の逆伝播 / Batch normalization: the backward pass.

日本語
------
順伝播（学習時、ゼロから作る Deep Learning の BatchNormalization、入力は (N, D)）:

    μ = (1/N) Σ_n x_n,   xc = x − μ,   σ² = (1/N) Σ_n xc_n²,   s = √(σ² + ε)
    x̂ = xc / s,          out = γ ⊙ x̂ + β

逆伝播（dout = ∂L/∂out）。学習するパラメータの勾配（空欄）:

    ∂L/∂β_j = Σ_n dout_nj
    ∂L/∂γ_j = Σ_n dout_nj · x̂_nj

入力の勾配（与えられたコード、計算グラフを逆にたどる）:

    dx̂  = γ ⊙ dout
    dxc = dx̂ / s  +  (2/N) · xc ⊙ dσ²,   dσ² = −(1/2) Σ_n dx̂_n ⊙ xc_n / s³
    dx  = dxc − (1/N) Σ_n dxc_n

形状: x, xc, xn, out, dout, dx (N, D)；gamma, beta, dgamma, dbeta, std (D,)。
backward は dx を返し、self.dgamma, self.dbeta に勾配を入れる。すべて float64。

English
-------
Forward (training; the BatchNormalization of Deep Learning from Scratch, input (N, D)):

    μ = (1/N) Σ_n x_n,   xc = x − μ,   σ² = (1/N) Σ_n xc_n²,   s = √(σ² + ε)
    x̂ = xc / s,          out = γ ⊙ x̂ + β

Backward (dout = ∂L/∂out). The gradients of the learned parameters (the blanks):

    ∂L/∂β_j = Σ_n dout_nj
    ∂L/∂γ_j = Σ_n dout_nj · x̂_nj

The input gradient (given code, walking the computational graph backwards):

    dx̂  = γ ⊙ dout
    dxc = dx̂ / s  +  (2/N) · xc ⊙ dσ²,   dσ² = −(1/2) Σ_n dx̂_n ⊙ xc_n / s³
    dx  = dxc − (1/N) Σ_n dxc_n

Shapes: x, xc, xn, out, dout, dx (N, D); gamma, beta, dgamma, dbeta, std (D,). backward
returns dx and stores the gradients in self.dgamma and self.dbeta. Everything float64.
"""

import numpy as np


class BatchNormalization:
    def __init__(self, gamma: np.ndarray, beta: np.ndarray, momentum: float = 0.9,
                 eps: float = 1e-7) -> None:
        self.gamma = gamma  # (D,)
        self.beta = beta  # (D,)
        self.momentum = momentum
        self.eps = eps
        self.running_mean = np.zeros_like(gamma)  # (D,)
        self.running_var = np.zeros_like(gamma)  # (D,)
        self.batch_size = None
        self.xc = None  # (N, D)
        self.xn = None  # (N, D)
        self.std = None  # (D,)
        self.dgamma = None  # (D,)
        self.dbeta = None  # (D,)

    def forward(self, x: np.ndarray, train_flg: bool = True) -> np.ndarray:
        if train_flg:
            self.batch_size = x.shape[0]  # N
            mean = np.mean(x, axis=0)  # μ (D,)
            self.xc = x - mean  # (N, D)
            variance = np.mean(self.xc**2, axis=0)  # σ² (D,)
            self.std = np.sqrt(variance + self.eps)  # √(σ² + ε) (D,)
            self.xn = self.xc / self.std  # x̂ (N, D)
            xn = self.xn
            m = self.momentum
            self.running_mean = m * self.running_mean + (1 - m) * mean
            self.running_var = m * self.running_var + (1 - m) * variance
        else:
            xn = (x - self.running_mean) / np.sqrt(self.running_var + self.eps)  # (N, D)
        out = self.gamma * xn + self.beta  # (N, D)
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        dbeta = dout.sum(axis=0)  # BLANK: dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)  # BLANK: np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout  # (N, D)
        dxc = dxn / self.std  # (N, D)
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)  # (D,)
        dvar = 0.5 * dstd / self.std  # (D,)
        dxc += (2.0 / self.batch_size) * self.xc * dvar  # (N, D)
        dmu = np.sum(dxc, axis=0)  # (D,)
        dx = dxc - dmu / self.batch_size  # (N, D)
        self.dgamma = dgamma  # (D,)
        self.dbeta = dbeta  # (D,)
        return dx


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.normal(2.0, 3.0, (5, 3))  # (N, D) = (5, 3)
    bn = BatchNormalization(np.array([1.0, 2.0, 0.5]), np.zeros(3))
    out = bn.forward(x)
    dx = bn.backward(np.ones_like(out))
    print(bn.dbeta)  # [5. 5. 5.]: N ones per feature
    print(bn.dgamma.round(12))  # [0. 0. 0.]: x̂ sums to 0 per feature
