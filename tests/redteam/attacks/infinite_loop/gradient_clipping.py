"""Red-team attack `infinite_loop` on gradient_clipping. Loops forever at import time: the
import must time out once and every check of the exercise fail at once.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
while True:
    pass
