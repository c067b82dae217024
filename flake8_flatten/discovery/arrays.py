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


def keyword_value(kwargs, name, default=UNKNOWN):
    return dict(kwargs).get(name, default)


def construct(function: str, args: tuple, kwargs: tuple):
    """The Array a ``numpy.<function>(...)`` call returns, or UNKNOWN."""
    if function in ("zeros", "ones", "empty", "full"):
        shape = args[0] if args else keyword_value(kwargs, "shape")
    elif function in ("random.rand", "random.randn"):
        if kwargs:
            return UNKNOWN
        shape = args if args else ()
    elif function in ("random.random", "random.random_sample", "random.sample", "random.ranf"):
        shape = args[0] if args else keyword_value(kwargs, "size", None)
    elif function in ("random.normal", "random.uniform", "random.randint"):
        shape = args[2] if len(args) > 2 else keyword_value(kwargs, "size", None)
    elif function in ("array", "asarray"):
        return literal(args[0]) if len(args) == 1 and not kwargs else UNKNOWN
    elif function == "expand_dims":
        axis = args[1] if len(args) > 1 else keyword_value(kwargs, "axis")
        return expand_dims(args[0], axis) if args and isinstance(args[0], Array) else UNKNOWN
    elif function in ARRAY_FUNCTIONS:
        return ARRAY_FUNCTIONS[function](args, kwargs)
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
    dims = shape_of(args[0] if args else keyword_value(kwargs, "shape"))
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
        return Array(tuple(total // known if d == -1 else d for d in target))
    return Array(target) if known == total else UNKNOWN


def expand_dims(array: Array, axis) -> object:
    if not isinstance(axis, int) or isinstance(axis, bool):
        return UNKNOWN
    rank = len(array.shape) + 1
    if not -rank <= axis < rank:
        return UNKNOWN
    position = axis % rank
    return Array(array.shape[:position] + (1,) + array.shape[position:])


def _integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _first_array(args: tuple, kwargs: tuple, name: str = "a"):
    value = args[0] if args else keyword_value(kwargs, name, None)
    return value if isinstance(value, Array) else None


def _like(args, kwargs):
    array = _first_array(args, kwargs)
    return UNKNOWN if array is None or len(args) > 2 or kwargs else array


def _reshape_function(args, kwargs):
    array = _first_array(args, kwargs)
    if array is None or len(args) != 2 or kwargs:
        return UNKNOWN
    return reshape(array, (args[1],))


def _joined(args, kwargs, stack: bool):
    arrays = args[0] if args else UNKNOWN
    axis = args[1] if len(args) > 1 else keyword_value(kwargs, "axis", 0)
    if not isinstance(arrays, tuple) or not arrays or not all(isinstance(a, Array) for a in arrays) \
            or not _integer(axis) or any(key != "axis" for key, _ in kwargs):
        return UNKNOWN
    shapes = [a.shape for a in arrays]
    rank = len(shapes[0])
    if stack:
        if any(s != shapes[0] for s in shapes) or not -(rank + 1) <= axis <= rank:
            return UNKNOWN
        axis %= rank + 1
        return Array(shapes[0][:axis] + (len(shapes),) + shapes[0][axis:])
    if rank == 0 or any(len(s) != rank for s in shapes) or not -rank <= axis < rank:
        return UNKNOWN
    axis %= rank
    if any(s[:axis] + s[axis + 1:] != shapes[0][:axis] + shapes[0][axis + 1:] for s in shapes):
        return UNKNOWN
    return Array(shapes[0][:axis] + (sum(s[axis] for s in shapes),) + shapes[0][axis + 1:])


def _squeeze(args, kwargs):
    array = _first_array(args, kwargs)
    axis = args[1] if len(args) > 1 else keyword_value(kwargs, "axis", None)
    return UNKNOWN if array is None else squeeze(array, axis)


@dataclass(frozen=True)
class Identity(Array):
    """``np.eye(n)``: rows indexed by class ids (``np.eye(10)[y]``) are one-hot labels."""


def _eye(args, kwargs):
    size = args[0] if args else keyword_value(kwargs, "N")
    return Identity((size, size)) if _integer(size) and size >= 0 and len(args) == 1 else UNKNOWN


def rows(identity: Identity, ids: Array):
    """``np.eye(n)[y]`` for an integer array ``y``: ``y.shape + (n,)``.  An array as long
    as the identity could be a boolean mask (then the result has one row per True): unknown."""
    size = identity.shape[0]
    if ids.shape == (size,):
        return UNKNOWN
    return Array(ids.shape + (size,))


def one_hot_of(labels, depth):
    """``tf.one_hot(y, depth)`` / ``keras.ops.one_hot(y, num_classes)``: a new last axis."""
    if not isinstance(labels, Array) or not _integer(depth) or depth < 0:
        return UNKNOWN
    return Array(labels.shape + (depth,))


def _arange(args, kwargs):
    if len(args) == 1 and not kwargs and _integer(args[0]):
        return Array((max(args[0], 0),))
    return UNKNOWN


ARRAY_FUNCTIONS = {
    "zeros_like": _like, "ones_like": _like, "empty_like": _like,
    "copy": _like, "float32": _like, "abs": _like, "log": _like, "exp": _like, "sqrt": _like,
    "reshape": _reshape_function, "squeeze": _squeeze, "eye": _eye, "arange": _arange,
    "concatenate": lambda a, k: _joined(a, k, stack=False),
    "stack": lambda a, k: _joined(a, k, stack=True),
}


def squeeze(array: Array, axis) -> object:
    if axis is None:
        return Array(tuple(d for d in array.shape if d != 1))
    axes = axis if isinstance(axis, tuple) else (axis,)
    rank = len(array.shape)
    if not all(_integer(a) and -rank <= a < rank for a in axes):
        return UNKNOWN
    drop = {a % rank for a in axes}
    if any(array.shape[a] != 1 for a in drop):
        return UNKNOWN  # NumPy raises
    return Array(tuple(d for i, d in enumerate(array.shape) if i not in drop))


#: Array methods that keep the shape (``x.astype("float32")``, ``x.copy()``).
_SAME_SHAPE_METHODS = frozenset({"astype", "copy", "clip", "round"})


def method(array: Array, name: str, args: tuple, kwargs: tuple):
    """``array.<name>(...)`` for the methods whose result shape NumPy defines from the
    shape alone; UNKNOWN for any other."""
    if name == "reshape":
        return reshape(array, args) if not kwargs else UNKNOWN
    if name in _SAME_SHAPE_METHODS:
        return array
    if name in ("flatten", "ravel") and not args:
        total = 1
        for d in array.shape:
            total *= d
        return Array((total,))
    if name == "squeeze":
        return squeeze(array, args[0] if args else keyword_value(kwargs, "axis", None))
    return UNKNOWN


def broadcast(left, right):
    """The shape of ``left <op> right`` for arrays and numbers, as NumPy broadcasts."""
    if isinstance(left, Array) and isinstance(right, (int, float)) and not isinstance(right, bool):
        return left
    if isinstance(right, Array) and isinstance(left, (int, float)) and not isinstance(left, bool):
        return right
    if isinstance(left, Array) and isinstance(right, Array):
        a, b = left.shape, right.shape
        rank = max(len(a), len(b))
        a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
        out = []
        for x, y in zip(a, b):
            if x != y and 1 not in (x, y):
                return UNKNOWN
            out.append(y if x == 1 else x)
        return Array(tuple(out))
    return UNKNOWN


#: Marks ``...`` in an index (``x[..., np.newaxis]``).
ELLIPSIS = Ellipsis


def index(array: Array, items: tuple):
    """``array[items]`` for basic indexing: ints, slices (``slice`` objects with int or
    None bounds), None (a new axis) and one Ellipsis.  UNKNOWN for anything else (an
    array as index may be a boolean mask: its result size depends on the values)."""
    if sum(item is ELLIPSIS for item in items) > 1:
        return UNKNOWN
    consuming = sum(1 for item in items if item is not None and item is not ELLIPSIS)
    if consuming > len(array.shape):
        return UNKNOWN
    expanded = []
    for item in items:
        if item is ELLIPSIS:
            expanded.extend([slice(None)] * (len(array.shape) - consuming))
        else:
            expanded.append(item)
    if ELLIPSIS not in items:
        expanded.extend([slice(None)] * (len(array.shape) - consuming))
    out, axis = [], 0
    for item in expanded:
        if item is None:
            out.append(1)
            continue
        size = array.shape[axis]
        axis += 1
        if isinstance(item, slice):
            out.append(len(range(*item.indices(size))))
        elif _integer(item) and -size <= item < size:
            continue
        else:
            return UNKNOWN
    return Array(tuple(out))


def split(arrays: tuple, kwargs: tuple):
    """``train_test_split(*arrays, test_size=..., train_size=...)``: each array's train
    and test parts, as scikit-learn sizes them (test 0.25 by default)."""
    named = dict(kwargs)
    if not arrays or not all(isinstance(a, Array) and a.shape for a in arrays) \
            or any(key not in ("test_size", "train_size", "random_state", "shuffle", "stratify")
                   for key in named):
        return UNKNOWN
    samples = arrays[0].shape[0]
    if any(a.shape[0] != samples for a in arrays):
        return UNKNOWN
    sizes = _split_sizes(samples, named.get("test_size"), named.get("train_size"))
    if sizes is None:
        return UNKNOWN
    train, test = sizes
    parts = []
    for array in arrays:
        parts.extend([Array((train,) + array.shape[1:]), Array((test,) + array.shape[1:])])
    return tuple(parts)


def _split_sizes(samples: int, test, train) -> Optional[Tuple[int, int]]:
    """scikit-learn's ``_validate_shuffle_split`` for literal sizes."""
    import math

    def valid(value):
        return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))

    if not valid(test) or not valid(train):
        return None
    if test is None and train is None:
        test = 0.25
    if isinstance(test, float):
        if not 0 < test < 1:
            return None
        n_test = math.ceil(test * samples)
    elif isinstance(test, int):
        n_test = test
    else:
        n_test = None
    if isinstance(train, float):
        if not 0 < train < 1:
            return None
        n_train = math.floor(train * samples)
    elif isinstance(train, int):
        n_train = train
    else:
        n_train = None
    if n_train is None:
        n_train = samples - n_test
    elif n_test is None:
        n_test = samples - n_train
    if n_train <= 0 or n_test < 0 or n_train + n_test > samples:
        return None
    return n_train, n_test


def one_hot(labels, classes):
    """``keras.utils.to_categorical(y, n)``: a trailing axis of 1 is replaced (as Keras
    does), otherwise one is added."""
    if not isinstance(labels, Array) or not _integer(classes) or classes < 0:
        return UNKNOWN
    shape = labels.shape
    if len(shape) > 1 and shape[-1] == 1:
        shape = shape[:-1]
    return Array(shape + (classes,))


def padded(sequences, maxlen):
    """``pad_sequences(x, maxlen=N)``: (samples, N)."""
    if not isinstance(sequences, Array) or not sequences.shape or not _integer(maxlen) \
            or maxlen < 0:
        return UNKNOWN
    return Array((sequences.shape[0], maxlen))
