"""Merge layers: several tensors in, one out (Add, Concatenate, ...).

Keras 3's rules (``layers/merging/base_merge.py``, ``concatenate.py``): the
element-wise merges align shapes from the right and broadcast size-1 axes, so
``(None, 1)`` and ``(None, 6)`` add to ``(None, 6)``; Concatenate needs equal ranks
and equal known sizes on every axis but the concatenation axis.
"""

from __future__ import annotations

from typing import Optional, Tuple

from .spec import MERGE, Difference, LayerSpec, Params, ShapeError, Unknowable, as_int, no_weights


def _keras2_known_sizes(rule):
    """Keras 2 (TensorFlow's static shapes) takes the known size where an input's size is
    unknown and another's is known (but 1, which broadcasts); Keras 3 keeps None."""

    def apply(params: Params, shapes: Tuple[tuple, ...]):
        out = rule(params, shapes)
        if out is None or len({len(s) for s in shapes}) != 1 or len(out) != len(shapes[0]):
            return out
        axis = as_int(params["axis"]) if "axis" in params else None
        skip = axis % len(out) if axis is not None and -len(out) <= axis < len(out) else None
        filled = list(out)
        for index in range(1, len(out)):
            known = {s[index] for s in shapes} - {None}
            if out[index] is None and index != skip and len(known) == 1 and known != {1}:
                filled[index] = known.pop()
        return tuple(filled)

    return apply


#: Keras 2 takes the known size where a merge meets an unknown one; Keras 3 keeps None.
_KERAS2_SIZES = Difference(2, "a size unknown in one input and known in another is the known one",
                           {"wrap": (_keras2_known_sizes,)})


def _broadcast(first: Optional[tuple], second: Optional[tuple]) -> Optional[tuple]:
    """Keras's ``_compute_elemwise_op_output_shape`` (shapes without the batch axis)."""
    if first is None or second is None:
        return None
    if len(first) < len(second):
        first, second = second, first
    if not second:
        return first
    out = list(first[:-len(second)])
    for i, j in zip(first[-len(second):], second):
        if i is None or j is None:
            out.append(None)
        elif i == 1 or j == 1:
            out.append(j if i == 1 else i)
        elif i != j:
            raise ShapeError(f"shapes {_text(first)} and {_text(second)} do not broadcast")
        else:
            out.append(i)
    return tuple(out)


def _text(dims: tuple) -> str:
    return "(None, " + ", ".join("None" if d is None else str(d) for d in dims) + ")"


def _batch(shapes: Tuple[tuple, ...]):
    sizes = {s[0] for s in shapes} - {None}
    if len(sizes) > 1:
        raise ShapeError(f"cannot merge tensors with different batch sizes {sorted(sizes)}")
    return sizes.pop() if sizes else None


def elementwise(params: Params, shapes: Tuple[tuple, ...]):
    """Add, Multiply, Average, Maximum, Minimum (and Subtract, with two inputs)."""
    batch = _batch(shapes)
    out = shapes[0][1:]
    for shape in shapes[1:]:
        out = _broadcast(out, shape[1:])
    return None if out is None else (batch,) + out


def subtract(params: Params, shapes: Tuple[tuple, ...]):
    if len(shapes) != 2:
        raise ShapeError(f"Subtract takes exactly 2 inputs, got {len(shapes)}")
    return elementwise(params, shapes)


def concatenate(params: Params, shapes: Tuple[tuple, ...]):
    """Keras checks equal ranks and equal known sizes off the axis, then sums the axis
    sizes (unknown if any is) and keeps the first input's other sizes."""
    axis = as_int(params["axis"])
    if axis is None:
        return None
    ranks = {len(s) for s in shapes}
    if len(ranks) != 1:
        raise ShapeError(f"Concatenate needs inputs of one rank, got ranks {sorted(ranks)}")
    rank = ranks.pop()
    if not -rank <= axis < rank:
        return None  # Keras fails with an IndexError here: not a shape we model
    position = axis % rank
    for index in range(rank):
        if index == position:
            continue
        known = {s[index] for s in shapes} - {None}
        if len(known) > 1:
            raise ShapeError(f"Concatenate needs matching sizes except on axis {axis}, "
                             f"got sizes {sorted(known)} on axis {index}")
    sizes = [s[position] for s in shapes]
    out = list(shapes[0])
    out[position] = None if None in sizes else sum(sizes)
    return tuple(out)


def dot_axes(axes, ranks: Tuple[int, int]) -> Optional[Tuple[int, int]]:
    """Keras's Dot axes as two non-negative positions (batch axis included)."""
    if isinstance(axes, int) and not isinstance(axes, bool):
        pair = (axes % ranks[0], axes % ranks[1]) if axes < 0 else (axes, axes)
    elif isinstance(axes, tuple) and len(axes) == 2 and all(as_int(a) is not None for a in axes):
        pair = axes
    else:
        return None
    if not all(-rank <= a < rank for a, rank in zip(pair, ranks)):
        return None  # Keras fails with an IndexError: not a shape we model
    return (pair[0] % ranks[0], pair[1] % ranks[1])


def dot(params: Params, shapes: Tuple[tuple, ...]):
    """Dot: the two inputs' sizes on ``axes`` must match; the output is the first
    input's other axes, then the second's (without batch), at least rank 2."""
    if len(shapes) != 2:
        raise ShapeError(f"Dot takes exactly 2 inputs, got {len(shapes)}")
    first, second = shapes
    axes = dot_axes(params["axes"], (len(first), len(second)))
    if axes is None or 0 in axes:
        return None
    left, right = first[axes[0]], second[axes[1]]
    if left is None or right is None:
        raise Unknowable("Dot compares the contracted sizes")
    if left != right:
        raise ShapeError(f"Dot contracts axis {axes[0]} of size {left} with axis {axes[1]} "
                         f"of size {right}")
    out = first[:axes[0]] + first[axes[0] + 1:] + (second[1:axes[1]] + second[axes[1] + 1:])
    return out + (1,) if len(out) == 1 else out


def _merge(rule, **defaults) -> LayerSpec:
    return LayerSpec((), rule, MERGE, dict(defaults), merge=True, weights=no_weights,
                     versions=(_KERAS2_SIZES,))


SPECS = {
    **{name: _merge(elementwise) for name in ("Add", "Multiply", "Average", "Maximum", "Minimum")},
    "Subtract": _merge(subtract),
    "Concatenate": LayerSpec(("axis",), concatenate, MERGE, {"axis": -1}, merge=True,
                             weights=no_weights, versions=(_KERAS2_SIZES,)),
    "Dot": LayerSpec(("axes", "normalize"), dot, MERGE, {"axes": -1}, merge=True, weights=no_weights),
}

#: ``layers.add([a, b])``-style functions: the layer they create and apply at once.
MERGE_FUNCTIONS = {name.lower(): name for name in SPECS}
