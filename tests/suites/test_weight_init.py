"""Grading suite: weight_init — Xavier (σ = 1/√n_in) and He (σ = √(2/n_in)), (n_in, n_out).

The generator cannot cross the process boundary: `grader.harness.functions.generator` builds
`np.random.default_rng(seed)` in the worker and hands back a handle, which the suite passes as
the last argument of a direct call. Any correct way of drawing is accepted (no exact values):
the checks are the shape and dtype, and sample statistics of 90 000 and 100 000 draws —

- the sample standard deviation within 3 % of σ (its own relative standard error is
  1/√(2N) ≈ 0.24 %, so a correct draw is > 12 standard errors inside; Glorot's
  √(2/(n_in + n_out)), 1/√n_out and σ² instead of σ are all > 10 % away on these shapes);
- the sample mean within 6 σ/√N of 0;
- the fraction within one sample standard deviation of the mean within 0.01 of 68.27 %
  (a normal distribution, not a uniform one with the right σ: 57.7 %);

and reproducibility: the same seed gives the same weights, another seed others (the
randomness comes from rng, not numpy's global state).
"""

import math

import numpy as np

from grader.checks import assert_that, check, expect_array
from grader.i18n import bilingual

GENERATOR = "grader.harness.functions.generator"
WITHIN_ONE_SIGMA = 0.6826894921370859  # P(|z| ≤ 1) for z ~ N(0, 1)


def draw(student, harness, func, seed, n_in, n_out):
    W = getattr(student, func)(n_in, n_out, harness(GENERATOR, seed))
    name = f"{func}({n_in}, {n_out}, rng)"
    if isinstance(W, np.ndarray) and W.size > 1000:
        # a large wrong shape is named here, without keeping the whole array as evidence
        assert_that(W.shape == (n_in, n_out),
                    bilingual(ja="{name}: 形 ({n_in}, {n_out}) を期待しましたが {shape} でした",
                              en="{name}: expected shape ({n_in}, {n_out}), got {shape}",
                              name=name, n_in=n_in, n_out=n_out, shape=W.shape))
    return expect_array(W, name, shape=(n_in, n_out))


def check_statistics(W, sigma, sigma_text, name):
    n = W.size
    std, mean = float(W.std()), float(W.mean())
    assert_that(abs(std / sigma - 1.0) <= 0.03,
                bilingual(ja="{name}: 標本標準偏差 {std:.4g} が {sigma_text} = {sigma:.4g} の "
                             "±3 % に入っていません",
                          en="{name}: the sample standard deviation {std:.4g} is not within "
                             "±3 % of {sigma_text} = {sigma:.4g}",
                          name=name, std=std, sigma=sigma, sigma_text=sigma_text),
                got=std, expected=sigma, name=f"std of {name}")
    bound = 6 * sigma / math.sqrt(n)
    assert_that(abs(mean) <= bound,
                bilingual(ja="{name}: 標本平均 {mean:.4g} が 0 から離れすぎています"
                             "（|平均| ≤ {bound:.2g} のはず）。平均 0 の分布から作ります",
                          en="{name}: the sample mean {mean:.4g} is too far from 0 "
                             "(|mean| ≤ {bound:.2g} expected); draw from a distribution with "
                             "mean 0", name=name, mean=mean, bound=bound),
                got=mean, expected=0.0, name=f"mean of {name}")
    inside = float(np.mean(np.abs(W - mean) <= std))
    assert_that(abs(inside - WITHIN_ONE_SIGMA) <= 0.01,
                bilingual(ja="{name}: 平均 ± 標準偏差 に入る値の割合が {inside:.1%} です。"
                             "正規分布なら 68.3 % です（標準正規分布の乱数を使います）",
                          en="{name}: {inside:.1%} of the values lie within one standard "
                             "deviation of the mean; a normal distribution gives 68.3 % "
                             "(draw standard normal numbers)", name=name, inside=inside),
                got=inside, expected=WITHIN_ONE_SIGMA, name=f"fraction within 1σ of {name}")


@check("S", 2, ja="形状は (n_in, n_out)、dtype は float64（xavier_init と he_init、"
                  "(30, 70) と (7, 2)）",
       en="the shape is (n_in, n_out) and the dtype float64 (xavier_init and he_init, "
          "(30, 70) and (7, 2))")
def test_shape_and_dtype(student, harness):
    for func in ("xavier_init", "he_init"):
        for n_in, n_out in ((30, 70), (7, 2)):
            W = draw(student, harness, func, 1, n_in, n_out)
            assert_that(W.dtype == np.float64,
                        bilingual(ja="{func}({n_in}, {n_out}, rng): float64 を期待しましたが "
                                     "{dtype} でした",
                                  en="{func}({n_in}, {n_out}, rng): expected float64, got "
                                     "{dtype}", func=func, n_in=n_in, n_out=n_out,
                                  dtype=str(W.dtype)), got=W)


@check("P", 3, ja="Xavier: 標本標準偏差 ≈ 1/√n_in、平均 ≈ 0、正規分布 ((100, 900) と (400, 250))",
       en="Xavier: sample standard deviation ≈ 1/√n_in, mean ≈ 0, normally distributed "
          "((100, 900) and (400, 250))")
def test_xavier_statistics(student, harness):
    for seed, n_in, n_out in ((0, 100, 900), (1, 400, 250)):
        W = draw(student, harness, "xavier_init", seed, n_in, n_out)
        check_statistics(W, 1.0 / math.sqrt(n_in), "1/√n_in", f"xavier_init({n_in}, {n_out})")


@check("P", 3, ja="He: 標本標準偏差 ≈ √(2/n_in)、平均 ≈ 0、正規分布 ((100, 900) と (400, 250))",
       en="He: sample standard deviation ≈ √(2/n_in), mean ≈ 0, normally distributed "
          "((100, 900) and (400, 250))")
def test_he_statistics(student, harness):
    for seed, n_in, n_out in ((2, 100, 900), (3, 400, 250)):
        W = draw(student, harness, "he_init", seed, n_in, n_out)
        check_statistics(W, math.sqrt(2.0 / n_in), "√(2/n_in)", f"he_init({n_in}, {n_out})")


@check("P", 2, ja="乱数は rng から: 同じシードなら同じ重み、別のシードなら別の重み",
       en="randomness comes from rng: the same seed gives the same weights, another seed "
          "other weights")
def test_reproducible_with_rng(student, harness):
    for func in ("xavier_init", "he_init"):
        first = draw(student, harness, func, 5, 20, 30)
        again = draw(student, harness, func, 5, 20, 30)
        other = draw(student, harness, func, 6, 20, 30)
        assert_that(np.array_equal(first, again),
                    bilingual(ja="{func}: 同じシードの rng から違う重みができました。"
                                 "np.random のグローバルな状態ではなく、引数の rng から"
                                 "乱数を作ってください",
                              en="{func}: two generators with the same seed gave different "
                                 "weights; draw from the argument rng, not numpy's global "
                                 "random state", func=func))
        assert_that(not np.array_equal(first, other),
                    bilingual(ja="{func}: 別のシードの rng から同じ重みができました。"
                                 "乱数を rng から作ってください",
                              en="{func}: generators with different seeds gave the same "
                                 "weights; draw the random numbers from rng", func=func))
