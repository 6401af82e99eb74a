"""Red-team attack `huge_output` on conv_output_size. Prints 200 MB of fake 'passed' lines
(bounded) inside the function, then a wrong answer. The grader must cap the output it keeps
(file-size limit, capped log, capped column in the gradebook): score 0, no disk filled.

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

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    _flood()
    return _edrill_original(*args, **kwargs)
