"""Trusting a harness result only after checking it against direct calls (trusted side).

A harness (`grader.harness.*`) runs inside the worker, beside the student's module, which
can replace the harness's code (`gradcheck.numeric_gradient = lambda *a: my_answer`). So a
numeric gradient computed there is a claim, not a fact: before a suite sees it, the
derivative of the loss along two random unit directions v (drawn here; the student cannot
know them) is taken by central differences of the student's function called through the
worker proxy, and must equal what the claimed gradient g says it is, g · v. A gradient
altered anywhere, even in one entry, changes g · v for almost every v; an honest one
agrees up to the rounding of central differences (tolerance 1e-5 · (1 + |g|)). A result
that disagrees is a failed check naming the tampering.

Training loops that cross the boundary a few hundred times run in the trusted process
instead (the suite calls the harness function directly with the student's proxy), so
there is nothing to verify.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from grader.checks import CheckFailed
from grader.harness.gradcheck import float64_args, loss_of

DIRECTIONS = 2  # random directions; each costs two calls of the student's code
NUMERIC = "grader.harness.gradcheck.numeric_gradient"
METHOD = "grader.harness.gradcheck.method_gradient"


def verified(run: Callable[..., Any]) -> Callable[..., Any]:
    """`run(function, *args, **kwargs)` (a session's harness call), with gradient results
    spot-checked against direct calls of the student's code."""

    def call(function: str, *args: Any, **kwargs: Any) -> Any:
        result = run(function, *args, **kwargs)
        if function == NUMERIC:
            _spot_check_numeric(result, *args, **_without_timeout(kwargs))
        elif function == METHOD:
            _spot_check_method(result, *args, **_without_timeout(kwargs))
        return result

    return call


def _without_timeout(kwargs: dict) -> dict:
    return {k: v for k, v in kwargs.items() if k != "timeout"}


def _spot_check_method(result: Any, make: Any, make_args: Sequence, method: str,
                       method_args: Sequence, index: int, projections: Sequence[np.ndarray],
                       h: float = 1e-5) -> None:
    def call(*args: object) -> object:
        fresh = [a.copy() if isinstance(a, np.ndarray) else a for a in make_args]
        return getattr(make(*fresh), method)(*args)

    _spot_check_numeric(result, call, list(method_args), index, projections, h)


def _spot_check_numeric(result: Any, f: Any, args: list, index: int,
                        projections: Sequence[np.ndarray], h: float = 1e-5,
                        then: str | None = None, then_args: Sequence = ()) -> None:
    base = float64_args(args)
    x = base[index]
    if type(result) is not np.ndarray or result.shape != x.shape or x.size == 0:
        return  # the suite's own comparison reports a wrong type or shape
    loss = loss_of(f, base, projections, then, then_args)  # as the harness computes it

    rng = np.random.default_rng(secrets.randbits(64))
    original = x.copy()
    for _ in range(DIRECTIONS):
        v = rng.standard_normal(x.shape)
        v /= np.linalg.norm(v)
        x[...] = original + h * v
        plus = loss()
        x[...] = original - h * v
        minus = loss()
        x[...] = original
        direct = (plus - minus) / (2 * h)  # the derivative of the loss along v
        claimed = float(np.sum(result * v))  # what the claimed gradient says it is
        tolerance = 1e-5 * (1.0 + float(np.linalg.norm(result)))
        if not abs(claimed - direct) <= tolerance:
            raise CheckFailed(
                {"ja": "数値微分の結果が、あなたのコードを直接呼び出した結果と一致しません"
                       f"（ランダムな方向の微分係数: {claimed:.6g} と {direct:.6g}）。"
                       "モジュールが採点用のコードを書き換えていないか確認してください",
                 "en": "the numeric gradient computed beside your module disagrees with "
                       f"direct calls of your code (the derivative along a random "
                       f"direction: {claimed:.6g} vs {direct:.6g}); does your module change "
                       "the grader's code?"})
