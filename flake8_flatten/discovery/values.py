"""Values of the model code that discovery follows and the rules read: what a model
predicts and the shapes claims compare with."""

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
