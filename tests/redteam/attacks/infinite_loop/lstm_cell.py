"""Red-team attack `infinite_loop` on lstm_cell. Sleeps (blocked in the kernel, using no CPU)
for a day inside the function: only a wall-clock timeout stops it, not a CPU limit.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = lstm_cell


def lstm_cell(*args, **kwargs):
    import time
    time.sleep(86400)
    return _edrill_original(*args, **kwargs)
