"""Red-team attack `ignores_sigterm` on embedding. Ignores every catchable signal at import,
then loops forever at import.

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

while True:
    pass
