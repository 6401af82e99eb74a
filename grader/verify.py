"""Which harness results the trusted process accepts from the worker, and how it checks them.

A harness (`grader.harness.*`) run inside the worker shares the process with the student's
module, which can replace its code (`gradcheck.numeric_gradient = lambda *a: my_answer`,
`digits.train_weights = lambda *a: good_weights`). So what comes back is a claim, not a
fact. One rule: **a harness runs in the worker only when its result is checked here
against direct calls of the student's code, or when it returns no result at all (a handle
to an input, such as a seeded generator, that the suite then passes to the student's code
in a direct call).** Every other loop — training, a grid of calls, an optimizer's steps —
runs in the trusted process, calling the student's code through the `student` proxy once
per step; `verified` refuses to run it in the worker (a `HarnessError`: a bug of the suite).

The checked kind is the numeric gradient: before a suite sees it, the derivative of the loss
along two random unit directions v (drawn here; the student cannot know them) is taken by
central differences of the student's function called through the worker proxy, and must
equal what the claimed gradient g says it is, g · v. A gradient altered anywhere, even in
one entry, changes g · v for almost every v; an honest one agrees up to the rounding of
central differences (tolerance 1e-5 · (1 + |g|)). A result that disagrees is a failed check
naming the tampering.

Why not judge a training's returned weights instead? Good weights can be had without the
student's code working (trained offline and pasted in, or by any classifier on the public
training data), and a wrong cell may work with weights fitted to it: judging the weights is
no proof that the student's code trained them. A numeric gradient is different: its value at
inputs drawn here is fixed by the student's function, which is called directly to check it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from grader.checks import CheckFailed
from grader.harness.gradcheck import float64_args, loss_of
from grader.worker.session import HarnessError

DIRECTIONS = 2  # random directions; each costs two calls of the student's code
NUMERIC = "grader.harness.gradcheck.numeric_gradient"
METHOD = "grader.harness.gradcheck.method_gradient"
INPUTS = frozenset({
    "grader.harness.functions.generator",  # a seeded np.random.Generator, as a handle
    "grader.harness.functions.test_function",  # a named test function, as a handle
})
"""Harnesses that only make an input for a direct call: there is no result to trust."""


def verified(run: Callable[..., Any]) -> Callable[..., Any]:
    """`run(function, *args, **kwargs)` (a session's harness call), limited to the harnesses
    this module can vouch for, with gradient results spot-checked against direct calls of
    the student's code."""

    def call(function: str, *args: Any, **kwargs: Any) -> Any:
        if function not in (NUMERIC, METHOD) and function not in INPUTS:
            raise HarnessError(f"{function}: its result could not be verified, so it does "
                               "not run beside the student's module; call it in the trusted "
                               "process with the student proxy (see grader.verify)")
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
