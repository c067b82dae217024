"""Values of the model code that discovery follows and the rules read: what a model
predicts, the shapes claims compare with, and layer classes with arguments bound."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from ..model import ModelDescription


@dataclass(frozen=True)
class Prediction:
    """``model.predict(x)`` / ``model(x)`` on data of a known shape (or, with data
    None, the symbolic ``model.output``)."""

    model: ModelDescription
    data: Optional[Tuple[int, ...]]
    layers: int


@dataclass(frozen=True)
class ObservedShape:
    """``model.output_shape`` (data None) or ``y.shape`` of a Prediction: what a claim
    compares with."""

    model: ModelDescription
    data: Optional[Tuple[int, ...]]
    layers: int


@dataclass(frozen=True)
class LayerFactory:
    """``functools.partial(layers.Conv2D, kernel_size=3, padding="same")``: a Keras layer
    class with some arguments bound; calling it makes that layer (hands-on ML's
    ``DefaultConv2D``)."""

    kind: str
    args: tuple
    kwargs: tuple

    def layer_arguments(self, args: tuple, kwargs: tuple) -> Tuple[tuple, tuple]:
        """The layer's arguments when called with ``args``/``kwargs``, as Python's
        partial passes them: bound positionals first, the call's keywords winning."""
        merged = dict(self.kwargs)
        merged.update(kwargs)
        return self.args + tuple(args), tuple(merged.items())
