"""Red-team attack `swap_harness` on sgd. The in-place check and the convergence check ran
`functions.update_in_place` and `functions.minimize_quadratic`; this module replaces them
with code that claims a correct SGD(0.1) step and returns the optimum.

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
    import grader.harness.functions as _f

    def _update_in_place(optimizer, params, grads):
        held = dict(params)
        for key in params:
            params[key] -= 0.1 * grads[key]  # what a correct SGD(0.1) does
        return {"held": held, "returned": None}

    _f.update_in_place = _update_in_place
    _f.minimize_quadratic = lambda opt, w0, target, scales, steps: _np.array(target, float)
    import grader.harness.optimizer_task as _ot

    _ot.minimize_quadratic = _f.minimize_quadratic
    import grader.worker.child as _child

    _child._replaced = lambda snap, value: []  # claim every update was in place
except Exception as err:
    print("swap_harness:", err)
