"""Grading suite: dropout — m = [u > p] from rng, y = x ⊙ m; test time (1 − p)·x; dx = dout ⊙ m.

The generator cannot cross the process boundary: it is made in the worker
(`grader.harness.functions.generator`, a handle to np.random.default_rng(seed)) and each layer
is made by a direct call, Dropout(p, rng), coming back as a proxy. No check depends on one exact
mask (`u > p` and `u < 1 − p` are both right):

- P: the kept fraction over 20 000 entries is within 5 standard errors of 1 − p
  (p = 0.3 and 0.8; never 0.5, where a reversed comparison would pass), and a kept entry
  is passed unchanged (no scaling in training in this form);
- P: the same seed gives the same output, and each training call draws a new mask;
- P: backward uses the mask of the latest forward pass: dx = dout where the output kept x,
  0 where it dropped it;
- K: the test-time output (1 − p)·x, hand-computed.
"""

import math

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual

GENERATOR = "grader.harness.functions.generator"


def make_layer(student, harness, seed, ratio):
    return student.Dropout(ratio, harness(GENERATOR, seed))


def nonzero_input(seed, shape):
    """x with every |x| in [0.5, 2] and random signs: a zero output means a dropped entry."""
    rng = np.random.default_rng(seed)
    return rng.uniform(0.5, 2.0, shape) * rng.choice([-1.0, 1.0], shape)


@check("P", 3, ja="学習時: 残る割合が 1 − dropout_ratio（2 万要素で統計的な範囲内、"
                  "ratio = 0.3 と 0.8）で、残った値は x のまま",
       en="training: the kept fraction is 1 − dropout_ratio (within a statistical bound over "
          "20 000 entries, ratio = 0.3 and 0.8), and kept values equal x")
def test_keep_rate(student, harness):
    for seed, ratio in ((0, 0.3), (1, 0.8)):
        x = nonzero_input(10 + seed, (100, 200))
        layer = make_layer(student, harness, seed, ratio)
        got = layer.forward(x, True)
        if isinstance(got, np.ndarray) and got.shape != x.shape:
            # a large wrong shape is named here, without keeping the whole array as evidence
            assert_that(False, bilingual(ja="forward(x {want}, True): 形 {want} を期待しましたが "
                                            "{shape} でした",
                                         en="forward(x {want}, True): expected shape {want}, "
                                            "got {shape}", want=x.shape, shape=got.shape))
        out = expect_array(got, f"forward(x {x.shape}, True)", shape=x.shape)
        keep = 1.0 - ratio
        rate = float(np.mean(out != 0))
        bound = 5 * math.sqrt(keep * ratio / x.size)
        assert_that(abs(rate - keep) <= bound,
                    bilingual(ja="dropout_ratio = {ratio}: 残った割合が {rate:.4f} です。"
                                 "{keep} ± {bound:.4f} のはずです",
                              en="dropout_ratio = {ratio}: {rate:.4f} of the entries were kept; "
                                 "expected {keep} ± {bound:.4f}",
                              ratio=ratio, rate=rate, keep=keep, bound=bound),
                    got=rate, expected=keep, name=f"kept fraction for ratio {ratio}")
        assert_that(bool(np.all((out == x) | (out == 0))),
                    bilingual(ja="dropout_ratio = {ratio}: 出力の各要素は x のまま（残す）か 0"
                                 "（消す）のどちらかのはずです。学習時に値を拡大・縮小しては"
                                 "いけません",
                              en="dropout_ratio = {ratio}: each output entry must be either x "
                                 "(kept) or 0 (dropped); training must not scale the values",
                              ratio=ratio))


@check("P", 1, ja="乱数は rng から: 同じシードなら同じ出力、学習時の呼び出しごとに新しいマスク",
       en="randomness comes from rng: the same seed gives the same output, and every training "
          "call draws a new mask")
def test_rng_and_fresh_mask(student, harness):
    x = nonzero_input(20, (20, 30))
    first, twin = make_layer(student, harness, 3, 0.4), make_layer(student, harness, 3, 0.4)
    a = expect_array(first.forward(x, True), "forward(x (20, 30), True)", shape=x.shape)
    b = expect_array(twin.forward(x, True), "forward(x (20, 30), True)", shape=x.shape)
    assert_that(np.array_equal(a, b),
                bilingual(ja="同じシードの rng を持つ 2 つのレイヤが違うマスクを作りました。"
                             "np.random のグローバルな状態ではなく self.rng から乱数を作って"
                             "ください",
                          en="two layers whose generators have the same seed drew different "
                             "masks; draw from self.rng, not numpy's global random state"))
    again = expect_array(first.forward(x, True), "forward(x (20, 30), True)", shape=x.shape)
    assert_that(not np.array_equal(a, again),
                bilingual(ja="2 回目の学習時の順伝播が 1 回目と同じマスクを使いました。"
                             "マスクは順伝播のたびに作り直します",
                          en="the second training forward pass used the same mask as the "
                             "first; draw a new mask on every forward pass"))


@check("P", 3, ja="逆伝播は直前の順伝播のマスクを使う: 残した要素は dout のまま、"
                  "消した要素は 0（2 回の順伝播の後）",
       en="backward uses the latest forward pass's mask: dout where the entry was kept, 0 where "
          "it was dropped (after two forward passes)")
def test_backward_uses_forward_mask(student, harness):
    x = nonzero_input(30, (20, 30))
    dout = np.random.default_rng(31).standard_normal((20, 30))
    layer = make_layer(student, harness, 4, 0.4)
    expect_array(layer.forward(x, True), "forward(x (20, 30), True)", shape=x.shape)
    out = expect_array(layer.forward(x, True), "forward(x (20, 30), True) (second call)",
                       shape=x.shape)
    dx = layer.backward(dout)
    same_array(dx, np.where(out != 0, dout, 0.0), "backward(dout (20, 30))")


@check("K", 3, ja="推論時の出力は (1 − dropout_ratio)·x（ratio = 0.25 と 0.6、学習の後でも同じ）",
       en="the test-time output is (1 − dropout_ratio)·x (ratio = 0.25 and 0.6, also after a "
          "training pass)")
def test_test_time_output(student, harness):
    x = np.array([[1.0, -2.0, 4.0], [0.5, 3.0, -1.0]])
    layer = make_layer(student, harness, 5, 0.25)
    same_array(layer.forward(x, False), np.array([[0.75, -1.5, 3.0], [0.375, 2.25, -0.75]]),
               "forward([[1, -2, 4], [0.5, 3, -1]], train_flg=False) with ratio 0.25")
    layer = make_layer(student, harness, 6, 0.6)
    layer.forward(x, True)
    same_array(layer.forward(x, False), np.array([[0.4, -0.8, 1.6], [0.2, 1.2, -0.4]]),
               "forward([[1, -2, 4], [0.5, 3, -1]], train_flg=False) with ratio 0.6, after "
               "a training pass")
