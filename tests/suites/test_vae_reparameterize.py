"""Grading suite: vae_reparameterize — z = μ + exp(logvar / 2) ⊙ ε,
KL = −½ Σ (1 + logvar − μ² − exp(logvar)) over every entry.

eps is an argument (drawn here from a seeded generator), so nothing depends on the
student's random state:

- K: z hand-computed (logvar = log 4, so σ = 2 differs from σ² = 4 and from logvar) and
  against the reference on seeded inputs;
- P: eps = 0 gives z = μ exactly; over 20 000 rows the columns of z have the mean μ and the
  standard deviation exp(logvar / 2) within a statistical bound;
- K: KL hand-computed (0.5 for μ = 1, σ = 1; 1.5 − log 2 for μ = 0, σ² = 4; sums over
  rows and columns) and against the reference;
- P: KL = 0 at μ = 0, logvar = 0 (several shapes) and KL ≥ 0 on seeded inputs.
"""

import math

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array, same_float
from grader.i18n import bilingual

LOG4 = math.log(4.0)


def _seeded(seed, shape):
    rng = np.random.default_rng(seed)
    return (rng.normal(0.0, 1.5, shape), rng.uniform(-2.0, 2.0, shape),
            rng.standard_normal(shape))


@check("K", 3, ja="z の値: 手計算（logvar = log 4 → σ = 2）と参照解",
       en="values of z: hand-computed (logvar = log 4 → σ = 2) and the reference")
def test_reparameterize_known(student, reference):
    mu = np.array([[0.0, 1.0, -1.0]])
    logvar = np.array([[0.0, LOG4, -LOG4]])
    eps = np.array([[2.0, -1.0, 4.0]])
    same_array(student.reparameterize(mu, logvar, eps), np.array([[2.0, -1.0, 1.0]]),
               "reparameterize(mu [[0, 1, -1]], logvar [[0, log 4, -log 4]], eps [[2, -1, 4]])")
    for seed, shape in ((1, (3, 4)), (2, (5, 2))):
        mu, logvar, eps = _seeded(seed, shape)
        want = reference.reparameterize(mu, logvar, eps)
        same_array(student.reparameterize(mu, logvar, eps), want,
                   f"reparameterize(mu {shape}, logvar {shape}, eps {shape})")


@check("P", 2, ja="eps = 0 なら z = mu、2 万行で z の列の平均が mu・標準偏差が exp(logvar/2)"
                  "（統計的な範囲内）",
       en="eps = 0 gives z = mu; over 20 000 rows each column of z has mean mu and standard "
          "deviation exp(logvar/2) (within a statistical bound)")
def test_reparameterize_distribution(student):
    mu, logvar, _ = _seeded(3, (4, 3))
    same_array(student.reparameterize(mu, logvar, np.zeros((4, 3))), mu,
               "reparameterize(mu (4, 3), logvar (4, 3), eps = 0)")
    n = 20_000
    mu_row = np.array([1.0, -2.0, 0.5])
    logvar_row = np.array([-2.0, 0.5, 1.5])
    mu, logvar = np.tile(mu_row, (n, 1)), np.tile(logvar_row, (n, 1))
    eps = np.random.default_rng(4).standard_normal((n, 3))
    z = expect_array(student.reparameterize(mu, logvar, eps),
                     "reparameterize(mu (20000, 3), logvar (20000, 3), eps (20000, 3))",
                     shape=(n, 3))
    sigma = np.exp(logvar_row / 2)
    mean, std = z.mean(axis=0), z.std(axis=0)
    mean_ok = np.abs(mean - mu_row) <= 5 * sigma / math.sqrt(n)
    std_ok = np.abs(std / sigma - 1) <= 5 / math.sqrt(2 * n)
    assert_that(bool(np.all(mean_ok) and np.all(std_ok)),
                bilingual(ja="z の列の平均 {mean} と標準偏差 {std} が、mu {mu} と "
                             "σ = exp(logvar/2) {sigma} に合いません（logvar {logvar}）",
                          en="the columns of z have mean {mean} and standard deviation {std}; "
                             "expected mu {mu} and σ = exp(logvar/2) {sigma} (logvar {logvar})",
                          mean=np.round(mean, 3).tolist(), std=np.round(std, 3).tolist(),
                          mu=mu_row.tolist(), sigma=np.round(sigma, 3).tolist(),
                          logvar=logvar_row.tolist()))


@check("K", 3, ja="KL の値: 手計算（μ=1, σ=1 → 0.5; μ=0, σ²=4 → 1.5 − log 2; 全要素の和）と参照解",
       en="KL values: hand-computed (μ=1, σ=1 → 0.5; μ=0, σ²=4 → 1.5 − log 2; the sum over "
          "every entry) and the reference")
def test_kl_known(student, reference):
    same_float(student.kl_divergence(np.array([[1.0]]), np.array([[0.0]])), 0.5,
               "kl_divergence([[1]], [[0]])")
    same_float(student.kl_divergence(np.array([[0.0]]), np.array([[LOG4]])),
               1.5 - math.log(2), "kl_divergence([[0]], [[log 4]])")
    same_float(student.kl_divergence(np.array([[1.0, 0.0], [0.0, -2.0]]),
                                     np.array([[0.0, LOG4], [0.0, 0.0]])),
               0.5 + 1.5 - math.log(2) + 2.0,
               "kl_divergence([[1, 0], [0, -2]], [[0, log 4], [0, 0]])")
    for seed, shape in ((5, (3, 4)), (6, (6, 2))):
        mu, logvar, _ = _seeded(seed, shape)
        want = reference.kl_divergence(mu, logvar)
        same_float(student.kl_divergence(mu, logvar), want,
                   f"kl_divergence(mu {shape}, logvar {shape})")


@check("P", 2, ja="KL は mu = 0, logvar = 0 で 0（形 (1, 1), (3, 5)）、それ以外では 0 以上",
       en="the KL is 0 at mu = 0, logvar = 0 (shapes (1, 1), (3, 5)) and ≥ 0 elsewhere")
def test_kl_properties(student):
    for shape in ((1, 1), (3, 5)):
        same_float(student.kl_divergence(np.zeros(shape), np.zeros(shape)), 0.0,
                   f"kl_divergence(zeros {shape}, zeros {shape})", atol=1e-15)
    for seed in (7, 8, 9):
        mu, logvar, _ = _seeded(seed, (4, 3))
        mu = -np.abs(mu)  # negative means: a missing square shows
        got = student.kl_divergence(mu, logvar)
        assert_that(isinstance(got, float) and got >= 0,
                    bilingual(ja="kl_divergence(mu (4, 3), logvar (4, 3)) = {got}: "
                                 "KL ダイバージェンスは 0 以上です",
                              en="kl_divergence(mu (4, 3), logvar (4, 3)) = {got}: a KL "
                                 "divergence is never negative", got=got), got=got)
