"""Grading suite: gradient_clipping — g ← (threshold / ‖g‖) · g when ‖g‖ > threshold.

Known values, the properties of clipping by norm (the norm becomes the threshold, the
direction is kept, a small gradient is untouched), and convergence: a ReLU RNN whose
gradients explode trains with the student's clipping in the loop. The training runs here,
in the trusted process, calling the student's clipping in the worker once per step (200
round trips), so no module can swap the training code; the trained parameters are judged
on held-out data. The control runs —
the same training without clipping diverges; a correct clipping converges for 10 seeds —
are `grader selftest`'s, not every student's.
No threshold here is 1: with threshold 1, `grad / norm` would equal the answer.
"""

import numpy as np

from grader.checks import (
    assert_that,
    check,
    control,
    expect_array,
    same_array,
    same_float,
)
from grader.harness import exploding_rnn
from grader.harness.judge import fail_outcome
from grader.i18n import bilingual


def big_gradients():
    """Gradients of several shapes whose norms (12, 15, 18) exceed every threshold used here."""
    rng = np.random.default_rng(7)
    grads = [rng.normal(size=shape) for shape in [(6,), (3, 4), (2, 3, 2)]]
    return [g * (12.0 + 3 * k) / np.linalg.norm(g) for k, g in enumerate(grads)]


@check("K", 2, ja="既知の値: [3, 4] を閾値 2 で → [1.2, 1.6]、閾値 0.5 で → [0.3, 0.4]",
       en="known values: [3, 4] with threshold 2 → [1.2, 1.6], with 0.5 → [0.3, 0.4]")
def test_known_values(student):
    same_array(student.gradient_clipping(np.array([3.0, 4.0]), 2.0), np.array([1.2, 1.6]),
               "gradient_clipping([3, 4], 2.0)")
    same_array(student.gradient_clipping(np.array([3.0, 4.0]), 0.5), np.array([0.3, 0.4]),
               "gradient_clipping([3, 4], 0.5)")


@check("S", 1, ja="形状と dtype を保つ ((3, 4) の float64 → 有限な (3, 4) の float64)",
       en="keeps the shape and dtype ((3, 4) float64 in, finite (3, 4) float64 out)")
def test_shape_and_dtype(student):
    grad = np.arange(12.0).reshape(3, 4)
    got = expect_array(student.gradient_clipping(grad, 2.5), "gradient_clipping(grad (3, 4), 2.5)",
                       shape=(3, 4))
    assert_that(got.dtype == np.float64,
                bilingual(ja="gradient_clipping(grad (3, 4), 2.5): float64 を期待しましたが "
                             "{dtype} でした",
                          en="gradient_clipping(grad (3, 4), 2.5): expected float64, got "
                             "{dtype}", dtype=str(got.dtype)), got=got)


@check("P", 2, ja="クリップ後のノルムが閾値に等しく、向きが変わらない (3 通りの形 × 3 つの閾値)",
       en="after clipping the norm equals the threshold and the direction is kept "
          "(3 shapes × 3 thresholds)")
def test_norm_equals_threshold_direction_kept(student):
    for grad in big_gradients():
        for threshold in (0.5, 2.5, 7.0):
            name = f"gradient_clipping(grad {grad.shape}, {threshold})"
            got = expect_array(student.gradient_clipping(grad.copy(), threshold), name,
                               shape=grad.shape)
            same_float(np.linalg.norm(got), threshold, f"‖{name}‖", rtol=1e-9)
            # Same direction: got is a positive multiple of grad.
            scale = threshold / np.linalg.norm(grad)
            same_array(got, grad * scale, name)


@check("P", 2, ja="閾値以下の勾配はそのまま、超える勾配だけ縮む",
       en="a gradient at or below the threshold is returned unchanged; only a larger one "
          "shrinks")
def test_small_gradients_untouched(student):
    grad = np.array([3.0, 4.0])  # norm 5
    got = student.gradient_clipping(grad.copy(), 2.0)
    assert_that(isinstance(got, np.ndarray) and np.linalg.norm(got) < 5.0 - 1e-9,
                bilingual(ja="gradient_clipping([3, 4], 2.0): 閾値を超える勾配は縮むはずです",
                          en="gradient_clipping([3, 4], 2.0): a gradient above the threshold "
                             "must shrink"), got=got)
    for threshold in (5.0, 6.0, 100.0):  # 5.0: exactly at the threshold, rate = 1
        same_array(student.gradient_clipping(grad.copy(), threshold), grad,
                   f"gradient_clipping([3, 4], {threshold})")


@check("C", 3, ja="勾配が爆発する ReLU RNN があなたのクリッピングで学習できる",
       en="a ReLU RNN whose gradients explode trains with your clipping")
def test_exploding_rnn_trains(student):
    # 200 training steps run here, each calling your clipping in the worker (a round trip
    # each: the training code stays out of reach of your module); the trained parameters
    # are judged on a held-out batch
    try:
        params = exploding_rnn.train_weights(student.gradient_clipping, seed=0)
    except ValueError as err:  # what the clipping returned cannot serve as a gradient
        fail_outcome(f"あなたのクリッピングでは学習を進められません: {err}",
                     f"training cannot go on with your clipping: {err}")
    if type(params) is not dict:
        fail_outcome("学習の結果がパラメータの辞書ではありません",
                     "training did not give back a dict of parameters", got=params)
    try:
        loss, baseline = exploding_rnn.held_out_loss(params)
    except ValueError as err:
        fail_outcome(f"学習したパラメータを評価できません: {err}",
                     f"the trained parameters cannot be evaluated: {err}")
    limit = exploding_rnn.HELD_OUT_FRACTION_OF_BASELINE * baseline
    if not (np.isfinite(loss) and loss < limit):
        fail_outcome(f"あなたのクリッピングでは RNN が学習できませんでした: テストデータの損失 "
                     f"{loss:.4g}（{limit:.4g} 未満が必要。何も学ばない予測の損失は "
                     f"{baseline:.4g}）",
                     f"the RNN did not learn with your clipping: held-out loss {loss:.4g} "
                     f"(below {limit:.4g} needed; predicting a constant gives {baseline:.4g})",
                     got=loss)


@control(ja="クリッピングなしでは同じ学習が発散する",
         en="without clipping the same training diverges")
def test_control_without_clipping_diverges():
    result = exploding_rnn.train(None, seed=0)
    assert result.diverged, "the exploding RNN trained without clipping: the check proves nothing"


@control(ja="正しいクリッピングなら 10 個のシードすべてで収束する",
         en="with a correct clipping the training converges for 10 seeds")
def test_control_reference_clipping_converges_for_seeds(reference):
    for seed in range(10):
        result = exploding_rnn.train(reference.gradient_clipping, seed=seed)
        assert result.converged, f"seed {seed}: {result.criterion}"
