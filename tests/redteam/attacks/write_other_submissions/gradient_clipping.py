"""Red-team attack `write_other_submissions` on gradient_clipping. Looks for other students'
folders (siblings and cousins of its own folder — other slots' work dirs —, the grader's cwd
and a submissions/ folder there) and writes a canary file edrill-canary-
write_other_submissions into each (it never changes an existing file). In the sandbox only
its own work dir is writable: no canary anywhere, the submissions folder unchanged. Without
a sandbox it succeeds.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os

_EXERCISES = ("conv_output_size", "gradient_clipping", "lstm_cell", "gru_update",
              "bidirectional_concat", "embedding")


def _student_dirs():
    """Folders near ours that hold exercise files: other students, other slots."""
    here = os.path.dirname(os.path.abspath(__file__))
    bases = {os.path.dirname(here), os.path.dirname(os.path.dirname(here))}
    for anc in ("/proc/%d/cwd" % os.getppid(),):
        bases.update({anc, os.path.join(anc, "tests/redteam/submissions"),
                      os.path.join(anc, "submissions")})
    found = set()
    for base in bases:
        for depth1 in _listdir(base):
            d1 = os.path.join(base, depth1)
            for d in [d1] + [os.path.join(d1, x) for x in _listdir(d1)]:
                if os.path.isdir(d) and os.path.realpath(d) != here and any(
                        os.path.exists(os.path.join(d, e + ".py")) for e in _EXERCISES):
                    found.add(d)
    return sorted(found)


def _listdir(d):
    try:
        return sorted(os.listdir(d))[:200]
    except OSError:
        return []


def _write_others():
    for d in _student_dirs():
        path = os.path.join(d, "edrill-canary-write_other_submissions")
        try:
            with open(path, "w") as f:
                f.write("another student's folder was writable\n")
            print(f"WRITE-ESCAPE {path}")
        except OSError:
            pass

# ---------------------------------------------------------------- the attack
_edrill_original = gradient_clipping


def gradient_clipping(*args, **kwargs):
    _write_others()
    return _edrill_original(*args, **kwargs)
