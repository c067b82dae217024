"""NumPy references for the merge layers: NumPy's own broadcasting and concatenate."""

from __future__ import annotations

from functools import reduce

import numpy as np

from .engine import Unverifiable


def _same_rank(xs):
    """Keras's Merge reshapes inputs of lower rank by inserting axes after the batch
    axis, then broadcasts."""
    rank = max(x.ndim for x in xs)
    return [x.reshape(x.shape[:1] + (1,) * (rank - x.ndim) + x.shape[1:]) for x in xs]


def _elementwise(op):
    def reference(params, xs, fill):
        return reduce(op, _same_rank(xs))
    return reference


def subtract(params, xs, fill):
    if len(xs) != 2:
        raise Unverifiable("Subtract takes two inputs")
    first, second = _same_rank(xs)
    return first - second


def concatenate(params, xs, fill):
    return np.concatenate(xs, axis=params["axis"])


REFERENCES = {
    "Add": _elementwise(np.add),
    "Multiply": _elementwise(np.multiply),
    "Average": lambda params, xs, fill: reduce(np.add, _same_rank(xs)) / np.float32(len(xs)),
    "Maximum": _elementwise(np.maximum),
    "Minimum": _elementwise(np.minimum),
    "Subtract": subtract,
    "Concatenate": concatenate,
}
