"""Red-team attack `patch_numpy_testing` on gradient_clipping. At import, replaces every
numpy.testing.assert_* (and unittest's assertEqual) with a no-op, then returns wrong values.
The checks run in the trusted process, never in the student's: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack (at import)
import types

import numpy as _np

try:
    import numpy.testing as _npt
except ImportError:  # a runtime without numpy.testing: plant a fake one
    _npt = types.ModuleType("numpy.testing")
    _npt.assert_allclose = _npt.assert_array_equal = _npt.assert_array_almost_equal = None


def _always_fine(*args, **kwargs):
    return None


for _name in dir(_npt):
    if _name.startswith("assert"):
        setattr(_npt, _name, _always_fine)
_np.testing = _npt
try:
    import unittest

    unittest.TestCase.assertEqual = _always_fine
    unittest.TestCase.assertTrue = _always_fine
except Exception:
    pass
