# ============================================================================
# edrill · batchnorm_forward · Day 2 Section 1 · バッチ正規化 / Batch normalization
# バッチ正規化の順伝播 / Batch normalization: the forward pass
#
# 【課題】
# バッチ正規化レイヤ BatchNormalization の順伝播を 3 か所完成させてください。
#   空欄 1（学習時）: ミニバッチ x (N, D) の特徴ごとの平均 mu、中心化した xc、
#     分散 var（N で割る標本分散）、標準偏差 std（分散に eps を足してから平方根）、
#     正規化した xn を求めます。
#   空欄 2（学習時）: 推論で使う移動平均 running_mean と running_var を、
#     係数 momentum で更新します（古い値に momentum、新しい値に 1 − momentum を掛けます）。
#   空欄 3（推論時）: ミニバッチの統計ではなく移動平均 running_mean, running_var を使って
#     xc と xn を求めます（eps の位置は学習時と同じ）。
# 最後の out = γ·xn + β はすでに書かれています。
#
# [Task]
# Complete the forward pass of the layer BatchNormalization in three places.
#   Blank 1 (training): for the mini-batch x (N, D), compute the per-feature mean mu, the
#     centred xc, the variance var (the sample variance over N), the standard deviation
#     std (eps added to the variance before the square root) and the normalized xn.
#   Blank 2 (training): update the running averages running_mean and running_var used at
#     test time with the coefficient momentum (momentum times the old value, 1 − momentum
#     times the new one).
#   Blank 3 (test time): compute xc and xn with the running averages running_mean,
#     running_var instead of the batch's statistics (eps in the same place as in training).
# The final out = γ·xn + β is given.
#
# 空欄 `_blank(N)` (3 箇所) を埋めて `grade batchnorm_forward` で採点。ヒント: `grade hint batchnorm_forward`
# Fill in the 3 blank(s) `_blank(N)`, then run `grade batchnorm_forward`. Hints: `grade hint batchnorm_forward`
# ============================================================================
"""バッチ正規化の順伝播 / Batch normalization: the forward pass.

日本語
------
ミニバッチ x (N, D) の各特徴 j を、ミニバッチ内の平均と分散で正規化し、学習する
スケール γ とシフト β で変換する（ゼロから作る Deep Learning の BatchNormalization、
入力は (N, D) の 2 次元のみ）。

学習時（train_flg=True）:

    μ_j  = (1/N) Σ_n x_nj                                    mu   (D,)
    xc   = x − μ                                             xc   (N, D)
    σ²_j = (1/N) Σ_n xc_nj²          （N で割る標本分散）      var  (D,)
    s_j  = √(σ²_j + ε)               （ε は平方根の中）        std  (D,)
    x̂    = xc / s                                            xn   (N, D)
    移動平均（推論用、m = momentum）:
    running_mean ← m · running_mean + (1 − m) · μ           (D,)
    running_var  ← m · running_var  + (1 − m) · σ²          (D,)

推論時（train_flg=False）: μ, σ² の代わりに running_mean, running_var を使い、
    x̂ = (x − running_mean) / √(running_var + ε)

どちらも  out = γ ⊙ x̂ + β      (N, D)

ε の位置: √(σ² + ε) と √σ² + ε は、ε が小さく分散が大きい特徴ではほぼ同じだが、
ε が大きいか分散の小さい特徴では大きく違う。running_mean, running_var は 0 で始まる。

形状: x (N, D)、gamma, beta, running_mean, running_var (D,)、momentum（既定 0.9）と
eps（既定 1e-7）はスカラー、out (N, D)。すべて float64。

English
-------
Normalize each feature j of the mini-batch x (N, D) with the batch's mean and variance,
then scale by the learned γ and shift by β (the BatchNormalization of Deep Learning from
Scratch, for 2-D input (N, D) only).

Training (train_flg=True):

    μ_j  = (1/N) Σ_n x_nj                                    mu   (D,)
    xc   = x − μ                                             xc   (N, D)
    σ²_j = (1/N) Σ_n xc_nj²          (sample variance over N) var  (D,)
    s_j  = √(σ²_j + ε)               (ε inside the root)      std  (D,)
    x̂    = xc / s                                            xn   (N, D)
    running averages (for test time, m = momentum):
    running_mean ← m · running_mean + (1 − m) · μ           (D,)
    running_var  ← m · running_var  + (1 − m) · σ²          (D,)

Test time (train_flg=False): running_mean and running_var replace μ and σ²:
    x̂ = (x − running_mean) / √(running_var + ε)

Both:  out = γ ⊙ x̂ + β      (N, D)

Where ε goes: √(σ² + ε) and √σ² + ε are nearly equal for a small ε and a large-variance
feature, but far apart for a large ε or a low-variance feature. running_mean and
running_var start at 0.

Shapes: x (N, D); gamma, beta, running_mean, running_var (D,); momentum (default 0.9) and
eps (default 1e-7) are scalars; out (N, D). Everything float64.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of batchnorm_forward is not filled in yet")


class BatchNormalization:
    def __init__(self, gamma: np.ndarray, beta: np.ndarray, momentum: float = 0.9,
                 eps: float = 1e-7) -> None:
        self.gamma = gamma  # (D,)
        self.beta = beta  # (D,)
        self.momentum = momentum
        self.eps = eps
        self.running_mean = np.zeros_like(gamma)  # (D,)
        self.running_var = np.zeros_like(gamma)  # (D,)
        self.xc = None  # (N, D), kept for the backward pass
        self.xn = None  # (N, D)
        self.std = None  # (D,)

    def forward(self, x: np.ndarray, train_flg: bool = True) -> np.ndarray:
        if train_flg:
            # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
            _blank(1)
            # └──
            self.xc, self.xn, self.std = xc, xn, std  # (N, D), (N, D), (D,)
            # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
            _blank(2)
            # └──
        else:
            # ┌── 空欄 3 / blank 3 ── ここを埋める / fill in here
            _blank(3)
            # └──
        out = self.gamma * xn + self.beta  # (N, D)
        return out


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = rng.normal(5.0, 3.0, (8, 3))  # (N, D) = (8, 3)
    bn = BatchNormalization(np.ones(3), np.zeros(3))
    out = bn.forward(x)
    print(out.mean(axis=0).round(6), out.std(axis=0).round(6))  # ≈ [0 0 0] [1 1 1]
    print(bn.running_mean)  # 0.1 · the batch mean
    print(bn.forward(x, train_flg=False).shape)  # (8, 3)
