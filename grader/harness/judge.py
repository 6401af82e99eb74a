"""Judging what a harness returns, in the trusted process.

A training loop (`grader.harness.*`, run here with the student's code called through the
`student` proxy) hands back weights; these helpers judge them on held-out data training
never saw, with the student's cell called through the proxy. An outcome (an accuracy, a
broken set of weights) is failed directly, without matching recorded wrong answers:
several wrong answers share an accuracy, so it names none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from grader.checks import CheckFailed, summarize
from grader.harness import memory_task, narrow_valley
from grader.worker.session import StudentFault

HELD_OUT_SEED = 7  # the memory task's test data; training uses seed 0
HELD_OUT_SIZE = 256


def fail_outcome(ja: str, en: str, got: Any = None) -> NoReturn:
    raise CheckFailed({"ja": ja, "en": en}, got=None if got is None else summarize(got))


def trained(loop: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``loop(*args, **kwargs)``: a training loop run here with the student's code called
    through the proxy.

    What the student's code returns feeds trusted code here (an array of the wrong shape, a
    dict with a key missing, a handle where an array belongs), so the loop may stop with an
    ordinary exception: that is the student's outcome, a failed check naming it, not an
    internal error of the suite. Faults of the worker (an exception in the student's code, a
    timeout, a crash) pass through as they are.
    """
    try:
        return loop(*args, **kwargs)
    except (CheckFailed, StudentFault):
        raise
    except Exception as err:  # noqa: BLE001 - whatever the student's values made trusted code do
        what = f"{type(err).__name__}: {err}"[:500]
        fail_outcome(f"あなたのコードでは学習を続けられません: {what}",
                     f"training cannot go on with your code: {what}")


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


def require_valley_optimum(params: Any, optimizer: str) -> None:
    """Fail unless the params after ``narrow_valley.STEPS`` steps are at the valley's optimum.

    The message gives what plain SGD reaches at its best learning rate in the same budget,
    so the student sees what the comparison is.
    """
    gap = narrow_valley.distance(params)
    sgd_lr, sgd_gap = narrow_valley.best_sgd()
    tol = narrow_valley.TOLERANCE
    if not gap < tol:
        fail_outcome(f"(−4, 0) から {narrow_valley.STEPS} ステップ後も最適値 (3, −2) に届きません: "
                     f"差の最大 {gap:.4g}（{tol:g} 未満が必要。最良の学習率 {sgd_lr:g} の SGD で "
                     f"{sgd_gap:.3g}、正しい {optimizer} なら 0.001 未満）",
                     f"{narrow_valley.STEPS} steps from (−4, 0) do not reach the optimum (3, −2): "
                     f"largest distance {gap:.4g} (below {tol:g} needed; SGD at its best "
                     f"learning rate {sgd_lr:g} gets {sgd_gap:.3g}, a correct {optimizer} below "
                     "0.001)", got=params)
