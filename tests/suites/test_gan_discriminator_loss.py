"""Grading suite: gan_discriminator_loss — L_D = −mean(log D_real + log(1 − D_fake)),
L_G = −mean(log D_fake) (non-saturating).

- K: L_D on hand-computed cases (log 2.5, −log 0.63) and against the reference on seeded
  inputs;
- P: L_D = 2 log 2 when D = 0.5 everywhere (for several N) and 0 for a perfect
  discriminator (D_real = 1, D_fake = 0);
- P: L_D > 0, falls when D_real rises and rises when D_fake rises;
- K: L_G hand-computed (1.5 log 2) and against the reference;
- P: L_G = log 2 at D_fake = 0.5 and is non-saturating: it falls by log 2 from D_fake = 0.01
  to 0.02 (the saturating form changes by about 0.01 there).
"""

import math

import numpy as np

from grader.checks import assert_that, check, same_float
from grader.i18n import bilingual


def _arr(values):
    return np.array(values, dtype=np.float64)


def _seeded(seed, n):
    rng = np.random.default_rng(seed)
    return rng.uniform(0.05, 0.95, n), rng.uniform(0.05, 0.95, n)


def _d_loss(student, d_real, d_fake):
    name = f"discriminator_loss({np.round(d_real, 4).tolist()}, {np.round(d_fake, 4).tolist()})"
    return student.discriminator_loss(d_real, d_fake), name


@check("K", 3, ja="識別器の損失: 手計算の値（[0.8, 0.5], [0.2, 0.5] → log 2.5）と参照解",
       en="discriminator loss: hand-computed values ([0.8, 0.5], [0.2, 0.5] → log 2.5) and the "
          "reference")
def test_discriminator_known(student, reference):
    got, name = _d_loss(student, _arr([0.8, 0.5]), _arr([0.2, 0.5]))
    same_float(got, math.log(2.5), name)
    got, name = _d_loss(student, _arr([0.9]), _arr([0.3]))
    same_float(got, -math.log(0.63), name)
    for seed, n in ((1, 6), (2, 10)):
        d_real, d_fake = _seeded(seed, n)
        want = reference.discriminator_loss(d_real, d_fake)
        got, name = _d_loss(student, d_real, d_fake)
        same_float(got, want, name)


@check("P", 2, ja="識別器の損失: D = 0.5 なら 2 log 2（N = 1, 3, 8）、完全な識別器なら 0",
       en="discriminator loss: 2 log 2 when D = 0.5 (N = 1, 3, 8); 0 for a perfect "
          "discriminator")
def test_discriminator_extremes(student):
    for n in (1, 3, 8):
        half = np.full(n, 0.5)
        got, name = _d_loss(student, half, half)
        same_float(got, 2 * math.log(2), name)
    got, name = _d_loss(student, np.ones(4), np.zeros(4))
    same_float(got, 0.0, name, atol=1e-15)


@check("P", 1, ja="識別器の損失は正で、D_real が上がると下がり、D_fake が上がると上がる",
       en="the discriminator loss is positive, falls as D_real rises and rises as D_fake rises")
def test_discriminator_monotone(student):
    d_real, d_fake = _seeded(3, 5)
    base, name = _d_loss(student, d_real, d_fake)
    better, better_name = _d_loss(student, d_real + 0.04, d_fake)
    worse, worse_name = _d_loss(student, d_real, d_fake + 0.04)
    for value, label in ((base, name), (better, better_name), (worse, worse_name)):
        assert_that(isinstance(value, float) and value > 0,
                    bilingual(ja="{name} = {got}: 損失は正のはずです",
                              en="{name} = {got}: the loss must be positive",
                              name=label, got=value), got=value)
    assert_that(better < base < worse,
                bilingual(ja="D_real を 0.04 上げると損失は下がり（{base:.4f} → {better:.4f}）、"
                             "D_fake を 0.04 上げると上がる（→ {worse:.4f}）はずです",
                          en="raising D_real by 0.04 must lower the loss ({base:.4f} → "
                             "{better:.4f}) and raising D_fake by 0.04 must raise it "
                             "(→ {worse:.4f})", base=base, better=better, worse=worse))


@check("K", 2, ja="生成器の損失: 手計算の値（[0.25, 0.5] → 1.5 log 2）と参照解",
       en="generator loss: hand-computed value ([0.25, 0.5] → 1.5 log 2) and the reference")
def test_generator_known(student, reference):
    same_float(student.generator_loss(_arr([0.25, 0.5])), 1.5 * math.log(2),
               "generator_loss([0.25, 0.5])")
    _, d_fake = _seeded(4, 7)
    want = reference.generator_loss(d_fake)
    same_float(student.generator_loss(d_fake), want,
               f"generator_loss({np.round(d_fake, 4).tolist()})")


@check("P", 2, ja="生成器の損失: D_fake = 0.5 で log 2、D_fake が 0 に近くても飽和しない"
                  "（0.01 → 0.02 で log 2 下がる）",
       en="generator loss: log 2 at D_fake = 0.5, and it does not saturate near D_fake = 0 "
          "(it falls by log 2 from 0.01 to 0.02)")
def test_generator_non_saturating(student):
    same_float(student.generator_loss(np.full(3, 0.5)), math.log(2),
               "generator_loss([0.5, 0.5, 0.5])")
    low = student.generator_loss(np.full(2, 0.01))
    high = student.generator_loss(np.full(2, 0.02))
    drop = low - high
    assert_that(abs(drop - math.log(2)) < 1e-9,
                bilingual(ja="D_fake を 0.01 から 0.02 に上げると損失は log 2 ≈ 0.693 下がるはず"
                             "ですが、{drop:.4g} 下がりました（飽和する形や符号の誤りでは"
                             "ほとんど、または逆に変わります）",
                          en="raising D_fake from 0.01 to 0.02 must lower the loss by "
                             "log 2 ≈ 0.693; it fell by {drop:.4g} (the saturating form or a "
                             "wrong sign barely moves it, or moves it the other way)",
                          drop=drop), got=drop, expected=math.log(2))
