"""Grading suite: pruning — keep |W| ≥ percentile(|W|, 100·ratio), one threshold per layer.

Hand-computed masks (ratio 0.5 and 0.75, large negative weights among them), ties at the
threshold (>= keeps them; ratio 0 keeps every weight), the properties of magnitude pruning
on a random (20, 30) matrix (how many are kept, the kept ones are the largest magnitudes,
kept weights keep their sign and value, pruned ones are 0), and a case against the
reference.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, expect_tuple, same_array
from grader.i18n import bilingual


def pruned(student, W, ratio, name):
    """Call the student's magnitude_pruning; check the (W', mask) types and shapes."""
    result = expect_tuple(student.magnitude_pruning(W.copy(), ratio), name, 2)
    W_pruned = expect_array(result[0], f"{name}[0] (W')", shape=W.shape)
    mask = expect_array(result[1], f"{name}[1] (mask)", shape=W.shape, kind="b")
    return W_pruned, mask


@check("K", 3, ja="手計算の値: ratio 0.5 でしきい値 0.4、ratio 0.75 でしきい値 3.25"
                  "（残るのは大きな負の重みだけ）",
       en="hand-computed values: threshold 0.4 at ratio 0.5; threshold 3.25 at ratio 0.75 "
          "(only large negative weights survive)")
def test_hand_values(student):
    W = np.array([[0.5, -2.0, 0.1], [-0.3, 1.5, -0.05]])  # |W| sorted: .05 .1 .3 .5 1.5 2
    name = "magnitude_pruning(W (2, 3), 0.5)"
    W_pruned, mask = pruned(student, W, 0.5, name)
    same_array(mask, np.array([[True, True, False], [False, True, False]]), f"{name}[1] (mask)")
    same_array(W_pruned, np.array([[0.5, -2.0, 0.0], [0.0, 1.5, 0.0]]), f"{name}[0] (W')")
    W = np.array([[3.0, -1.0, 0.2, -4.0], [0.5, -0.1, 2.0, -6.0]])  # 75th pct of |W|: 3.25
    name = "magnitude_pruning(W (2, 4), 0.75)"
    W_pruned, mask = pruned(student, W, 0.75, name)
    same_array(mask, np.array([[False, False, False, True], [False, False, False, True]]),
               f"{name}[1] (mask)")
    same_array(W_pruned, np.array([[0.0, 0.0, 0.0, -4.0], [0.0, 0.0, 0.0, -6.0]]),
               f"{name}[0] (W')")


@check("K", 2, ja="しきい値ちょうどの重みは残す: |W| = 1, 1, 2, 2, 3, 3 を ratio 0.5 で → "
                  "±2 と ±3 の 4 個が残る。ratio 0 なら全部残る",
       en="weights exactly at the threshold are kept: |W| = 1, 1, 2, 2, 3, 3 at ratio 0.5 → "
          "the four weights ±2 and ±3 remain; ratio 0 keeps them all")
def test_ties_at_the_threshold(student):
    W = np.array([[1.0, -1.0, 2.0], [-2.0, 3.0, -3.0]])  # the median of |W| is exactly 2
    name = "magnitude_pruning([[1, -1, 2], [-2, 3, -3]], 0.5)"
    _, mask = pruned(student, W, 0.5, name)
    same_array(mask, np.array([[False, False, True], [True, True, True]]), f"{name}[1] (mask)")
    W = np.array([[0.7, -0.2, 1.1], [-0.4, 0.9, -2.5]])
    name = "magnitude_pruning(W (2, 3), 0.0)"
    W_pruned, mask = pruned(student, W, 0.0, name)
    same_array(mask, np.ones((2, 3), dtype=bool), f"{name}[1] (mask)")
    same_array(W_pruned, W, f"{name}[0] (W')")


@check("P", 3, ja="ランダムな (20, 30) の重み、ratio 0.3 / 0.5 / 0.9: 残る数はほぼ "
                  "(1 − ratio)·600、残るのは絶対値の大きい重み、"
                  "残る重みは符号も値もそのまま、刈った重みは 0",
       en="random (20, 30) weights, ratio 0.3 / 0.5 / 0.9: about (1 − ratio)·600 are kept, "
          "the kept ones have the largest magnitudes, keep their sign and value, the pruned "
          "ones are 0")
def test_pruning_properties(student):
    W = np.random.default_rng(12).normal(size=(20, 30))
    for ratio in (0.3, 0.5, 0.9):
        name = f"magnitude_pruning(W (20, 30), {ratio})"
        W_pruned, mask = pruned(student, W, ratio, name)
        kept, want = int(mask.sum()), (1 - ratio) * W.size
        assert_that(abs(kept - want) <= 1,
                    bilingual(ja="{name}: 残った重みは {kept} 個。{want:g} ± 1 個のはずです",
                              en="{name}: {kept} weights are kept; {want:g} ± 1 expected",
                              name=name, kept=kept, want=want), got=mask)
        assert_that(bool(np.min(np.abs(W[mask])) >= np.max(np.abs(W[~mask]))),
                    bilingual(ja="{name}: 刈った重みの最大の絶対値 {pruned:.4g} が、残した重みの"
                                 "最小の絶対値 {kept:.4g} より大きい",
                              en="{name}: a pruned weight has magnitude {pruned:.4g}, above "
                                 "the smallest kept one ({kept:.4g})",
                              name=name, pruned=float(np.max(np.abs(W[~mask]))),
                              kept=float(np.min(np.abs(W[mask])))), got=mask)
        same_array(W_pruned, np.where(mask, W, 0.0), f"{name}[0] (W')")


@check("K", 2, ja="(8, 6) の重みを ratio 0.7 で刈った結果が参照解と一致",
       en="pruning an (8, 6) weight matrix at ratio 0.7 equals the reference")
def test_against_reference(student, reference):
    W = np.random.default_rng(2).normal(0.0, 0.5, size=(8, 6))
    want_W, want_mask = reference.magnitude_pruning(W, 0.7)
    name = "magnitude_pruning(W (8, 6), 0.7)"
    W_pruned, mask = pruned(student, W, 0.7, name)
    same_array(mask, want_mask, f"{name}[1] (mask)")
    same_array(W_pruned, want_W, f"{name}[0] (W')")
