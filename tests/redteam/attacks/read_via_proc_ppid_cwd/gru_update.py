"""Red-team attack `read_via_proc_ppid_cwd` on gru_update. Reaches the grader's files through
/proc: the cwd and root links of its ancestors (/proc/<ppid>/cwd, ...) and of every visible
process, and the PYTHONPATH/PWD in their environ, then reads solutions/<id>.py, the hidden
suite or the gradebook there and runs the reference instead of its wrong code. In the
sandbox (its own PID namespace) no process of the host is visible: score 0. Without a
sandbox it scores full marks.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os

_ID = "gru_update"


def _proc_roots():
    """The cwd and root of every process we can see, our ancestors first."""
    seen, order = set(), []
    pid = os.getpid()
    for _ in range(8):
        try:
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        if pid <= 0:
            break
        order.append(pid)
    try:
        order += sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
    except OSError:
        pass
    for pid in order:
        for link in ("cwd", "root"):
            try:
                path = os.readlink(f"/proc/{pid}/{link}")
            except OSError:
                continue
            base = f"/proc/{pid}/{link}"
            if (base, path) not in seen:
                seen.add((base, path))
                yield base, path
        try:  # PYTHONPATH and friends name the grader's checkout
            with open(f"/proc/{pid}/environ", "rb") as f:
                for item in f.read().split(b"\0"):
                    if item.startswith((b"PYTHONPATH=", b"PWD=", b"HOME=")):
                        for p in item.split(b"=", 1)[1].decode(errors="replace").split(":"):
                            if p:
                                yield p, p
        except OSError:
            pass


def _steal():
    for base, _real in _proc_roots():
        d = base
        for _ in range(4):
            for rel in (f"solutions/{_ID}.py", f"tests/suites/test_{_ID}.py", "grades.sqlite"):
                path = os.path.join(d, rel)
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except OSError:
                    continue
                print(f"PROC-ESCAPE read {path}")
                if rel.startswith("solutions/"):
                    namespace = {"__name__": "stolen"}
                    try:
                        exec(compile(data, path, "exec"), namespace)
                        return namespace
                    except Exception:
                        pass
            d = os.path.join(d, "..")
    return None


_stolen = _steal()

# ---------------------------------------------------------------- the attack
_edrill_original = gru


def gru(*args, **kwargs):
    if _stolen is not None:
        return _stolen['gru'](*args, **kwargs)
    return _edrill_original(*args, **kwargs)
