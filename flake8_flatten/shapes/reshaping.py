"""Flatten, Reshape, Permute and RepeatVector (Keras 3 keras/src/layers/reshaping).

* ``Flatten`` gives ``(batch, prod(non-batch dims))``, None if any is unknown, and
  ``(batch, 1)`` for a rank-1 input; ``channels_first`` only transposes first.
* ``Reshape`` resolves a ``-1`` and checks the total size only when every input
  dim and every target entry is known; with any unknown Keras checks nothing and
  leaves ``-1`` as None.
* ``Permute`` takes 1-based ``dims`` and requires input rank ``len(dims) + 1``.
* ``RepeatVector`` requires rank-2 input: ``(batch, f) -> (batch, n, f)``.
"""

from __future__ import annotations

import math

from ..model import UNKNOWN
from .spec import (
    REDUCER,
    RESHAPE,
    SEQUENCE,
    TRANSPARENT,
    Difference,
    LayerSpec,
    Params,
    ShapeError,
    no_weights,
    product,
    unknown_when,
)


def flatten(params: Params, shape: tuple):
    fmt = params.get("data_format")
    if fmt is not None and fmt is not UNKNOWN:
        # Keras lower-cases str(data_format); the layout never changes the size.
        if str(fmt).lower() not in ("channels_first", "channels_last"):
            raise ShapeError(f"Flatten got an invalid data_format {fmt!r}")
    rest = shape[1:]
    if not rest:
        return (shape[0], 1)
    return (shape[0], product(rest))


def _target_entries(target):
    """Keras's view of target_shape: ints stay, anything else is an unknown (None)."""
    entries = []
    for d in target:
        if isinstance(d, int) and not isinstance(d, bool):
            entries.append(d)
        else:
            entries.append(None)  # UNKNOWN, None, floats: Keras treats as dynamic
    return entries


def reshape(params: Params, shape: tuple):
    target = params["target_shape"]
    if target is UNKNOWN:
        return None
    if not isinstance(target, (tuple, list)):
        if isinstance(target, (int, float)) or target is None:
            raise ShapeError(f"Reshape's target_shape must be a tuple, got {target!r}")
        return None
    if any(isinstance(d, bool) for d in target):
        return None  # Keras reads bools as 0/1; too odd to claim anything
    entries = _target_entries(target)
    known = [d for d in entries if d is not None]
    if any(d < -1 for d in known):
        raise ShapeError(f"Reshape's target_shape has a negative size: {tuple(target)}")
    if known.count(-1) > 1:
        raise ShapeError(f"Reshape's target_shape has more than one -1: {tuple(target)}")
    rest = shape[1:]
    if None in rest or None in entries:
        return (shape[0],) + tuple(None if d == -1 else d for d in entries)
    size = math.prod(rest)
    if -1 not in entries:
        if size != math.prod(entries):
            raise ShapeError(
                f"Reshape cannot turn {size} values per sample into {tuple(target)}"
            )
        return (shape[0],) + tuple(entries)
    known_size = math.prod(d for d in entries if d != -1)
    if known_size == 0 or size % known_size:
        raise ShapeError(
            f"Reshape cannot turn {size} values per sample into {tuple(target)}"
        )
    return (shape[0],) + tuple(size // known_size if d == -1 else d for d in entries)


def _keras2_negatives(params: Params) -> Params:
    """Keras 2 infers the (one) negative entry of target_shape, whatever its value."""
    target = params["target_shape"]
    if isinstance(target, (tuple, list)) and all(
            isinstance(d, int) and not isinstance(d, bool) for d in target):
        params["target_shape"] = tuple(-1 if d < 0 else d for d in target)
    return params


def _keras2_zero_repeats(rule):
    def apply(params: Params, shape: tuple):
        if params["n"] == 0 and not isinstance(params["n"], bool):
            return (shape[0], 0, shape[1])
        return rule(params, shape)

    return apply


def permute(params: Params, shape: tuple):
    dims = params["dims"]
    if dims is UNKNOWN:
        return None
    if not isinstance(dims, (tuple, list)):
        raise ShapeError(f"Permute's dims must be a tuple, got {dims!r}")
    if any(isinstance(d, bool) for d in dims):
        return None
    n = len(dims)
    known = [d for d in dims if d is not UNKNOWN]
    if all(isinstance(d, int) for d in known):
        if len(set(known)) != len(known) or any(d < 1 or d > n for d in known):
            raise ShapeError(f"Permute's dims must be a permutation of 1..{n}, got {tuple(dims)}")
    else:
        return None
    if len(shape) != n + 1:
        raise ShapeError(f"Permute{tuple(dims)} expects input of rank {n + 1}, got rank {len(shape)}")
    return (shape[0],) + tuple(None if d is UNKNOWN else shape[d] for d in dims)


def repeat_vector(params: Params, shape: tuple):
    n = params["n"]
    if n is UNKNOWN:
        count = None
    elif isinstance(n, bool) or not isinstance(n, int):
        raise ShapeError(f"RepeatVector needs an integer n, got {n!r}")
    elif n <= 0:
        raise ShapeError(f"RepeatVector needs a positive n, got {n}")
    else:
        count = n
    return (shape[0], count, shape[1])


SPECS = {
    "Flatten": LayerSpec(("data_format",), flatten, REDUCER, min_rank=1, weights=no_weights),
    "Reshape": LayerSpec(("target_shape",), reshape, RESHAPE, weights=no_weights, versions=(Difference(
        2, "any negative size is the one inferred (-2 as -1); None in target_shape is refused "
           "(not modelled: unknown)",
        {"normalize": _keras2_negatives, "wrap": (unknown_when(
            lambda params, shape: isinstance(params["target_shape"], (tuple, list))
            and any(not isinstance(d, int) or isinstance(d, bool)
                    for d in params["target_shape"])),)}),)),
    "Permute": LayerSpec(("dims",), permute, TRANSPARENT, weights=no_weights),
    "RepeatVector": LayerSpec(("n",), repeat_vector, SEQUENCE, exact_rank=2, weights=no_weights,
                              versions=(Difference(2, "n=0 builds: (batch, 0, features)",
                                                   {"wrap": (_keras2_zero_repeats,)}),)),
}
