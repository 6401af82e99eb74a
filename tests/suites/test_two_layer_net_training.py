"""Grading suite: two_layer_net_training — backpropagation and the SGD update of one step.

Small fixed problems first, so a wrong line is named precisely: N, D, H, K = 4, 3, 5, 2 (all
different, so a misplaced transpose or a wrong axis is a shape error). S: the keys, shapes and
dtypes of grad. G: each gradient against central differences of the exact loss (mean
cross-entropy of the ReLU/softmax net: grader.harness.two_layer), with some hidden units
inactive and every |u1| > 0.05, so the differences never cross ReLU's kink. K: the network
after one and after two steps equals the reference's (the update: sign, learning rate, every
key, in place).
C: 300 steps of the student's train_step on real handwritten digits (UCI optdigits, vendored
in grader/data/) run here, in the trusted process, through grader.harness.digits, calling
the student's train_step in the worker once per step (no module can replace the loop); the
trained network is judged on 500 test images training never sees. The control runs — no update and
the wrong sign stay near chance; the reference passes for 10 seeds — are `grader selftest`'s.
"""

import copy

import numpy as np

from grader.checks import (
    assert_that,
    check,
    control,
    expect_array,
    same_array,
    same_gradient,
)
from grader.harness import digits
from grader.harness.judge import fail_outcome, trained
from grader.harness.two_layer import SHAPES, away_from_kink, numeric, problem
from grader.i18n import bilingual

LEARNING_RATE = 0.3  # as in the training on digits


def student_grad(student, seed):
    """The grad the student's step returns, and the network and data before the step."""
    network, x, d = problem(seed)
    assert away_from_kink(network, x), f"seed {seed}: pick inputs away from ReLU's kink"
    grad = student.train_step(copy.deepcopy(network), x.copy(), d.copy(), LEARNING_RATE)
    assert_that(isinstance(grad, dict),
                bilingual(ja="train_step は勾配の辞書 grad を返すはずが {kind} を返しました",
                          en="train_step should return the dict grad, got {kind}",
                          kind=type(grad).__name__), got=grad)
    return grad, network, x, d


def two_steps(module, network, x, d, learning_rate):
    """Two steps of module.train_step on the same batch; the network after each (copies)."""
    module.train_step(network, x, d, learning_rate)
    first = {key: np.array(value, copy=True) for key, value in network.items()}
    module.train_step(network, x, d, learning_rate)
    second = {key: np.array(value, copy=True) for key, value in network.items()}
    return first, second


@check("S", 1, ja="grad の各勾配がパラメータと同じ形の float 配列: W1 (D, H), b1 (H,), "
                  "W2 (H, K), b2 (K,)",
       en="each gradient in grad is a float array of its parameter's shape: W1 (D, H), "
          "b1 (H,), W2 (H, K), b2 (K,)")
def test_shapes(student):
    grad, *_ = student_grad(student, 9)
    for key, shape in SHAPES.items():
        expect_array(grad.get(key), f"grad['{key}']", shape=shape, kind="f")


@check("G", 2, ja="出力層: grad['W2'] と grad['b2'] が数値勾配と一致 (δ2 = ∂L/∂u2)",
       en="output layer: grad['W2'] and grad['b2'] match the numeric gradient (δ2 = ∂L/∂u2)")
def test_output_layer_gradients(student):
    for seed in (2, 6):
        grad, network, x, d = student_grad(student, seed)
        for key in ("W2", "b2"):
            same_gradient(grad.get(key), numeric(network, x, d, key),
                          f"grad['{key}'] (seed {seed})")


@check("G", 2, ja="中間層: grad['W1'] と grad['b1'] が数値勾配と一致（ReLU が 0 を出すユニットを"
                  "含む）",
       en="hidden layer: grad['W1'] and grad['b1'] match the numeric gradient (with inactive "
          "ReLU units)")
def test_hidden_layer_gradients(student):
    for seed in (2, 6):
        grad, network, x, d = student_grad(student, seed)
        for key in ("W1", "b1"):
            same_gradient(grad.get(key), numeric(network, x, d, key),
                          f"grad['{key}'] (seed {seed})")


@check("K", 2, ja="SGD の更新: 1 回目と 2 回目のステップの後の network が参照解と一致"
                  "（4 つのパラメータすべて、その場で更新）",
       en="the SGD update: network after the first and the second step equals the "
          "reference's (all four parameters, updated in place)")
def test_update_two_steps(student, reference):
    network, x, d = problem(7)
    want_first, want_second = reference(two_steps, copy.deepcopy(network), x.copy(), d.copy(),
                                        LEARNING_RATE)
    got_first, got_second = two_steps(student, copy.deepcopy(network), x.copy(), d.copy(),
                                      LEARNING_RATE)
    for label, got, want in (("1", got_first, want_first), ("2", got_second, want_second)):
        for key in SHAPES:
            same_array(got.get(key), want[key],
                       f"network['{key}'] after step {label} (learning_rate {LEARNING_RATE})")


@check("C", 3, ja="実際の手書き数字 (8×8) を 300 ステップ学習し、テスト画像 500 枚で正解率 90 % "
                  "以上",
       en="trained for 300 steps on real handwritten digits (8×8), at least 90 % accuracy on "
          "500 test images", timeout=20)
def test_learns_digits(student):
    # the 300 steps run here, each calling your train_step in the worker on a mini-batch of
    # 100 training images; the trained network is judged on the test images
    network = trained(digits.train_weights, student.train_step, seed=0)
    try:
        accuracy = digits.held_out_accuracy(network)
    except ValueError as err:
        fail_outcome(f"学習したネットワークを評価できません: {err}",
                     f"the trained network cannot be evaluated: {err}", got=network)
    if accuracy < digits.REQUIRED_ACCURACY:
        fail_outcome(f"テスト画像での正解率 {accuracy:.1%}（"
                     f"{digits.REQUIRED_ACCURACY:.0%} 以上が必要、当てずっぽうで 10 %）",
                     f"test accuracy {accuracy:.1%} (at least "
                     f"{digits.REQUIRED_ACCURACY:.0%} needed; guessing gives 10 %)",
                     got=accuracy)


def accuracy_or_zero(step, seed=0):
    """Test accuracy after training with ``step``; 0 when the network blew up."""
    try:
        return digits.held_out_accuracy(digits.train(step, seed=seed))
    except ValueError:
        return 0.0


@control(ja="対照: 更新しないステップでは正解率は当てずっぽう並み (20 % 以下)",
         en="control: a step that does not update stays near chance (at most 20 %)")
def test_control_no_update():
    accuracy = accuracy_or_zero(lambda network, x, d, learning_rate: None)
    assert accuracy <= 0.2, f"an untrained network reached {accuracy:.1%}: the check is too easy"


def ascent_accuracy(module):
    """Test accuracy after training with module.train_step at the negated learning rate."""
    def ascent(network, x, d, learning_rate):
        module.train_step(network, x, d, -learning_rate)

    return accuracy_or_zero(ascent)


def seeds_accuracies(module, seeds):
    """Test accuracies after training with module.train_step, one per seed."""
    return [accuracy_or_zero(module.train_step, seed) for seed in seeds]


@control(ja="対照: 符号が逆の更新（勾配上昇）では正解率は当てずっぽう並み (20 % 以下)",
         en="control: an update with the wrong sign (gradient ascent) stays near chance "
            "(at most 20 %)")
def test_control_wrong_sign(reference):
    # a scenario: the reference's train_step runs on the training's own network, in place
    accuracy = reference(ascent_accuracy)
    assert accuracy <= 0.2, f"gradient ascent reached {accuracy:.1%}: the check proves nothing"


@control(ja="正しいステップなら 10 個のシードすべてで正解率 90 % 以上",
         en="with a correct step the accuracy is at least 90 % for 10 seeds")
def test_control_reference_for_seeds(reference):
    accuracies = reference(seeds_accuracies, list(range(10)))
    for seed, accuracy in enumerate(accuracies):
        assert accuracy >= digits.REQUIRED_ACCURACY, f"seed {seed}: accuracy {accuracy:.1%}"
