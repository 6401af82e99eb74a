"""Red-team attack `huge_return` on gradient_clipping. Returns a 200 MB float array (25 million
entries) of the wrong shape: the frame is under the protocol's array cap, so the grader must
receive it within its limits and reject it by shape: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = gradient_clipping


def gradient_clipping(*args, **kwargs):
    import numpy
    return numpy.ones((5000, 5000))
