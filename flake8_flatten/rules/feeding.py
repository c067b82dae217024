"""What Keras does with data of a known shape: the model run on it, or why it refuses.

Mirrors Keras, not a stricter rule (``models/functional.py`` and the layers'
input specs): a rank that differs only by a trailing axis of size 1 is adapted;
otherwise a rank differing from the declared input is refused.  ``predict``/
``fit``/``evaluate`` then run the layers on the data's own sizes, so a fully
convolutional model accepts other image sizes; what fails is a layer whose
weights were built for another size (the feature axis of Dense, conv kernels,
RNN cells, normalisation) or a layer that cannot take the new shape at all.
A functional model called directly, fitted or evaluated also checks every fixed
size of its declared input (measured with Keras 3.15: tests/diagnostics/README.md);
Keras 2 checks it in every call of every model (`DECLARED_SHAPE_CHECKS`, measured
with tf-keras 2.21: tests/golden/diagnostics_keras2.json).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from ..config import active
from ..model import TRACED, ModelDescription, Shape, format_shape
from ..shapes.engine import GraphRun, run_model, weight_axis
from ..verification import verified
from .flt001 import label


@dataclass(frozen=True)
class DeclaredShapeCheck:
    """Which calls check every fixed size of a model's declared input (its input spec)
    before any layer runs: ``methods`` (None: every one) of ``kinds`` of model.
    ``first_trace_only``: methods that check only when their compiled function is first
    traced (a later call with another shape is retraced with relaxed sizes and passes),
    grouped by the function they share."""

    methods: Optional[frozenset]
    kinds: frozenset
    what: str
    first_trace_only: Optional[dict] = None

    def applies(self, method: str, model: ModelDescription, data: tuple, layers: int) -> bool:
        if model.kind not in self.kinds or (self.methods is not None and method not in self.methods):
            return False
        group = (self.first_trace_only or {}).get(method)
        return group is None or not _traced_before(model, group, self.first_trace_only, data, layers)


def _traced_before(model: ModelDescription, group: str, groups: dict, data: tuple,
                   layers: int) -> bool:
    """An earlier feed of the model ran the same compiled function (in source order): the
    first feed of the group is this one, or another one."""
    for feed in model.feeds:
        if groups.get(feed.method) == group:
            return (feed.data_shape, feed.layers) != (data, layers)
    return True  # not a feed we know the place of (a claim's data): cannot tell


#: Per Keras major version (measured: tests/golden/diagnostics*.json).  Keras 3: a
#: functional model checks when called, fitted or evaluated; ``predict`` and Sequential
#: models do not.  Keras 2: every call of both kinds checks (``Input 0 of layer
#: "sequential" is incompatible with the layer: expected shape=(None, 20), found
#: shape=(2, 25)``), so a fully convolutional model declared 32x32 refuses 64x64 photos,
#: but predict/fit/evaluate only when first traced (tests/keras_versions.py FEEDING).
DECLARED_SHAPE_CHECKS = {
    3: DeclaredShapeCheck(frozenset({"__call__", "fit", "evaluate"}), frozenset({"Functional"}),
                          "functional models, when called, fitted or evaluated (not predict)"),
    2: DeclaredShapeCheck(None, frozenset({"Functional", "Sequential"}),
                          "every model, in every call (predict too); predict/fit/evaluate only "
                          "in their first call (a later one with another shape is retraced "
                          "with relaxed sizes and runs)",
                          first_trace_only={"predict": "predict", "predict_on_batch": "predict",
                                            "fit": "train", "train_on_batch": "train",
                                            "evaluate": "test", "test_on_batch": "test"}),
}


@dataclass
class DataRun:
    run: Optional[GraphRun]  # the model as it runs on the data (None if refused first)
    shapes: Optional[list]  # the run's NumPy-verified layer output shapes, when computed
    problem: Optional[str] = None  # why Keras refuses the data


def adapt_rank(declared: tuple, data: tuple) -> Optional[tuple]:
    """The data as Keras hands it to the model, or None when Keras refuses its rank."""
    if len(data) == len(declared):
        return data
    if len(data) == len(declared) + 1 and data[-1] == 1:
        return data[:-1]
    if len(data) == len(declared) - 1 and declared[-1] == 1:
        return data + (1,)
    return None


def run_on_data(model: ModelDescription, data: Tuple[int, ...], layers: int,
                method: str) -> Optional[DataRun]:
    """The model (its first ``layers`` layers, as it was then) run on data of shape
    ``data``; None when we cannot say (several inputs, unknown input)."""
    declared_inputs = model.graph(layers=layers)[0]
    if len(declared_inputs) != 1:
        return None
    declared = declared_inputs[0]
    if declared is None:
        if model.kind != "Sequential":
            return None
        return _layers_on(model, data, layers, None)  # the data builds the model
    adapted = adapt_rank(declared, data)
    if adapted is None:
        return DataRun(None, None, f"the model expects input {format_shape(declared)} "
                                   f"of rank {len(declared)}")
    if DECLARED_SHAPE_CHECKS[active().keras].applies(method, model, data, layers):
        for axis, (want, got) in enumerate(zip(declared[1:], adapted[1:]), start=1):
            if want is not None and want != got:
                seen = "" if adapted == data else f" (Keras reads it as {format_shape(adapted)})"
                return DataRun(None, None, f"the model's input is declared as "
                                           f"{format_shape(declared)}, which needs size {want} "
                                           f"on axis {axis}, not {got}{seen}")
    return _layers_on(model, adapted, layers, run_model(model, layers=layers))


def _layers_on(model, data: tuple, layers: int, built: Optional[GraphRun]) -> DataRun:
    """The layers run on the data.  Problems are looked for on the static shapes, and
    a weight-size problem is confirmed on the NumPy-verified ones before it is said
    (NumPy is only imported when there is something to say)."""
    run = run_model(model, [data], layers)
    for index, result in enumerate(run.results):
        call = result.call
        if result.error is not None and model.kind not in TRACED:
            shapes = verified(run)
            if any(run.shape_of(ref, shapes) is None for ref in run.sources[index]):
                return DataRun(run, shapes)  # NumPy cannot confirm what the error is about
            return DataRun(run, shapes, f"{label(call)} (line {call.line}) cannot take it: "
                                        f"{result.error}")
        if built is not None and _rebuilt(built, run, index, None, None) is not None:
            shapes = verified(run)
            confirmed = _rebuilt(built, run, index, verified(built), shapes)
            if confirmed is None:
                return DataRun(run, shapes)  # NumPy cannot confirm the sizes: say nothing
            before, now = confirmed
            return DataRun(run, shapes, f"{label(call)} (line {call.line}) was built for input "
                                        f"{format_shape(before)}, this data gives it "
                                        f"{format_shape(now)}")
    return DataRun(run, None)


def _rebuilt(built: GraphRun, run: GraphRun, index: int, built_shapes, shapes):
    """``(built-for input, data's input)`` of layer ``index`` when they differ on the
    axis its weights depend on, else None."""
    if len(run.sources[index]) != 1:
        return None
    before = built.shape_of(built.sources[index][0], built_shapes)
    now = run.shape_of(run.sources[index][0], shapes)
    if before is None or now is None or len(before) != len(now):
        return None
    axis = weight_axis(run.results[index].call, len(now))
    if axis is None or before[axis] is None or now[axis] is None or before[axis] == now[axis]:
        return None
    return before, now


def output_shape(data_run: DataRun) -> Shape:
    """The single model output's verified shape, or None."""
    run = data_run.run
    if run is None or data_run.shapes is None or len(run.outputs) != 1:
        return None
    return run.shape_of(run.outputs[0], data_run.shapes)
