"""A small two-layer ReLU/softmax network for gradient checks (trusted side, plain numpy).

The suites of backprop_two_layer and two_layer_net_training compare a student's gradients
with central differences of this exact loss, on small fixed problems whose sizes are all
different (N, D, H, K = 4, 3, 5, 2), so a misplaced transpose is a shape error:

    u1 = x W1 + b1,  z1 = ReLU(u1),  u2 = z1 W2 + b2
    L = −(1/N) Σ_n Σ_k d_nk log softmax(u2)_nk      (exact: log-sum-exp, no +1e-7)

Shapes: x (N, D), d (N, K) one-hot, W1 (D, H), b1 (H,), W2 (H, K), b2 (K,). Contains no
exercise's answer: students may read it.
"""

from __future__ import annotations

import numpy as np

from grader.harness.gradcheck import central_differences

N, D, H, K = 4, 3, 5, 2
SHAPES = {"W1": (D, H), "b1": (H,), "W2": (H, K), "b2": (K,)}


def problem(seed: int) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """A seeded network, input x (N, D) and one-hot labels d (N, K)."""
    rng = np.random.default_rng(seed)
    network = {key: rng.standard_normal(shape) for key, shape in SHAPES.items()}
    x = rng.standard_normal((N, D))
    d = np.eye(K)[rng.integers(0, K, N)]
    return network, x, d


def exact_loss(network: dict[str, np.ndarray], x: np.ndarray, d: np.ndarray) -> float:
    """Mean cross-entropy of softmax(ReLU(x W1 + b1) W2 + b2), via log-sum-exp (exact)."""
    u1 = x @ network["W1"] + network["b1"]
    u2 = np.maximum(u1, 0) @ network["W2"] + network["b2"]
    z = u2 - u2.max(axis=1, keepdims=True)
    log_y = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-np.sum(d * log_y) / len(x))


def numeric(network: dict[str, np.ndarray], x: np.ndarray, d: np.ndarray,
            key: str) -> np.ndarray:
    """∂L/∂network[key] by central differences of `exact_loss`."""
    moved = {**network, key: network[key].copy()}  # moved entry by entry, then restored
    return central_differences(lambda: exact_loss(moved, x, d), moved[key])


def away_from_kink(network: dict[str, np.ndarray], x: np.ndarray) -> bool:
    """Every |u1| > 0.05 (differences never cross ReLU's kink), some units on, some off."""
    u1 = x @ network["W1"] + network["b1"]
    return bool(np.abs(u1).min() > 0.05 and (u1 < 0).any() and (u1 > 0).any())
