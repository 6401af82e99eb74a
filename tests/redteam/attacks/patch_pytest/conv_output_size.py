"""Red-team attack `patch_pytest` on conv_output_size. At import, monkeypatches pytest
internals (pytest.fail, _pytest.runner), edrill's own check library (grader.checks.same_int
& co. become no-ops) and builtins.AssertionError, then returns wrong values. None of it
exists in the trusted process: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

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
