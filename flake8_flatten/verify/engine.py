"""Run layer chains on real (but empty) NumPy arrays and compare with the static engine.

The batch axis is always 0, so every activation array is empty whatever sizes the
code declares, and weights are zero-stride broadcast views: memory and time stay
bounded for ``input_shape=(100000, 100000, 3)``.  Unknown sizes are filled with
two different stand-ins; a static size must match under both, so a size the static
engine wrongly claims to know is caught.
"""

from __future__ import annotations

from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

from ..model import UNKNOWN, LayerCall, Shape
from ..shapes.engine import spec_for

Reference = Callable[..., np.ndarray]

#: Stand-ins for unknown sizes; two of them so a lucky match cannot hide a wrong claim.
FILLS = (31, 37)

_REFERENCES: Dict[str, Reference] = {}


def references() -> Dict[str, Reference]:
    if not _REFERENCES:
        from . import convolution, core, preprocessing, recurrent, reshaping

        for family in (core, convolution, recurrent, reshaping, preprocessing):
            _REFERENCES.update(family.REFERENCES)
    return _REFERENCES


class Unverifiable(Exception):
    """The reference cannot run this layer (unknown layer, unsupported arguments)."""


def run_layer(call: LayerCall, x: np.ndarray, fill: int) -> np.ndarray:
    """Apply one layer's NumPy reference to ``x``."""
    spec = spec_for(call)
    reference = references().get(call.kind)
    if spec is None or reference is None:
        raise Unverifiable(call.kind)
    params = spec.bind(call)
    return reference(params, x, fill)


def concrete(value, fill: int):
    """An argument as the reference runs it: unknown ints become the stand-in."""
    return fill if value is UNKNOWN or value is None else value


def empty(shape: Sequence[int]) -> np.ndarray:
    """A float32 array of this shape that occupies no memory (batch axis is 0)."""
    return np.zeros(shape, dtype=np.float32)


def weights(shape: Sequence[int]) -> np.ndarray:
    """A weight tensor of any size as a zero-stride view: no memory allocated."""
    return np.broadcast_to(np.float32(0), tuple(shape))


def reference_chain(input_shape: Shape, calls: List[LayerCall], fill: int) -> List[Optional[tuple]]:
    """Concrete output shapes (batch axis 0) of each layer; None from the first failure on."""
    shapes: List[Optional[tuple]] = [None] * len(calls)
    if input_shape is None:
        return shapes
    try:
        x = empty((0,) + tuple(fill if d is None else d for d in input_shape[1:]))
    except (ValueError, MemoryError, OverflowError):  # beyond NumPy's addressable size
        return shapes
    for i, call in enumerate(calls):
        try:
            with np.errstate(all="ignore"):
                x = run_layer(call, x, fill)
        except (Unverifiable, ValueError, TypeError, IndexError, MemoryError, OverflowError):
            break
        shapes[i] = x.shape
    return shapes


def _agrees(static: Shape, concrete_shape: Optional[tuple], batch) -> bool:
    if static is None:
        return True  # claims nothing
    if concrete_shape is None or len(static) != len(concrete_shape):
        return False
    if static[0] != batch:
        return False
    return all(s is None or s == c for s, c in zip(static[1:], concrete_shape[1:]))


def verified_shapes(input_shape: Shape, calls: List[LayerCall], static: List[Shape]) -> List[Shape]:
    """The static shapes, with every one the NumPy reference disagrees with set to None."""
    checked = list(static)
    batch = input_shape[0] if input_shape is not None else None
    for fill in FILLS:
        concrete_shapes = reference_chain(input_shape, calls, fill)
        for i, shape in enumerate(checked):
            if not _agrees(shape, concrete_shapes[i], batch):
                checked[i] = None
    return checked
