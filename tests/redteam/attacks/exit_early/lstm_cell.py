"""Red-team attack `exit_early` on lstm_cell. Kills its own process with SIGKILL inside the
function (as an OOM kill or a segfault would end it).

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = lstm_cell


def lstm_cell(*args, **kwargs):
    import os
    import signal
    os.kill(os.getpid(), signal.SIGKILL)
    return _edrill_original(*args, **kwargs)
