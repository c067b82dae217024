"""FLT002: a shape the code asserts disagrees with the model's.

Its documentation is `RULE` below (``docs/rules/FLT002.md`` is generated from it).
"""

from __future__ import annotations

from typing import List, Optional

from ..model import Claim, LayerCall, ModelDescription, Shape, format_shape
from ..shapes.engine import infer_graph, run_model
from ..shapes.spec import DENSE
from ..verification import confirm, verified
from .feeding import DataRun, output_shape, run_on_data
from .finding import Finding
from .flt001 import label
from .rule import Rule

CODE = "FLT002"

RULE = Rule(
    code=CODE,
    title="a claimed shape disagrees with the model's",
    summary="A shape the code asserts disagrees with the model's.",
    catches="`assert model.output_shape == ...` / `y.shape == ...` that cannot hold",
    keras_says="`AssertionError`",
    what_it_does="""
        Compares the shape an assertion claims with the inferred, NumPy-verified shape:
        `assert model.output_shape == (...)`, `assert model.predict(x).shape == (...)`, and `assert
        y.shape == (...)` / `self.assertEqual(y.shape, (...))` where `y = model.predict(x)` (or `model(x)`,
        `model.predict_on_batch(x)`) and x's shape is known (see FLT003 for which data). When a missing
        `Flatten()` explains the difference, the message says so.
    """,
    why_is_this_bad="""
        The assertion fails when the test finally runs (after importing TensorFlow
        and building the model), or the test documents a shape the model never had.
    """,
    example="""
        import numpy as np
        from keras.layers import Activation, Dense
        from keras.models import Sequential

        model = Sequential([Dense(16, input_shape=(3, 2)), Activation("relu"), Dense(4)])
        y = model.predict(np.zeros((1, 3, 2)))
        assert y.shape == (1, 4)
    """,
    use_instead="""
        import numpy as np
        from keras.layers import Activation, Dense, Flatten
        from keras.models import Sequential

        model = Sequential([Flatten(input_shape=(3, 2)), Dense(16), Activation("relu"), Dense(4)])
        y = model.predict(np.zeros((1, 3, 2)))
        assert y.shape == (1, 4)
    """,
    notes="""
        Decisions: a size we do not know is never held against a claim (only a different rank, or a
        size we know that the claim states otherwise, is reported); claims written as lists (`== [None,
        4]`, always false against a tuple) and `model.summary()` text are out of scope; a claim about
        data the model refuses is FLT003's finding, not FLT002's.
    """,
)


def check(model: ModelDescription, run=None) -> List[Finding]:
    findings = []
    for claim in model.claims:
        if not all(d is None or (isinstance(d, int) and not isinstance(d, bool)) for d in claim.claimed):
            continue
        observed = _observed(model, claim)
        actual = output_shape(observed) if observed is not None else None
        if actual is None or not _differs(claim.claimed, actual):
            continue
        claimed = format_shape(tuple(claim.claimed))
        what = "model.output_shape" if claim.data is None else \
            f"the prediction for data of shape {format_shape(claim.data)}"
        message = f"claims shape {claimed}, but {what} is {format_shape(actual)}"
        explanation = _missing_flatten(observed.run, claim)
        if explanation:
            message += f"; {explanation}"
        findings.append(Finding(claim.line, claim.col, CODE, message))
    return findings


def _observed(model: ModelDescription, claim: Claim) -> Optional[DataRun]:
    """The model as the claim observes it (on the claim's data, if any), with verified
    shapes; None when there is nothing to compare."""
    if claim.data is None:
        run = run_model(model, layers=claim.layers)
        if len(run.outputs) != 1 or any(r.error for r in run.results):
            return None
        return DataRun(run, verified(run))
    result = run_on_data(model, claim.data, claim.layers, "predict")
    if result is None or result.problem is not None:
        return None  # data Keras refuses: FLT003's finding, not a claim to compare
    if result.shapes is None:
        result.shapes = verified(result.run)
    return result


def _differs(claimed: tuple, actual: tuple) -> bool:
    """Python's ``==`` would be False: a different rank, or a size we know that the
    claim states otherwise (a size we do not know is never held against it)."""
    if len(claimed) != len(actual):
        return True
    return any(a is not None and c != a for c, a in zip(claimed, actual))


def _missing_flatten(run, claim: Claim) -> Optional[str]:
    """When Flatten() before the first Dense fed a rank>2 tensor gives the claimed
    shape, say so: the seed confusion of Dense acting on the last axis only."""
    for index, layer in enumerate(run.results):
        if layer.role == DENSE and layer.input_shape is not None and len(layer.input_shape) > 2:
            fixed = _with_flatten(run, index)
            if fixed is not None and not _differs(claim.claimed, fixed):
                return (f"{label(layer.call)} (line {layer.call.line}) gets a rank-"
                        f"{len(layer.input_shape)} input and acts on its last axis only; "
                        f"with Flatten() before it the model outputs {format_shape(fixed)}")
            return None
    return None


def _with_flatten(run, index: int) -> Shape:
    """The model's verified output with a Flatten inserted before layer ``index``."""
    k = len(run.inputs)
    shift = lambda ref: ref + 1 if ref >= k + index else ref  # noqa: E731
    calls = run.calls[:index] + [LayerCall("Flatten")] + run.calls[index:]
    sources = ([tuple(shift(r) for r in refs) for refs in run.sources[:index]]
               + [run.sources[index], (k + index,)]
               + [tuple(shift(r) for r in refs) for refs in run.sources[index + 1:]])
    if len(run.outputs) != 1:
        return None
    output = shift(run.outputs[0])
    results = infer_graph(run.inputs, calls, sources)
    static = [r.output_shape for r in results]
    checked = confirm(run.inputs, calls, sources, static)
    return checked[output - k] if output >= k else None
