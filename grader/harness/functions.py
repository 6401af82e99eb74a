"""Inputs the trusted process cannot send: a callable or a random generator.

Only plain data crosses the boundary between the trusted process and the worker, so a
student's function that takes a function (``numerical_gradient(f, x)``) or a random
generator (``rng``) needs that argument made inside the worker. These functions make it and
return it as a handle; the suite then passes the handle to the student's code in a direct
call, and judges what that call returns (``grader.verify``: a harness that only makes an
input has no result to trust)::

    f = harness("grader.harness.functions.test_function", "cubic")
    grad = student.numerical_gradient(f, x)
    rng = harness("grader.harness.functions.generator", seed)
    W = student.xavier(n_in, n_out, rng)
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


class TestFunction:
    """A named test function as a callable object, counting its calls.

    With ``closure``, it ignores its argument and reads the array it was first called with,
    as the book's ``f = lambda W: net.loss(x, t)`` reads the network's own ``x``: a numeric
    gradient that moves ``x`` in place (as the book's does: every call is ``f(x)``) sees its
    perturbations; one that differentiates a copy does not.
    """

    def __init__(self, name: str, closure: bool = False) -> None:
        self.func = FUNCTIONS[name]
        self.closure = closure
        self.calls = 0
        self.bound: np.ndarray | None = None

    def __call__(self, v: Any) -> float:
        self.calls += 1
        if not self.closure:
            return self.func(v)
        if self.bound is None:
            self.bound = v
        return self.func(self.bound)


def test_function(name: str, closure: bool = False) -> TestFunction:
    """A fresh ``TestFunction`` (it goes back to the trusted process as a handle)."""
    return TestFunction(name, closure)


def generator(seed: int) -> np.random.Generator:
    """``np.random.default_rng(seed)``, made in the worker (it goes back as a handle)."""
    return np.random.default_rng(seed)
