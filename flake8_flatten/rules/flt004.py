"""FLT004: a model Keras would refuse to build.

Its documentation is `RULE` below (``docs/rules/FLT004.md`` is generated from it).

Only shape errors our layer rules raise exactly where Keras raises (checked
against real Keras for every rule) are reported, and only for models whose input
is declared: an undeclared Sequential is built by its first data (FLT003).
"""

from __future__ import annotations

from typing import List, Optional

from ..config import active
from ..model import APPLIED, TRACED, ModelDescription, format_shape
from ..shapes.engine import GraphRun, built_size, infer_layer, layer_input, run_model
from ..shapes.spec import ShapeError
from ..verification import verified
from .finding import Finding
from .flt001 import label
from .rule import Rule

CODE = "FLT004"

RULE = Rule(
    code=CODE,
    title="a model Keras would refuse to build",
    summary="A model Keras would refuse to build.",
    catches="a layer Keras cannot build on its input (negative sizes, wrong rank, bad Reshape, merges that do not align)",
    keras_says="`Computed output size would be zero or negative`",
    what_it_does="""
        Reports the layer at which building the model fails for its declared input:
        a conv/pool/cropping window that leaves zero or negative size, a `Reshape` to a different number
        of values, a layer on an input of the wrong rank (a 2D layer on a flat vector, `Flatten` followed
        by a conv or an RNN, an RNN on rank-2 input), a merge (`Add`, `Concatenate`, `Multiply`, ...,
        and `layers.add([...])`-style functions) of shapes that do not broadcast or align, a layer
        object applied twice (`encoder = Dense(4); encoder(a); encoder(b)`) to a size other than the one
        its weights were built for. In a subclassed model whose `call` Keras runs (on data, or on a
        tensor), the last of these: a layer of `__init__` applied twice in `call` at two sizes, or a
        model called again on data of another size than its weights were built by, reported at the
        layer's constructor in `__init__`.
    """,
    why_is_this_bad="""
        The model cannot even be constructed; you find out from a traceback deep in
        Keras, usually pointing at the `Sequential(` or `Model(` call rather than the layer at fault.
    """,
    example="""
        from keras import Input, Model, layers

        inputs = Input(shape=(8, 8, 3))
        x = inputs
        for filters in (16, 32, 64):
            x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
            x = layers.MaxPooling2D()(x)
        x = layers.Conv2D(128, 3, activation="relu")(x)  # (None, 1, 1, 64) left: no room for 3x3
        outputs = layers.Dense(10)(layers.GlobalAveragePooling2D()(x))
        model = Model(inputs, outputs)
    """,
    use_instead="""
        from keras import Input, Model, layers

        inputs = Input(shape=(8, 8, 3))
        x = inputs
        for filters in (16, 32, 64):
            x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
            x = layers.MaxPooling2D()(x)
        x = layers.Conv2D(128, 3, padding="same", activation="relu")(x)  # (None, 1, 1, 128)
        outputs = layers.Dense(10)(layers.GlobalAveragePooling2D()(x))
        model = Model(inputs, outputs)
    """,
    notes="""
        A layer rule says "cannot be built" only where real Keras refuses (asserted for every layer case,
        `tests/layers/test_layer_rules.py`); Keras's `Add` broadcasting `(None, 1)` with `(None, 6)` is accepted.
        A size we could not evaluate (`Input(shape=(28, 28, n))`) makes shapes unknown, never an error.
    """,
)


def check(model: ModelDescription, run: Optional[GraphRun] = None) -> List[Finding]:
    """The refusals in ``model``; a model built by the tensor it is applied to is
    reported where it is applied (``inside the Sequential, ...``), once."""
    if model.kind in TRACED:
        return _traced(model, run)
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


def _traced(model: ModelDescription, run: Optional[GraphRun]) -> List[Finding]:
    """A subclassed model's ``call``, run by Keras on data or a tensor: only the refusals
    of shared weights -- a layer object applied in ``call`` to another size than its
    weights were built for, in this call or in an earlier call of the same instance.
    (Its other layers' refusals are not reported: a traced ``call`` may hold branches
    and operations whose failures we do not model exactly.)"""
    if model.kind != "Subclassed" or model.traced_by not in ("data", "tensor"):
        return []
    run = run or run_model(model)
    checked = verified(run)
    first = _built_sizes(model.earlier_trace)
    findings = []
    for index, result in enumerate(run.results):
        given = [run.shape_of(ref, checked) for ref in run.sources[index]]
        if len(given) != 1 or given[0] is None:
            continue
        call, now = result.call, built_size(result.call, given[0])
        objects = model.layer_objects or ()
        obj = objects[index] if index < len(objects) else None
        if result.rebuilt and obj is not None:  # applied twice in this call
            j = next(j for j, other in enumerate(objects) if other is obj)
            line = model.applied_lines[j] if model.applied_lines and model.applied_lines[j] else None
            before = built_size(run.results[j].call, run.shape_of(run.sources[j][0], checked))
            if before is not None and now is not None:
                where = f"by its call on line {line}" if line else "by its first call"
                findings.append(_rebuilt(call, given[0], now, before[1], where))
            continue
        earlier = first.get(id(obj)) if obj is not None else None
        if earlier is not None and now is not None and earlier[1] != now[1]:
            findings.append(_rebuilt(call, given[0], now, earlier[1],
                                     f"when the model ran on {format_shape(earlier[2])}"))
    return findings


def _rebuilt(call, shape, now, size: int, where: str) -> Finding:
    return Finding(call.line, call.col, CODE,
                   f"{label(call)} cannot be applied to input {format_shape(shape)}: its weights were "
                   f"built for size {size} on axis {now[0] - len(shape)} {where}; Keras raises here")


def _built_sizes(model: Optional[ModelDescription]) -> dict:
    """Per layer object of an earlier traced call: ``(axis, size, that call's input)`` of
    the first application's weight axis, as confirmed by NumPy."""
    if model is None or model.layer_objects is None:
        return {}
    run = run_model(model)
    checked = verified(run)
    sizes = {}
    for index, obj in enumerate(model.layer_objects):
        given = [run.shape_of(ref, checked) for ref in run.sources[index]]
        if obj is None or id(obj) in sizes or len(given) != 1:
            continue
        built = built_size(run.results[index].call, given[0])
        if built is not None:
            sizes[id(obj)] = built + (model.input_shape,)
    return sizes


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
