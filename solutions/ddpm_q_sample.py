# /// exercise
# id = "ddpm_q_sample"
# day = 4
# section = 7
# points = 10
# topic.ja = "拡散モデル（DDPM の前方過程）"
# topic.en = "Diffusion models: the DDPM forward process"
# title.ja = "DDPM の前方過程: x_0 から x_t を一度に作る"
# title.en = "The DDPM forward process: x_t from x_0 in one step"
# instructions.ja = """
# DDPM の前方過程では、ノイズスケジュール betas（β_0, …, β_{T−1}）に従って x_0 に少しずつ
# ノイズを加えます。任意の時刻 t の x_t は x_0 から一度に作れます。
# t は 0 始まりです: t = 0 は β_0 で 1 回ノイズを加えた後、t = T − 1 が最後の時刻です。
# 空欄 1 では、時刻 t までの (1 − β_s) の積 alpha_bar_t（s = 0, …, t、β_t も含む）を求めます。
# 空欄 2 では、標準正規分布のノイズ eps（引数で渡されます）を使って x_t を求めます
# （変数 x_t に代入します）。
# """
# instructions.en = """
# The DDPM forward process adds noise to x_0 step by step, following the noise schedule betas
# (β_0, …, β_{T−1}); x_t at any time t can be drawn from x_0 in one step.
# t is 0-based: t = 0 is after the first noising step, with β_0; t = T − 1 is the last step.
# Blank 1 computes alpha_bar_t, the product of (1 − β_s) for s = 0, …, t (β_t included).
# Blank 2 computes x_t (assign the variable x_t) from x_0 and the standard normal noise eps
# (passed as an argument).
# """
#
# [[hints]]
# ja = """\
# α_s = 1 − β_s、ᾱ_t = α_0 α_1 ⋯ α_t です。np.cumprod は累積積の配列を返し、その t 番目\
# （0 始まり）が ᾱ_t です。"""
# en = """\
# α_s = 1 − β_s and ᾱ_t = α_0 α_1 ⋯ α_t. np.cumprod returns the array of running \
# products; its entry t (0-based) is ᾱ_t."""
#
# [[hints]]
# ja = """\
# q(x_t | x_0) = N(√ᾱ_t · x_0, (1 − ᾱ_t) I) です。ε ~ N(0, I) を使った再パラメータ化で\
# 書きます。"""
# en = """\
# q(x_t | x_0) = N(√ᾱ_t · x_0, (1 − ᾱ_t) I): write it as a reparameterization with \
# ε ~ N(0, I)."""
#
# [[hints]]
# ja = """\
# 係数は分散ではなく標準偏差です。x_0 の係数の 2 乗と ε の係数の 2 乗の和が 1 になる\
# （分散を保つ）ことを確かめてください。"""
# en = """\
# The coefficients are standard deviations, not variances: the squares of the coefficients \
# of x_0 and of ε add up to 1 (the process preserves variance)."""
#
# [[wrong]]
# blank = 1
# answer = "1.0 - betas[t]"
# source = "common"
# why.ja = """\
# これはその 1 ステップの α_t だけです。x_0 から一度に飛ぶには、時刻 0 から t までの\
# 積 ᾱ_t が要ります。"""
# why.en = """\
# This is only α_t of one step. Jumping from x_0 in one step needs the product ᾱ_t over \
# times 0 to t."""
#
# [[wrong]]
# blank = 1
# answer = "np.prod(1.0 - betas[:t])"
# source = "common"
# why.ja = """\
# betas[:t] は β_t を含まず、1 ステップずれます（1 始まりの式をそのまま写した誤り）。\
# この演習の t は 0 始まりで、ᾱ_t は β_0 から β_t までの積です。"""
# why.en = """\
# betas[:t] leaves out β_t: off by one step (the 1-based formula copied as it is). Here t \
# is 0-based and ᾱ_t runs from β_0 to β_t."""
#
# [[wrong]]
# blank = 1
# answer = "np.cumprod(1.0 - betas)[t - 1]"
# source = "common"
# why.ja = """\
# t − 1 番目は 1 つ前の時刻の ᾱ です（t = 0 では最後の要素になってしまいます）。\
# t は 0 始まりなので np.cumprod(...)[t] です。"""
# why.en = """\
# Entry t − 1 is the ᾱ of the previous time (and at t = 0 it wraps round to the last \
# entry). t is 0-based: entry t of the running product."""
#
# [[wrong]]
# blank = 1
# answer = "np.cumprod(betas)[t]"
# source = "common"
# why.ja = """\
# β の積ではなく α = 1 − β の積です。β はノイズの分散、α は信号を残す割合です。"""
# why.en = """\
# The product runs over α = 1 − β, not over β: β is the noise variance, α the part of the \
# signal kept."""
#
# [[wrong]]
# blank = 1
# answer = "1.0 - np.cumsum(betas)[t]"
# source = "common"
# why.ja = """\
# 積 Π(1 − β_s) を 1 − Σβ_s で近似しています。β が小さいときの 1 次近似で、一致しません。"""
# why.en = """\
# This approximates the product Π(1 − β_s) by 1 − Σβ_s, a first-order approximation for \
# small β, not the same value."""
#
# [[wrong]]
# blank = 2
# answer = "x_t = alpha_bar_t * x0 + (1.0 - alpha_bar_t) * eps"
# source = "common"
# why.ja = """\
# 平方根がありません。ᾱ_t と 1 − ᾱ_t は分散なので、x_0 と ε に掛ける係数はその平方根\
# （標準偏差）です。"""
# why.en = """\
# The square roots are missing: ᾱ_t and 1 − ᾱ_t are variances, so x_0 and ε are scaled \
# by their square roots (standard deviations)."""
#
# [[wrong]]
# blank = 2
# answer = "x_t = np.sqrt(alpha_bar_t) * x0 + (1.0 - alpha_bar_t) * eps"
# source = "common"
# why.ja = """\
# ノイズの係数に平方根がありません。x_t の分散は 1 − ᾱ_t なので、ε の係数は √(1 − ᾱ_t) です。"""
# why.en = """\
# The noise coefficient lacks its square root: x_t has variance 1 − ᾱ_t, so ε is scaled \
# by √(1 − ᾱ_t)."""
#
# [[wrong]]
# blank = 2
# answer = "x_t = np.sqrt(1.0 - alpha_bar_t) * x0 + np.sqrt(alpha_bar_t) * eps"
# source = "common"
# why.ja = """\
# x_0 と ε の係数が逆です。t が大きく ᾱ_t が 0 に近づくと x_t はノイズだけになるので、\
# x_0 の係数が √ᾱ_t です。"""
# why.en = """\
# The coefficients of x_0 and ε are swapped. As t grows, ᾱ_t goes to 0 and x_t becomes pure \
# noise, so x_0 is scaled by √ᾱ_t."""
#
# [[wrong]]
# blank = 2
# answer = "x_t = np.sqrt(alpha_bar_t) * x0 + np.sqrt(1.0 - alpha_bar_t) * x0"
# source = "common"
# why.ja = """\
# ノイズ項に eps ではなく x0 を使っています。2 つ目の項は標準正規分布のノイズ ε です。"""
# why.en = """\
# The noise term uses x0 instead of eps: the second term is the standard normal noise ε."""
#
# [[accepted]]
# blank = 1
# answer = "np.prod(1.0 - betas[: t + 1])"
#
# [[accepted]]
# blank = 1
# answer = "float(np.exp(np.sum(np.log1p(-betas[: t + 1]))))"
#
# [[accepted]]
# blank = 2
# answer = "x_t = alpha_bar_t ** 0.5 * x0 + (1 - alpha_bar_t) ** 0.5 * eps"
# ///
"""DDPM の前方過程 / The DDPM forward process q(x_t | x_0).

日本語
------
ノイズスケジュール β_0, …, β_{T−1}（0 < β < 1）で、1 ステップの前方過程は
q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I)。時刻は 0 始まり: x_0 がデータ（ノイズなし）、
t = 0 は β_0 で 1 回ノイズを加えた後、t = T − 1 が最後。

    α_s = 1 − β_s,    ᾱ_t = Π_{s=0}^{t} α_s        （β_t を含む）
    q(x_t | x_0) = N(√ᾱ_t · x_0, (1 − ᾱ_t) I)
    x_t = √ᾱ_t · x_0 + √(1 − ᾱ_t) · ε,    ε ~ N(0, I)

x_0 の係数の 2 乗とノイズの係数の 2 乗の和は 1（分散を保つ）: x_0 ~ N(0, I) なら
x_t ~ N(0, I)、x_0 = 0 なら Var[x_t] = 1 − ᾱ_t。

形: x0, eps, 戻り値 x_t は同じ任意の形（例: (N, C, H, W) や (N, D)）、float64。
betas (T,) float64、t は 0 ≤ t < T の Python int（バッチ全体で同じ時刻）、
alpha_bar_t はスカラー。eps は呼び出し側が標準正規分布から引いて渡す。

English
-------
With the noise schedule β_0, …, β_{T−1} (0 < β < 1), one forward step is
q(x_t | x_{t−1}) = N(√(1 − β_t) x_{t−1}, β_t I). Time is 0-based: x_0 is the data (no
noise), t = 0 is after the first noising step, with β_0, and t = T − 1 is the last step.

    α_s = 1 − β_s,    ᾱ_t = Π_{s=0}^{t} α_s        (β_t included)
    q(x_t | x_0) = N(√ᾱ_t · x_0, (1 − ᾱ_t) I)
    x_t = √ᾱ_t · x_0 + √(1 − ᾱ_t) · ε,    ε ~ N(0, I)

The squares of the two coefficients add up to 1 (the process preserves variance): if
x_0 ~ N(0, I) then x_t ~ N(0, I); if x_0 = 0 then Var[x_t] = 1 − ᾱ_t.

Shapes: x0, eps and the result x_t share one, any, shape (e.g. (N, C, H, W) or (N, D)),
float64. betas (T,) float64; t is a Python int, 0 ≤ t < T (one time for the whole batch);
alpha_bar_t is a scalar. The caller draws eps from the standard normal distribution.
"""

import numpy as np


def q_sample(x0: np.ndarray, t: int, betas: np.ndarray, eps: np.ndarray) -> np.ndarray:
    x0 = np.asarray(x0, dtype=np.float64)  # any shape, e.g. (N, C, H, W)
    betas = np.asarray(betas, dtype=np.float64)  # (T,)
    eps = np.asarray(eps, dtype=np.float64)  # x0's shape, ~ N(0, I)
    alpha_bar_t = np.cumprod(1.0 - betas)[t]  # BLANK: np.cumprod(1.0 - betas)[t]
    # BEGIN BLANK
    x_t = np.sqrt(alpha_bar_t) * x0 + np.sqrt(1.0 - alpha_bar_t) * eps
    # END BLANK
    return x_t  # x0's shape


if __name__ == "__main__":
    betas = np.linspace(1e-4, 0.02, 1000)  # the linear schedule of Ho et al. (2020)
    rng = np.random.default_rng(0)
    x0 = np.zeros((10_000, 1))
    for t in (0, 499, 999):
        x_t = q_sample(x0, t, betas, rng.standard_normal(x0.shape))
        print(t, x_t.var(), 1 - np.cumprod(1 - betas)[t])  # the two variances agree
