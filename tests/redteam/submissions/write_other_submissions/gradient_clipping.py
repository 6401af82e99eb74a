"""Red-team attack `write_other_submissions` on gradient_clipping. Looks for other students'
folders (siblings and cousins of its own folder — other slots' work dirs —, the grader's cwd
and a submissions/ folder there) and writes a canary file edrill-canary-
write_other_submissions into each (it never changes an existing file). In the sandbox only
its own work dir is writable: no canary anywhere, the submissions folder unchanged. Without
a sandbox it succeeds.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

"""勾配クリッピング / Gradient clipping by norm.

日本語
------
勾配 g（任意の形の配列）全体の L2 ノルム ‖g‖ = √(Σ g_k²) を計算し、
閾値 threshold を超えていれば、向きを保ったままノルムが threshold になるよう縮小する。

    rate = threshold / ‖g‖
    rate < 1（‖g‖ > threshold）のとき  g ← rate · g    （このとき ‖g‖ = threshold）
    それ以外                             g はそのまま

形状: grad は任意の形（例: (H, H) の重み勾配）、threshold はスカラー、
戻り値は grad と同じ形の float64 配列。ノルムは全要素をまとめた 1 つの値
（行列ならフロベニウスノルム）。

English
-------
Compute the L2 norm ‖g‖ = √(Σ g_k²) over all entries of the gradient g; if it exceeds
threshold, scale g down so that its norm becomes threshold while its direction is kept.

    rate = threshold / ‖g‖
    if rate < 1 (‖g‖ > threshold):  g ← rate · g      (then ‖g‖ = threshold)
    otherwise                        g is returned unchanged

Shapes: grad has any shape (e.g. an (H, H) weight gradient), threshold is a scalar, and
the result is a float64 array of grad's shape. The norm is one number over all entries
(the Frobenius norm for a matrix).
"""

import numpy as np


def gradient_clipping(grad: np.ndarray, threshold: float) -> np.ndarray:
    norm = np.linalg.norm(grad)  # ‖g‖, a scalar over all entries
    rate = threshold / norm
    if rate < 1:
        return rate
    return grad


if __name__ == "__main__":
    g = np.array([3.0, 4.0])  # ‖g‖ = 5
    print(gradient_clipping(g, 2.0))  # [1.2 1.6], norm 2
    print(gradient_clipping(g, 10.0))  # [3. 4.], unchanged

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
