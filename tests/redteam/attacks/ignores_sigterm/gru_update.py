"""Red-team attack `ignores_sigterm` on gru_update. Ignores SIGTERM, SIGINT, SIGHUP, SIGXCPU
and friends, then loops forever in the function. Only SIGKILL stops it: the grader must use
it, time the exercise out and go on.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import signal

for _sig in ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGXCPU",
             "SIGALRM", "SIGPIPE"):
    try:
        signal.signal(getattr(signal, _sig), signal.SIG_IGN)
    except (AttributeError, OSError, ValueError):
        pass

# ---------------------------------------------------------------- the attack
_edrill_original = gru


def gru(*args, **kwargs):
    while True:
        pass
    return _edrill_original(*args, **kwargs)
