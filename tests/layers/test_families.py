"""Every registered layer class is complete: a NumPy reference, a Keras case, a golden.

The family table (``flake8_flatten/shapes/families.py``) is the one place a layer is
registered; a class with a spec but no reference would have its shapes silently dropped
by verification, one without a case or golden would never be checked against Keras.
Runs without Keras (the goldens are recorded: scripts/record_goldens.py, and
scripts/record_goldens_keras2.py for Keras 2).
"""

from __future__ import annotations

import importlib
import json

import pytest

from flake8_flatten.options import Options, using
from flake8_flatten.shapes.families import FAMILIES, registry, specs
from flake8_flatten.verify.engine import references

from .. import TESTS
from ..cases import all_cases

GOLDEN = TESTS / "golden"
#: Each golden file and the Keras it was recorded with.
GOLDENS = {"layer_shapes.json": 3, "layer_shapes_keras2.json": 2}
CLASSES = sorted(specs())
CASES = all_cases()


def test_every_family_has_its_modules():
    for family in FAMILIES:
        for module in (f"flake8_flatten.shapes.{family.name}", f"flake8_flatten.verify.{family.name}",
                       f"tests.cases.{family.name}"):
            importlib.import_module(module)  # a missing module fails here, never skipped


@pytest.mark.parametrize("version", [2, 3])
def test_every_registered_class_has_a_numpy_reference(version):
    with using(Options(keras_version=str(version))):
        missing = sorted(set(registry()) - set(references()))
        extra = sorted(set(references()) - set(registry()))
    assert not missing, f"classes without a NumPy reference (verify/<family>.py): {missing}"
    assert not extra, f"references of no registered class: {extra}"


def test_every_registered_class_has_a_keras_case():
    cased = {case.call.kind for case in CASES}
    missing = [kind for kind in CLASSES if kind not in cased]
    assert not missing, f"classes without a case in tests/cases/<family>.py: {missing}"


def test_every_case_is_of_a_registered_class():
    assert not sorted({c.call.kind for c in CASES} - set(CLASSES))


@pytest.mark.parametrize("name", [name for name in GOLDENS if (GOLDEN / name).exists()])
def test_every_case_has_a_golden(name):
    recorded = json.loads((GOLDEN / name).read_text())["cases"]
    missing = [case.id for case in CASES if case.id not in recorded]
    script = "record_goldens.py" if GOLDENS[name] == 3 else "record_goldens_keras2.py"
    assert not missing, f"cases without a golden in {name} (run python scripts/{script} " \
                        f"--only layers): {missing}"


def test_every_weight_axis_is_declared_on_the_spec():
    """The axis a shared layer's weights are built for is the spec's declaration, never
    read from the class name (a Dense-like class follows Dense's)."""
    declared = {kind for kind, spec in specs().items() if spec.weight_axis is not None}
    assert {"Dense", "LSTM", "Conv2D", "ConvLSTM2D", "BatchNormalization"} <= declared
