"""NumPy references for Flatten, Reshape, Permute and RepeatVector.

With a zero batch, NumPy reshapes an empty array into any shape with a zero in
it, so the references check the per-sample size themselves, as Keras does.
"""

from __future__ import annotations

import math

import numpy as np

from ..model import UNKNOWN
from .arrays import Unverifiable, concrete


def flatten(params, x, fill):
    fmt = params.get("data_format")
    if isinstance(fmt, str) and fmt.lower() == "channels_first" and x.ndim > 1:
        x = np.transpose(x, (0, *range(2, x.ndim), 1))
    return x.reshape((x.shape[0], math.prod(x.shape[1:])))


def _resolve(sample_shape, target):
    """The concrete per-sample target (one -1 solved), or ValueError as reshape gives."""
    if target.count(-1) > 1 or any(d < -1 for d in target):
        raise ValueError(f"invalid target shape {target}")
    size = math.prod(sample_shape)
    if -1 in target:
        known = math.prod(d for d in target if d != -1)
        if known == 0 or size % known:
            raise ValueError(f"cannot reshape {sample_shape} into {target}")
        target = tuple(size // known if d == -1 else d for d in target)
    if math.prod(target) != size:
        raise ValueError(f"cannot reshape {sample_shape} into {target}")
    return target


def reshape(params, x, fill):
    target = params["target_shape"]
    if not isinstance(target, (tuple, list)):
        raise Unverifiable("unknown target_shape")
    # Keras's call turns a dynamic (None) entry into -1; an entry we could not
    # evaluate is solved the same way when it is the only free one.
    free = [i for i, d in enumerate(target) if d is UNKNOWN or d is None]
    resolved = []
    for d in target:
        if d is None or (d is UNKNOWN and len(free) == 1 and -1 not in target):
            resolved.append(-1)
        else:
            resolved.append(int(concrete(d, fill)))
    resolved = _resolve(x.shape[1:], tuple(resolved))
    return x.reshape((x.shape[0],) + resolved)


def permute(params, x, fill):
    dims = params["dims"]
    if not isinstance(dims, (tuple, list)):
        raise Unverifiable("unknown dims")
    missing = sorted(set(range(1, len(dims) + 1)) - {d for d in dims if d is not UNKNOWN})
    if sum(d is UNKNOWN for d in dims) > 1 or (UNKNOWN in dims and len(missing) != 1):
        raise Unverifiable("dims not determined")
    axes = tuple(missing[0] if d is UNKNOWN else d for d in dims)
    if sorted(axes) != list(range(1, len(axes) + 1)):
        raise ValueError(f"invalid permutation {axes}")
    return np.transpose(x, (0,) + axes)


def repeat_vector(params, x, fill):
    if x.ndim != 2:
        raise ValueError(f"RepeatVector expects rank-2 input, got {x.shape}")
    n = concrete(params["n"], fill)
    return np.repeat(np.expand_dims(x, 1), n, axis=1)


REFERENCES = {
    "Flatten": flatten,
    "Reshape": reshape,
    "Permute": permute,
    "RepeatVector": repeat_vector,
}
