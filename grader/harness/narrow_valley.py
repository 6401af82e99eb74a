"""A narrow valley where plain SGD crawls and the other optimizers do not (check kind C).

The function is the book's ill-conditioned example (ゼロから作る Deep Learning 1, §6.1.7,
f(x, y) = x²/20 + y²) made ten times narrower and moved so that its optimum is away from 0:

    f(x, y) = (x − 3)² / 200 + (y + 2)²
    ∂f/∂x = (x − 3) / 100,   ∂f/∂y = 2 (y + 2)

It starts at (−4, 0), where the book starts relative to its optimum (−7, 2 away).
The curvatures along x and y are 0.01 and 2 (condition number 200). Plain SGD is stable
only for lr < 1 (the y direction), and with such an lr it removes at most 1 % of the
distance along x per step: after ``STEPS`` = 200 steps it is still about 0.94 away, at its
best learning rate. Momentum, AdaGrad, RMSProp and Adam reach the optimum within
``TOLERANCE`` in the same budget with their usual hyperparameters.

The student's optimizer class is made in the worker and stepped from the trusted process
(``minimize`` with the ``student`` proxy, a round trip per step), and the final parameters
are judged there (``distance``). Plain SGD,
the comparison, is computed here in closed form (``sgd_distance``: on a quadratic with
these curvatures, ``steps`` SGD steps multiply the distance along each axis by
``(1 − lr · a) ** steps``) and, for a control run, step by step (``sgd``).

Shapes: params = {"x": (1,), "y": (1,)}, float64. Contains no exercise's answer: students
may read it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from grader.harness import optimizer_task

TARGET = {"x": np.array([3.0]), "y": np.array([-2.0])}
CURVATURE = {"x": np.array([0.01]), "y": np.array([2.0])}
START = {"x": np.array([-4.0]), "y": np.array([0.0])}

STEPS = 200
TOLERANCE = 1e-2
"""The largest |param − optimum| allowed after ``STEPS`` steps."""

SGD_LEARNING_RATES = np.linspace(0.001, 1.5, 1500)
"""The learning rates tried for plain SGD (beyond 1.0 it diverges along y)."""


def start() -> dict[str, np.ndarray]:
    return {key: value.copy() for key, value in START.items()}


def gradients(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {key: CURVATURE[key] * (params[key] - TARGET[key]) for key in TARGET}


def loss(params: dict[str, np.ndarray]) -> float:
    return float(sum(0.5 * np.sum(CURVATURE[key] * (params[key] - TARGET[key]) ** 2)
                     for key in TARGET))


def minimize(make_optimizer: Callable[..., object], kwargs: dict,
             steps: int = STEPS) -> dict:
    """Make ``make_optimizer(**kwargs)`` and step it ``steps`` times from ``START``."""
    return optimizer_task.descend(make_optimizer, kwargs, steps, start(), gradients, loss)


def distance(params: object) -> float:
    """The largest |param − optimum|; inf for anything that is not finite params."""
    return optimizer_task.distance_to(params, TARGET)


def sgd_distance(lr: float, steps: int = STEPS) -> float:
    """Plain SGD's distance to the optimum after ``steps`` steps, in closed form."""
    return max(float(np.max(np.abs((1.0 - lr * CURVATURE[key]) ** steps
                                   * (START[key] - TARGET[key]))))
               for key in TARGET)


def best_sgd(steps: int = STEPS) -> tuple[float, float]:
    """(learning rate, distance) of plain SGD at its best rate of ``SGD_LEARNING_RATES``."""
    gaps = [sgd_distance(float(lr), steps) for lr in SGD_LEARNING_RATES]
    best = int(np.argmin(gaps))
    return float(SGD_LEARNING_RATES[best]), gaps[best]


def sgd(lr: float, steps: int = STEPS) -> dict[str, np.ndarray]:
    """Plain SGD, step by step (the control run's check of ``sgd_distance``)."""
    params = start()
    for _ in range(steps):
        grads = gradients(params)
        params = {key: params[key] - lr * grads[key] for key in params}
    return params


def check_sgd_misses() -> None:
    """The control run: at every learning rate tried, plain SGD stays farther than ten times
    the tolerance from the optimum, and stepping it agrees with the closed form."""
    for lr in SGD_LEARNING_RATES:
        assert sgd_distance(lr) > 10 * TOLERANCE, lr
    sgd_lr, sgd_gap = best_sgd()
    stepped = distance(sgd(sgd_lr))
    assert np.isclose(stepped, sgd_gap, rtol=1e-9), (stepped, sgd_gap)
