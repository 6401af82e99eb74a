"""Red-team attack `setsid_daemon` on gru_update. A daemon started at import time (double fork,
setsid, SIGTERM ignored, named edrillcanary), wrong answers. The daemon must not outlive the
exercise: no process, no canary file /tmp/edrill-canary-setsid_daemon-*.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os
import signal
import time


def _daemon(tag):
    """Double fork + setsid: a process outside the worker's group and session, reparented
    away from the worker. It names itself edrillcanary (ps shows it), ignores SIGTERM and
    SIGHUP, and after 5 s alive (long after its exercise ended) leaves a canary file, then
    lives at most 300 s."""
    try:
        pid = os.fork()
    except OSError:
        return
    if pid:
        try:
            os.waitpid(pid, 0)
        except OSError:
            pass
        return
    try:
        os.setsid()
        if os.fork():
            os._exit(0)
        import ctypes

        ctypes.CDLL(None).prctl(15, b"edrillcanary", 0, 0, 0)  # PR_SET_NAME
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)
        os.closerange(3, 1024)
        start = time.monotonic()
        while time.monotonic() - start < 300:
            time.sleep(0.5)
            if time.monotonic() - start > 5:
                for place in ("/tmp", "/dev/shm"):
                    try:
                        with open(f"{place}/edrill-canary-setsid_daemon-{tag}", "w") as f:
                            f.write(f"{os.getpid()} alive after {time.monotonic() - start:.0f} s\n")
                    except OSError:
                        pass
    finally:
        os._exit(0)

_daemon('import')
