"""Red-team attack `huge_return` on gru_update. Returns a Python list of 2 million floats (a
JSON header far above the 4 MB cap) on odd calls and a 100 MB string on even ones: the
protocol must refuse both without building them in the trusted process: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

_calls = [0]

# ---------------------------------------------------------------- the attack
_edrill_original = gru


def gru(*args, **kwargs):
    _calls[0] += 1
    return [0.5] * 2_000_000 if _calls[0] % 2 else 'x' * (100 * 1024**2)
