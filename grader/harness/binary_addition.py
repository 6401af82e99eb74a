"""Training harness for the course's simple RNN that learns 8-bit binary addition.

The network is the Rabbit Challenge notebook 3_1_simple_RNN, vectorised over a batch and in
the row form (time first: ``X[t]`` is the ``(N, 2)`` input at step ``t``)::

    u[t+1] = X[t] W_in + z[t] W,   z[t+1] = sigmoid(u[t+1]),   z[0] = 0
    y[t]   = sigmoid(z[t+1] W_out)
    L      = (1/N) Σ_n Σ_t ½ (y[t]_n - d[t]_n)²          (the squared error, halved)

    X (T, N, 2) the bits of a and b,  D (T, N, 1) the bits of a + b,  least significant first
    W_in (2, H), W (H, H), W_out (H, 1);  u, z (T+1, N, H);  y (T, N, 1)
    T = 8 bits, H = 16 hidden units, a and b in 0..127 so that a + b < 256

``train`` runs plain SGD (``param -= LEARNING_RATE * grad``) on batches of pairs drawn from
the training pairs; the gradients come from a function under test passed in as an argument
(in grading, the student's ``bptt(params, X, D) -> grads``). ``held_out_accuracy`` judges the
trained weights in the trusted process: the fraction of the held-out pairs whose whole 8-bit
sum is right. The held-out pairs are a fixed, seeded set of ``HELD_OUT_SIZE`` of the 128 × 128
pairs; training never draws them.

Measured with the constants below (in-process, OPENBLAS_NUM_THREADS=1): correct gradients
get every held-out sum right (100 %) for each seed 0..19, in 0.3 to 0.8 s per run on a shared
2-core machine; holding W at 0 (no recurrence, so no carry) gives about 1 %. A gradient
truncated after one step (no δ[t+1] Wᵀ term) still learns the addition for some seeds (98 %
for seed 0, 59 % to 94 % for seeds 1..4), because a carry depends only on the previous step:
the gradient checks, not this training, catch that mistake.

This module contains no part of any exercise's answer: the gradients come in from outside,
and the forward pass here is the given (non-blank) part of the exercise.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import numpy as np

from grader.harness import curves
from grader.harness.validate import float_arrays

BINARY_DIM = 8  # T
INPUT_SIZE = 2  # the bits of a and b
HIDDEN_SIZE = 16  # H
OUTPUT_SIZE = 1
LARGEST = 2 ** (BINARY_DIM - 1)  # a, b in 0..127: a + b fits in 8 bits
WEIGHT_INIT_STD = 1.0  # as in the course notebook
LEARNING_RATE = 2.0
BATCH_SIZE = 64
STEPS = 500
HELD_OUT_SIZE = 1000
SPLIT_SEED = 20_260_000
REQUIRED_ACCURACY = 0.95

PARAM_SHAPES = {"W_in": (INPUT_SIZE, HIDDEN_SIZE), "W": (HIDDEN_SIZE, HIDDEN_SIZE),
                "W_out": (HIDDEN_SIZE, OUTPUT_SIZE)}

GradFn = Callable[[dict, np.ndarray, np.ndarray], object]


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^(−x)); e^(−x) overflowing to inf (weights a wrong answer blew up) gives
    exactly 0, which is the limit, so the overflow is not worth a warning."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


def to_bits(numbers: np.ndarray) -> np.ndarray:
    """The 8 bits of each number, least significant first: shape ``(T, n)``, float64."""
    return ((numbers[None, :] >> np.arange(BINARY_DIM)[:, None]) & 1).astype(np.float64)


def from_bits(bits: np.ndarray) -> np.ndarray:
    """The numbers of ``(T, n)`` bits, least significant first: shape ``(n,)``, int."""
    return (np.rint(bits).astype(np.int64) << np.arange(BINARY_DIM)[:, None]).sum(axis=0)


def encode(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inputs ``X (T, n, 2)`` and targets ``D (T, n, 1)`` for the pairs ``(a, b)``."""
    X = np.stack([to_bits(a), to_bits(b)], axis=2)  # (T, n, 2)
    D = to_bits(a + b)[:, :, None]  # (T, n, 1)
    return X, D


@cache
def _split() -> tuple[np.ndarray, np.ndarray]:
    """The pair indices ``a * 128 + b`` for training and held out (fixed, seeded)."""
    perm = np.random.default_rng(SPLIT_SEED).permutation(LARGEST * LARGEST)
    held_out, train = np.sort(perm[:HELD_OUT_SIZE]), perm[HELD_OUT_SIZE:]
    held_out.flags.writeable = False
    train.flags.writeable = False
    return train, held_out


def held_out_pairs() -> tuple[np.ndarray, np.ndarray]:
    """The held-out pairs ``(a, b)``, each ``(HELD_OUT_SIZE,)`` int."""
    pairs = _split()[1]
    return pairs // LARGEST, pairs % LARGEST


def init_params(seed: int, hidden: int = HIDDEN_SIZE) -> dict[str, np.ndarray]:
    """The course notebook's initialisation: ``WEIGHT_INIT_STD * randn``, no biases."""
    rng = np.random.default_rng(seed)
    return {
        "W_in": WEIGHT_INIT_STD * rng.standard_normal((INPUT_SIZE, hidden)),
        "W": WEIGHT_INIT_STD * rng.standard_normal((hidden, hidden)),
        "W_out": WEIGHT_INIT_STD * rng.standard_normal((hidden, OUTPUT_SIZE)),
    }


def forward(params: dict[str, np.ndarray],
            X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``u, z (T+1, N, H)`` and ``y (T, N, 1)`` for inputs ``X (T, N, 2)``."""
    W_in, W, W_out = params["W_in"], params["W"], params["W_out"]
    T, N, _ = X.shape
    H = W.shape[0]
    u = np.zeros((T + 1, N, H))
    z = np.zeros((T + 1, N, H))
    y = np.zeros((T, N, W_out.shape[1]))
    for t in range(T):
        u[t + 1] = X[t] @ W_in + z[t] @ W
        z[t + 1] = sigmoid(u[t + 1])
        y[t] = sigmoid(z[t + 1] @ W_out)
    return u, z, y


def loss(params: dict[str, np.ndarray], X: np.ndarray, D: np.ndarray) -> float:
    """``L = (1/N) Σ_n Σ_t ½ (y - d)²``, exact, float."""
    y = forward(params, X)[2]
    return float(0.5 * np.sum((y - D) ** 2) / X.shape[1])


def train(grad_fn: GradFn, *, seed: int = 0, steps: int = STEPS,
          learning_rate: float = LEARNING_RATE) -> dict[str, np.ndarray]:
    """Plain SGD with ``grads = grad_fn(params, X, D)`` on ``steps`` batches of training pairs.

    ``seed`` seeds the initial weights and the batches. ``grad_fn`` must return a dict of the
    gradients of ``L`` by ``W_in``, ``W`` and ``W_out`` (float arrays of their shapes).

    Returns:
        The trained weights ``W_in (2, H)``, ``W (H, H)``, ``W_out (H, 1)``.

    Raises:
        ValueError: ``grad_fn`` returned something else, or a weight stopped being finite
            (the message names the step).
    """
    train_pairs = _split()[0]
    rng = np.random.default_rng(seed)
    params = init_params(seed)
    losses = curves.track("loss", ja="ミニバッチの二乗誤差損失", en="mini-batch squared-error loss")
    for i in range(steps):
        pairs = train_pairs[rng.integers(0, len(train_pairs), BATCH_SIZE)]
        X, D = encode(pairs // LARGEST, pairs % LARGEST)  # (T, N, 2), (T, N, 1)
        losses.append(curves.safe(lambda: loss(params, X, D)))  # noqa: B023 - called at once
        grads = float_arrays(grad_fn(params, X, D), PARAM_SHAPES,
                             f"at training step {i}, the gradients")
        for name in PARAM_SHAPES:
            params[name] = params[name] - learning_rate * grads[name]
        float_arrays(params, PARAM_SHAPES, f"after training step {i}, the weights")
    return params


def train_weights(grad_fn: GradFn, *, seed: int = 0) -> dict[str, np.ndarray]:
    """Train (in the trusted process, with the student proxy) and return the plain arrays,
    judged with ``held_out_accuracy``."""
    return dict(train(grad_fn, seed=seed))


def held_out_accuracy(params: object) -> float:
    """The fraction of the held-out pairs whose whole 8-bit sum the network gets right.

    Raises ``ValueError`` when ``params`` is not a dict of finite float arrays of the
    expected shapes.
    """
    params = float_arrays(params, PARAM_SHAPES, "the trained weights")
    a, b = held_out_pairs()
    X, _ = encode(a, b)
    y = forward(params, X)[2][:, :, 0]  # (T, n)
    return float(np.mean(from_bits((y > 0.5).astype(np.float64)) == a + b))
