"""The loss per step of a convergence check's training, for the student's feedback page.

A training loop that runs in the trusted process (every harness of check kind C) asks for
a list with ``track`` and appends its loss after every step. The grading plugin collects
the lists of the check that is running (``collecting``) and carries them into the check's
result; at ``grader build``, where the suites run on the solutions, the same lists are the
reference's curves and are kept in the exercise's recording, so a workspace without
solutions shows the student's curve against the reference's (``grade --html``).

Outside a check (a control run, the worker, a plain call) ``track`` returns a list that
nobody reads: the harnesses behave the same either way. Only the standard library.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

MAX_POINTS = 400
"""A series in a report keeps at most this many points (evenly spread, the last one kept)."""


@dataclass
class Curve:
    """One training's loss per step: ``values[k]`` is the loss at step ``k``."""

    name: str  # unique within a check: "loss", "loss#1", …
    title: dict[str, str]  # {"ja": …, "en": …}
    values: list[float] = field(default_factory=list)
    log: bool = True  # plotted on a log scale (losses that fall by orders of magnitude)


_sink: ContextVar[list[Curve] | None] = ContextVar("edrill_curves", default=None)


def track(name: str, *, ja: str, en: str, log: bool = True) -> list[float]:
    """A list for the loss of each step of one training; kept when a check is collecting."""
    sink = _sink.get()
    if sink is None:
        return []
    curve = Curve(_unique(sink, name), {"ja": ja, "en": en}, [], log)
    sink.append(curve)
    return curve.values


def _unique(sink: list[Curve], name: str) -> str:
    taken = {c.name for c in sink}
    unique, k = name, 0
    while unique in taken:
        k += 1
        unique = f"{name}#{k}"
    return unique


@contextlib.contextmanager
def collecting() -> Iterator[list[Curve]]:
    """Collect the curves tracked inside the block (nested blocks collect their own)."""
    sink: list[Curve] = []
    token = _sink.set(sink)
    try:
        yield sink
    finally:
        _sink.reset(token)


def emit(curves: list[Curve]) -> None:
    """Hand curves collected in an inner block to the enclosing one (if any)."""
    sink = _sink.get()
    if sink is not None:
        for curve in curves:
            curve.name = _unique(sink, curve.name.split("#")[0])
            sink.append(curve)


def safe(loss: Callable[[], Any]) -> float:
    """``float(loss())``, or NaN when what the student's code left cannot be evaluated."""
    try:
        value = float(loss())
    except Exception:  # noqa: BLE001 - a curve never changes a check's outcome
        return math.nan
    return value


def sampled(values: list[float], limit: int = MAX_POINTS) -> dict[str, list]:
    """``{"steps", "values"}`` of at most ``limit`` points; non-finite values become None."""
    n = len(values)
    if n <= limit:
        steps = list(range(n))
    else:
        steps = sorted({round(k * (n - 1) / (limit - 1)) for k in range(limit)})
    out = []
    for k in steps:
        v = float(values[k])
        out.append(v if math.isfinite(v) else None)
    return {"steps": steps, "values": out}
