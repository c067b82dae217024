"""FLT004: a model Keras would refuse to build.

What it does
    Finds the layer at which Keras's build fails for the declared input: a conv or
    pooling window larger than what is left (zero or negative size), a Reshape to
    a different number of elements, a 2D layer on a tensor of the wrong rank, an
    RNN on rank-2 input, a merge of shapes that do not broadcast or align.
Why is this bad
    The model cannot even be constructed; today you learn it at run time, from a
    traceback deep inside Keras.
Example / Use instead
    See README.md, "FLT004".

Only shape errors our layer rules raise exactly where Keras raises (checked
against real Keras for every rule) are reported, and only for models whose input
is declared: an undeclared Sequential is built by its first data (FLT003).
"""

from __future__ import annotations

from typing import List, Optional

from ..config import active
from ..model import APPLIED, ModelDescription, format_shape
from ..shapes.engine import GraphRun, infer_layer, layer_input, run_model, verified
from ..shapes.spec import ShapeError
from . import Finding
from .flt001 import label

CODE = "FLT004"


def check(model: ModelDescription, run: Optional[GraphRun] = None) -> List[Finding]:
    """The refusals in ``model``; a model built by the tensor it is applied to is
    reported where it is applied (``inside the Sequential, ...``), once."""
    if model.input_source == APPLIED:
        return []
    run = run or run_model(model)
    if not any(r.error for r in run.results):
        return []
    checked = verified(run)
    findings = []
    for index, result in enumerate(run.results):
        if result.error is None:
            continue
        shapes = [run.shape_of(ref, checked) for ref in run.sources[index]]
        if any(shape is None for shape in shapes):
            continue  # the error is about sizes NumPy could not confirm: say nothing
        if len(shapes) == 1:
            given = f" on input {format_shape(shapes[0])}"
        else:
            given = " on inputs " + ", ".join(format_shape(s) for s in shapes)
        call = result.call
        findings.append(Finding(call.line, call.col, CODE,
                                f"{label(call)} cannot be built{given}: {result.error}; "
                                f"{which_keras(call, result.input_shapes)} raises here"))
    return findings


def which_keras(call, shapes) -> str:
    """"Keras", or "Keras N" when only the active Keras refuses the layer on this input
    (a `Difference` of its rule: the other major version builds it)."""
    version = active().keras
    given = layer_input(call, shapes)
    try:
        infer_layer(call, given)
    except ShapeError:
        try:
            infer_layer(call, given, 5 - version)  # the other one: 2 <-> 3
        except ShapeError:
            return "Keras"
        return f"Keras {version}"
    except (ArithmeticError, TypeError, ValueError):
        pass
    return "Keras"  # not the layer's own rule (a shared layer's built size): both refuse
