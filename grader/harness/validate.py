"""Checking what a student's step hands back inside a training loop.

A training harness calls student code thousands of times; after each call it makes sure the
weights or gradients are still a dict of finite float arrays of the right shapes, and stops
with a `ValueError` naming the step and the entry when they are not (the suite shows it).
Contains no exercise's answer: students may read it.
"""

from __future__ import annotations

import numpy as np


def float_arrays(params: object, shapes: dict[str, tuple[int, ...]], where: str,
                 owner: str = "") -> dict[str, np.ndarray]:
    """`params` itself, if it is a dict of finite float arrays of `shapes`; else ValueError.

    `owner` names the dict in messages: "network" gives "network['W1']", "" gives "'W1'".
    """
    if type(params) is not dict:
        raise ValueError(f"{where}: {owner or 'the result'} is a {type(params).__name__}, "
                         "not a dict")
    for name, shape in shapes.items():
        value = params.get(name)
        label = f"{owner}['{name}']" if owner else f"'{name}'"
        if type(value) is not np.ndarray or value.shape != shape or value.dtype.kind != "f":
            got = getattr(value, "shape", type(value).__name__)
            raise ValueError(f"{where}: {label} should be a float array of shape {shape}, "
                             f"got {got}")
        if not np.all(np.isfinite(value)):
            raise ValueError(f"{where}: {label} has non-finite values (nan or inf)")
    return params
