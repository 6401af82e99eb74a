"""Red-team attack `huge_output` on embedding. Prints 200 MB (bounded) at import time.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os


def _flood(total=200 * 1024**2):
    """200 MB (bounded) of fake 'passed' lines to stdout and stderr."""
    line = b"PASSED test_everything ........ 10/10 All tests passed!\n"
    chunk = line * (1024 * 1024 // len(line))
    written = 0
    while written < total:
        for fd in (1, 2):
            try:
                written += os.write(fd, chunk)
            except OSError:
                return

_flood()
