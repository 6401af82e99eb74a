"""Red-team attack `patch_pytest` on conv_output_size. At import, monkeypatches pytest
internals (pytest.fail, _pytest.runner), edrill's own check library (grader.checks.same_int
& co. become no-ops) and builtins.AssertionError, then returns wrong values. None of it
exists in the trusted process: score 0.

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

# ---------------------------------------------------------------- the attack (at import)
import builtins
import sys


def _noop(*args, **kwargs):
    return None


try:
    import _pytest.outcomes
    import _pytest.runner
    import pytest

    pytest.fail = _noop
    _pytest.outcomes.fail = _noop
    _pytest.runner.pytest_runtest_call = _noop
    _pytest.runner.call_and_report = _noop
except Exception:
    pass
try:
    import grader.checks as _checks

    for _name in dir(_checks):
        if _name.startswith(("same_", "expect_", "assert_", "fail")):
            setattr(_checks, _name, _noop)
    _checks.CheckFailed = type("CheckFailed", (Exception,), {})
except Exception:
    pass


class _NeverRaised(Exception):
    pass


builtins.AssertionError = _NeverRaised  # an `assert` here would raise nothing catchable
sys.modules.setdefault("conftest", sys.modules[__name__])
