"""Static shape inference: run each layer's rule over a chain or graph of layer calls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..config import DENSE, active, using
from ..model import LayerCall, Shape
from .spec import LayerSpec, ShapeError, Unknowable

_REGISTRY: Dict[int, Dict[str, LayerSpec]] = {}

#: A tensor reference in a graph: inputs are 0..k-1, layer ``j``'s output is k+j,
#: and UNKNOWN_TENSOR is a tensor discovery could not follow.
UNKNOWN_TENSOR = -1


def registry(version: Optional[int] = None) -> Dict[str, LayerSpec]:
    """All layer specs, keyed by Keras class name (built on first use), as the given
    Keras major version (default: the active options' one) builds them: each spec's
    declared `Difference`s applied."""
    version = active().keras if version is None else version
    if version not in _REGISTRY:
        from . import (attention, convolution, core, merging, models, preprocessing, recurrent,
                       reshaping)

        specs: Dict[str, LayerSpec] = {}
        for family in (core, convolution, recurrent, reshaping, preprocessing, merging, attention,
                       models):
            specs.update(family.SPECS)
        _REGISTRY[version] = {kind: spec.in_keras(version) for kind, spec in specs.items()}
    return _REGISTRY[version]


def keras_kind(kind: str) -> str:
    """The Keras class whose rules a layer follows: Dense for the classes the active
    options declare Dense-like (messages keep the user's class name), else its own."""
    return DENSE if kind in active().dense_kinds else kind


def spec_for(call: LayerCall, version: Optional[int] = None) -> Optional[LayerSpec]:
    return registry(version).get(keras_kind(call.kind)) if call.is_keras else None


@dataclass
class LayerResult:
    call: LayerCall
    input_shape: Shape  # the first (for most layers, the only) input
    output_shape: Shape
    role: Optional[str]  # None for a layer we have no rule for
    error: Optional[str] = None  # why Keras would refuse to build it
    input_shapes: Tuple[Shape, ...] = ()  # every input, for merges


def infer_layer(call: LayerCall, shape, version: Optional[int] = None) -> Shape:
    """Output shape of one layer (a merge takes a tuple of shapes); None when unknown.
    Raises ShapeError where Keras (the active one, or Keras ``version``) would refuse
    to build the layer."""
    if version is not None and version != active().keras:  # that Keras's rules throughout
        from dataclasses import replace

        with using(replace(active(), keras_version=str(version))):
            return infer_layer(call, shape)
    spec = spec_for(call)
    if spec is None or shape is None:
        return None
    try:
        params = spec.bind(call)
    except TypeError:
        return None
    try:
        return _apply(spec, call, params, shape)
    except Unknowable:
        return None


def _apply(spec: LayerSpec, call: LayerCall, params, shape) -> Shape:
    if spec.merge:
        if any(s is None for s in shape) or not shape:
            return None
        return spec.rule(params, tuple(tuple(s) for s in shape))
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


def weight_axis(call: LayerCall, rank: int) -> Optional[int]:
    """The input axis whose size a layer's weights were built for (its input spec):
    applying the built layer to another size there fails."""
    kind = keras_kind(call.kind)
    spec = spec_for(call)
    if spec is None:
        return None
    params = spec.bind(call)
    if kind in ("Dense", "LSTM", "GRU", "SimpleRNN", "Bidirectional"):
        return rank - 1
    if "Conv" in kind:
        fmt = params.get("data_format")
        return 1 if isinstance(fmt, str) and fmt.lower() == "channels_first" else rank - 1
    if kind in ("BatchNormalization", "LayerNormalization"):
        axis = params.get("axis", -1)
        return axis % rank if isinstance(axis, int) and not isinstance(axis, bool) \
            and -rank <= axis < rank else None
    return None


def layer_input(call: LayerCall, given: Sequence):
    """What a layer is handed: all its inputs for a merge (a tuple), else its one input;
    None when a single-input layer is given several."""
    spec = spec_for(call)
    if spec is not None and spec.merge:
        return tuple(given)
    return given[0] if len(given) == 1 else None


def chain_sources(count: int) -> List[Tuple[int, ...]]:
    """A Sequential as a graph: layer i consumes tensor i (the input, then layer i-1)."""
    return [(i,) for i in range(count)]


def infer_graph(input_shapes: Sequence[Shape], calls: List[LayerCall],
                sources: Sequence[Tuple[int, ...]], shared: Optional[Sequence] = None) -> List[LayerResult]:
    """Each layer's input and output shapes, in order; unknown propagates forward.
    ``shared[i]`` names the layer object applied at ``i`` when it is applied more than
    once (a shared layer): its weights are built by the first application."""
    tensors: List[Shape] = list(input_shapes)
    results = []
    built: Dict[object, Tuple[int, int, LayerCall]] = {}  # layer -> (axis size, rank, first call)
    for index, (call, refs) in enumerate(zip(calls, sources)):
        spec = spec_for(call)
        given = tuple(tensors[r] if 0 <= r < len(tensors) else None for r in refs)
        error = None
        try:
            if shared is not None and shared[index] is not None and len(given) == 1:
                _check_built(built, shared[index], call, given[0])
            out = infer_layer(call, layer_input(call, given))
        except ShapeError as exc:
            out, error = None, str(exc)
        except (ArithmeticError, TypeError, ValueError):
            out = None  # a rule met arguments it does not model: unknown, not a crash
        results.append(LayerResult(call, given[0] if given else None, out,
                                   spec.role if spec else None, error, given))
        tensors.append(out)
    return results


def _check_built(built: dict, layer, call: LayerCall, shape: Shape) -> None:
    """A shared layer's later application must match the size its weights were built
    for by the first one."""
    if shape is None:
        return
    axis = weight_axis(call, len(shape))
    size = shape[axis] if axis is not None else None
    if layer not in built:
        if size is not None:
            built[layer] = (size, len(shape), call)
        return
    first_size, rank, first = built[layer]
    if size is not None and len(shape) == rank and size != first_size:
        raise ShapeError(f"this layer's weights were built for size {first_size} on axis "
                         f"{axis - rank} by its first call (line {first.line}), not {size}")


def infer_chain(input_shape: Shape, calls: List[LayerCall]) -> List[LayerResult]:
    return infer_graph([input_shape], calls, chain_sources(len(calls)))


@dataclass
class GraphRun:
    """A model's graph and the shapes inferred along it (see `ModelDescription.graph`)."""

    inputs: List[Shape]
    calls: List[LayerCall]
    sources: List[Tuple[int, ...]]
    outputs: Tuple[int, ...]
    results: List[LayerResult]

    def shape_of(self, tensor: int, shapes: Optional[Sequence[Shape]] = None) -> Shape:
        """A tensor's shape: an input's, or a layer's output (from ``shapes`` if given)."""
        k = len(self.inputs)
        if 0 <= tensor < k:
            return self.inputs[tensor]
        if k <= tensor < k + len(self.calls):
            return (shapes[tensor - k] if shapes is not None
                    else self.results[tensor - k].output_shape)
        return None

    def consumers(self) -> Dict[int, List[int]]:
        """Tensor -> the layers that consume it."""
        found: Dict[int, List[int]] = {}
        for index, refs in enumerate(self.sources):
            for ref in refs:
                found.setdefault(ref, []).append(index)
        return found


def run_model(model, input_shapes=None, layers: Optional[int] = None) -> GraphRun:
    """Infer every layer of ``model`` (optionally fed other input shapes, or only its
    first ``layers`` layers, as a Sequential was when data reached it)."""
    inputs, calls, sources, outputs = model.graph(input_shapes, layers)
    shared = model.shared[:len(calls)] if model.shared is not None else None
    return GraphRun(inputs, calls, sources, outputs, infer_graph(inputs, calls, sources, shared))


def verified(run: GraphRun) -> List[Shape]:
    """The run's output shapes, each confirmed by the NumPy references or None."""
    return confirm(run.inputs, run.calls, run.sources, [r.output_shape for r in run.results])


def confirm(input_shapes: Sequence[Shape], calls: List[LayerCall], sources: Sequence[tuple],
            static: List[Shape]) -> List[Shape]:
    """The static shapes, each confirmed by the NumPy references or None: the one door
    to verification.  When the active options turn verification off, the static
    shapes are returned as they are, without importing NumPy."""
    if not active().verify or all(s is None for s in static):
        return list(static)
    from ..verify import verified_graph

    return verified_graph(input_shapes, calls, sources, static)
