"""Grading suite: normalization_axes — BN over (N, H, W), LN over (C, H, W), IN over (H, W).

x is (N, C, H, W) = (4, 3, 2, 5) with a scale and an offset of its own for every sample and
channel, so every grouping gives different values. K (one check per kind): the values equal
a group-by-group loop (BN: each x[:, c]; LN: each x[n]; IN: each x[n, c]). Statistics alone
are weak — BN over axis 0 only still gives mean 0 and variance 1 per channel — so the
properties check both directions: P: with ε = 0 every right group has mean 0 and variance 1
(fails when the statistics span too many axes), and changing one input changes exactly the
outputs of its group (fails when they span too few).
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual

SHAPE = (4, 3, 2, 5)  # N, C, H, W
KINDS = ("batch", "layer", "instance")
GROUP = {"batch": "x[:, c]", "layer": "x[n]", "instance": "x[n, c]"}


def make_x(seed):
    """(N, C, H, W) with a scale and an offset per sample and per channel."""
    rng = np.random.default_rng(seed)
    N, C = SHAPE[:2]
    scale = rng.uniform(0.5, 3.0, (N, C, 1, 1))
    offset = rng.uniform(-4.0, 4.0, (N, C, 1, 1))
    return rng.standard_normal(SHAPE) * scale + offset


def groups(kind):
    """Index expressions of the groups that share one mean and variance."""
    N, C = SHAPE[:2]
    if kind == "batch":
        return [(slice(None), c) for c in range(C)]
    if kind == "layer":
        return [(n,) for n in range(N)]
    return [(n, c) for n in range(N) for c in range(C)]


def by_groups(x, kind, eps):
    """Normalise group by group, with a loop over the groups."""
    y = np.empty_like(x)
    for g in groups(kind):
        part = x[g]
        y[g] = (part - part.mean()) / np.sqrt(part.var() + eps)
    return y


def normalize(student, x, kind, eps):
    return expect_array(student.normalize(x, kind, eps), f'normalize(x {x.shape}, "{kind}")',
                        shape=x.shape)


def values_check(student, kind):
    for seed, eps in [(1, 1e-5), (2, 0.5)]:
        x = make_x(seed)
        same_array(normalize(student, x, kind, eps), by_groups(x, kind, eps),
                   f'normalize(x (4, 3, 2, 5), "{kind}", eps={eps})')


@check("K", 2, ja="batch: チャネル c ごとに x[:, c] 全体で正規化した値と一致",
       en="batch: equals normalizing each channel c over all of x[:, c]")
def test_batch(student):
    values_check(student, "batch")


@check("K", 2, ja="layer: サンプル n ごとに x[n] 全体で正規化した値と一致",
       en="layer: equals normalizing each sample n over all of x[n]")
def test_layer(student):
    values_check(student, "layer")


@check("K", 2, ja="instance: サンプル n・チャネル c ごとに x[n, c] 全体で正規化した値と一致",
       en="instance: equals normalizing each x[n, c] over all its pixels")
def test_instance(student):
    values_check(student, "instance")


@check("P", 2, ja="ε = 0 で、正しいグループ（BN: x[:, c]、LN: x[n]、IN: x[n, c]）ごとに"
       "平均 0・分散 1",
       en="with ε = 0 every right group (BN: x[:, c], LN: x[n], IN: x[n, c]) has mean 0 and "
       "variance 1")
def test_group_statistics(student):
    x = make_x(3)
    for kind in KINDS:
        y = normalize(student, x, kind, 0.0)
        for g in groups(kind):
            part = y[g]
            ok = abs(part.mean()) < 1e-9 and abs(part.var() - 1.0) < 1e-9
            assert_that(ok, bilingual(
                ja=f'"{kind}": グループ {GROUP[kind]}（{g}）の平均 {part.mean():.3g}・'
                   f"分散 {part.var():.6g} が 0 と 1 ではありません。統計量をとる軸が多すぎるか"
                   "違います",
                en=f'"{kind}": the group {GROUP[kind]} ({g}) has mean {part.mean():.3g} and '
                   f"variance {part.var():.6g}, not 0 and 1: the statistics span too many or "
                   "the wrong axes"), got=part)


@check("P", 2, ja="1 つの入力を変えると、ちょうどそのグループの出力だけが変わる",
       en="changing one input changes exactly the outputs of its group")
def test_group_dependency(student):
    x = make_x(4)
    at = (1, 2, 1, 3)  # n = 1, c = 2, h = 1, w = 3
    x2 = x.copy()
    x2[at] += 1.0
    for kind in KINDS:
        y = normalize(student, x, kind, 1e-5)
        y2 = normalize(student, x2, kind, 1e-5)
        changed = ~np.isclose(y2, y, rtol=0, atol=1e-12)
        want = np.zeros(SHAPE, dtype=bool)
        want[{"batch": (slice(None), 2), "layer": (1,), "instance": (1, 2)}[kind]] = True
        assert_that(np.array_equal(changed, want), bilingual(
            ja=f'"{kind}": x{list(at)} を変えたとき、変わった出力が {int(changed.sum())} 個'
               f"（期待はグループ {GROUP[kind]} の {int(want.sum())} 個）。統計量をとる軸が"
               "少なすぎるか多すぎます",
            en=f'"{kind}": changing x{list(at)} changed {int(changed.sum())} outputs (expected '
               f"the {int(want.sum())} of the group {GROUP[kind]}): the statistics span too "
               "few or too many axes"), got=changed.astype(float), expected=want.astype(float))
