"""Keras 2 and Keras 3: the input declarations that differ, declared once.

The layer rules' differences live next to each rule (a `spec.Difference` in the
family's ``SPECS``); the data-feeding ones next to the feeding rules
(``rules/feeding.py``).  What a model's first layer or ``Input`` declares is read by
discovery (``discovery/declarations.py``'s ``input_shape_of``), which asks `declares` here
whether the active Keras takes a construct.  Each row was checked against both
Kerases (``tests/keras_versions.py``, ``tests/golden/declarations_keras2.json``);
docs/keras2.md lists them with the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import FrozenSet

from ..options import active


@dataclass(frozen=True)
class Declaration:
    """A way of declaring a model's input, and the Kerases that take it."""

    construct: str
    keras2: str
    keras3: str
    versions: FrozenSet[int]


DECLARATIONS = {
    "batch_input_shape": Declaration(
        "`batch_input_shape=(32, 10, 4)` on a first layer",
        "declares the input, batch size included", "refused: Unrecognized keyword arguments",
        frozenset({2})),
    "input_length": Declaration(
        "`Embedding(..., input_length=N)` as first layer",
        "declares the input (batch, N)", "ignored (a deprecation warning): the model is unbuilt",
        frozenset({2})),
    "embedding_first": Declaration(
        "`Embedding(...)` as first layer, no input_length",
        "declares the input (batch, None)", "declares nothing: the model is unbuilt",
        frozenset({2})),
    "int_shape": Declaration(
        "`keras.Input(shape=1024)` (an int, as `shape=(1024)` is)",
        "the input (None, 1024)", "refused: Cannot convert '1024' to a shape",
        frozenset({2})),
    "input_layer_shape": Declaration(
        "`InputLayer(shape=...)`",
        "refused: Unrecognized keyword arguments: ['shape'] (it is `input_shape=`)",
        "declares the input", frozenset({3})),
}


def declares(construct: str) -> bool:
    """Whether the active Keras takes ``construct`` (a key of `DECLARATIONS`) as an
    input declaration."""
    return active().keras in DECLARATIONS[construct].versions
