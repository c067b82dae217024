"""Every layer rule, checked against recorded Keras goldens, NumPy, and live Keras."""

from __future__ import annotations

import json

import pytest

from flake8_flatten.shapes import ShapeError, infer_layer
from flake8_flatten.verify import verified_graph

from .. import TESTS
from ..cases import all_cases
from ..conftest import keras_live

CASES = all_cases()
GOLDEN = json.loads((TESTS / "golden" / "layer_shapes.json").read_text())["cases"]


def static_outcome(case):
    try:
        shape = infer_layer(case.call, case.input_shape)
    except ShapeError as exc:
        return {"error": str(exc)}
    return {"shape": None if shape is None else list(shape)}


def assert_consistent(static, keras_outcome):
    """Never a wrong shape: where Keras builds, we match exactly; where it refuses, we claim
    none; and we say a layer cannot be built (FLT004) only where Keras refuses it."""
    if "error" in static:
        assert "error" in keras_outcome, f"we say {static['error']!r} but Keras builds it"
    if "error" in keras_outcome:
        assert static.get("shape") is None, f"Keras refuses ({keras_outcome['error']}) but we claim {static}"
    else:
        assert static.get("shape") == keras_outcome["shape"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_static_rule_matches_keras_golden(case):
    assert case.id in GOLDEN, "no golden recorded: run python scripts/record_goldens.py"
    assert_consistent(static_outcome(case), GOLDEN[case.id])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_numpy_reference_agrees_with_static_rule(case):
    static = static_outcome(case).get("shape")
    if static is None:
        return  # nothing claimed; test_static_rule_matches_keras_golden covers refusals
    inputs = list(case.input_shape) if case.multiple else [case.input_shape]
    sources = [tuple(range(len(inputs)))]
    checked = verified_graph(inputs, [case.call], sources, [tuple(static)])
    if checked == [None] and case.multiple and any(None in s[1:] for s in inputs):
        return  # a stand-in for one input's unknown size cannot match another's known size:
        # unconfirmed, so the shape is left out of messages (never contradicted)
    assert checked == [tuple(static)]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_live_keras_agrees(case):
    live = keras_live().case_outcome(case)
    assert ("error" in live) == ("error" in GOLDEN[case.id]), "golden is stale: re-record"
    assert_consistent(static_outcome(case), live)
