"""Red-team attack `read_solutions_from_disk` on gradient_clipping. Looks for the reference
solution (solutions/<id>.py) and the hidden suite (tests/suites/test_<id>.py) on disk — next
to the installed grader package, in /work/main, the worktrees, /opt, the home folder,
sys.path and the parents of all of them — and, when it finds the solution, runs it instead
of its own wrong code. In the sandbox none of these files is visible: score 0 (without a
sandbox it scores full marks: only the OS sandbox stops it).

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
