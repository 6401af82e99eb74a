"""The numeric gradient of a layer's forward pass with respect to its input x.

``grader.harness.gradcheck.numeric_gradient`` differentiates by an argument of the
function it is given; a layer's input x is an argument of ``forward``, not of the
constructor. Here a fresh layer ``make_layer(*layer_args)`` is made for every call and
``forward(x)`` is differentiated by x, in the worker, in one round trip:

    L(x) = Σ make_layer(*layer_args).forward(x) ⊙ projection

float64, central differences, h = 1e-5. Contains no exercise's answer: students may read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from grader.harness.gradcheck import numeric_gradient


def forward_gradient(make_layer: Callable[..., object], layer_args: Sequence,
                     x: np.ndarray, projection: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Central differences of Σ forward(x) ⊙ projection by x, a fresh layer for every call."""

    def f(x_: np.ndarray) -> object:
        return make_layer(*layer_args).forward(x_)

    return numeric_gradient(f, [x], 0, [projection], h=h)
