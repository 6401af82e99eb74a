"""Grading suite: batchnorm_forward — x̂ = (x − μ) / √(σ² + ε), out = γ x̂ + β, running averages.

P: in training mode each output feature has mean β and standard deviation γ (small ε,
features of very different scales and offsets, N ≠ D). K against the reference:
- a large ε (0.5) with a low-variance and a constant feature, where √σ² + ε and √(σ² + ε)
  differ by far (and N − 1 versus N shows);
- running_mean and running_var after two training steps (momentum 0.8, from zero);
- the test-time output from those running averages with ε = 0.5, where a missing ε shows.
The layer lives in the worker; the scenarios below run on `student` and `reference` alike.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def batch(seed, N, scales, offsets):
    """x (N, D): feature j ~ offsets[j] + scales[j] · N(0, 1), deterministic."""
    rng = np.random.default_rng(seed)
    return offsets + scales * rng.standard_normal((N, len(scales)))


def train_forward(m, gamma, beta, eps, x):
    return m.BatchNormalization(gamma, beta, 0.9, eps).forward(x, True)


def two_steps(m, gamma, beta, eps, x1, x2, x_test):
    """Two training steps (momentum 0.8), then the running averages and a test-time output."""
    layer = m.BatchNormalization(gamma, beta, 0.8, eps)
    layer.forward(x1, True)
    layer.forward(x2, True)
    return layer.running_mean, layer.running_var, layer.forward(x_test, False)


LOW_VARIANCE = dict(scales=np.array([0.05, 1.0, 0.0, 3.0]),  # std 0.05, 1, 0 (constant), 3
                    offsets=np.array([1.0, -2.0, 4.0, 0.5]))


@check("P", 3, ja="学習時: 出力の各特徴の平均が β、標準偏差が γ（x (16, 4)、大きさと位置の"
                  "違う特徴、ε = 1e-7）",
       en="training: each output feature has mean β and standard deviation γ (x (16, 4), "
          "features of different scales and offsets, ε = 1e-7)")
def test_train_statistics(student):
    x = batch(0, 16, np.array([0.5, 3.0, 10.0, 0.1]), np.array([5.0, -2.0, 0.0, 100.0]))
    gamma, beta = np.array([1.0, 2.0, 0.5, 3.0]), np.array([0.0, -1.0, 2.0, 0.5])
    out = expect_array(train_forward(student, gamma, beta, 1e-7, x),
                       "forward(x (16, 4), train_flg=True)", shape=(16, 4))
    mean, std = out.mean(axis=0), out.std(axis=0)
    assert_that(bool(np.allclose(mean, beta, rtol=0, atol=1e-9)),
                bilingual(ja="出力の特徴ごとの平均 {mean} が β = {beta} になっていません"
                             "（ミニバッチの方向 axis=0 で平均を引きましたか）",
                          en="the per-feature mean of the output {mean} is not β = {beta} "
                             "(did you subtract the mean across the batch, axis=0?)",
                          mean=np.round(mean, 6).tolist(), beta=beta.tolist()),
                got=mean, expected=beta, name="per-feature mean of out")
    assert_that(bool(np.allclose(std, gamma, rtol=1e-5, atol=0)),
                bilingual(ja="出力の特徴ごとの標準偏差 {std} が γ = {gamma} になっていません"
                             "（N で割る分散の平方根で割りましたか）",
                          en="the per-feature standard deviation of the output {std} is not "
                             "γ = {gamma} (did you divide by the square root of the variance "
                             "over N?)", std=np.round(std, 6).tolist(), gamma=gamma.tolist()),
                got=std, expected=gamma, name="per-feature std of out")


@check("K", 3, ja="大きな ε = 0.5 と分散の小さい特徴・一定の特徴: 学習時の出力が参照解と一致"
                  "（√(σ² + ε) と √σ² + ε の違いが出る場合）",
       en="large ε = 0.5 with a low-variance and a constant feature: the training output "
          "equals the reference (where √(σ² + ε) and √σ² + ε differ)")
def test_large_eps_low_variance(student, reference):
    x = batch(1, 6, **LOW_VARIANCE)
    gamma, beta = np.array([1.5, 1.0, 2.0, 0.5]), np.array([0.2, 0.0, -1.0, 1.0])
    want = reference(train_forward, gamma, beta, 0.5, x)
    same_array(train_forward(student, gamma, beta, 0.5, x), want,
               "forward(x (6, 4), train_flg=True) with eps=0.5")


@check("K", 2, ja="移動平均: 2 回の学習 (momentum 0.8、0 から) の後の running_mean と "
                  "running_var が参照解と一致",
       en="running averages: running_mean and running_var after two training steps "
          "(momentum 0.8, from 0) equal the reference")
def test_running_averages(student, reference):
    x1, x2 = batch(2, 8, **LOW_VARIANCE), batch(3, 8, **LOW_VARIANCE) + 0.5
    x_test = batch(4, 3, **LOW_VARIANCE)
    gamma, beta = np.array([1.5, 1.0, 2.0, 0.5]), np.array([0.2, 0.0, -1.0, 1.0])
    mean_want, var_want, _ = reference(two_steps, gamma, beta, 0.5, x1, x2, x_test)
    layer = student.BatchNormalization(gamma, beta, 0.8, 0.5)
    layer.forward(x1, True)
    layer.forward(x2, True)
    same_array(layer.running_mean, mean_want, "running_mean after two training steps")
    same_array(layer.running_var, var_want, "running_var after two training steps")


@check("K", 2, ja="推論時: 2 回の学習の後、移動平均で正規化した出力 (3, 4) が参照解と一致 "
                  "(ε = 0.5)",
       en="test time: after two training steps, the output (3, 4) normalized with the "
          "running averages equals the reference (ε = 0.5)")
def test_test_time_output(student, reference):
    x1, x2 = batch(2, 8, **LOW_VARIANCE), batch(3, 8, **LOW_VARIANCE) + 0.5
    x_test = batch(4, 3, **LOW_VARIANCE)
    gamma, beta = np.array([1.5, 1.0, 2.0, 0.5]), np.array([0.2, 0.0, -1.0, 1.0])
    *_, want = reference(two_steps, gamma, beta, 0.5, x1, x2, x_test)
    *_, got = two_steps(student, gamma, beta, 0.5, x1, x2, x_test)
    same_array(got, want, "forward(x_test (3, 4), train_flg=False)")
