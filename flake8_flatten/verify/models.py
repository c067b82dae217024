"""A Sequential called as a layer: its inner layers, run one after the other."""

from __future__ import annotations

import numpy as np

from .engine import Unverifiable, run_layer


def sequential(params, x, fill):
    layers = params["layers"]
    if not isinstance(layers, tuple) or not layers:
        raise Unverifiable("Sequential without known layers")
    for call in layers:
        x = run_layer(call, x, fill)
    return x


def functional(params, x, fill):
    from .engine import reference_graph

    declared, calls, sources, output = params["graph"]
    shapes = reference_graph([(None,) + x.shape[1:]], list(calls), list(sources), fill)
    if output < 1 or shapes[output - 1] is None:
        raise Unverifiable("inner model did not run")
    return np.zeros((0,) + shapes[output - 1][1:], dtype=np.float32)


REFERENCES = {"Sequential": sequential, "Functional": functional}
