"""Red-team attack `patch_harness` on embedding. The G check compares the student's backward
with a numeric gradient that trusted harness code (grader.harness.gradcheck) computes inside
the worker. This module replaces that harness function at import with one that returns its
own (wrong) backward's dW (dW[idx] = dout: repeated ids lose gradients), so the two always
agree; forward is correct so that the harness runs. Whatever the harness computes in the
worker is the student's word: score at most what the correct forward earns honestly (the
forward checks), nothing for backward.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack (at import)
# The numeric gradient of the G check is taken in this process by trusted harness code
# (grader.harness.gradcheck); replace it with one that agrees with our (wrong) backward.
import numpy as _np

try:
    import grader.harness.gradcheck as _gradcheck

    def _agreeing_numeric_gradient(f, args, index, projections, h=1e-5, then=None,
                                   then_args=()):
        layer = f(*[a.copy() if isinstance(a, _np.ndarray) else a for a in args])
        out = getattr(layer, then)(*then_args) if then else layer
        layer.backward(projections[0])
        return _np.array(layer.grads[0], dtype=float)

    _gradcheck.numeric_gradient = _agreeing_numeric_gradient
    _gradcheck.central_differences = lambda loss, x, h=1e-5: _np.zeros_like(x)
except Exception as err:
    print("patch_harness: no harness:", err)


class Embedding(Embedding):
    def forward(self, idx):
        W, = self.params
        self.idx = idx
        return W[idx]  # correct forward

    def backward(self, dout):
        dW, = self.grads
        dW[...] = 0
        dW[self.idx] = dout  # wrong (a repeated id keeps only its last gradient), right shape
