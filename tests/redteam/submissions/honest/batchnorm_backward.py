"""Red-team baseline (honest): the reference solution, blank markers stripped; must earn full marks."""

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
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
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
