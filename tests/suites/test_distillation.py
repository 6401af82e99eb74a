"""Grading suite: distillation — softmax(z / T) and the loss T² · CE(p, q).

Blank 1 (softmax_with_temperature): hand-computed values (logits of the form T·log(·) give
exact probabilities), the properties of a temperature (rows sum to 1, T = 1 is the
ordinary softmax, the entropy grows with T, the order within a row is kept, a huge T tends
to uniform), and stability for logits around ±1000. Blank 2 (distillation_loss): a
hand-computed value and a batch against the reference, always with T != 1 (at T = 1 a
forgotten T² does not show).
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array, same_float
from grader.i18n import bilingual

LN2, LN3, LN5 = np.log(2.0), np.log(3.0), np.log(5.0)


def entropy(p):
    """Row entropies −Σ p log p of a (N, K) distribution, (N,)."""
    return -np.sum(p * np.log(np.maximum(p, 1e-300)), axis=-1)


@check("K", 2, ja="手計算の値: [0, 2 ln 3] → T = 1 で [0.1, 0.9]、T = 2 で [0.25, 0.75]、"
                  "[0, 2 ln 2, 2 ln 5] を T = 2 で → [0.125, 0.25, 0.625]",
       en="hand-computed values: [0, 2 ln 3] → [0.1, 0.9] at T = 1, [0.25, 0.75] at T = 2; "
          "[0, 2 ln 2, 2 ln 5] at T = 2 → [0.125, 0.25, 0.625]")
def test_hand_values(student):
    z = np.array([[0.0, 2 * LN3]])
    same_array(student.softmax_with_temperature(z, 1.0), np.array([[0.1, 0.9]]),
               "softmax_with_temperature([[0, 2 ln 3]], T=1)")
    same_array(student.softmax_with_temperature(z, 2.0), np.array([[0.25, 0.75]]),
               "softmax_with_temperature([[0, 2 ln 3]], T=2)")
    z = np.array([[0.0, 2 * LN2, 2 * LN5], [3.0, 3.0, 3.0]])
    same_array(student.softmax_with_temperature(z, 2.0),
               np.array([[0.125, 0.25, 0.625], [1 / 3, 1 / 3, 1 / 3]]),
               "softmax_with_temperature([[0, 2 ln 2, 2 ln 5], [3, 3, 3]], T=2)")
    same_array(student.softmax_with_temperature(np.array([[0.0, LN3]]), 0.5),
               np.array([[0.1, 0.9]]), "softmax_with_temperature([[0, ln 3]], T=0.5)")


@check("P", 3, ja="確率分布であり (行の和 1)、T = 1 は通常の softmax、T が大きいほど"
                  "エントロピーが増え、行内の順番は変わらず、T = 10⁴ でほぼ一様",
       en="a distribution (rows sum to 1), T = 1 is the ordinary softmax, the entropy grows "
          "with T, the order within a row is kept, and T = 10⁴ is nearly uniform")
def test_temperature_properties(student, reference):
    z = np.random.default_rng(6).normal(0.0, 3.0, size=(4, 10))
    want = reference.softmax(z)
    same_array(student.softmax_with_temperature(z.copy(), 1.0), want,
               "softmax_with_temperature(z (4, 10), T=1) vs softmax(z)")
    previous = None
    for T in (0.5, 1.0, 2.0, 5.0, 50.0):
        name = f"softmax_with_temperature(z (4, 10), T={T})"
        p = expect_array(student.softmax_with_temperature(z.copy(), T), name, shape=z.shape)
        same_array(p.sum(axis=1), np.ones(4), f"{name}.sum(axis=1)")
        assert_that(bool(np.all(np.argsort(p, axis=1) == np.argsort(z, axis=1))),
                    bilingual(ja=f"{name}: 行内の大小の順番がロジットと違います",
                              en=f"{name}: the order within a row differs from the logits'"),
                    got=p)
        h = entropy(p)
        if previous is not None:
            assert_that(bool(np.all(h > previous[1])),
                        bilingual(ja="{name}: エントロピー {h} が T={t0} のとき ({h0}) より"
                                     "大きくなっていません",
                                  en="{name}: the entropies {h} are not above those at "
                                     "T={t0} ({h0})",
                                  name=name, h=np.round(h, 4).tolist(), t0=previous[0],
                                  h0=np.round(previous[1], 4).tolist()), got=p)
        previous = (T, h)
    same_array(student.softmax_with_temperature(z.copy(), 1e4), np.full((4, 10), 0.1),
               "softmax_with_temperature(z (4, 10), T=1e4)", rtol=0, atol=1e-3)


@check("P", 2, ja="大きなロジット (±1000) でも小さな T でも有限で、ロジットをずらしても変わらない",
       en="finite for large logits (±1000) and a small T, and unchanged by shifting the logits")
def test_stable_for_large_logits(student, reference):
    z = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]])
    for T in (0.5, 1.0, 10.0):
        want = reference.softmax_with_temperature(z, T)
        same_array(student.softmax_with_temperature(z.copy(), T), want,
                   f"softmax_with_temperature([[1000, 1001, 1002], [-1000, 0, 1000]], T={T})")
        same_array(student.softmax_with_temperature(z[:1] - 1000.0, T), want[:1],
                   f"softmax_with_temperature([[0, 1, 2]], T={T}) vs the same logits + 1000")


@check("K", 3, ja="蒸留の損失: 教師 = 生徒 = [0, 2 ln 3]、T = 2 で 4·H(0.25, 0.75) ≈ 2.24934、"
                  "バッチ (5, 4) で T = 4 と T = 0.5 のとき参照解と一致",
       en="distillation loss: teacher = student = [0, 2 ln 3] at T = 2 gives "
          "4·H(0.25, 0.75) ≈ 2.24934; a (5, 4) batch at T = 4 and T = 0.5 equals the reference")
def test_distillation_loss(student, reference):
    z = np.array([[0.0, 2 * LN3]])
    # 4 · −(0.25 ln(0.25 + 1e-7) + 0.75 ln(0.75 + 1e-7)), computed by hand
    same_float(student.distillation_loss(z, z.copy(), 2.0), 2.24933977847534,
               "distillation_loss(z, z, T=2) with z = [[0, 2 ln 3]]", rtol=1e-9)
    rng = np.random.default_rng(9)
    zs, zt = rng.normal(0.0, 2.0, size=(5, 4)), rng.normal(0.0, 2.0, size=(5, 4))
    for T in (4.0, 0.5):
        want = reference.distillation_loss(zs, zt, T)
        same_float(student.distillation_loss(zs.copy(), zt.copy(), T), want,
                   f"distillation_loss(student_logits (5, 4), teacher_logits (5, 4), T={T})",
                   rtol=1e-9)
