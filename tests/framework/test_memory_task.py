"""The memory task's stopping rule (grader.harness.memory_task.Learned): gated cells stop once
they have learnt the task, with weights that pass the held-out check; the plain RNN control
never gets there and trains the full budget; a trace holds exactly the calls of the
shortened training, so its replay stops at the same iteration."""

from __future__ import annotations

import pytest

from grader.harness import curves, memory_task
from grader.harness.judge import memory_task_accuracy
from grader.reference import load_module
from tests.framework.conftest import ROOT


@pytest.fixture(scope="module")
def cells():
    lstm = load_module(ROOT / "solutions" / "lstm_cell.py", "_memory_lstm")
    gru = load_module(ROOT / "solutions" / "gru_update.py", "_memory_gru")
    return {"lstm": (lstm.lstm_cell, lstm.lstm_cell_backward), "gru": (gru.gru, gru.gru_backward)}


def test_learned_needs_an_unbroken_run_of_recalled_low_loss_batches():
    learned = memory_task.Learned(batches=3, loss=0.05)
    assert not learned.after(0.01, True)
    assert not learned.after(0.01, True)
    assert not learned.after(0.01, False)  # one sequence wrong: the run starts again
    assert not learned.after(0.20, True)  # all recalled, but not confidently
    assert [learned.after(0.01, True) for _ in range(3)] == [False, False, True]


@pytest.mark.parametrize("kind", ["lstm", "gru"])
def test_a_gated_cell_stops_once_learnt_with_weights_that_pass(cells, kind):
    with curves.collecting() as collected:
        weights = memory_task.TRAIN[kind](*cells[kind], seed=0)
    iterations = len(collected[0].values)
    assert memory_task.LEARNED_BATCHES <= iterations < memory_task.ITERATIONS // 2
    assert memory_task_accuracy(weights, cells[kind][0], kind) >= 0.95


def test_the_plain_rnn_never_learns_it_and_trains_the_full_budget():
    with curves.collecting() as collected:
        weights = memory_task.train_rnn(seed=0)
    assert len(collected[0].values) == memory_task.ITERATIONS
    assert memory_task_accuracy(weights, memory_task.rnn_cell, "rnn") <= 0.70


def test_the_trace_holds_the_calls_of_the_stopped_training_and_replays_to_its_weights(cells):
    with curves.collecting() as collected:
        traced = memory_task.trace("gru", *cells["gru"], seed=0)
    iterations = len(collected[0].values)
    steps = memory_task.SEQ_LEN
    # the last iteration's forward pass, and no backward pass after it
    assert len(traced["forward"][0]) == steps * iterations
    assert len(traced["backward"][0]) == steps * (iterations - 1)
    weights, forward, backward = memory_task.replay("gru", traced, seed=0)
    want = memory_task.train_gru(*cells["gru"], seed=0)
    assert all((weights[key] == want[key]).all() for key in want)
    assert len(forward.calls) == steps * iterations
