"""NumPy arrays whose shape the code states: ``np.zeros((1, 3, 2))`` and friends.

Only the shape is derived, from literal arguments; nothing is allocated and only
``np.array(<literal>)`` asks NumPy itself (for the shape of a literal nested list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from ..model import UNKNOWN

#: Upper bound on elements of a literal handed to NumPy (the evaluator bounds it too).
MAX_LITERAL = 4096


@dataclass(frozen=True)
class Array:
    """A NumPy array of known shape (every size a non-negative int)."""

    shape: Tuple[int, ...]


def _size(value) -> Optional[int]:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def shape_of(value) -> Optional[Tuple[int, ...]]:
    """``(3, 2)`` from ``(3, 2)``, ``[3, 2]`` or ``6``; None if any size is unknown."""
    if isinstance(value, tuple):
        sizes = tuple(_size(v) for v in value)
        return None if None in sizes else sizes
    single = _size(value)
    return None if single is None else (single,)


def _kwarg(kwargs, name, default=UNKNOWN):
    return dict(kwargs).get(name, default)


def construct(function: str, args: tuple, kwargs: tuple):
    """The Array a ``numpy.<function>(...)`` call returns, or UNKNOWN."""
    if function in ("zeros", "ones", "empty", "full"):
        shape = args[0] if args else _kwarg(kwargs, "shape")
    elif function in ("random.rand", "random.randn"):
        if kwargs:
            return UNKNOWN
        shape = args if args else ()
    elif function in ("random.random", "random.random_sample", "random.sample", "random.ranf"):
        shape = args[0] if args else _kwarg(kwargs, "size", None)
    elif function in ("random.normal", "random.uniform", "random.randint"):
        shape = args[2] if len(args) > 2 else _kwarg(kwargs, "size", None)
    elif function in ("array", "asarray"):
        return literal(args[0]) if len(args) == 1 and not kwargs else UNKNOWN
    elif function == "expand_dims":
        axis = args[1] if len(args) > 1 else _kwarg(kwargs, "axis")
        return expand_dims(args[0], axis) if args and isinstance(args[0], Array) else UNKNOWN
    else:
        return UNKNOWN
    if shape is None:
        return UNKNOWN  # a scalar, not an array
    dims = shape_of(shape)
    return UNKNOWN if dims is None else Array(dims)


#: Tensor constructors of TensorFlow and Keras whose first argument (or ``shape=``) is
#: the shape: ``tf.zeros((2, 3))``, ``keras.random.normal((2, 3))``.
SHAPED = frozenset({"zeros", "ones", "fill", "random.normal", "random.uniform",
                    "random.truncated_normal", "ops.zeros", "ops.ones", "ops.full"})


def construct_tensor(function: str, args: tuple, kwargs: tuple):
    """The Array a ``tf.<function>(shape, ...)`` / ``keras.<function>(shape, ...)``
    call returns (shapes only, like NumPy's), or UNKNOWN."""
    if function not in SHAPED:
        return UNKNOWN
    dims = shape_of(args[0] if args else _kwarg(kwargs, "shape"))
    return UNKNOWN if dims is None else Array(dims)


def literal(value):
    """``np.array([[1, 2], [3, 4]])``: the shape NumPy gives the literal (ragged or
    non-numeric literals are UNKNOWN)."""
    def numeric(v):
        if isinstance(v, tuple):
            return all(numeric(e) for e in v)
        return isinstance(v, (int, float)) and v is not UNKNOWN

    if not isinstance(value, tuple) or not numeric(value) or len(str(value)) > 16 * MAX_LITERAL:
        return UNKNOWN
    import numpy as np

    try:
        return Array(np.array(value, dtype=np.float64).shape)
    except (ValueError, TypeError):
        return UNKNOWN


def reshape(array: Array, args: tuple):
    """``x.reshape(...)`` with at most one -1, as NumPy computes it."""
    target = args[0] if len(args) == 1 and isinstance(args[0], tuple) else args
    if isinstance(target, int) and not isinstance(target, bool):
        target = (target,)
    if not isinstance(target, tuple) or not all(isinstance(d, int) and not isinstance(d, bool)
                                                for d in target):
        return UNKNOWN
    total = 1
    for d in array.shape:
        total *= d
    known = 1
    for d in target:
        if d != -1:
            if d < 0:
                return UNKNOWN
            known *= d
    if target.count(-1) > 1:
        return UNKNOWN
    if -1 in target:
        if known == 0 or total % known:
            return UNKNOWN
        target = tuple(total // known if d == -1 else d for d in target)
    return Array(target) if known == total or -1 in target else UNKNOWN


def expand_dims(array: Array, axis) -> object:
    if not isinstance(axis, int) or isinstance(axis, bool):
        return UNKNOWN
    rank = len(array.shape) + 1
    if not -rank <= axis < rank:
        return UNKNOWN
    position = axis % rank
    return Array(array.shape[:position] + (1,) + array.shape[position:])
