"""The layer families: one table from which the shape specs, the NumPy references and
the layer cases are all found.

A family is a module of the same name in three places: ``shapes/<name>.py`` (its
``SPECS``: each Keras class's `LayerSpec`), ``verify/<name>.py`` (its ``REFERENCES``,
and ``KERAS2_REFERENCES`` where Keras 2 computes a layer otherwise) and
``tests/cases/<name>.py`` (its ``CASES``, checked against real Keras through the goldens).
The shape engine (`engine.registry`), the references (`verify.engine.references`) and
the cases (`tests.cases.all_cases`) read this table; tests/layers/test_families.py fails when a
registered class lacks a reference, a case or a golden.  Adding a class to a family is
one entry in its ``SPECS`` (and ``REFERENCES``) plus its cases; adding a family is one
row here plus its three modules.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Dict, Optional, Sequence, Tuple

from ..model import LayerCall
from ..options import DENSE, active
from . import attention, convolution, core, merging, models, preprocessing, recurrent, reshaping
from .spec import LayerSpec


@dataclass(frozen=True)
class Family:
    """One family: its module name (in shapes/, verify/ and tests/cases/), its shape
    module, and what it holds."""

    name: str
    shapes: ModuleType
    holds: str


FAMILIES: Tuple[Family, ...] = (
    Family("core", core, "Dense, activations, dropout and noise, normalisation"),
    Family("convolution", convolution, "convolutions, pooling, padding, cropping, upsampling"),
    Family("recurrent", recurrent, "Embedding, the RNNs, ConvLSTM, Bidirectional, "
                                   "TimeDistributed"),
    Family("reshaping", reshaping, "Flatten, Reshape, Permute, RepeatVector"),
    Family("preprocessing", preprocessing, "resizing, cropping and augmentation layers"),
    Family("merging", merging, "Add, Concatenate, Dot and the other merges"),
    Family("attention", attention, "MultiHeadAttention"),
    Family("models", models, "a Sequential or functional model called as a layer"),
)


def specs() -> Dict[str, LayerSpec]:
    """Every family's specs (Keras 3), keyed by Keras class name."""
    table: Dict[str, LayerSpec] = {}
    for family in FAMILIES:
        table.update(family.shapes.SPECS)
    return table


_REGISTRY: Dict[int, Dict[str, LayerSpec]] = {}


def registry(version: Optional[int] = None) -> Dict[str, LayerSpec]:
    """All layer specs, keyed by Keras class name (built on first use), as the given
    Keras major version (default: the active options' one) builds them: each spec's
    declared `Difference`s applied."""
    version = active().keras if version is None else version
    if version not in _REGISTRY:
        _REGISTRY[version] = {kind: spec.in_keras(version) for kind, spec in specs().items()}
    return _REGISTRY[version]


def keras_kind(kind: str) -> str:
    """The Keras class whose rules a layer follows: Dense for the classes the active
    options declare Dense-like (messages keep the user's class name), else its own."""
    return DENSE if kind in active().dense_kinds else kind


def spec_for(call: LayerCall, version: Optional[int] = None) -> Optional[LayerSpec]:
    return registry(version).get(keras_kind(call.kind)) if call.is_keras else None


def layer_input(call: LayerCall, given: Sequence):
    """What a layer is handed: all its inputs for a merge (a tuple), else its one input;
    None when a single-input layer is given several."""
    spec = spec_for(call)
    if spec is not None and spec.merge:
        return tuple(given)
    return given[0] if len(given) == 1 else None
