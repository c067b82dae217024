"""Static shape inference: run each layer's rule over a chain or graph of layer calls.

The rules come from the family table (``families.py``: `registry`, `spec_for`, re-exported
here); a nested layer's rule gets this engine as `INNER` to run the layers inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, List, Optional, Sequence, Tuple

from ..model import LayerCall, Shape
from ..options import active, using
from .families import keras_kind, layer_input, registry, spec_for  # noqa: F401  (re-exported)
from .spec import REDUCER, Inner, LayerSpec, ShapeError, Unknowable

#: A tensor reference in a graph: inputs are 0..k-1, layer ``j``'s output is k+j,
#: and UNKNOWN_TENSOR is a tensor discovery could not follow.
UNKNOWN_TENSOR = -1


@dataclass
class LayerResult:
    call: LayerCall
    input_shape: Shape  # the first (for most layers, the only) input
    output_shape: Shape
    role: Optional[str]  # None for a layer we have no rule for
    error: Optional[str] = None  # why Keras would refuse to build it
    input_shapes: Tuple[Shape, ...] = ()  # every input, for merges
    #: The refusal is a shared layer's: its weights were built for another size.
    rebuilt: bool = False


def infer_layer(call: LayerCall, shape, version: Optional[int] = None) -> Shape:
    """Output shape of one layer (a merge takes a tuple of shapes); None when unknown.
    Raises ShapeError where Keras (the active one, or Keras ``version``) would refuse
    to build the layer."""
    if version is not None and version != active().keras:  # that Keras's rules throughout
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
    inner = (INNER,) if spec.nested else ()
    if spec.merge:
        if any(s is None for s in shape) or not shape:
            return None
        return spec.rule(params, tuple(tuple(s) for s in shape), *inner)
    rank = len(shape)
    if spec.exact_rank is not None and rank != spec.exact_rank:
        raise ShapeError(
            f"{call.kind} expects input of rank {spec.exact_rank}, got rank {rank}"
        )
    if rank < spec.min_rank:
        raise ShapeError(
            f"{call.kind} expects input of rank >= {spec.min_rank}, got rank {rank}"
        )
    return spec.rule(params, tuple(shape), *inner)


def weight_axis(call: LayerCall, rank: int) -> Optional[int]:
    """The input axis whose size a layer's weights were built for (its input spec):
    applying the built layer to another size there fails.  Declared by each spec
    (`LayerSpec.weight_axis`)."""
    spec = spec_for(call)
    if spec is None:
        return None
    params = spec.bind(call)
    return spec.weight_axis(params, rank) if spec.weight_axis is not None else None


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
        error, rebuilt = None, False
        try:
            if shared is not None and shared[index] is not None and len(given) == 1:
                _check_built(built, shared[index], call, given[0])
            out = infer_layer(call, layer_input(call, given))
        except BuiltForAnotherSize as exc:
            out, error, rebuilt = None, str(exc), True
        except ShapeError as exc:
            out, error = None, str(exc)
        except (ArithmeticError, TypeError, ValueError):
            out = None  # a rule met arguments it does not model: unknown, not a crash
        results.append(LayerResult(call, given[0] if given else None, out,
                                   spec.role if spec else None, error, given, rebuilt))
        tensors.append(out)
    return results


class BuiltForAnotherSize(ShapeError):
    """A layer object applied again to a size other than the one its weights were built
    for (Keras: ``expected axis -1 of input shape to have value 8``)."""


def built_size(call: LayerCall, shape: Shape) -> Optional[Tuple[int, int]]:
    """``(axis, size)`` of the input axis ``call``'s weights are built for, on ``shape``;
    None when it has no such axis or the size is unknown."""
    if shape is None:
        return None
    axis = weight_axis(call, len(shape))
    size = shape[axis] if axis is not None else None
    return None if size is None else (axis, size)


def _check_built(built: dict, layer, call: LayerCall, shape: Shape) -> None:
    """A shared layer's later application must match the size its weights were built
    for by the first one."""
    found = built_size(call, shape)
    if found is None:
        return
    axis, size = found
    if layer not in built:
        built[layer] = (size, len(shape), call)
        return
    first_size, rank, first = built[layer]
    if len(shape) == rank and size != first_size:
        raise BuiltForAnotherSize(f"this layer's weights were built for size {first_size} on axis "
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


#: Stand-in sizes (`probed_runs`) for the input of a layer whose input nothing states:
#: two sets, different on every axis, so that a size depending on them differs.
PROBES = ((4099, 4111, 4127, 4133, 4139), (4201, 4211, 4217, 4219, 4229))


def probe_rank(call: LayerCall) -> Optional[int]:
    """The rank (batch axis included) a layer's input must have had, where that alone
    fixes the rank of its output: Keras's exact ``ndim`` (convolutions, pooling, RNNs),
    the wrapped RNN's for ``Bidirectional``, any rank for a reducer such as ``Flatten``."""
    spec = spec_for(call)
    if spec is None or spec.merge or spec.nested and call.kind != "Bidirectional":
        return None
    if spec.exact_rank is not None:
        return spec.exact_rank
    if call.kind == "Bidirectional":
        inner = call.args[0] if call.args else None
        return probe_rank(inner) if isinstance(inner, LayerCall) else None
    return 3 if spec.role == REDUCER else None


def probed_runs(run: "GraphRun") -> List["GraphRun"]:
    """``run`` again, once per set of `PROBES`, with every layer whose inputs are all
    unknown (a model whose input nothing states, a pretrained base, an operation we do
    not know) fed a stand-in input of the rank it requires (`probe_rank`).  A shape
    equal in every probed run does not depend on the stand-in sizes: ``Dense(64)`` after
    ``Flatten()`` of anything is ``(None, 64)``.  Empty when there is nothing to probe,
    or the model fails to build (its unknown shapes are then Keras's refusal)."""
    if any(r.error or _refuses_arguments(r.call) for r in run.results):
        return []
    probed = {i: probe_rank(r.call) for i, r in enumerate(run.results)
              if r.output_shape is None and r.input_shapes and all(s is None for s in r.input_shapes)}
    probed = {i: rank for i, rank in probed.items() if rank is not None and rank >= 2}
    if not probed:
        return []
    k = len(run.inputs)
    shift = {i: k + n for n, i in enumerate(sorted(probed))}  # each probed layer's own input
    sources = [(shift[i],) if i in shift else tuple(r + len(shift) if r >= k else r for r in refs)
               for i, refs in enumerate(run.sources)]
    outputs = tuple(r + len(shift) if r >= k else r for r in run.outputs)
    runs = []
    for sizes in PROBES:
        inputs = list(run.inputs) + [(None,) + sizes[:probed[i] - 1] for i in sorted(probed)]
        try:
            results = infer_graph(inputs, run.calls, sources)
        except RecursionError:
            return []
        runs.append(GraphRun(inputs, run.calls, sources, outputs, results))
    return runs


def _refuses_arguments(call: LayerCall) -> bool:
    """Keras's constructor refuses the call's arguments (a TypeError: the model is never
    made, ``SpatialDropout2D(0.2, input_shape=...)`` in Keras 3)."""
    spec = spec_for(call)
    try:
        if spec is not None:
            spec.bind(call)
    except TypeError:
        return True
    return False


#: What a nested layer's rule runs its inner layers with (`LayerSpec.nested`).
INNER = Inner(spec_for=spec_for, infer_layer=infer_layer, infer_chain=infer_chain,
              infer_graph=infer_graph)
