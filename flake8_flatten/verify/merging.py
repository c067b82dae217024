"""NumPy references for the merge layers: NumPy's own broadcasting and concatenate."""

from __future__ import annotations

from functools import reduce

import numpy as np

from .engine import Unverifiable


def _elementwise(op):
    def reference(params, xs, fill):
        return reduce(op, xs)
    return reference


def subtract(params, xs, fill):
    if len(xs) != 2:
        raise Unverifiable("Subtract takes two inputs")
    return xs[0] - xs[1]


def concatenate(params, xs, fill):
    return np.concatenate(xs, axis=params["axis"])


REFERENCES = {
    "Add": _elementwise(np.add),
    "Multiply": _elementwise(np.multiply),
    "Average": lambda params, xs, fill: reduce(np.add, xs) / np.float32(len(xs)),
    "Maximum": _elementwise(np.maximum),
    "Minimum": _elementwise(np.minimum),
    "Subtract": subtract,
    "Concatenate": concatenate,
}
