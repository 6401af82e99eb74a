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

Two kinds are checked. A numeric gradient: before a suite sees it, the derivative of the loss
along two random unit directions v (drawn here; the student cannot know them) is taken by
central differences of the student's function called through the worker proxy, and must
equal what the claimed gradient g says it is, g · v. A gradient altered anywhere, even in
one entry, changes g · v for almost every v; an honest one agrees up to the rounding of
central differences (tolerance 1e-5 · (1 + |g|)). And a traced training (the memory task of
lstm_cell and gru_update, whose up to 2 800 cell calls would cost a second or more as round
trips): the worker trains and hands back every output of the cells; the training is run
again here with those outputs handed back in order, so trusted code makes every input and
every weight update, and each claimed output is checked against a direct call of the
student's cell on the very inputs the replay gave it — all of them, two calls per iteration,
the time steps of an iteration (same weights) stacked as rows of one batch. The weights
the suite judges are the replay's. A result that disagrees is a failed check naming it.

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
from grader.harness import curves, memory_task
from grader.harness.gradcheck import float64_args, loss_of
from grader.worker.session import HarnessError

DIRECTIONS = 2  # random directions; each costs two calls of the student's code
NUMERIC = "grader.harness.gradcheck.numeric_gradient"
METHOD = "grader.harness.gradcheck.method_gradient"
TRACE = "grader.harness.memory_task.trace"
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
        if function not in (NUMERIC, METHOD, TRACE) and function not in INPUTS:
            raise HarnessError(f"{function}: its result could not be verified, so it does "
                               "not run beside the student's module; call it in the trusted "
                               "process with the student proxy (see grader.verify)")
        result = run(function, *args, **kwargs)
        if function == NUMERIC:
            _spot_check_numeric(result, *args, **_without_timeout(kwargs))
        elif function == METHOD:
            _spot_check_method(result, *args, **_without_timeout(kwargs))
        elif function == TRACE:
            return _replay_trace(result, *args, **_without_timeout(kwargs))
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


def _replay_trace(result: Any, kind: str, cell: Any, cell_backward: Any,
                  seed: int = 0) -> dict:
    """The weights of a traced training (`memory_task.trace`), once every claimed output of
    the cells is checked against direct calls: the training replayed here with the claimed
    outputs (trusted code makes every input and every weight), then, per iteration, one
    direct call of each cell on the rows of all its time steps stacked into one batch."""
    with curves.collecting() as losses:  # the replay's losses: shown once every claim holds
        try:
            weights, forward, backward = memory_task.replay(kind, result, seed=seed)
        except ValueError as err:
            _disagree(f"{err}")
    for replayer, direct, part in ((forward, cell, "forward"),
                                   (backward, cell_backward, "backward")):
        per_row = memory_task.STACKING[kind][part][1]
        claimed = replayer.claimed
        for iteration, (members, args) in enumerate(memory_task.stacked_calls(replayer.calls)):
            got = direct(*args)  # a direct call of the student's code: its answer is the truth
            got = tuple(got) if isinstance(got, tuple | list) else (got,)
            if len(got) != len(claimed):
                _disagree(f"{replayer.what} gave {len(got)} value(s) for the stacked batch of "
                          f"iteration {iteration}, the trace {len(claimed)}")
            for k, (value, traced) in enumerate(zip(got, claimed, strict=True)):
                part_of = traced[members]  # (steps, ...) the claims of this iteration
                want = (part_of.reshape(-1, *part_of.shape[2:]) if k < per_row
                        else part_of.sum(axis=0))
                if not _agrees(value, want):
                    _disagree(f"{replayer.what}, output {k + 1}, iteration {iteration}")
    curves.emit(losses)
    return weights


def _agrees(value: Any, want: np.ndarray) -> bool:
    if type(value) is not np.ndarray or value.shape != want.shape or value.dtype.kind != "f":
        return False
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    return bool(np.allclose(value, want, rtol=1e-9, atol=1e-12 * (1.0 + scale)))


def _disagree(where: str) -> None:
    raise CheckFailed(
        {"ja": "あなたのモジュールの横で実行した学習が、あなたのコードを直接呼び出した結果と"
               f"一致しません（{where}）。モジュールが採点用のコードを書き換えていないか、"
               "セルがバッチの行どうしを混ぜていないか確認してください",
         "en": "the training run beside your module disagrees with direct calls of your code "
               f"({where}): does your module change the grader's code, or does your cell mix "
               "the rows of a batch?"})
