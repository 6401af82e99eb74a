"""Red-team attack `memory_bomb` on gradient_clipping. Allocates and touches up to 4 GiB
(bounded) at import time.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import numpy as _np

_held = []


def _eat(limit=4 * 1024**3, step=256 * 1024**2):
    """Allocate and touch up to 4 GiB in 256 MiB steps (bounded), keeping all of it."""
    total = 0
    try:
        while total < limit:
            block = _np.ones(step // 8)
            _held.append(block)
            total += step
    except MemoryError:
        print(f"memory_bomb: refused after {total >> 20} MiB")
        return
    print(f"memory_bomb: holding {total >> 20} MiB")

_eat()
