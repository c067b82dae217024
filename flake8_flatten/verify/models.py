"""A Sequential called as a layer: its inner layers, run one after the other (with the
engine the reference is handed, `Inner`)."""

from __future__ import annotations

import numpy as np

from ..shapes.spec import Inner
from .arrays import Unverifiable


def sequential(params, x, fill, inner: Inner):
    layers = params["layers"]
    if not isinstance(layers, tuple) or not layers:
        raise Unverifiable("Sequential without known layers")
    for call in layers:
        x = inner.run_layer(call, x, fill)
    return x


def functional(params, x, fill, inner: Inner):
    declared, calls, sources, output = params["graph"]
    if output == 0:
        return x  # a pass-through ``call`` returning its input (a layer adding a loss)
    shapes = inner.reference_graph([(None,) + x.shape[1:]], list(calls), list(sources), fill)
    if output < 1 or shapes[output - 1] is None:
        raise Unverifiable("inner model did not run")
    return np.zeros((0,) + shapes[output - 1][1:], dtype=np.float32)


REFERENCES = {"Sequential": sequential, "Functional": functional}
