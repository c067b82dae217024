"""Run layer chains on real (but empty) NumPy arrays and compare with the static engine.

The batch axis is always 0, so every activation array is empty whatever sizes the
code declares, and weights are zero-stride broadcast views: memory and time stay
bounded for ``input_shape=(100000, 100000, 3)``.  Unknown sizes are filled with
two different stand-ins; a static size must match under both, so a size the static
engine wrongly claims to know is caught.  The references are found through the family
table (``shapes/families.py``): ``verify/<family>.py``'s ``REFERENCES``; a nested
layer's reference gets this engine as `INNER` to run the layers inside it.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

from ..model import LayerCall, Shape
from ..options import active
from ..shapes.families import FAMILIES, keras_kind, layer_input, spec_for
from ..shapes.spec import Inner
from .arrays import Unverifiable, concrete, empty, weights  # noqa: F401  (re-exported)

Reference = Callable[..., np.ndarray]

#: Stand-ins for unknown sizes; two of them so a lucky match cannot hide a wrong claim,
#: both multiples of 16 so U-Net-like skips (pool, upsample, concatenate) line up.
FILLS = (48, 80)

_REFERENCES: Dict[int, Dict[str, Reference]] = {}


def references() -> Dict[str, Reference]:
    """The references of the active Keras: a family's ``KERAS2_REFERENCES`` replace its
    own where Keras 2 computes a layer otherwise (the specs' `Difference`s)."""
    version = active().keras
    if version not in _REFERENCES:
        table: Dict[str, Reference] = {}
        for family in FAMILIES:  # each family's verify/<name>.py, loaded by name
            module = importlib.import_module(f"{__package__}.{family.name}")
            table.update(module.REFERENCES)
            if version == 2:
                table.update(getattr(module, "KERAS2_REFERENCES", {}))
        _REFERENCES[version] = table
    return _REFERENCES[version]


def run_layer(call: LayerCall, x: np.ndarray, fill: int) -> np.ndarray:
    """Apply one layer's NumPy reference to ``x``."""
    spec = spec_for(call)
    reference = references().get(keras_kind(call.kind))
    if spec is None or reference is None:
        raise Unverifiable(call.kind)
    params = spec.bind(call)
    return reference(params, x, fill, INNER) if spec.nested else reference(params, x, fill)


def reference_graph(input_shapes: Sequence[Shape], calls: List[LayerCall],
                    sources: Sequence[tuple], fill: int) -> List[Optional[tuple]]:
    """Concrete output shapes (batch axis 0) of each layer; None where a layer, or
    one it depends on, could not run."""
    tensors: List[Optional[np.ndarray]] = []
    for shape in input_shapes:
        try:
            tensors.append(None if shape is None else
                           empty((0,) + tuple(fill if d is None else d for d in shape[1:])))
        except (ValueError, MemoryError, OverflowError):  # beyond NumPy's addressable size
            tensors.append(None)
    shapes: List[Optional[tuple]] = []
    with warnings.catch_warnings():  # NumPy on empty axes ("Mean of empty slice"): our
        warnings.simplefilter("ignore", RuntimeWarning)  # business, not the user's output
        for call, refs in zip(calls, sources):
            out = _reference_layer(call, [tensors[r] if 0 <= r < len(tensors) else None for r in refs],
                                   fill)
            tensors.append(out)
            shapes.append(None if out is None else out.shape)
    return shapes


def _reference_layer(call: LayerCall, given: list, fill: int) -> Optional[np.ndarray]:
    """One layer's reference output on ``given``; None where it, or an input, cannot run."""
    out = None
    if given and all(x is not None for x in given):
        x = layer_input(call, given)
        if x is not None:
            try:
                with np.errstate(all="ignore"):
                    out = run_layer(call, x, fill)
            except (Unverifiable, ValueError, TypeError, IndexError, MemoryError, ArithmeticError):
                out = None  # e.g. strides=0: Keras divides by zero too; nothing to confirm
    return out


def _agrees(static: Shape, concrete_shape: Optional[tuple], batches) -> bool:
    if static is None:
        return True  # claims nothing
    if concrete_shape is None or len(static) != len(concrete_shape):
        return False
    if static[0] not in batches:
        return False
    return all(s is None or s == c for s, c in zip(static[1:], concrete_shape[1:]))


def verified_graph(input_shapes: Sequence[Shape], calls: List[LayerCall],
                   sources: Sequence[tuple], static: List[Shape]) -> List[Shape]:
    """The static shapes, with every one the NumPy reference disagrees with set to None."""
    checked = list(static)
    batches = {s[0] for s in input_shapes if s is not None} or {None}
    for fill in FILLS:
        concrete_shapes = reference_graph(input_shapes, calls, sources, fill)
        for i, shape in enumerate(checked):
            if not _agrees(shape, concrete_shapes[i], batches):
                checked[i] = None
    return checked


def verified_shapes(input_shape: Shape, calls: List[LayerCall], static: List[Shape]) -> List[Shape]:
    """`verified_graph` for a Sequential chain (layer i consumes tensor i)."""
    return verified_graph([input_shape], calls, [(i,) for i in range(len(calls))], static)


#: What a nested layer's reference runs its inner layers with (`LayerSpec.nested`).
INNER = Inner(run_layer=run_layer, reference_graph=reference_graph)
