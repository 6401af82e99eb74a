"""Grading suite: softmax_with_loss_backward — dx = (y - d) / N.

Shapes: x (N, K), d (N, K) one-hot, dx (N, K); N ≠ K everywhere (so dividing by K shows).
S: dx is a float (N, K) array. K: hand-computed values for zero logits (y = 1/K).
G: dx against central differences of the exact mean cross-entropy of softmax(x), computed
here (no +1e-7 inside the log), for two batches, one with large logits.
"""

import numpy as np

from grader.checks import check, expect_array, numeric_gradient, same_array, same_gradient


def backward(m, x, d, dout=1.0):
    layer = m.SoftmaxWithLoss()
    layer.forward(x, d)
    return layer.backward(dout)


def exact_loss(x, d):
    """-(1/N) Σ d log softmax(x), via log-sum-exp: exact, no +1e-7."""
    z = x - x.max(axis=1, keepdims=True)
    log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-np.sum(d * log_y) / x.shape[0])


def batch(seed, N, K, scale=1.0):
    rng = np.random.default_rng(seed)
    x = scale * rng.standard_normal((N, K))
    d = np.eye(K)[rng.integers(0, K, N)]  # one-hot (N, K)
    return x, d


@check("S", 2, ja="dx は入力と同じ形 (N, K) の float 配列 (N = 5, K = 3)",
       en="dx is a float array of the input's shape (N, K) (N = 5, K = 3)")
def test_shape(student):
    x, d = batch(0, 5, 3)
    expect_array(backward(student, x, d), "dx", shape=(5, 3), kind="f")


@check("K", 3, ja="既知の値: x = 0 (N = 2, K = 3) → [[-1/3, 1/6, 1/6], [1/6, 1/6, -1/3]]",
       en="known values: x = 0 (N = 2, K = 3) → [[-1/3, 1/6, 1/6], [1/6, 1/6, -1/3]]")
def test_known_values(student):
    d = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    same_array(backward(student, np.zeros((2, 3)), d),
               np.array([[-1 / 3, 1 / 6, 1 / 6], [1 / 6, 1 / 6, -1 / 3]]),
               "dx for x = 0, d = [[1, 0, 0], [0, 0, 1]]")


@check("G", 5, ja="dx が平均交差エントロピー誤差の数値勾配と一致（N = 3, K = 4 と、"
                  "大きなロジットの N = 4, K = 2）",
       en="dx matches the numeric gradient of the mean cross-entropy (N = 3, K = 4, and "
          "N = 4, K = 2 with large logits)")
def test_numeric_gradient(student):
    for seed, N, K, scale in [(1, 3, 4, 1.0), (2, 4, 2, 5.0)]:
        x, d = batch(seed, N, K, scale)
        dx = backward(student, x, d)
        numeric = numeric_gradient(lambda v, d=d: exact_loss(v, d), x.copy())
        same_gradient(dx, numeric, f"dx (N = {N}, K = {K})")
