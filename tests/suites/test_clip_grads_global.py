"""Grading suite: clip_grads_global — every g ← rate · g in place when ‖g‖_global > max_norm.

rate = max_norm / (‖g‖ + 1e-6) with the global norm over all arrays (the book's clip_grads).
Every check reads the caller's arrays after the call (the function returns None), so a
clipping that is not in place fails. Known values: a norm-5 pair clipped to 2; arrays each
below max_norm whose global norm is above it (clipped); a global norm below max_norm
(untouched). The reference on random arrays of several shapes with mixed signs.
"""

import numpy as np

from grader.checks import assert_that, check, same_array
from grader.i18n import bilingual


def clipped(m, grads, max_norm):
    """The caller's arrays after m.clip_grads_global(grads, max_norm), and its return value."""
    returned = m.clip_grads_global(grads, max_norm)
    return grads, returned


def returns_none(returned):
    assert_that(returned is None,
                bilingual(ja="clip_grads_global は None を返し、grads をその場で書き換えます",
                          en="clip_grads_global returns None and changes grads in place"),
                got=returned)


@check("K", 3, ja="既知の値: [3, 0] と [[0], [4]]（全体のノルム 5）を max_norm 2 で → 0.4 倍"
                  "（呼び出し元の配列が変わる）",
       en="known values: [3, 0] and [[0], [4]] (global norm 5) with max_norm 2 → scaled by "
          "0.4 (the caller's arrays change)")
def test_known_values(student):
    grads = [np.array([3.0, 0.0]), np.array([[0.0], [4.0]])]
    got, returned = clipped(student, grads, 2.0)
    rate = 2.0 / (5.0 + 1e-6)
    same_array(got[0], np.array([3.0, 0.0]) * rate, "grads[0] after clipping")
    same_array(got[1], np.array([[0.0], [4.0]]) * rate, "grads[1] after clipping")
    returns_none(returned)


@check("K", 2, ja="配列ごとのノルムは max_norm 以下でも、全体のノルムが超えればクリップする",
       en="arrays each below max_norm are clipped when their global norm exceeds it")
def test_global_not_per_array(student):
    grads = [np.array([0.0, -3.0]), np.array([4.0]), np.array([[0.0, 0.0]])]  # norms 3, 4, 0
    got, _ = clipped(student, grads, 4.5)  # global norm 5 > 4.5
    rate = 4.5 / (5.0 + 1e-6)
    for k, want in enumerate([np.array([0.0, -3.0]), np.array([4.0]), np.array([[0.0, 0.0]])]):
        same_array(got[k], want * rate, f"grads[{k}] after clipping (max_norm 4.5)")


@check("K", 2, ja="全体のノルムが max_norm 以下なら何も変えない",
       en="a global norm below max_norm changes nothing")
def test_below_threshold(student):
    grads = [np.array([1.0, -2.0]), np.array([[2.0], [0.0]])]  # global norm 3
    got, returned = clipped(student, grads, 3.5)
    same_array(got[0], np.array([1.0, -2.0]), "grads[0] (global norm 3, max_norm 3.5)")
    same_array(got[1], np.array([[2.0], [0.0]]), "grads[1] (global norm 3, max_norm 3.5)")
    returns_none(returned)


@check("K", 3, ja="参照解と一致（形の違う 3 つの配列、正負の混じった値、max_norm 1.5 と 7）",
       en="agrees with the reference (three arrays of different shapes, mixed signs, "
          "max_norm 1.5 and 7)")
def test_against_reference(student, reference):
    for seed, max_norm in [(0, 1.5), (1, 7.0)]:
        rng = np.random.default_rng(seed)
        shapes = [(4, 3), (3, 3), (3,)]
        grads = [3.0 * rng.standard_normal(s) for s in shapes]
        want, _ = reference(clipped, [g.copy() for g in grads], max_norm)
        got, _ = clipped(student, grads, max_norm)
        for k, (g, w) in enumerate(zip(got, want, strict=True)):
            same_array(g, w, f"grads[{k}] {shapes[k]} after clipping (max_norm {max_norm})")
