"""活性化関数・損失関数とその微分 / Activations, losses and their derivatives.

講座の `common/functions.py` と同じ名前・同じ引数の順（損失関数は教師データが先: `(d, y)`）
で、広く出回っている版の既知の誤りを直したものです。
The same names and argument order as the course's `common/functions.py` (loss helpers take
the teacher label first: `(d, y)`), with the known bugs of the widely copied versions fixed:

- `d_mean_squared_error(d, y)` は平均を取った要素数 N·K で割ります（出回っている版は N で
  割るため、出力が K > 1 次元のとき K 倍ずれます）。
  `d_mean_squared_error(d, y)` divides by the N·K entries the mean ran over (the copied
  version divides by N only, off by the output dimension K when K > 1).
- `d_sigmoid(x)` は総入力 x をとります。出力 z = σ(x) が手元にあるなら `z * (1 - z)` を
  使ってください（σ を二度かけない: 単純 RNN のノートブックの誤り）。
  `d_sigmoid(x)` takes the total input x. If you hold the output z = σ(x), use `z * (1 - z)`
  (do not apply σ twice, the simple-RNN notebook's bug).
- `d_relu(0) == 0`（講座の約束）。 `d_relu(0) == 0` (the course's convention).
- L2 の損失は二乗ノルム ½‖d − y‖² です（ノルムそのものではありません）。
  An L2 loss is the squared norm ½‖d − y‖², not the norm.

Several of these are exercises of the course (sigmoid, d_relu, softmax, cross_entropy, …):
write your own answer first, then compare. 演習で自分で書いてから見比べてください。

Shapes: x, y, d are (N, K) for a batch or (K,) for one example; class labels may be
one-hot (N, K) or indices (N,). Everything works in float64.
"""

from __future__ import annotations

import numpy as np

# ---------------------------------------------------------------------------
# 中間層の活性化関数 / Hidden-layer activations
# ---------------------------------------------------------------------------


def step_function(x: np.ndarray) -> np.ndarray:
    """ステップ関数 / Step: 1 where x > 0, else 0."""
    return np.where(x > 0, 1.0, 0.0)


def sigmoid(x: np.ndarray) -> np.ndarray:
    """シグモイド関数 / Sigmoid: σ(x) = 1 / (1 + e^{−x}), without overflow warnings."""
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))  # ≤ 1: never overflows
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def relu(x: np.ndarray) -> np.ndarray:
    """ReLU: max(0, x)."""
    return np.maximum(0, x)


def tanh(x: np.ndarray) -> np.ndarray:
    """双曲線正接 / Hyperbolic tangent."""
    return np.tanh(x)


# ---------------------------------------------------------------------------
# 中間層の活性化関数の微分 / Their derivatives (of the total input x)
# ---------------------------------------------------------------------------


def d_step_function(x: np.ndarray) -> np.ndarray:
    """ステップ関数の微分 / Step derivative: 0 everywhere it exists."""
    return np.zeros_like(np.asarray(x, dtype=np.float64))


def d_sigmoid(x: np.ndarray) -> np.ndarray:
    """シグモイド関数の微分 / σ'(x) = (1 − σ(x)) σ(x); x is the total input, not σ(x)."""
    s = sigmoid(x)
    return (1.0 - s) * s


def d_relu(x: np.ndarray) -> np.ndarray:
    """ReLU の微分 / ReLU derivative: 1 where x > 0, else 0 (0 at x = 0, the course's rule)."""
    return np.where(np.asarray(x) > 0, 1.0, 0.0)


def d_tanh(x: np.ndarray) -> np.ndarray:
    """tanh の微分 / tanh'(x) = 1 − tanh²(x)."""
    return 1.0 - np.tanh(x) ** 2


# ---------------------------------------------------------------------------
# 出力層の活性化関数 / Output layer
# ---------------------------------------------------------------------------


def softmax(x: np.ndarray) -> np.ndarray:
    """ソフトマックス関数 / softmax(x)_k = e^{x_k − max x} / Σ_j e^{x_j − max x}, per row.

    x (N, K) or (K,); the result has the shape of x and each row sums to 1. Subtracting
    the row maximum changes nothing mathematically and keeps e^x finite for large x.
    """
    x = np.asarray(x, dtype=np.float64)
    shifted = x - x.max(axis=-1, keepdims=True)  # the largest entry of a row is 0
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


# ---------------------------------------------------------------------------
# 誤差関数 / Loss functions, teacher label first: (d, y)
# ---------------------------------------------------------------------------


def _as_batch(d: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One example (K,) becomes a batch of one (1, K); labels stay as given."""
    y = np.asarray(y, dtype=np.float64)
    d = np.asarray(d)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        d = d.reshape(1, -1) if d.size == y.size else d.reshape(1)
    return d, y


def _label_indices(d: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Class indices (N,) from labels that are one-hot (N, K) or already indices (N,)."""
    if d.shape == y.shape:
        return np.argmax(d, axis=1)
    return d.astype(np.intp).reshape(-1)


def mean_squared_error(d: np.ndarray, y: np.ndarray) -> float:
    """平均二乗誤差 (講座の形) / The course's MSE: E = (1 / 2NK) Σ (d − y)², a mean over all."""
    d, y = np.asarray(d, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return float(0.5 * np.mean((d - y) ** 2))


def d_mean_squared_error(d: np.ndarray, y: np.ndarray) -> np.ndarray:
    """平均二乗誤差の y についての微分 / ∂E/∂y = (y − d) / (N·K), the size of the mean.

    This is the exact gradient of `mean_squared_error(d, y)` for any shape: it divides by
    every entry the mean ran over (the widely copied version divides by N only).
    """
    d, y = np.asarray(d, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return (y - d) / y.size


def sum_squared_error(d: np.ndarray, y: np.ndarray) -> float:
    """二乗和誤差 / ½ ‖d − y‖² — the squared norm (not the norm) over everything."""
    d, y = np.asarray(d, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return float(0.5 * np.sum(np.square(d - y)))


def cross_entropy_error(d: np.ndarray, y: np.ndarray) -> float:
    """交差エントロピー誤差 / E = −(1/N) Σ_n log(y[n, d_n] + 1e-7).

    d: labels, one-hot (N, K) or indices (N,); y: probabilities (N, K) (or (K,) for one
    example). The 1e-7 keeps log(0) finite, as in the course.
    """
    d, y = _as_batch(d, y)
    n = y.shape[0]
    idx = _label_indices(d, y)
    return float(-np.sum(np.log(y[np.arange(n), idx] + 1e-7)) / n)


def softmax_with_loss(d: np.ndarray, x: np.ndarray) -> float:
    """ソフトマックスと交差エントロピー / cross_entropy_error(d, softmax(x))."""
    return cross_entropy_error(d, softmax(x))


def d_softmax_with_loss(d: np.ndarray, y: np.ndarray) -> np.ndarray:
    """その x についての微分 / ∂E/∂x = (y − t) / N with y = softmax(x), t one-hot.

    d: labels, one-hot (N, K) or indices (N,); y: the softmax output (N, K). Exact
    gradient of the mean over the batch (up to the 1e-7 inside the log).
    """
    d, y = _as_batch(d, y)
    n = y.shape[0]
    grad = y.copy()
    grad[np.arange(n), _label_indices(d, y)] -= 1.0
    return grad / n
