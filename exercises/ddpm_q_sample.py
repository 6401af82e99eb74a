# ============================================================================
# edrill · ddpm_q_sample · Day 4 Section 7 · 拡散モデル（DDPM の前方過程） / Diffusion models: the DDPM forward process
# DDPM の前方過程: x_0 から x_t を一度に作る / The DDPM forward process: x_t from x_0 in one step
#
# 【課題】
# DDPM の前方過程では、ノイズスケジュール betas（β_0, …, β_{T−1}）に従って x_0 に少しずつ
# ノイズを加えます。任意の時刻 t の x_t は x_0 から一度に作れます。
# t は 0 始まりです: t = 0 は β_0 で 1 回ノイズを加えた後、t = T − 1 が最後の時刻です。
# 空欄 1 では、時刻 t までの (1 − β_s) の積 alpha_bar_t（s = 0, …, t、β_t も含む）を求めます。
# 空欄 2 では、標準正規分布のノイズ eps（引数で渡されます）を使って x_t を求めます
# （変数 x_t に代入します）。
#
# [Task]
# The DDPM forward process adds noise to x_0 step by step, following the noise schedule betas
# (β_0, …, β_{T−1}); x_t at any time t can be drawn from x_0 in one step.
# t is 0-based: t = 0 is after the first noising step, with β_0; t = T − 1 is the last step.
# Blank 1 computes alpha_bar_t, the product of (1 − β_s) for s = 0, …, t (β_t included).
# Blank 2 computes x_t (assign the variable x_t) from x_0 and the standard normal noise eps
# (passed as an argument).
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade ddpm_q_sample` で採点。ヒント: `grade hint ddpm_q_sample`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade ddpm_q_sample`. Hints: `grade hint ddpm_q_sample`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of ddpm_q_sample is not filled in yet")


def q_sample(x0: np.ndarray, t: int, betas: np.ndarray, eps: np.ndarray) -> np.ndarray:
    x0 = np.asarray(x0, dtype=np.float64)  # any shape, e.g. (N, C, H, W)
    betas = np.asarray(betas, dtype=np.float64)  # (T,)
    eps = np.asarray(eps, dtype=np.float64)  # x0's shape, ~ N(0, I)
    alpha_bar_t = _blank(1)
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return x_t  # x0's shape


if __name__ == "__main__":
    betas = np.linspace(1e-4, 0.02, 1000)  # the linear schedule of Ho et al. (2020)
    rng = np.random.default_rng(0)
    x0 = np.zeros((10_000, 1))
    for t in (0, 499, 999):
        x_t = q_sample(x0, t, betas, rng.standard_normal(x0.shape))
        print(t, x_t.var(), 1 - np.cumprod(1 - betas)[t])  # the two variances agree
