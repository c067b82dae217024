"""What every NumPy reference is written with: empty activations, weights that occupy
no memory, stand-ins for unknown sizes, and the refusal to run a layer."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..model import UNKNOWN


class Unverifiable(Exception):
    """The reference cannot run this layer (unknown layer, unsupported arguments)."""


def concrete(value, fill: int):
    """An argument as the reference runs it: unknown ints become the stand-in."""
    return fill if value is UNKNOWN or value is None else value


def empty(shape: Sequence[int]) -> np.ndarray:
    """A float32 array of this shape that occupies no memory (batch axis is 0)."""
    return np.zeros(shape, dtype=np.float32)


def weights(shape: Sequence[int]) -> np.ndarray:
    """A weight tensor of any size as a zero-stride view: no memory allocated."""
    return np.broadcast_to(np.float32(0), tuple(shape))
