"""Red-team attack `empty_iterator` on gru_update. Returns empty things in turn — an empty
array, an exhausted iterator, (), [] and an empty generator — against assertions like
all(abs(a - b) < tol for ...) that pass vacuously. The grader checks type and exact shape
first: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import numpy as _np

_calls = [0]


def _empty():
    """Something with nothing in it: all(...) of it is True, a loop over it checks nothing."""
    _calls[0] += 1
    kind = _calls[0] % 5
    if kind == 0:
        return _np.empty((0,))
    if kind == 1:
        return iter(())
    if kind == 2:
        return ()
    if kind == 3:
        return []
    return (x for x in ())

# ---------------------------------------------------------------- the attack
_edrill_original = gru


def gru(*args, **kwargs):

    return _empty()
