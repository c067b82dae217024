"""Layer-rule cases: one layer call on one input shape, checked three ways.

Each family of ``flake8_flatten/shapes/families.py`` has a module here listing its
``CASES``; `all_cases()` gathers them (a family without its module is an error).  The
same case is run by the static engine, by the NumPy references, and (live, or through
the recorded goldens) by real Keras; tests/layers/test_families.py checks that every
registered class has one.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Tuple

from flake8_flatten.model import LayerCall, Shape
from flake8_flatten.shapes.families import FAMILIES


def layer(kind: str, *args, **kwargs) -> LayerCall:
    """A LayerCall as discovery would produce it for ``kind(*args, **kwargs)``."""
    return LayerCall(kind, tuple(args), tuple(kwargs.items()))


@dataclass(frozen=True)
class Case:
    call: LayerCall
    input_shape: Tuple

    @property
    def id(self) -> str:
        if self.multiple:
            return f"{render(self.call)} <- [{', '.join(format_shape(s) for s in self.input_shape)}]"
        return f"{render(self.call)} <- {format_shape(self.input_shape)}"

    @property
    def multiple(self) -> bool:
        """Several inputs (a merge, attention): ``input_shape`` is a tuple of shapes."""
        return bool(self.input_shape) and isinstance(self.input_shape[0], tuple)


def render(call: LayerCall) -> str:
    parts = [_value(a) for a in call.args]
    parts += [f"{k}={_value(v)}" for k, v in call.kwargs]
    return f"{call.kind}({', '.join(parts)})"


def _value(value) -> str:
    """An argument as written: a layer as its call, a tuple holding layers (a submodel's
    layers or graph) item by item, anything else as its repr."""
    if isinstance(value, LayerCall):
        return render(value)
    if isinstance(value, tuple) and _holds_layers(value):
        return "(" + ", ".join(_value(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    return repr(value)


def _holds_layers(value) -> bool:
    return isinstance(value, LayerCall) or isinstance(value, tuple) and any(
        _holds_layers(v) for v in value)


def format_shape(shape: Shape) -> str:
    if shape is None:
        return "None"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def all_cases():
    cases = []
    for family in FAMILIES:
        cases.extend(importlib.import_module(f"tests.cases.{family.name}").CASES)
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    return cases


def keras_model(keras, call: LayerCall, build):
    """The Keras model a submodel case calls as a layer (``build`` makes its inner
    layers): a Sequential of its layers, or a functional model of its graph."""
    if call.kind == "Sequential":
        return keras.Sequential([build(inner) for inner in call.args[0]])
    declared, calls, sources, output = call.args[0]
    tensors = [keras.Input(batch_shape=declared)]
    for inner, refs in zip(calls, sources):
        given = [tensors[ref] for ref in refs]
        tensors.append(build(inner)(given[0] if len(given) == 1 else given))
    return keras.Model(tensors[0], tensors[output])
