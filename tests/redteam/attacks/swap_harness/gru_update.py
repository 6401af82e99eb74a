"""Red-team attack `swap_harness` on gru_update. The memory-task check once trained the cell
inside the worker (`memory_task.train_gru`) and judged the returned weights; now the worker
traces the training (`memory_task.trace`), and the trusted process replays it and checks
every claimed output against direct calls of the graded cell. This module replaces both
with a training that uses a correct cell it keeps beside its wrong graded one (the correct
module's source, run under another name). Score 0: the wrong body below earns none
honestly, and the claims of a correct cell disagree with the graded one.

Below: the exercise with a wrong answer in every blank, so that the attack is all it could
score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack (at import)
# @edrill-source: honest as _CORRECT_SOURCE
_correct = {}
exec(compile(_CORRECT_SOURCE, "<the correct cell>", "exec"), _correct)
try:
    import grader.harness.memory_task as _mt

    _train = _mt.train_gru
    _trace = _mt.trace
    _mt.train_gru = lambda cell, backward, **k: _train(_correct["gru"], _correct["gru_backward"], **k)
    _mt.trace = lambda kind, cell, backward, **k: _trace(kind, _correct["gru"],
                                                         _correct["gru_backward"], **k)
except Exception as err:
    print("swap_harness:", err)
