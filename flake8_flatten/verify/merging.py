"""NumPy references for the merge layers: NumPy's own broadcasting and concatenate."""

from __future__ import annotations

from functools import reduce

import numpy as np

from ..shapes.merging import dot_axes
from .arrays import Unverifiable


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


def dot(params, xs, fill):
    """A real batched contraction (einsum) over the two inputs' ``axes``."""
    if len(xs) != 2:
        raise Unverifiable("Dot takes two inputs")
    first, second = xs
    axes = dot_axes(params["axes"], (first.ndim, second.ndim))
    if axes is None or 0 in axes or first.ndim + second.ndim > 20:
        raise Unverifiable("Dot axes not modelled")
    letters = iter("bcdefghijklmnopqrstuvwxyz")
    left = ["a"] + [next(letters) for _ in range(first.ndim - 1)]
    right = ["a"] + [next(letters) for _ in range(second.ndim - 1)]
    right[axes[1]] = left[axes[0]]  # the contracted axis
    kept = [c for i, c in enumerate(left) if i != axes[0]] + \
        [c for i, c in enumerate(right) if i not in (0, axes[1])]
    out = np.einsum(f"{''.join(left)},{''.join(right)}->{''.join(kept)}", first, second)
    return out.reshape(out.shape + (1,)) if out.ndim == 1 else out


REFERENCES = {
    "Dot": dot,
    "Add": _elementwise(np.add),
    "Multiply": _elementwise(np.multiply),
    "Average": lambda params, xs, fill: reduce(np.add, _same_rank(xs)) / np.float32(len(xs)),
    "Maximum": _elementwise(np.maximum),
    "Minimum": _elementwise(np.minimum),
    "Subtract": subtract,
    "Concatenate": concatenate,
}
