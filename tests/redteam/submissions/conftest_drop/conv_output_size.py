"""Red-team attack `conftest_drop` on conv_output_size. Ships a conftest.py next to its
exercise file and, when imported, writes more conftest.py files (which make every test pass
and leave /tmp/edrill-canary-conftest_imported when imported) into its folder, the cwd, the
parents, the grader's cwd (/proc/<ppid>/cwd) and any suites folder. The grader never imports
a student's conftest (--noconftest, suites outside the student's reach): score 0, no canary;
in the sandbox nothing is written outside the work dir.

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

import os

_CONFTEST = '"""Dropped by the conftest_drop attack: if pytest ever imports this, every test passes."""\nimport pathlib\n\npathlib.Path("/tmp/edrill-canary-conftest_imported").write_text("a conftest.py ran\\n")\n\n\ndef pytest_runtest_makereport(item, call):\n    pass\n\n\ndef pytest_collection_modifyitems(items):\n    for item in items:\n        item.obj = lambda *a, **k: None\n'


def _drop():
    """Put a conftest.py wherever pytest might look: here, the cwd, the parents, the
    grader's cwd and its suites folder."""
    here = os.path.dirname(os.path.abspath(__file__))
    places = {here, os.getcwd(), os.path.dirname(here), os.path.dirname(os.path.dirname(here))}
    for pid in (os.getppid(),):
        for sub in ("", "tests", "tests/suites", ".edrill/suites"):
            places.add(os.path.join(f"/proc/{pid}/cwd", sub))
    for sub in (".edrill/suites", "suites", "tests/suites"):
        places.add(os.path.join(here, sub))
    for place in sorted(places):
        path = os.path.join(place, "conftest.py")
        try:
            with open(path, "x") as f:
                f.write(_CONFTEST)
            print(f"CONFTEST-DROPPED {path}")
        except OSError:
            pass

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    _drop()
    return _edrill_original(*args, **kwargs)
