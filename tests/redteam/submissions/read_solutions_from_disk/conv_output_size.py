"""Red-team attack `read_solutions_from_disk` on conv_output_size. Looks for the reference
solution (solutions/<id>.py) and the hidden suite (tests/suites/test_<id>.py) on disk — next
to the installed grader package, in /work/main, the worktrees, /opt, the home folder,
sys.path and the parents of all of them — and, when it finds the solution, runs it instead
of its own wrong code. In the sandbox none of these files is visible: score 0 (without a
sandbox it scores full marks: only the OS sandbox stops it).

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

"""畳み込みの出力サイズ / The output size of a convolution.

日本語
------
高さ H の入力に、上下それぞれ P 行のパディングを付け、高さ FH のフィルタを
ストライド S でずらしていくときの出力の高さ OH:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ は切り捨て。幅も同じ式（W, FW）で求まる。
例: (H, FH, P, S) = (5, 3, 1, 2) → 3、(6, 2, 1, 1) → 7、(28, 5, 0, 1) → 24。

引数と戻り値: H, FH, P, S はいずれも Python の int（スカラー）、戻り値 OH も int。
H, FH, P が負、S < 1、またはフィルタがパディング後の入力より大きい（FH > H + 2P）
ときは ValueError。

English
-------
The output height OH when a filter of height FH slides with stride S over an input of
height H padded with P rows on top and P rows at the bottom:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ rounds down. The width follows the same formula (W, FW).
Examples: (H, FH, P, S) = (5, 3, 1, 2) → 3, (6, 2, 1, 1) → 7, (28, 5, 0, 1) → 24.

Arguments and result: H, FH, P, S are Python ints (scalars); the result OH is an int.
A negative H, FH or P, S < 1, or a filter larger than the padded input (FH > H + 2P)
raises ValueError.
"""


def conv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    if FH > H + 2 * P:
        raise ValueError(
            f"the filter (FH={FH}) is larger than the padded input (H + 2*P = {H + 2 * P})"
        )
    return (H + 2*P - FH) / S + 1


if __name__ == "__main__":
    print(conv_output_size(5, 3, 1, 2))  # 3
    print(conv_output_size(6, 2, 1, 1))  # 7
    print(conv_output_size(28, 5, 0, 1))  # 24

import glob
import os
import sys

_ID = "conv_output_size"


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
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    if _stolen is not None:
        return _stolen['conv_output_size'](*args, **kwargs)
    return _edrill_original(*args, **kwargs)
