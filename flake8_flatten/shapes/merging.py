"""Merge layers: several tensors in, one out (Add, Concatenate, ...).

Keras 3's rules (``layers/merging/base_merge.py``, ``concatenate.py``): the
element-wise merges align shapes from the right and broadcast size-1 axes, so
``(None, 1)`` and ``(None, 6)`` add to ``(None, 6)``; Concatenate needs equal ranks
and equal known sizes on every axis but the concatenation axis.
"""

from __future__ import annotations

from typing import Optional, Tuple

from .spec import MERGE, LayerSpec, Params, ShapeError, as_int


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


def _merge(rule, **defaults) -> LayerSpec:
    return LayerSpec((), rule, MERGE, dict(defaults), merge=True)


SPECS = {
    **{name: _merge(elementwise) for name in ("Add", "Multiply", "Average", "Maximum", "Minimum")},
    "Subtract": _merge(subtract),
    "Concatenate": LayerSpec(("axis",), concatenate, MERGE, {"axis": -1}, merge=True),
}

#: ``layers.add([a, b])``-style functions: the layer they create and apply at once.
MERGE_FUNCTIONS = {name.lower(): name for name in SPECS}
