"""A harness result computed beside student code is spot-checked before a suite sees it."""

from __future__ import annotations

import numpy as np
import pytest

from grader.checks import CheckFailed
from grader.harness import gradcheck
from grader.verify import METHOD, NUMERIC, verified
from grader.worker.session import HarnessError


def layer(W: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.tanh(x @ W)


class Layer:
    def __init__(self, W: np.ndarray) -> None:
        self.W = W

    def forward(self, x: np.ndarray) -> np.ndarray:
        return np.tanh(x @ self.W)


def honest(function: str, *args, **kwargs):
    kwargs.pop("timeout", None)
    return getattr(gradcheck, function.rpartition(".")[2])(*args, **kwargs)


def tampered(function: str, *args, **kwargs):
    """What a module that replaced gradcheck would hand back: a plausible wrong gradient."""
    return honest(function, *args, **kwargs) * 1.01


RNG = np.random.default_rng(3)
W, X = RNG.standard_normal((3, 4)), RNG.standard_normal((5, 3))
R = [RNG.standard_normal((5, 4))]


def test_an_honest_numeric_gradient_passes_and_is_returned():
    got = verified(honest)(NUMERIC, layer, [W, X], 0, R, timeout=5)
    assert np.allclose(got, X.T @ (R[0] * (1 - np.tanh(X @ W) ** 2)), atol=1e-8)
    verified(honest)(METHOD, Layer, [W], "forward", [X], 0, R)


@pytest.mark.parametrize("function, args", [
    (NUMERIC, (layer, [W, X], 0, R)),
    (METHOD, (Layer, [W], "forward", [X], 0, R)),
])
def test_a_tampered_gradient_fails_its_check(function, args):
    with pytest.raises(CheckFailed, match="disagrees with direct calls of your code"):
        verified(tampered)(function, *args)


def test_a_result_of_the_wrong_shape_is_left_to_the_suite():
    assert verified(lambda *a, **k: np.zeros(2))(NUMERIC, layer, [W, X], 0, R).shape == (2,)


@pytest.mark.parametrize("function", [
    "grader.harness.digits.train_weights",
    "grader.harness.memory_task.train_lstm",
    "grader.harness.optimizer_task.minimize",
    "grader.harness.functions.minimize_quadratic",
    "grader.harness.gradcheck.central_differences",
])
def test_a_loop_whose_result_cannot_be_verified_does_not_run_in_the_worker(function):
    ran = []
    with pytest.raises(HarnessError, match="trusted process"):
        verified(lambda *a, **k: ran.append(a))(function, 1, seed=0)
    assert ran == []


def test_a_maker_of_inputs_runs_and_its_handle_is_returned():
    made = object()
    assert verified(lambda *a, **k: made)("grader.harness.functions.generator", 3) is made


# ----------------------------------------------------------------- a traced training

def _solution(ex_id: str):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "solutions" / f"{ex_id}.py"
    spec = importlib.util.spec_from_file_location(f"_verify_{ex_id}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gru():
    return _solution("gru_update")


@pytest.fixture(scope="module")
def traced(gru):
    from grader.harness import memory_task

    return memory_task.trace("gru", gru.gru, gru.gru_backward, seed=0)


def test_an_honest_trace_replays_to_the_weights_of_the_training(gru, traced):
    from grader.harness import memory_task

    got = verified(lambda *a, **k: traced)(
        "grader.harness.memory_task.trace", "gru", gru.gru, gru.gru_backward, seed=0)
    want = memory_task.train_gru(gru.gru, gru.gru_backward, seed=0)
    assert set(got) == set(want)
    for key in want:
        assert np.allclose(got[key], want[key], rtol=1e-9, atol=1e-12), key


@pytest.mark.parametrize("part, position, call, where", [
    ("forward", 0, "middle", (3, 5)),  # one hidden state of one step halfway through
    ("backward", 1, "last", (0, 0)),  # dh of the very last backward call
    ("backward", 4, 5, (2, 2)),  # one entry of one step's dW_z
])
def test_a_trace_altered_anywhere_fails_its_check(gru, traced, part, position, call, where):
    altered = {k: tuple(a.copy() for a in v) for k, v in traced.items()}
    calls = len(altered[part][position])
    index = {"middle": calls // 2, "last": calls - 1}.get(call, call)
    altered[part][position][(index, *where)] += 1e-3
    with pytest.raises(CheckFailed, match="disagrees with direct calls of your code"):
        verified(lambda *a, **k: altered)(
            "grader.harness.memory_task.trace", "gru", gru.gru, gru.gru_backward, seed=0)


def test_a_trace_of_good_weights_from_another_cell_fails(gru, traced):
    # claims made with a correct cell, checked against a wrong one (update gate swapped)
    def wrong(x, h, W_r, U_r, W_z, U_z, W, U):
        return gru.gru(x, h, W_r, U_r, W_r, U_r, W, U)

    with pytest.raises(CheckFailed, match="disagrees"):
        verified(lambda *a, **k: traced)(
            "grader.harness.memory_task.trace", "gru", wrong, gru.gru_backward, seed=0)


def test_a_malformed_or_short_trace_fails_its_check(gru, traced):
    short = {"forward": tuple(a[:-1] for a in traced["forward"]),
             "backward": traced["backward"]}
    for bad in (None, {"forward": 1, "backward": 2}, short):
        with pytest.raises(CheckFailed):
            verified(lambda *a, b=bad, **k: b)(
                "grader.harness.memory_task.trace", "gru", gru.gru, gru.gru_backward, seed=0)
