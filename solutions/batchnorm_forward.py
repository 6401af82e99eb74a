# /// exercise
# id = "batchnorm_forward"
# day = 2
# section = 1
# points = 10
# topic = { ja = "バッチ正規化", en = "Batch normalization" }
# title = { ja = "バッチ正規化の順伝播", en = "Batch normalization: the forward pass" }
# instructions.ja = """
# バッチ正規化レイヤ BatchNormalization の順伝播を 3 か所完成させてください。
#   空欄 1（学習時）: ミニバッチ x (N, D) の特徴ごとの平均 mu、中心化した xc、
#     分散 var（N で割る標本分散）、標準偏差 std（分散に eps を足してから平方根）、
#     正規化した xn を求めます。
#   空欄 2（学習時）: 推論で使う移動平均 running_mean と running_var を、
#     係数 momentum で更新します（古い値に momentum、新しい値に 1 − momentum を掛けます）。
#   空欄 3（推論時）: ミニバッチの統計ではなく移動平均 running_mean, running_var を使って
#     xc と xn を求めます（eps の位置は学習時と同じ）。
# 最後の out = γ·xn + β はすでに書かれています。
# """
# instructions.en = """
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
# """
#
# [[hints]]
# ja = """\
# 統計はミニバッチの方向（axis=0、N 個のサンプルの間）で取ります。\
# 結果は特徴ごとに 1 つで、形は (D,) です。"""
# en = """\
# The statistics are taken across the mini-batch (axis=0, over the N samples): one value \
# per feature, shape (D,)."""
#
# [[hints]]
# ja = """\
# 分散は中心化した xc の 2 乗の平均（N で割る）です。eps は分散に足してから平方根を\
# 取ります: √(σ² + ε)。√σ² + ε ではありません。"""
# en = """\
# The variance is the mean of the squared centred values xc (divided by N). eps is added \
# to the variance before the square root: √(σ² + ε), not √σ² + ε."""
#
# [[hints]]
# ja = """\
# 空欄 1 は x.mean(axis=0)、x - mu、np.mean(xc**2, axis=0)、np.sqrt(var + self.eps)、\
# xc / std の 5 行です。移動平均は momentum * 古い値 + (1 - momentum) * 新しい値 です。"""
# en = """\
# Blank 1 is five lines: x.mean(axis=0), x - mu, np.mean(xc**2, axis=0), \
# np.sqrt(var + self.eps), xc / std. A running average is \
# momentum * old + (1 - momentum) * new."""
#
# [[wrong]]
# blank = 1
# answer = """
# mu = x.mean(axis=0)
# xc = x - mu
# var = np.mean(xc**2, axis=0)
# std = np.sqrt(var) + self.eps
# xn = xc / std
# """
# source = "common"
# why.ja = """\
# eps は平方根の外ではなく中に足します: √(σ² + ε)。ε が小さく分散が大きい特徴では\
# ほとんど違いませんが、ε が大きいときや分散の小さい特徴では結果が大きく変わります。"""
# why.en = """\
# eps goes inside the square root, √(σ² + ε), not outside. With a small eps and a \
# large-variance feature the two are close; with a large eps or a low-variance feature \
# they differ a lot."""
#
# [[wrong]]
# blank = 1
# answer = """
# mu = x.mean(axis=1, keepdims=True)
# xc = x - mu
# var = np.mean(xc**2, axis=1, keepdims=True)
# std = np.sqrt(var + self.eps)
# xn = xc / std
# """
# source = "common"
# why.ja = """\
# axis=1 はサンプルごとに特徴の間で正規化します（レイヤ正規化）。バッチ正規化は\
# 特徴ごとにミニバッチの方向（axis=0）で平均と分散を取ります。"""
# why.en = """\
# axis=1 normalizes each sample across its features (layer normalization). Batch \
# normalization takes each feature's mean and variance across the mini-batch (axis=0)."""
#
# [[wrong]]
# blank = 1
# answer = """
# mu = x.mean(axis=0)
# xc = x - mu
# var = np.var(x, axis=0, ddof=1)
# std = np.sqrt(var + self.eps)
# xn = xc / std
# """
# source = "common"
# why.ja = """\
# ddof=1 は N − 1 で割る不偏分散です。バッチ正規化はミニバッチの分散を N で割って\
# 求めます（正規化した特徴の分散がちょうど 1 に近くなるように）。"""
# why.en = """\
# ddof=1 is the unbiased variance, divided by N − 1. Batch normalization divides the \
# mini-batch variance by N (so that the normalized feature has variance close to 1)."""
#
# [[wrong]]
# blank = 1
# answer = """
# mu = x.mean(axis=0)
# xc = x - mu
# var = np.mean(xc**2, axis=0)
# std = var + self.eps
# xn = xc / std
# """
# source = "common"
# why.ja = """\
# 分散で割っています。正規化では標準偏差 √(σ² + ε) で割ります（分散で割ると、\
# 特徴の大きさによって結果の広がりが変わってしまいます）。"""
# why.en = """\
# This divides by the variance. Normalization divides by the standard deviation \
# √(σ² + ε) (dividing by the variance leaves a spread that depends on the feature's \
# scale)."""
#
# [[wrong]]
# blank = 1
# answer = """
# mu = x.mean(axis=0)
# xc = x - mu
# var = np.mean(x**2, axis=0)
# std = np.sqrt(var + self.eps)
# xn = xc / std
# """
# source = "common"
# why.ja = """\
# 分散は中心化した値 xc の 2 乗の平均です。x の 2 乗の平均は平均 0 のときしか\
# 分散になりません（平均の 2 乗の分だけ大きくなります）。"""
# why.en = """\
# The variance is the mean of the squared centred values xc. The mean of x squared is the \
# variance only when the mean is 0 (otherwise it is larger by the squared mean)."""
#
# [[wrong]]
# blank = 1
# answer = """
# mu = x.mean(axis=0)
# xc = x - mu
# var = np.mean(xc**2, axis=0)
# std = np.sqrt(var + self.eps)
# xn = x / std
# """
# source = "common"
# why.ja = """\
# 中心化していない x を標準偏差で割っています。正規化では平均を引いた xc を割ります\
# （出力の平均が 0 になりません）。"""
# why.en = """\
# This divides the uncentred x by the standard deviation. Normalization divides xc, the \
# values minus the mean (otherwise the output's mean is not 0)."""
#
# [[wrong]]
# blank = 2
# answer = """
# self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mu
# self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var
# """
# source = "common"
# why.ja = """\
# 係数が逆です。momentum（0.9 など）は古い移動平均に掛け、新しいミニバッチの統計には\
# 1 − momentum を掛けます。"""
# why.en = """\
# The coefficients are swapped: momentum (0.9, say) multiplies the old running average \
# and 1 − momentum the new mini-batch statistic."""
#
# [[wrong]]
# blank = 2
# answer = """
# self.running_mean = mu
# self.running_var = var
# """
# source = "common"
# why.ja = """\
# 最後のミニバッチの統計で置き換えています。推論時にはデータ全体の統計が必要なので、\
# 移動平均で多くのミニバッチの統計をならします。"""
# why.en = """\
# This replaces the statistics with those of the last mini-batch. Test time needs the \
# statistics of the whole data, so a running average smooths them over many batches."""
#
# [[wrong]]
# blank = 2
# answer = """
# self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
# self.running_var = self.momentum * self.running_var + (1 - self.momentum) * std
# """
# source = "common"
# why.ja = """\
# running_var は分散の移動平均です。標準偏差 std（しかも eps 入り）ではなく var を平均します。"""
# why.en = """\
# running_var is the running average of the variance: average var, not the standard \
# deviation std (which also contains eps)."""
#
# [[wrong]]
# blank = 3
# answer = """
# xc = x - x.mean(axis=0)
# xn = xc / np.sqrt(np.mean(xc**2, axis=0) + self.eps)
# """
# source = "common"
# why.ja = """\
# 推論時にもミニバッチの統計を使っています。推論時は学習中に求めた移動平均\
# running_mean, running_var を使います（1 サンプルだけでも同じ結果になるように）。"""
# why.en = """\
# This uses the batch's statistics at test time too. Test time uses the running \
# averages running_mean and running_var from training (so that a single sample gets the \
# same result)."""
#
# [[wrong]]
# blank = 3
# answer = """
# xc = x - self.running_mean
# xn = xc / np.sqrt(self.running_var)
# """
# source = "common"
# why.ja = """\
# 推論時も eps を分散に足してから平方根を取ります: √(running_var + ε)。\
# 学習時と同じ式でないと、学習と推論で出力がずれます。"""
# why.en = """\
# At test time, too, eps is added to the variance before the square root: \
# √(running_var + ε). Unless the formula matches training, training and test outputs \
# drift apart."""
#
# [[wrong]]
# blank = 3
# answer = """
# xc = x - self.running_mean
# xn = xc / (self.running_var + self.eps)
# """
# source = "common"
# why.ja = """\
# running_var は分散です。平方根を取って標準偏差 √(running_var + ε) で割ります。"""
# why.en = """\
# running_var is a variance: divide by the standard deviation √(running_var + ε)."""
#
# [[accepted]]
# blank = 1
# answer = """
# mu = np.mean(x, axis=0)
# xc = x - mu
# var = np.var(x, axis=0)
# std = np.sqrt(var + self.eps)
# xn = xc / std
# """
#
# [[accepted]]
# blank = 1
# answer = """
# mu = x.sum(axis=0) / x.shape[0]
# xc = x - mu
# var = (xc * xc).sum(axis=0) / x.shape[0]
# std = (var + self.eps) ** 0.5
# xn = xc / std
# """
#
# [[accepted]]
# blank = 2
# answer = """
# self.running_mean = self.momentum * self.running_mean + (1.0 - self.momentum) * mu
# self.running_var = self.running_var * self.momentum + var * (1.0 - self.momentum)
# """
#
# [[accepted]]
# blank = 3
# answer = """
# xc = x - self.running_mean
# xn = xc / np.sqrt(self.running_var + self.eps)
# """
# ///
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
            # BEGIN BLANK
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc**2, axis=0)
            std = np.sqrt(var + self.eps)
            xn = xc / std
            # END BLANK
            self.xc, self.xn, self.std = xc, xn, std  # (N, D), (N, D), (D,)
            # BEGIN BLANK
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            # END BLANK
        else:
            # BEGIN BLANK
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + self.eps)
            # END BLANK
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
