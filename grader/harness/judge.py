"""Judging what a harness returns, in the trusted process.

A training loop runs inside the worker (`grader.harness.*`) and hands back weights; these
helpers judge them here, on held-out data the worker never saw, with the student's cell
called through the `student` proxy. An outcome (an accuracy, a broken set of weights) is
failed directly, without matching recorded wrong answers: several wrong answers share an
accuracy, so it names none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from grader.checks import CheckFailed, summarize
from grader.harness import memory_task

HELD_OUT_SEED = 7  # the memory task's test data; training uses seed 0
HELD_OUT_SIZE = 256


def fail_outcome(ja: str, en: str, got: Any = None) -> NoReturn:
    raise CheckFailed({"ja": ja, "en": en}, got=None if got is None else summarize(got))


def memory_task_accuracy(weights: Any, step: Callable[..., Any], kind: str) -> float:
    """The trained model's accuracy on held-out sequences of the memory task."""
    if type(weights) is not dict or not all(type(k) is str for k in weights):
        fail_outcome("学習の結果が重みの辞書ではありません",
                     "training did not give back a dict of weights", got=weights)
    xs, ts = memory_task.make_data(HELD_OUT_SEED, HELD_OUT_SIZE)
    try:
        return memory_task.accuracy(weights, step, xs, ts, kind)
    except ValueError as err:
        fail_outcome(f"学習したモデルを評価できません: {err}",
                     f"the trained model cannot be evaluated: {err}")


def require_accuracy(accuracy: float, at_least: float = 0.95) -> None:
    if accuracy < at_least:
        fail_outcome(f"正解率 {accuracy:.1%} ({at_least:.0%} 以上が必要、当てずっぽうで 50 %)",
                     f"accuracy {accuracy:.1%} (at least {at_least:.0%} needed; guessing "
                     "gives 50 %)", got=accuracy)
