"""Training harness for a two-layer net on real handwritten digits (UCI optdigits, 8 x 8).

The data are the 1797 8 x 8 digits of the UCI "Optical Recognition of Handwritten Digits"
test set (Alpaydin & Kaynak 1998, CC BY 4.0), vendored as ``grader/data/digits.npz`` with a
fixed split of 1297 training and 500 test images (see ``grader/data/README.md``). Nothing is
downloaded at run time.

The network is the course's two-layer net in the row form of *Deep Learning from Scratch*::

    u1 = x W1 + b1,  z1 = ReLU(u1),  u2 = z1 W2 + b2,  y = softmax(u2)

    x (N, 64) pixels / 16,  W1 (64, H), b1 (H,), W2 (H, 10), b2 (10,),  d (N, 10) one-hot

``train`` runs mini-batch training with a step function under test passed in as an argument
(in grading, the student's ``train_step(network, x, d, learning_rate)``, which must update
``network`` in place): the mini-batches are drawn here with a seeded generator, the step is
called ``STEPS`` times, and the trained network is returned. ``held_out_accuracy`` judges a trained
network on the 500 test images, in the trusted process.

Measured with the constants below (in-process, OPENBLAS_NUM_THREADS=1): a correct step reaches
at least 96 % test accuracy (97 % on average) for every seed 0..19, in about 0.15 s; a step
that does not update, updates with the wrong sign, or forgets the 1/N of the mini-batch mean
(a 100 times larger step) stays near chance (10 %).

This module contains no part of any exercise's answer: the step under test comes in as an
argument, and the trusted forward pass here only predicts classes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np

from grader.harness import curves
from grader.harness.validate import float_arrays

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "digits.npz"

INPUT_SIZE = 64  # D: 8 x 8 pixels
HIDDEN_SIZE = 50  # H
OUTPUT_SIZE = 10  # K: the digits 0..9
BATCH_SIZE = 100
LEARNING_RATE = 0.3
STEPS = 300
REQUIRED_ACCURACY = 0.90

PARAM_SHAPES = {"W1": (INPUT_SIZE, HIDDEN_SIZE), "b1": (HIDDEN_SIZE,),
                "W2": (HIDDEN_SIZE, OUTPUT_SIZE), "b2": (OUTPUT_SIZE,)}

StepFn = Callable[[dict, np.ndarray, np.ndarray, float], object]


@cache
def _load() -> dict[str, np.ndarray]:
    with np.load(DATA_PATH) as data:
        arrays = {name: data[name] for name in ("x_train", "t_train", "x_test", "t_test")}
    for arr in arrays.values():
        arr.flags.writeable = False
    return arrays


def load(split: str = "train") -> tuple[np.ndarray, np.ndarray]:
    """The images as float64 in [0, 1], shape ``(n, 64)``, and one-hot labels ``(n, 10)``.

    ``split`` is ``"train"`` (1297 images) or ``"test"`` (500 images).
    """
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    data = _load()
    x = data[f"x_{split}"].astype(np.float64) / 16.0  # pixels 0..16 -> [0, 1] (n, 64)
    d = np.eye(OUTPUT_SIZE)[data[f"t_{split}"]]  # one-hot (n, 10)
    return x, d


def init_network(seed: int) -> dict[str, np.ndarray]:
    """He initialisation (``randn(n_in, n_out) * sqrt(2 / n_in)``), zero biases."""
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.standard_normal((INPUT_SIZE, HIDDEN_SIZE)) * np.sqrt(2.0 / INPUT_SIZE),
        "b1": np.zeros(HIDDEN_SIZE),
        "W2": rng.standard_normal((HIDDEN_SIZE, OUTPUT_SIZE)) * np.sqrt(2.0 / HIDDEN_SIZE),
        "b2": np.zeros(OUTPUT_SIZE),
    }


def train(step: StepFn, *, seed: int = 0, steps: int = STEPS,
          learning_rate: float = LEARNING_RATE) -> dict[str, np.ndarray]:
    """Mini-batch training: ``step(network, x_batch, d_batch, learning_rate)`` ``steps`` times.

    Each batch is ``BATCH_SIZE`` training images drawn without replacement from a seeded
    generator (``seed`` also seeds the initial network). ``step`` must update ``network`` in
    place; what it returns is ignored.

    Returns:
        The trained network, a dict of the arrays ``W1 (64, H)``, ``b1 (H,)``,
        ``W2 (H, 10)``, ``b2 (10,)``.

    Raises:
        ValueError: the network stopped being a dict of finite float arrays of those shapes
            (the message names the step).
    """
    x_train, d_train = load("train")
    rng = np.random.default_rng(seed)
    network = init_network(seed)
    losses = curves.track("loss", ja="ミニバッチの交差エントロピー損失",
                          en="mini-batch cross-entropy loss")
    for i in range(steps):
        batch = rng.choice(len(x_train), BATCH_SIZE, replace=False)
        losses.append(curves.safe(lambda b=batch: cross_entropy(network, x_train[b],
                                                                d_train[b])))
        step(network, x_train[batch], d_train[batch], learning_rate)
        float_arrays(network, PARAM_SHAPES, f"after training step {i}", "network")
    return network


def train_weights(step: StepFn, *, seed: int = 0) -> dict[str, np.ndarray]:
    """Train (in the trusted process, with the student proxy) and return the plain arrays,
    judged with ``held_out_accuracy``."""
    return dict(train(step, seed=seed))


def cross_entropy(network: dict[str, np.ndarray], x: np.ndarray, d: np.ndarray) -> float:
    """The mean cross-entropy of the network's softmax on ``x`` against one-hot ``d``
    (tracked per step for the feedback page)."""
    z1 = np.maximum(x @ network["W1"] + network["b1"], 0.0)  # (n, H)
    u2 = z1 @ network["W2"] + network["b2"]  # (n, 10)
    u2 = u2 - u2.max(axis=1, keepdims=True)
    log_y = u2 - np.log(np.sum(np.exp(u2), axis=1, keepdims=True))  # log softmax (n, 10)
    return float(-np.sum(d * log_y) / x.shape[0])


def predict(network: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """The predicted classes, shape ``(n,)`` (softmax is monotonic: argmax of u2)."""
    z1 = np.maximum(x @ network["W1"] + network["b1"], 0.0)  # (n, H)
    return np.argmax(z1 @ network["W2"] + network["b2"], axis=1)  # (n,)


def held_out_accuracy(network: object) -> float:
    """The fraction of the 500 test images the network classifies correctly.

    Raises ``ValueError`` when ``network`` is not a dict of finite float arrays of the
    expected shapes.
    """
    network = float_arrays(network, PARAM_SHAPES, "the trained network", "network")
    x_test, d_test = load("test")
    return float(np.mean(predict(network, x_test) == d_test.argmax(axis=1)))
