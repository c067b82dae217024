"""Static shape inference: run each layer's rule over a chain of layer calls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional

from ..model import LayerCall, Shape
from .spec import LayerSpec, ShapeError

_REGISTRY: Dict[str, LayerSpec] = {}


def registry() -> Dict[str, LayerSpec]:
    """All layer specs, keyed by Keras class name (built on first use)."""
    if not _REGISTRY:
        from . import convolution, core, preprocessing, recurrent, reshaping

        for family in (core, convolution, recurrent, reshaping, preprocessing):
            _REGISTRY.update(family.SPECS)
    return _REGISTRY


def spec_for(call: LayerCall) -> Optional[LayerSpec]:
    return registry().get(call.kind) if call.is_keras else None


@dataclass
class LayerResult:
    call: LayerCall
    input_shape: Shape
    output_shape: Shape
    role: Optional[str]  # None for a layer we have no rule for
    error: Optional[str] = None  # why Keras would refuse to build it


def infer_layer(call: LayerCall, shape: Shape) -> Shape:
    """Output shape of one layer; None when unknown.  Raises ShapeError."""
    spec = spec_for(call)
    if spec is None or shape is None:
        return None
    try:
        params = spec.bind(call)
    except TypeError:
        return None
    rank = len(shape)
    if spec.exact_rank is not None and rank != spec.exact_rank:
        raise ShapeError(
            f"{call.kind} expects input of rank {spec.exact_rank}, got rank {rank}"
        )
    if rank < spec.min_rank:
        raise ShapeError(
            f"{call.kind} expects input of rank >= {spec.min_rank}, got rank {rank}"
        )
    return spec.rule(params, tuple(shape))


def infer_chain(input_shape: Shape, calls: List[LayerCall]) -> List[LayerResult]:
    """Each layer's input and output shape, in order; unknown propagates forward."""
    results = []
    shape = input_shape
    for call in calls:
        spec = spec_for(call)
        error = None
        try:
            out = infer_layer(call, shape)
        except ShapeError as exc:
            out, error = None, str(exc)
        except (ArithmeticError, TypeError, ValueError):
            out = None  # a rule met arguments it does not model: unknown, not a crash
        results.append(
            LayerResult(call, shape, out, spec.role if spec else None, error)
        )
        shape = out
    return results
