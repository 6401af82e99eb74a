"""Many calls of a function under test in one round trip: numeric gradients.

A gradient check needs two forward calls per entry of the array it differentiates; across
the process boundary that is two round trips each. Here the student's function is called
in the worker, and one array of central differences comes back. The trusted process then
compares it with the analytic gradient of the given backward pass (or the student's).

The scalar being differentiated is a fixed random projection of the outputs::

    L = Σ_k sum(outputs[k] * projections[k])

so every output entry counts and no symmetry hides a mistake.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def projected_loss(outputs: object, projections: Sequence[np.ndarray]) -> float:
    """Σ_k sum(outputs[k] * projections[k]); a single array counts as one output."""
    outs = outputs if isinstance(outputs, tuple | list) else (outputs,)
    if len(outs) != len(projections):
        raise ValueError(f"the function returned {len(outs)} value(s), expected "
                         f"{len(projections)}")
    total = 0.0
    for k, (out, proj) in enumerate(zip(outs, projections, strict=True)):
        if type(out) is not np.ndarray or out.shape != proj.shape or out.dtype.kind != "f":
            shape = getattr(out, "shape", type(out).__name__)
            raise ValueError(f"output {k} should be a float array of shape {proj.shape}, "
                             f"got {shape}")
        total += float(np.sum(out * proj))
    return total


def central_differences(loss: Callable[[], float], x: np.ndarray,
                        h: float = 1e-5) -> np.ndarray:
    """d loss / d x by central differences: each entry of ``x`` is moved by ±h in place,
    ``loss()`` is evaluated, and the entry is restored."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        keep = x[idx]
        x[idx] = keep + h
        plus = loss()
        x[idx] = keep - h
        minus = loss()
        x[idx] = keep
        grad[idx] = (plus - minus) / (2 * h)
    return grad


def method_gradient(make: Callable[..., object], make_args: Sequence, method: str,
                    method_args: Sequence, index: int, projections: Sequence[np.ndarray],
                    h: float = 1e-5) -> np.ndarray:
    """Central differences of the projected ``getattr(make(*make_args), method)(*method_args)``
    with respect to ``method_args[index]`` — e.g. a layer's ``forward(x)`` by its input x.

    A fresh object (with fresh copies of ``make_args``) serves every evaluation, so state
    a layer keeps between calls cannot leak from one difference into the next.
    """

    def call(*args: object) -> object:
        fresh = [a.copy() if isinstance(a, np.ndarray) else a for a in make_args]
        return getattr(make(*fresh), method)(*args)

    return numeric_gradient(call, list(method_args), index, projections, h)


def numeric_gradient(f: Callable[..., object], args: list, index: int,
                     projections: Sequence[np.ndarray], h: float = 1e-5,
                     then: str | None = None, then_args: Sequence = ()) -> np.ndarray:
    """Central differences of ``projected_loss(f(*args))`` with respect to ``args[index]``.

    With ``then``, ``f(*args)`` makes an object and the outputs are
    ``getattr(obj, then)(*then_args)`` — e.g. ``f = Embedding``, ``args = [W]``,
    ``then = "forward"``, ``then_args = [idx]`` differentiates the layer's output by W.

    float64 throughout, ``h = 1e-5``; each entry is restored after it is perturbed. The
    function gets a fresh copy of every argument on each call, so a function that writes
    into its inputs cannot spoil the differences.
    """
    base = float64_args(args)
    x = base[index]
    if x.dtype.kind != "f":
        raise ValueError(f"argument {index} is not a float array: there is no gradient by it")
    return central_differences(loss_of(f, base, projections, then, then_args), x, h)


def float64_args(args: Sequence) -> list:
    """Copies of `args`: float arrays in float64, integer arrays (word ids) as they are."""
    return [(a.astype(np.float64) if a.dtype.kind == "f" else a.copy())
            if isinstance(a, np.ndarray) else a for a in args]


def loss_of(f: Callable[..., object], base: list, projections: Sequence[np.ndarray],
            then: str | None = None, then_args: Sequence = ()) -> Callable[[], float]:
    """``loss()``: the projected output of ``f`` on fresh copies of ``base`` (which the caller
    moves entry by entry), through ``getattr(out, then)(*then_args)`` when ``then`` is set."""

    def loss() -> float:
        fresh = [a.copy() if isinstance(a, np.ndarray) else a for a in base]
        out = f(*fresh)
        if then is not None:
            out = getattr(out, then)(*then_args)
        return projected_loss(out, projections)

    return loss
