"""Red-team attack `swap_harness` on q_learning. The convergence check ran `rl_task.learn`; this
module replaces it with a function that returns the known Q*.

Once these loops ran inside the worker (grader.harness.*), beside this module, which could
replace them: this file does that at import. The grader must run every loop whose result it
cannot verify in the trusted process, calling the graded function once per step: score 0
(the wrong body below earns none honestly).

Below: the exercise with a wrong answer in every blank, so that the attack is all it could
score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack (at import)
import numpy as _np

try:
    import grader.harness.rl_task as _rl

    _rl.learn = lambda *a, **k: _np.array(_rl.Q_STAR, dtype=float)
except Exception as err:
    print("swap_harness:", err)
