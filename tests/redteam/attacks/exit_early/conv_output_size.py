"""Red-team attack `exit_early` on conv_output_size. Calls sys.exit(0) inside the function: a
grader that runs student code in its own process would stop with status 0 and maybe report
success.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    import sys
    sys.exit(0)
    return _edrill_original(*args, **kwargs)
