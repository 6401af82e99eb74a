"""Red-team attack `infinite_loop` on conv_output_size. Loops forever inside the function. The
grader must stop the call at its wall timeout, kill the worker, give the exercise a timeout
status and go on with the others: score 0 (and a single timeout, not one per check).

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    while True:
        pass
    return _edrill_original(*args, **kwargs)
