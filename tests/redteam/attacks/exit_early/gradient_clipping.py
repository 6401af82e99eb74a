"""Red-team attack `exit_early` on gradient_clipping. Calls os._exit(0) inside the function:
the process ends at once, without cleanup, with status 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = gradient_clipping


def gradient_clipping(*args, **kwargs):
    import os
    os._exit(0)
    return _edrill_original(*args, **kwargs)
