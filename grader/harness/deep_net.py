"""Batch normalization rescues a badly initialized deep ReLU network (check kind C).

The experiment of ゼロから作る Deep Learning 1, §6.3.2, on a small synthetic task:

- Task: three interleaved spirals in the plane (like the CS231n spiral data), ``N_PER_CLASS``
  points per class, a little noise; x (N, 2), t (N,) with classes 0, 1, 2. A held-out set
  (another seed) judges the trained network.
- Network (row form, Deep Learning from Scratch): ``DEPTH`` hidden layers of ``HIDDEN``
  units, each ``Affine → [BatchNormalization] → ReLU``, then ``Affine → softmax``:

      h_0 = x (N, 2);   a_l = h_{l−1} W_l + b_l (N, H);   h_l = relu(bn_l(a_l)) (N, H)
      scores = h_L W_out + b_out (N, 3)

- Bad initialization: every weight drawn from N(0, ``INIT_STD``²) with ``INIT_STD`` = 0.01
  (the book's weight_init_std = 0.01), every bias 0. Without batch normalization each layer
  shrinks the signal about 25-fold (0.01 · √(H/2) ≈ 0.04 for H = 32), so after eight layers
  the scores, and the gradients that flow back to the first layers, are about 1e-11 of
  their size: the network does not learn. Batch normalization rescales every layer's output
  to unit variance, so the same weights train.
- Training: full-batch gradient descent with learning rate ``LEARNING_RATE`` for ``STEPS``
  steps on the softmax cross-entropy loss. Batch normalization layers are made by the
  ``make_bn(gamma, beta, momentum, eps)`` passed in (in grading, the student's
  ``BatchNormalization`` class): ``forward(a, True)`` while training, ``backward(da_hat)``
  for the input gradient, and the layer's ``dgamma``, ``dbeta`` for its parameters;
  ``forward(a, False)`` (the running averages) for the held-out predictions.

``train_and_predict`` runs in the trusted process, each layer call a round trip to the
worker (so no module can replace the loop: ``grader.verify``), and returns the losses and
the held-out scores, which are compared with the held-out labels. Measured with the
constants below (``OPENBLAS_NUM_THREADS=1``): a correct batch normalization reaches
95.6–100 % held-out accuracy for every seed of 0..49, in about 0.35 s per run (0.65 s at
most, on a busy machine). Without it the loss stays at ln 3 (it moves by less than 1e-13)
for the seeds 0..19 at every learning rate of ``CONTROL_LEARNING_RATES``; the held-out
accuracy stays at chance (33 %), or up to 68 % at lr = 1.0, where the biases pick up a
trace of the classes in scores that differ by about 1e-12.

Contains no exercise's answer (the layer under test comes in as an argument): students may
read it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from grader.harness import curves

N_PER_CLASS = 60
CLASSES = 3
NOISE = 0.15
HIDDEN = 32  # H
DEPTH = 8  # hidden layers
INIT_STD = 0.01
LEARNING_RATE = 0.1
STEPS = 100
BN_MOMENTUM = 0.9
BN_EPS = 1e-5

HELD_OUT_SEED = 1_000_003
"""Seeds the held-out spirals; training uses the seed given to ``train_and_predict``."""

PASS_ACCURACY = 0.9
"""The held-out accuracy a correct batch normalization must reach (chance is 1/3)."""

CONTROL_LEARNING_RATES = (0.01, 0.1, 1.0)
"""Learning rates at which the control run shows that the network without BN stays at chance."""


def make_data(seed: int, n_per_class: int = N_PER_CLASS) -> tuple[np.ndarray, np.ndarray]:
    """Three noisy spirals: x (N, 2) with N = 3 · n_per_class, t (N,) int labels 0..2."""
    rng = np.random.default_rng(seed)
    xs, ts = [], []
    for k in range(CLASSES):
        r = rng.uniform(0.05, 1.0, n_per_class)  # radius (n,)
        theta = 4.0 * r + 2.0 * np.pi * k / CLASSES + NOISE * rng.standard_normal(n_per_class)
        xs.append(np.stack([r * np.sin(theta), r * np.cos(theta)], axis=1))  # (n, 2)
        ts.append(np.full(n_per_class, k))
    return np.concatenate(xs), np.concatenate(ts)


def init_params(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """W1 (2, H), W2..W_L (H, H), W_out (H, 3) from N(0, INIT_STD²); biases 0."""
    sizes = [2] + [HIDDEN] * DEPTH + [CLASSES]
    params = {}
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True), start=1):
        params[f"W{i}"] = INIT_STD * rng.standard_normal((n_in, n_out))
        params[f"b{i}"] = np.zeros(n_out)
    return params


def _probabilities(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax of scores (N, C)."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def _check_array(value: object, shape: tuple[int, ...], what: str) -> np.ndarray:
    if type(value) is not np.ndarray or value.shape != shape or value.dtype.kind != "f":
        got = getattr(value, "shape", type(value).__name__)
        raise ValueError(f"{what} should be a float array of shape {shape}, got {got}")
    return value


def _forward(params: dict[str, np.ndarray], layers: list | None, x: np.ndarray,
             train: bool) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
    """Scores (N, 3), the inputs h_{l−1} of every Affine and the pre-ReLU values."""
    n = x.shape[0]
    inputs, pre_relu = [], []
    h = x
    for i in range(1, DEPTH + 1):
        inputs.append(h)
        a = h @ params[f"W{i}"] + params[f"b{i}"]  # (N, H)
        if layers is not None:
            a = _check_array(layers[i - 1].forward(a, train), (n, HIDDEN),
                             f"layer {i}: BatchNormalization.forward(a ({n}, {HIDDEN}))")
        pre_relu.append(a)
        h = np.maximum(a, 0.0)  # (N, H)
    inputs.append(h)
    out = DEPTH + 1
    return h @ params[f"W{out}"] + params[f"b{out}"], inputs, pre_relu


def train(make_bn: Callable[..., object] | None, *, seed: int = 0,
          lr: float = LEARNING_RATE, steps: int = STEPS) -> tuple[dict, list | None, np.ndarray]:
    """Train the network (with ``make_bn`` layers, or none); params, layers, losses (steps,)."""
    rng = np.random.default_rng(seed)
    params = init_params(rng)
    x, t = make_data(seed)  # (N, 2), (N,)
    n = x.shape[0]
    onehot = np.eye(CLASSES)[t]  # (N, 3)
    layers = None
    if make_bn is not None:
        layers = [make_bn(np.ones(HIDDEN), np.zeros(HIDDEN), BN_MOMENTUM, BN_EPS)
                  for _ in range(DEPTH)]
    losses = np.empty(steps)
    curve = curves.track("loss", ja="学習データの交差エントロピー損失",
                         en="training cross-entropy loss")
    for step in range(steps):
        scores, inputs, pre_relu = _forward(params, layers, x, True)
        probs = _probabilities(scores)  # (N, 3)
        losses[step] = -np.mean(np.log(np.sum(probs * onehot, axis=1)))
        curve.append(float(losses[step]))
        if not np.isfinite(losses[step]):
            raise ValueError(f"the training loss became {losses[step]} at step {step}")
        delta = (probs - onehot) / n  # d loss / d scores (N, 3)
        grads = {}
        for i in range(DEPTH + 1, 0, -1):
            grads[f"W{i}"] = inputs[i - 1].T @ delta  # (in, out)
            grads[f"b{i}"] = delta.sum(axis=0)  # (out,)
            if i == 1:
                break
            delta = (delta @ params[f"W{i}"].T) * (pre_relu[i - 2] > 0)  # (N, H)
            if layers is not None:
                bn = layers[i - 2]
                delta = _check_array(bn.backward(delta), (n, HIDDEN),
                                     f"layer {i - 1}: BatchNormalization.backward(dout "
                                     f"({n}, {HIDDEN}))")
                dgamma = _check_array(bn.dgamma, (HIDDEN,), f"layer {i - 1}: dgamma")
                dbeta = _check_array(bn.dbeta, (HIDDEN,), f"layer {i - 1}: dbeta")
                bn.gamma = bn.gamma - lr * dgamma
                bn.beta = bn.beta - lr * dbeta
        for key, grad in grads.items():
            params[key] = params[key] - lr * grad
    return params, layers, losses


def predict(params: dict[str, np.ndarray], layers: list | None, x: np.ndarray) -> np.ndarray:
    """Scores (M, 3) of inputs x (M, 2); batch normalization at test time (running averages)."""
    return _forward(params, layers, x, False)[0]


def train_and_predict(make_bn: Callable[..., object] | None, x_test: np.ndarray, *,
                      seed: int = 0) -> dict[str, np.ndarray]:
    """Train (in the trusted process, with the student proxy); the losses and the held-out
    scores, plain arrays."""
    params, layers, losses = train(make_bn, seed=seed)
    return {"losses": losses, "scores": predict(params, layers, x_test)}


def accuracy(scores: object, t: np.ndarray) -> float:
    """The fraction of rows whose largest score is the label; 0 for anything malformed."""
    if (type(scores) is not np.ndarray or scores.shape != (t.shape[0], CLASSES)
            or scores.dtype.kind != "f" or not np.all(np.isfinite(scores))):
        return 0.0
    return float(np.mean(np.argmax(scores, axis=1) == t))
