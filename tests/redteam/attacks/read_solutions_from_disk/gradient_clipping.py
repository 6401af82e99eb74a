"""Red-team attack `read_solutions_from_disk` on gradient_clipping. Looks for the reference
solution (solutions/<id>.py) and the hidden suite (tests/suites/test_<id>.py) on disk — next
to the installed grader package, in /work/main, the worktrees, /opt, the home folder,
sys.path and the parents of all of them — and, when it finds the solution, runs it instead
of its own wrong code. In the sandbox none of these files is visible: score 0 (without a
sandbox it scores full marks: only the OS sandbox stops it).

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import glob
import os
import sys

_ID = "gradient_clipping"


def _candidates():
    """Where a reference solution or a hidden suite might be on this machine."""
    roots = {os.getcwd(), os.path.dirname(os.path.abspath(__file__)), os.path.expanduser("~"),
             "/work/main", "/opt", "/srv", "/root", "/home", "/usr/local/share"}
    roots.update(glob.glob("/work/*") + glob.glob("/work/wt/*") + glob.glob("/opt/*"))
    try:
        import grader

        here = os.path.dirname(os.path.abspath(grader.__file__))
        roots.update({here, os.path.dirname(here), os.path.dirname(os.path.dirname(here))})
    except Exception:
        pass
    roots.update(p for p in sys.path if p)
    for root in list(roots):
        d = root
        for _ in range(4):  # and their parents
            roots.add(d)
            d = os.path.dirname(d)
    for root in sorted(roots):
        for rel in (f"solutions/{_ID}.py", f"tests/suites/test_{_ID}.py",
                    f"grader/data/solutions/{_ID}.py", f"source/{_ID}.py", f"release/{_ID}.py"):
            yield os.path.join(root, rel)


def _steal():
    for path in _candidates():
        try:
            with open(path, encoding="utf-8") as f:
                code = f.read()
        except OSError:
            continue
        if "tests/suites" in path:
            print(f"READ-ESCAPE read the hidden suite {path}")
            continue
        namespace = {"__name__": "stolen"}
        try:
            exec(compile(code, path, "exec"), namespace)
        except Exception:
            continue
        print(f"READ-ESCAPE read the reference solution {path}")
        return namespace
    return None


_stolen = _steal()

# ---------------------------------------------------------------- the attack
_edrill_original = gradient_clipping


def gradient_clipping(*args, **kwargs):
    if _stolen is not None:
        return _stolen['gradient_clipping'](*args, **kwargs)
    return _edrill_original(*args, **kwargs)
