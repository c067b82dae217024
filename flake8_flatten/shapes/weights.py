"""Parameter counts: what Keras's ``layer.count_params()`` / ``model.count_params()`` say.

Each family's spec does its own arithmetic (`LayerSpec.weights`); here a count is
asked only of a layer whose output the shape rules know, since a layer that may
not build has no weights to count.  A model counts every layer object once: a
shared layer, or a submodel applied twice, holds one set of weights.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Dict, Hashable, List, Optional, Sequence

from ..model import LayerCall
from .engine import INNER, LayerResult, infer_layer, layer_input, spec_for
from .spec import SUBMODEL, ShapeError, Unknowable


def count_params(call: LayerCall, given) -> Optional[int]:
    """The count of ``call`` built on ``given`` (a tuple of shapes for a merge);
    None when unknown."""
    spec = spec_for(call)
    if spec is None or spec.weights is None or given is None:
        return None
    try:
        if infer_layer(call, given) is None:
            return None
        inner = (COUNTING,) if spec.nested else ()
        return spec.weights(spec.bind(call), given, *inner)
    except (ShapeError, Unknowable, ArithmeticError, TypeError, ValueError):
        return None


def application_params(result: LayerResult) -> Optional[int]:
    """The count of one inferred layer application."""
    if result.error is not None:
        return None
    return count_params(result.call, layer_input(result.call, result.input_shapes))


def layer_objects(calls: Sequence[LayerCall], shared: Optional[Sequence] = None) -> Optional[list]:
    """A key per application naming the layer object it applies: equal keys are one
    object with one set of weights.  ``shared[i]`` groups applications of one layer
    object (see `ModelDescription`); otherwise each call object is a layer of its own,
    and a submodel is the set of its layers.  None when a submodel shares some but not
    all of its layers with the rest (whose weights are whose is unclear)."""
    keys: List[Hashable] = []
    for index, call in enumerate(calls):
        spec = spec_for(call)
        if spec is not None and spec.role == SUBMODEL:
            keys.append(frozenset(id(inner) for inner in inner_layers(call)))
        elif shared is not None and shared[index] is not None:
            keys.append(("layer", shared[index]))
        else:
            keys.append(("call", id(call)))
    models = {key for key in keys if isinstance(key, frozenset)}
    plain = {key[1] for key in keys if isinstance(key, tuple) and key[0] == "call"}
    if any(key & plain or any(key != other and key & other for other in models) for key in models):
        return None
    return keys


def total_params(counts: Sequence[Optional[int]], objects: Optional[Sequence]) -> Optional[int]:
    """What ``model.count_params()`` says: each layer object's count once."""
    if objects is None or any(count is None for count in counts):
        return None
    first: Dict[Hashable, int] = {}
    for key, count in zip(objects, counts):
        first.setdefault(key, count)
    return sum(first.values())


def inner_layers(call: LayerCall) -> tuple:
    """A submodel call's layers: the Sequential's list, or the functional graph's
    (empty when discovery could not describe them)."""
    argument = call.args[0] if len(call.args) == 1 else None
    if call.kind == "Functional":
        argument = argument[1] if isinstance(argument, tuple) and len(argument) == 4 else None
    return argument if isinstance(argument, tuple) else ()


def results_total(results: Sequence[LayerResult]) -> Optional[int]:
    """The total of a chain or graph run (each call object a layer of its own)."""
    return total_params([application_params(r) for r in results], layer_objects([r.call for r in results]))


#: What a nested layer's weight rule counts its inner layers with (`LayerSpec.nested`).
COUNTING = replace(INNER, count_params=count_params, results_total=results_total)
