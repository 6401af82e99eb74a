"""Red-team attack `nan_trick` on conv_output_size. Returns arrays of the right shape and dtype
filled with NaN: assert_allclose treats NaN as equal to NaN by default (equal_nan=True), and
`not (x > tol)` style checks pass on NaN. The grader must check finiteness and compare with
equal_nan=False: score 0. For the int exercise, float('nan').

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):

    return float('nan')
