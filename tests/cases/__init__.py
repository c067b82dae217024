"""Layer-rule cases: one layer call on one input shape, checked three ways.

Each family module lists ``CASES``; `all_cases()` gathers them.  The same case is
run by the static engine, by the NumPy references, and (live, or through the
recorded goldens) by real Keras.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Tuple

from flake8_flatten.model import LayerCall, Shape

FAMILIES = ("core", "convolution", "recurrent", "reshaping", "preprocessing", "merging")


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
    parts = [render(a) if isinstance(a, LayerCall) else repr(a) for a in call.args]
    parts += [
        f"{k}={render(v) if isinstance(v, LayerCall) else repr(v)}" for k, v in call.kwargs
    ]
    return f"{call.kind}({', '.join(parts)})"


def format_shape(shape: Shape) -> str:
    if shape is None:
        return "None"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def all_cases():
    cases = []
    for family in FAMILIES:
        try:
            module = importlib.import_module(f"tests.cases.{family}")
        except ModuleNotFoundError:
            continue
        cases.extend(module.CASES)
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    return cases
