"""Red-team attack `exit_early` on embedding. Calls sys.exit(0) at import time, before any
check can run.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
import sys

sys.exit(0)
