"""A model called as a layer inside a functional model.

Discovery passes the inner layers (or the inner graph) as the call's only argument;
the output is the inner model's, and an inner layer Keras would refuse makes the
call refused too.
"""

from __future__ import annotations

from .spec import SUBMODEL, LayerSpec, Params, ShapeError


def sequential(params: Params, shape: tuple):
    from .engine import infer_chain

    layers = params["layers"]
    if not isinstance(layers, tuple) or not layers:
        return None
    results = infer_chain(shape, list(layers))
    for result in results:
        if result.error is not None:
            raise ShapeError(f"inside the Sequential, {result.error}")
    return results[-1].output_shape


def functional(params: Params, shape: tuple):
    """A single-input functional model called as a layer: its graph on ``shape``,
    when ``shape`` fits the model's declared input (Keras checks it)."""
    from .engine import infer_graph

    graph = params["graph"]
    if not isinstance(graph, tuple) or len(graph) != 4:
        return None
    declared, calls, sources, output = graph
    if declared is None or len(declared) != len(shape) or any(
            d is not None and s is not None and d != s for d, s in zip(declared[1:], shape[1:])):
        return None
    results = infer_graph([shape], list(calls), list(sources))
    for result in results:
        if result.error is not None:
            raise ShapeError(f"inside the model, {result.error}")
    return results[output - 1].output_shape if output >= 1 else shape


SPECS = {
    "Sequential": LayerSpec(("layers",), sequential, SUBMODEL),
    "Functional": LayerSpec(("graph",), functional, SUBMODEL),
}
