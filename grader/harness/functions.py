"""Calls that need something the trusted process cannot send: a callable or a generator.

Only plain data crosses the boundary between the trusted process and the worker, so a
student's function that takes a function (``numerical_gradient(f, x)``) or a random
generator (``rng``) is called from here, inside the worker, with a trusted function or a
generator built from a seed. The result comes back as plain data and is judged in the
trusted process.

The test functions are named, so a suite chooses one by its name::

    harness("grader.harness.functions.call_numerical_gradient",
            student.numerical_gradient, "cubic", x)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

# x is read only through the argument; every function is smooth and uses every entry.
_C = np.array([0.5, -1.5, 2.0, 1.0, -0.25, 3.0])  # weights for up to 6 entries, cycled


def _weights(x: np.ndarray) -> np.ndarray:
    return np.resize(_C, x.shape)


def cubic(x: np.ndarray) -> float:
    """Σ c_i x_i³ + Σ x_i²; the gradient is 3 c x² + 2 x."""
    return float(np.sum(_weights(x) * x ** 3) + np.sum(x ** 2))


def sum_of_squares(x: np.ndarray) -> float:
    """Σ x_i²; the gradient is 2 x."""
    return float(np.sum(x ** 2))


def log_sum_exp(x: np.ndarray) -> float:
    """log Σ exp(x_i); the gradient is softmax(x) over all entries."""
    m = float(np.max(x))
    return m + float(np.log(np.sum(np.exp(x - m))))


FUNCTIONS: dict[str, Callable[[np.ndarray], float]] = {
    "cubic": cubic,
    "sum_of_squares": sum_of_squares,
    "log_sum_exp": log_sum_exp,
}


def call_numerical_gradient(numerical_gradient: Callable[..., Any], name: str,
                            x: np.ndarray, closure: bool = False) -> dict:
    """Run the student's ``numerical_gradient(f, x)`` with the named test function.

    With ``closure``, ``f`` ignores its argument and reads the array ``x`` itself, as the
    book's ``f = lambda W: net.loss(x, t)`` does: a numeric gradient must change ``x`` in
    place for such an ``f`` to see the perturbation.

    Returns ``{"grad": ..., "x_after": a copy of x after the call, "calls": number of f
    calls}``.
    """
    func = FUNCTIONS[name]
    calls = [0]

    def f(v: Any) -> float:
        calls[0] += 1
        return func(x if closure else v)

    grad = numerical_gradient(f, x)
    return {"grad": grad, "x_after": np.array(x, copy=True), "calls": calls[0]}


def with_rng(f: Callable[..., Any], seed: int, *args: Any) -> Any:
    """``f(*args, rng)`` with ``rng = np.random.default_rng(seed)`` made in the worker."""
    return f(*args, np.random.default_rng(seed))


def update_in_place(optimizer: Any, params: dict, grads: dict) -> dict:
    """``optimizer.update(params, grads)``, then what a network holding the arrays sees.

    In the books a network's layers hold the very arrays in ``params``, so an optimizer
    must write into those arrays. Returns ``{"held": the arrays that were in params before
    the call (after it), "returned": the call's return value}``.
    """
    held = dict(params)
    returned = optimizer.update(params, grads)
    return {"held": held, "returned": returned}


def minimize_quadratic(optimizer: Any, w0: np.ndarray, target: np.ndarray,
                       scales: np.ndarray, steps: int) -> np.ndarray:
    """``steps`` updates on f(w) = ½ Σ s_i (w_i - t_i)², gradient s ⊙ (w - t); returns w."""
    params = {"w": np.array(w0, dtype=np.float64)}
    for _ in range(steps):
        grads = {"w": scales * (params["w"] - target)}
        optimizer.update(params, grads)
    return params["w"]
