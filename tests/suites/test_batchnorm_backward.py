"""Grading suite: batchnorm_backward — dβ = Σ_n dout_n, dγ = Σ_n dout_n ⊙ x̂_n (dx given).

Every check is a gradient check against central differences of L = Σ out ⊙ R, taken in
the worker through the layer's own forward (training mode): by γ and β with
`gradcheck.numeric_gradient` (a fresh layer per evaluation), by x with
`gradcheck.method_gradient`. The analytic gradients come from one forward and one
backward(R) of the student's layer: dx is returned, dγ and dβ are read from
layer.dgamma and layer.dbeta. N ≠ D everywhere, so summing over the wrong axis shows as a
shape; γ ≠ 1 so a stray γ in dγ shows. The last check uses a large ε (0.5) and a
low-variance feature, and judges dx, dγ and dβ together.

The convergence check (grader.harness.deep_net) puts the student's layer to work: an 8-layer
ReLU network initialized with std 0.01, too small to learn, trains here (each layer call a
round trip to the worker, so no module can replace the loop) on three spirals with one
student BatchNormalization after every hidden Affine (forward, backward, dgamma and dbeta),
and its held-out predictions are judged here. The control runs (selftest only): without batch
normalization the same network and budget learn nothing, and with the reference layer it
learns for several seeds. """

import numpy as np

from grader.checks import check, control, expect_array, same_gradient
from grader.harness import deep_net
from grader.harness.judge import fail_outcome, trained

NUMERIC = "grader.harness.gradcheck.numeric_gradient"
NUMERIC_BY_INPUT = "grader.harness.gradcheck.method_gradient"


def case(seed, N, scales, gamma, beta, eps):
    rng = np.random.default_rng(seed)
    x = 1.0 + scales * rng.standard_normal((N, len(scales)))  # (N, D)
    R = rng.standard_normal((N, len(scales)))  # dout = ∂L/∂out for L = Σ out ⊙ R
    return x, R, [np.array(gamma), np.array(beta), 0.9, eps]


def analytic(student, x, R, layer_args):
    """One forward (training) and backward(R): (dx, dgamma, dbeta), checked for shape."""
    N, D = x.shape
    layer = student.BatchNormalization(*layer_args)
    expect_array(layer.forward(x, True), f"forward(x ({N}, {D}), train_flg=True)",
                 shape=(N, D))
    dx = expect_array(layer.backward(R), f"backward(dout ({N}, {D}))", shape=(N, D))
    return dx, layer.dgamma, layer.dbeta


def numeric_by_parameter(student, harness, x, R, layer_args, index):
    return harness(NUMERIC, student.BatchNormalization, layer_args, index, [R],
                   then="forward", then_args=[x, True])


@check("G", 3, ja="dgamma (D,) が数値勾配と一致（x (5, 3)、γ = [1.5, -0.5, 2]、ε = 1e-7）",
       en="dgamma (D,) matches the numeric gradient (x (5, 3), γ = [1.5, -0.5, 2], ε = 1e-7)")
def test_dgamma(student, harness):
    x, R, layer_args = case(0, 5, np.array([2.0, 0.5, 3.0]), [1.5, -0.5, 2.0],
                            [0.1, 0.0, -0.3], 1e-7)
    _, dgamma, _ = analytic(student, x, R, layer_args)
    same_gradient(dgamma, numeric_by_parameter(student, harness, x, R, layer_args, 0),
                  "dgamma")


@check("G", 2, ja="dbeta (D,) が数値勾配と一致（x (5, 3)、ε = 1e-7）",
       en="dbeta (D,) matches the numeric gradient (x (5, 3), ε = 1e-7)")
def test_dbeta(student, harness):
    x, R, layer_args = case(1, 5, np.array([1.0, 4.0, 0.2]), [0.7, 1.2, -1.0],
                            [0.5, -0.2, 0.0], 1e-7)
    _, _, dbeta = analytic(student, x, R, layer_args)
    same_gradient(dbeta, numeric_by_parameter(student, harness, x, R, layer_args, 1), "dbeta")


@check("G", 3, ja="大きな ε = 0.5 と分散の小さい特徴 (x (6, 4)): dx, dgamma, dbeta がすべて"
                  "数値勾配と一致",
       en="large ε = 0.5 and a low-variance feature (x (6, 4)): dx, dgamma and dbeta all "
          "match the numeric gradient")
def test_all_gradients_large_eps(student, harness):
    x, R, layer_args = case(2, 6, np.array([0.05, 1.0, 2.0, 0.3]), [1.5, 1.0, -2.0, 0.5],
                            [0.2, 0.0, -1.0, 1.0], 0.5)
    dx, dgamma, dbeta = analytic(student, x, R, layer_args)
    same_gradient(dbeta, numeric_by_parameter(student, harness, x, R, layer_args, 1), "dbeta")
    same_gradient(dgamma, numeric_by_parameter(student, harness, x, R, layer_args, 0),
                  "dgamma")
    numeric = harness(NUMERIC_BY_INPUT, student.BatchNormalization, layer_args, "forward",
                      [x, True], 0, [R])
    same_gradient(dx, numeric, "dx")


@check("C", 2, ja="初期値の悪い (std 0.01) 8 層の ReLU ネットが、あなたのバッチ正規化を各層に"
                  "入れると学習できる（3 本の渦巻きの 3 クラス分類、100 ステップ、テストデータの"
                  "正解率 90 % 以上）",
       en="a badly initialized (std 0.01) 8-layer ReLU net learns with your batch "
          "normalization in every layer (three spirals, 3 classes, 100 steps, held-out "
          "accuracy at least 90 %)")
def test_rescues_badly_initialized_deep_net(student):
    # 100 full-batch steps run here, through your forward and backward in the worker; the
    # held-out labels stay here
    x_test, t_test = deep_net.make_data(deep_net.HELD_OUT_SEED)
    result = trained(deep_net.train_and_predict, student.BatchNormalization, x_test, seed=0)
    if type(result) is not dict or "scores" not in result:
        fail_outcome("学習の結果がスコアの辞書ではありません",
                     "training did not give back a dict with the scores", got=result)
    accuracy = deep_net.accuracy(result["scores"], t_test)
    need = deep_net.PASS_ACCURACY
    if not accuracy >= need:
        fail_outcome(f"あなたのバッチ正規化を入れたネットが学習できませんでした: テストデータの"
                     f"正解率 {accuracy:.1%}（{need:.0%} 以上が必要。当てずっぽうで 33 %、"
                     "正しいバッチ正規化なら 95 % 以上）",
                     f"the net with your batch normalization did not learn: held-out accuracy "
                     f"{accuracy:.1%} (at least {need:.0%} needed; guessing gives 33 %, a "
                     "correct batch normalization 95 % or more)", got=accuracy)


@control(ja="バッチ正規化なしでは、同じネットが同じ 100 ステップで何も学習しない"
            "（学習率 0.01、0.1、1.0）",
         en="without batch normalization the same net learns nothing in the same 100 steps "
            "(learning rates 0.01, 0.1, 1.0)")
def test_control_without_batchnorm_learns_nothing():
    x_test, t_test = deep_net.make_data(deep_net.HELD_OUT_SEED)
    for lr in deep_net.CONTROL_LEARNING_RATES:
        params, _, losses = deep_net.train(None, seed=0, lr=lr)
        accuracy = deep_net.accuracy(deep_net.predict(params, None, x_test), t_test)
        assert accuracy < deep_net.PASS_ACCURACY, (lr, accuracy)
        assert losses[0] - losses[-1] < 1e-9, (lr, losses[0], losses[-1])


@control(ja="参照解のバッチ正規化なら 5 個のシードすべてで学習できる",
         en="with the reference batch normalization the net learns for 5 seeds")
def test_control_reference_batchnorm_learns_for_seeds(reference):
    for seed in range(5):
        accuracy = reference(held_out_accuracy, seed)
        assert accuracy >= deep_net.PASS_ACCURACY, (seed, accuracy)


def held_out_accuracy(m, seed):
    """Train with m.BatchNormalization (seed) and score the held-out spirals."""
    x_test, t_test = deep_net.make_data(deep_net.HELD_OUT_SEED)
    result = deep_net.train_and_predict(m.BatchNormalization, x_test, seed=seed)
    return deep_net.accuracy(result["scores"], t_test)
