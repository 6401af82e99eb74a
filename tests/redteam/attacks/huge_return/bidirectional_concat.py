"""Red-team attack `huge_return` on bidirectional_concat. Returns a list nested 100 000 deep
(and self-referencing) - deeper than any decoder's recursion: the grader must refuse it
cleanly: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = bidirectional_states


def bidirectional_states(*args, **kwargs):
    deep = []
    for _ in range(100_000):
        deep = [deep]
    deep.append(deep)
    return deep
