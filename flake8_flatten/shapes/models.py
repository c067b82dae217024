"""A model called as a layer inside a functional model.

Discovery passes the inner layers (or the inner graph) as the call's only argument;
the output is the inner model's, and an inner layer Keras would refuse makes the
call refused too.  Its parameters are its layers' (`weights.results_total`).  Both
run the inner layers with the engine they are handed (`Inner`).
"""

from __future__ import annotations

from .spec import SUBMODEL, Inner, LayerSpec, Params, ShapeError, Unknowable


def sequential(params: Params, shape: tuple, inner: Inner):
    layers = params["layers"]
    if not isinstance(layers, tuple) or not layers:
        return None
    results = inner.infer_chain(shape, list(layers))
    for result in results:
        if result.error is not None:
            raise ShapeError(f"inside the Sequential, {result.error}")
    return results[-1].output_shape


def functional(params: Params, shape: tuple, inner: Inner):
    """A single-input functional model called as a layer: its graph on ``shape``,
    when ``shape`` fits the model's declared input (Keras checks it)."""
    graph = params["graph"]
    if not isinstance(graph, tuple) or len(graph) != 4:
        return None
    declared, calls, sources, output = graph
    if declared is None or len(declared) != len(shape) or any(
            d is not None and s is not None and d != s for d, s in zip(declared[1:], shape[1:])):
        return None
    results = inner.infer_graph([shape], list(calls), list(sources))
    for result in results:
        if result.error is not None:
            if params["traced"] is True:  # a subclassed model's or custom layer's ``call``:
                raise Unknowable(result.error)  # traced, its layers skip the build checks
            raise ShapeError(f"inside the model, {result.error}")
    return results[output - 1].output_shape if output >= 1 else shape


def sequential_weights(params: Params, shape: tuple, inner: Inner) -> int:
    return _known(inner.results_total(inner.infer_chain(shape, list(params["layers"]))))


def functional_weights(params: Params, shape: tuple, inner: Inner) -> int:
    """Its layers' total; each application in the graph is a copy of its call, so a
    shared layer could not be told apart: with two alike applications, unknown."""
    _, calls, sources, _ = params["graph"]
    signatures = [(c.kind, c.args, c.kwargs) for c in calls]
    if any(s in signatures[:i] for i, s in enumerate(signatures)):
        raise Unknowable("two alike applications may be one shared layer")
    return _known(inner.results_total(inner.infer_graph([shape], list(calls), list(sources))))


def _known(total):
    if total is None:
        raise Unknowable("an inner layer's weights are unknown")
    return total


SPECS = {
    "Sequential": LayerSpec(("layers",), sequential, SUBMODEL, weights=sequential_weights,
                            nested=True),
    "Functional": LayerSpec(("graph",), functional, SUBMODEL, weights=functional_weights,
                            nested=True),
}
