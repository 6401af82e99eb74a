"""An optimizer minimises a quadratic whose optimum is away from 0 (check kind C).

The loops run in the trusted process: the student's optimizer class is made in the worker
and stepped through the ``student`` proxy, one round trip per ``update(params, grads)``
(a few hundred), so no module can replace the loop (``grader.verify``); the final parameters
are judged here. The optimum is away from 0, so
an update that only shrinks the parameters (``param = lr * grad``) does not "converge".

    f(w, b) = ½ Σ a_w (w − w*)² + ½ Σ a_b (b − b*)²
    ∂f/∂w = a_w (w − w*),  ∂f/∂b = a_b (b − b*)

Shapes: w (2, 3), b (3,). Contains no exercise's answer: students may read it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from grader.harness import curves

TARGET = {
    "W": np.array([[3.0, -2.0, 1.5], [-1.0, 2.5, 4.0]]),
    "b": np.array([-3.0, 0.5, 2.0]),
}
CURVATURE = {
    "W": np.array([[1.0, 0.5, 2.0], [0.25, 1.5, 0.75]]),
    "b": np.array([2.0, 0.5, 1.0]),
}


def start() -> dict[str, np.ndarray]:
    """Every parameter starts at 0, far from the optimum."""
    return {key: np.zeros_like(value) for key, value in TARGET.items()}


def gradients(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {key: CURVATURE[key] * (params[key] - TARGET[key]) for key in TARGET}


def loss(params: dict[str, np.ndarray]) -> float:
    return float(sum(0.5 * np.sum(CURVATURE[key] * (params[key] - TARGET[key]) ** 2)
                     for key in TARGET))


def minimize(make_optimizer: Callable[..., object], kwargs: dict, steps: int) -> dict:
    """Make ``make_optimizer(**kwargs)`` and step it ``steps`` times from 0; the final params."""
    return descend(make_optimizer, kwargs, steps, start(), gradients, loss)


def distance(params: object) -> float:
    """The largest |param − optimum| over every entry; inf for anything that is not params."""
    return distance_to(params, TARGET)


def descend(make_optimizer: Callable[..., object], kwargs: dict, steps: int,
            params: dict[str, np.ndarray],
            grad: Callable[[dict[str, np.ndarray]], dict[str, np.ndarray]],
            loss: Callable[[dict[str, np.ndarray]], float] | None = None) -> dict:
    """``steps`` calls of ``optimizer.update(params, grad(params))`` from ``params``; the
    ``loss`` of the params at each step is tracked for the feedback page (grader.harness.curves)."""
    losses = curves.track("loss", ja="損失 f(params)", en="loss f(params)")
    optimizer = make_optimizer(**kwargs)
    for _ in range(steps):
        if loss is not None:
            losses.append(curves.safe(lambda: loss(params)))
        optimizer.update(params, grad(params))
    if loss is not None:
        losses.append(curves.safe(lambda: loss(params)))
    return {key: np.array(value) for key, value in params.items()}


def distance_to(params: object, target: dict[str, np.ndarray]) -> float:
    """The largest |param − target| over every entry; inf unless ``params`` is a dict of
    finite float arrays with ``target``'s keys and shapes."""
    if type(params) is not dict or set(params) != set(target):
        return float("inf")
    worst = 0.0
    for key, want in target.items():
        got = params[key]
        if type(got) is not np.ndarray or got.shape != want.shape or got.dtype.kind != "f":
            return float("inf")
        if not np.all(np.isfinite(got)):
            return float("inf")
        worst = max(worst, float(np.max(np.abs(got - want))))
    return worst


def minimize_quadratic(optimizer: object, w0: np.ndarray, target: np.ndarray,
                       scales: np.ndarray, steps: int) -> np.ndarray:
    """``steps`` updates on f(w) = ½ Σ s_i (w_i − t_i)², gradient s ⊙ (w − t); returns w."""
    params = {"w": np.array(w0, dtype=np.float64)}
    losses = curves.track("loss", ja="損失 f(w)", en="loss f(w)")

    def loss() -> float:
        return float(0.5 * np.sum(scales * (params["w"] - target) ** 2))

    for _ in range(steps):
        losses.append(curves.safe(loss))
        grads = {"w": scales * (params["w"] - target)}
        optimizer.update(params, grads)
    losses.append(curves.safe(loss))
    return params["w"]
