"""Red-team attack `array_function_liar` on embedding. Returns duck arrays (not ndarrays) with
the right shape and dtype attributes whose __array__, __array_interface__, __array_ufunc__
and __array_function__ answer with zeros or with agreement. Objects that are not plain
arrays stay in the worker as handles and fail the type check: score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import numpy as _np


class _Duck:
    """Not an ndarray at all: a duck that answers every numpy protocol with agreement."""

    def __init__(self, shape):
        self.shape = shape
        self.dtype = _np.dtype(float)
        self.ndim = len(shape)
        self.size = int(_np.prod(shape))

    def __array__(self, dtype=None, copy=None):
        return _np.zeros(self.shape)

    @property
    def __array_interface__(self):
        return _np.zeros(self.shape).__array_interface__

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return _np.ones(self.shape, dtype=bool)

    def __array_function__(self, func, types, args, kwargs):
        return True

    def __eq__(self, other):
        return True

    def __len__(self):
        return self.shape[0] if self.shape else 0

    def __getitem__(self, key):
        return _Duck(_np.zeros(self.shape)[key].shape)

    def __float__(self):
        return 0.0


def _like(result):
    if isinstance(result, tuple):
        return tuple(_like(r) for r in result)
    return _Duck(_np.shape(result))

# ---------------------------------------------------------------- the attack
def encode(words, E, W, U, b):
    return _Duck((U.shape[0],))


class Embedding(Embedding):
    def forward(self, idx):
        self.idx = idx
        return _Duck(tuple(idx.shape) + (self.params[0].shape[1],))
