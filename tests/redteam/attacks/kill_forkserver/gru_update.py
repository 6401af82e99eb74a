"""Red-team attack `kill_forkserver` on gru_update. SIGKILLs its parent, the fork-server that
forks every worker of the slot (in the sandbox it is the same uid, so this is allowed). The
grader must notice, start a new fork-server and grade the next exercises and students as
usual: score 0, every other row present.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os
import signal


def _kill_forkserver():
    """SIGKILL our parent (the fork-server) and its process group."""
    ppid = os.getppid()
    for send in (os.killpg, os.kill):
        try:
            send(ppid, signal.SIGKILL)
        except OSError:
            pass

# ---------------------------------------------------------------- the attack
_edrill_original = gru


def gru(*args, **kwargs):
    _kill_forkserver()
    return _edrill_original(*args, **kwargs)
