"""Grading suite: ddpm_q_sample — ᾱ_t = Π_{s=0}^{t} (1 − β_s) (t 0-based),
x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε.

eps is an argument (seeded here), so every check is deterministic:

- K: hand-computed x_t on a schedule with ᾱ_0 = 0.64, ᾱ_1 = 0.36 (coefficients 0.8 / 0.6
  and 0.6 / 0.8): pins the 0-based t, the product over 1 − β, and the square roots;
- K: against the reference on the linear schedule (T = 1000) at t = 0, 1, 499, 999 and an
  NCHW-shaped x_0;
- P: for x_0 = 0, Var[x_t] over 20 000 samples is 1 − ᾱ_t (constant β = 0.19, so
  1 − ᾱ_t = 1 − 0.81^(t+1), hand-computed) within a statistical bound;
- P: the process preserves variance: x_0 ~ N(0, 1) gives Var[x_t] ≈ 1 at every t.
"""

import math

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual

N = 20_000
LINEAR = np.linspace(1e-4, 0.02, 1000)  # the linear schedule of Ho et al. (2020)


def _sample(student, x0, t, betas, eps, label):
    name = f"q_sample(x0 {x0.shape}, t={t}, {label}, eps {eps.shape})"
    return expect_array(student.q_sample(x0, t, betas, eps), name, shape=x0.shape), name


@check("K", 3, ja="手計算: betas = [0.36, 0.4375, 0.5] で t = 0 は 0.8·x0 + 0.6·eps、"
                  "t = 1 は 0.6·x0 + 0.8·eps（t は 0 始まり）",
       en="hand-computed: with betas = [0.36, 0.4375, 0.5], t = 0 gives 0.8·x0 + 0.6·eps and "
          "t = 1 gives 0.6·x0 + 0.8·eps (t is 0-based)")
def test_hand_computed(student):
    betas = np.array([0.36, 0.4375, 0.5])  # ᾱ = 0.64, 0.36, 0.18
    x0 = np.array([[1.0, -2.0, 0.5]])
    eps = np.array([[0.5, 1.0, -1.0]])
    label = "betas [0.36, 0.4375, 0.5]"
    for t, want in ((0, [[1.1, -1.0, -0.2]]), (1, [[1.0, -0.4, -0.5]])):
        got, name = _sample(student, x0, t, betas, eps, label)
        same_array(got, np.array(want), name)


@check("K", 3, ja="参照解と一致: 線形スケジュール（T = 1000）、t = 0, 1, 499, 999、x0 (2, 3, 4, 4)",
       en="agrees with the reference: linear schedule (T = 1000), t = 0, 1, 499, 999, "
          "x0 (2, 3, 4, 4)")
def test_against_reference(student, reference):
    rng = np.random.default_rng(1)
    x0 = rng.uniform(-1.0, 1.0, (2, 3, 4, 4))
    for t in (0, 1, 499, 999):
        eps = rng.standard_normal(x0.shape)
        want = reference.q_sample(x0, t, LINEAR, eps)
        got, name = _sample(student, x0, t, LINEAR, eps, "betas linspace(1e-4, 0.02, 1000)")
        same_array(got, want, name)


def _variance_ok(var, want):
    return abs(var / want - 1.0) <= 5 * math.sqrt(2.0 / N)


@check("P", 2, ja="x0 = 0 なら x_t の分散は 1 − ᾱ_t（β = 0.19 一定: t = 0, 1, 4 で 0.19, 0.3439, "
                  "0.6513、2 万サンプル）",
       en="for x0 = 0 the variance of x_t is 1 − ᾱ_t (constant β = 0.19: 0.19, 0.3439, 0.6513 "
          "at t = 0, 1, 4; 20 000 samples)")
def test_variance_from_zero(student):
    betas = np.full(10, 0.19)  # ᾱ_t = 0.81 ** (t + 1)
    x0 = np.zeros(N)
    eps = np.random.default_rng(2).standard_normal(N)
    for t, want in ((0, 0.19), (1, 0.3439), (4, 0.6513215599)):
        x_t, name = _sample(student, x0, t, betas, eps, "betas [0.19] * 10")
        var = float(x_t.var())
        assert_that(_variance_ok(var, want),
                    bilingual(ja="{name}: x0 = 0 のとき x_t の分散は 1 − ᾱ_t = {want} のはず"
                                 "ですが {var:.4f} でした",
                              en="{name}: with x0 = 0 the variance of x_t must be "
                                 "1 − ᾱ_t = {want}; got {var:.4f}",
                              name=name, want=want, var=var), got=var, expected=want)


@check("P", 2, ja="分散を保つ: x0 ~ N(0, 1) なら x_t の分散は 1"
                  "（線形スケジュール、t = 0, 249, 999）",
       en="variance preserving: x0 ~ N(0, 1) gives x_t with variance 1 (linear schedule, "
          "t = 0, 249, 999)")
def test_variance_preserving(student):
    rng = np.random.default_rng(3)
    x0 = rng.standard_normal(N)
    for t in (0, 249, 999):
        eps = rng.standard_normal(N)
        x_t, name = _sample(student, x0, t, LINEAR, eps, "betas linspace(1e-4, 0.02, 1000)")
        var = float(x_t.var())
        assert_that(_variance_ok(var, 1.0),
                    bilingual(ja="{name}: x0 も eps も標準正規分布なら x_t の分散は 1 のはず"
                                 "ですが {var:.4f} でした（係数の 2 乗の和が 1 になりません）",
                              en="{name}: with x0 and eps both standard normal, x_t must have "
                                 "variance 1; got {var:.4f} (the squared coefficients do not "
                                 "add up to 1)", name=name, var=var), got=var, expected=1.0)
