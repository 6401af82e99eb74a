"""Red-team attack `patch_harness` on gradient_clipping. The C check trains an exploding RNN
inside the worker with the trusted harness grader.harness.exploding_rnn, calling the
student's clipping, and judges the returned weights. This module patches the harness at
import so that it trains with a correct clipping of its own while its graded
gradient_clipping stays wrong. Score 0: the convergence check must not be won by code other
than the student's function.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack (at import)
# The convergence check trains an RNN inside this process with trusted harness code and
# judges the returned weights; make the harness train with a correct clipping instead of
# ours (our gradient_clipping stays wrong).
import numpy as _np

try:
    import grader.harness.exploding_rnn as _rnn

    _train = _rnn.train

    def _correct_clip(grad, threshold):
        norm = _np.linalg.norm(grad)
        return grad * (threshold / norm) if norm > threshold else grad

    _rnn.train = lambda clip, *a, **k: _train(_correct_clip, *a, **k)
except Exception as err:
    print("patch_harness: no harness:", err)
