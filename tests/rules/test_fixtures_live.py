"""Every fixture means what its name says, in real Keras: a ``bad_`` fixture with an
FLT002/FLT003/FLT004 finding fails in Keras on that line; every other fixture runs."""

from __future__ import annotations

import json

import pytest

from .. import ROOT
from ..conftest import keras_live

FIXTURES = ROOT / "fixtures"
EXPECTED = {name: codes for name, codes in json.loads((FIXTURES / "expected.json").read_text()).items()
            if not name.startswith("_")}
RUN_TIME = {"FLT002", "FLT003", "FLT004", "FLT005"}  # codes whose finding Keras raises on


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n != "clean_not_keras.py"
                                        and n != "clean_dynamic.py"))
def test_fixture_behaves_in_keras_as_its_findings_say(name):
    outcome = keras_live().run_diagnostic_file(FIXTURES / name)
    failing = [line for line, _, code in EXPECTED[name] if code in RUN_TIME]
    if failing:
        assert outcome["outcome"] == "error" and outcome["line"] in failing, outcome
    else:
        assert outcome["outcome"] == "ok", outcome
