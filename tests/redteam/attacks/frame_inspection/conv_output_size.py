"""Red-team attack `frame_inspection` on conv_output_size. Walks sys._getframe() up the caller
chain and gc.get_objects() looking for the expected value (locals named
want/expected/reference...) and returns what it finds, or a wrong value. The expected values
live only in the trusted process, out of reach: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import gc
import sys

import numpy as _np

_NAMES = ("want", "expected", "reference", "expect", "answer", "result", "solution")


def _peek():
    """Every local named like an expected value in every frame above us, and every array
    the garbage collector knows of."""
    found = []
    frame = sys._getframe(1)
    while frame is not None:
        for name, value in list(frame.f_locals.items()):
            if name in _NAMES:
                found.append((frame.f_code.co_name, name, value))
        frame = frame.f_back
    arrays = [o for o in gc.get_objects() if isinstance(o, _np.ndarray)][:50]
    print(f"frame_inspection: {len(found)} suspicious locals, {len(arrays)} arrays seen: "
          f"{[(f, n) for f, n, _ in found][:10]}")
    return found

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    found = _peek()
    for _f, _n, value in found:
        if type(value) is int:
            return value
    return _edrill_original(*args, **kwargs)
