"""keras-version = 2: every layer rule, refusal, input declaration and feeding case against real Keras 2.

Offline, always: the goldens recorded from tf-keras (tests/golden/*_keras2.json, by
scripts/record_goldens_keras2.py) against the static engine, the NumPy references and
the linter run with ``keras_version="2"`` (and, for the declaration snippets, the
Keras 3 side with ``keras_version="3"``).  Live, when the Keras 2 interpreter
(``.venv-keras2``, ``bash scripts/setup_keras2.sh``) is there: the same cases run in
tf-keras in one subprocess and must agree with the goldens.  FLAKE8_FLATTEN_REQUIRE_KERAS2=1
turns a missing Keras 2 into a failure.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from flake8_flatten.config import Options, using
from flake8_flatten.discovery import discover
from flake8_flatten.rules import lint
from flake8_flatten.summary import summarize

from .. import TESTS
from ..cases import all_cases
from ..keras2_live import ROOT, interpreter
from ..keras_versions import FEEDING, SNIPPETS, source_of
from ..rules.test_diagnostics import CASES as DIAGNOSTICS, CODES, FILES, expected, statement_span
from .test_layer_rules import assert_consistent, static_outcome

GOLDEN_DIR = TESTS / "golden"
LAYERS = json.loads((GOLDEN_DIR / "layer_shapes_keras2.json").read_text())
KERAS3_LAYERS = json.loads((GOLDEN_DIR / "layer_shapes.json").read_text())["cases"]
SCRIPTS = json.loads((GOLDEN_DIR / "diagnostics_keras2.json").read_text())["files"]
KERAS3_SCRIPTS = json.loads((GOLDEN_DIR / "diagnostics.json").read_text())["files"]
DECLARATIONS = json.loads((GOLDEN_DIR / "declarations_keras2.json").read_text())["snippets"]
CASES = all_cases()
KERAS2 = Options(keras_version="2")
KERAS3 = Options(keras_version="3")


def test_goldens_are_from_keras2_and_cover_every_case():
    assert LAYERS["keras_version"].startswith("2.") and LAYERS["package"] == "tf-keras"
    assert sorted(LAYERS["cases"]) == sorted(c.id for c in CASES), \
        "cases changed: run python scripts/record_goldens_keras2.py --only layers"
    assert sorted(SCRIPTS) == FILES, "run python scripts/record_goldens_keras2.py --only diagnostics"
    assert sorted(DECLARATIONS) == sorted({**SNIPPETS, **FEEDING}), \
        "run python scripts/record_goldens_keras2.py --only declarations"


# -- layer rules -------------------------------------------------------------------


#: Keras 2 builds these and our Keras 2 rules say "unknown" (their `Difference` says "not
#: modelled"): never a wrong shape, never a wrong refusal, only less said.
NOT_MODELLED = {
    "ConvLSTM2D(8, 3) <- (None, 10, None, 32, 3)",
    "TimeDistributed(Dense(0)) <- (None, 10, 3)",
}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_static_rule_matches_keras2_golden(case):
    with using(KERAS2):
        static = static_outcome(case)
    if case.id in NOT_MODELLED:
        assert "shape" in LAYERS["cases"][case.id] and static == {"shape": None}
        return
    assert_consistent(static, LAYERS["cases"][case.id])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_numpy_reference_agrees_under_keras2(case):
    from flake8_flatten.verify import verified_graph

    with using(KERAS2):
        static = static_outcome(case).get("shape")
        if static is None:
            return
        inputs = list(case.input_shape) if case.multiple else [case.input_shape]
        checked = verified_graph(inputs, [case.call], [tuple(range(len(inputs)))], [tuple(static)])
    if checked == [None] and case.multiple and any(None in s[1:] for s in inputs):
        return  # unconfirmed, as in test_layer_rules
    assert checked == [tuple(static)]


def test_parameter_counts_agree_wherever_both_kerases_build():
    """Keras 2 and Keras 3 count the same weights for every case both build."""
    both = [k for k, three in KERAS3_LAYERS.items()
            if "params" in three and "params" in LAYERS["cases"][k]]
    assert len(both) > 300
    assert all(KERAS3_LAYERS[k]["params"] == LAYERS["cases"][k]["params"] for k in both)


#: What docs/keras2.md promises, pinned: (case id, Keras 2 outcome, Keras 3 outcome).
PINNED = [
    ("AveragePooling1D() <- (None, 20, 4)", [None, 10, 4], "error"),
    ("MaxPooling2D(padding='SAME') <- (None, 9, 9, 3)", [None, 5, 5, 3], "error"),
    ("Conv1D(8, 3) <- (None, 20, 3, 1)", [None, 20, 1, 8], "error"),
    ("SeparableConv2D(32, 3, strides=2, dilation_rate=2) <- (None, 9, 9, 3)", "error", [None, 3, 3, 32]),
    ("LeakyReLU(negative_slope=0.2) <- (None, 10)", "unknown", [None, 10]),
    ("ThresholdedReLU(theta=0.5) <- (None, 10)", [None, 10], "unknown"),
]


@pytest.mark.parametrize("case_id, keras2, keras3", PINNED, ids=[p[0] for p in PINNED])
def test_differences_are_followed_per_version(case_id, keras2, keras3):
    (case,) = [c for c in CASES if c.id == case_id]
    for options, want in ((KERAS2, keras2), (KERAS3, keras3)):
        with using(options):
            got = static_outcome(case)
        if want == "error":
            assert "error" in got, (options.keras_version, got)
        elif want == "unknown":
            assert got == {"shape": None}, (options.keras_version, got)
        else:
            assert got == {"shape": want}, (options.keras_version, got)


# -- input declarations and defaults, whole models ----------------------------------


def our_model(source: str, options: Options):
    """(input shape, output shape, total params, findings) as the linter sees the one model."""
    (model,) = discover(source, options=options)
    with using(options):
        record = summarize(model, "m.py")
        inputs = model.graph()[0]
    findings = [(f.code, f.message) for f in lint(source, options=options)]
    return inputs[0] if len(inputs) == 1 else None, record["output_shape"], record["total_params"], \
        findings


@pytest.mark.parametrize("version", ["2", "3"])
@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_declarations_follow_each_keras(name, version):
    golden = DECLARATIONS[name][f"keras{version}"]
    input_shape, output_shape, params, findings = our_model(source_of(name),
                                                            Options(keras_version=version))
    if "output_shape" in golden:  # Keras built it: the same model, shapes and weights
        assert input_shape == tuple(golden["input_shape"])
        assert output_shape == golden["output_shape"]
        assert params == golden["params"]
        assert findings == []
        return
    # unbuilt, or refused: nothing claimed about shapes (an FLT004 only where our rule knows why)
    assert output_shape is None and (input_shape is None or None in input_shape[1:]
                                     or "error" in golden)
    if "error" not in golden:
        assert findings == []
    for code, message in findings:
        assert code == "FLT004" and message.endswith(f"Keras {version} raises here"), message


@pytest.mark.parametrize("version", ["2", "3"])
@pytest.mark.parametrize("name", sorted(FEEDING))
def test_feeding_follows_each_keras(name, version):
    """FLT003 exactly where that Keras refuses the data (Keras 2: the declared input, checked
    by model(x) always and by predict/fit/evaluate when first traced)."""
    golden = DECLARATIONS[name][f"keras{version}"]
    reported = {(f.line, f.code) for f in lint(source_of(name), options=Options(keras_version=version))}
    assert reported == ({(golden["line"], "FLT003")} if "error" in golden else set())


# -- FLT003/FLT004 scripts -------------------------------------------------------------

#: Scripts whose Keras 2 outcome differs from Keras 3's, and what keras-version 2 reports.
#: Keras 2 checks a model's declared input in every call (predict, and Sequential models
#: too); it refuses InputLayer(shape=...) (nothing declared: nothing to claim).
KERAS2_EXPECTED = {
    "clean_flt003_functional_predict_other_size.py": {(12, "FLT003")},
    "clean_flt003_global_pool_other_size.py": {(17, "FLT003"), (18, "FLT003")},  # model(x) too
    "clean_flt003_lstm_other_timesteps.py": {(12, "FLT003")},
    "clean_flt003_sequential_call_other_length.py": {(13, "FLT003")},
    "clean_flt002_pool_floor.py": set(),
    "clean_flt004_pool_to_one.py": set(),
    # Keras 2 stops at InputLayer(shape=...) first; the claim about the assert is the same
    # in Keras 2 once the input is spelt input_shape= (the data builds the model)
    "flt002_pool_odd_size.py": {(14, "FLT002")},
    "flt003_inputlayer_transposed_sequence.py": set(),
}


def keras2_expected(name: str) -> set:
    two, three = SCRIPTS[name], KERAS3_SCRIPTS[name]
    if (two["outcome"], two.get("line")) == (three["outcome"], three.get("line")):
        return expected(name)
    return KERAS2_EXPECTED[name]


def test_every_script_where_keras2_differs_is_listed():
    differ = {n for n in FILES if (SCRIPTS[n]["outcome"], SCRIPTS[n].get("line"))
              != (KERAS3_SCRIPTS[n]["outcome"], KERAS3_SCRIPTS[n].get("line"))}
    assert differ == set(KERAS2_EXPECTED)


@pytest.mark.parametrize("name", sorted(KERAS2_EXPECTED))
def test_keras2_expectations_are_where_keras2_fails(name):
    outcome = SCRIPTS[name]
    assert outcome["outcome"] == "error"
    first = min(KERAS2_EXPECTED[name], default=None)
    if first is not None and first[1] == "FLT003":  # on the statement Keras 2 fails at
        assert first[0] in statement_span(name, outcome["line"]), outcome
        assert outcome["type"] == "ValueError"
    else:  # it fails at InputLayer(shape=...): a constructor refusal we do not report
        line = (DIAGNOSTICS / name).read_text().splitlines()[outcome["line"] - 1]
        assert "InputLayer(shape=" in line or "shape=" in line, line


@pytest.mark.parametrize("name", FILES)
def test_lint_under_keras2_reports_what_keras2_does(name):
    source = (DIAGNOSTICS / name).read_text()
    reported = {(f.line, f.code) for f in lint(source, options=KERAS2) if f.code in CODES}
    assert reported == keras2_expected(name)


# -- live: the same cases in real Keras 2 -------------------------------------------------


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """Every case, script and snippet run in tf-keras (one subprocess, about a minute)."""
    python = interpreter()
    required = os.environ.get("FLAKE8_FLATTEN_REQUIRE_KERAS2")
    probe = subprocess.run([str(python), "-c", "import tf_keras, tensorflow"], capture_output=True,
                           text=True, timeout=300, env={**os.environ, "TF_USE_LEGACY_KERAS": "1"}) \
        if python.exists() else None
    if probe is None or probe.returncode:
        reason = f"no Keras 2 interpreter with tf-keras at {python} " \
                 f"({'missing' if probe is None else probe.stderr.strip().splitlines()[-1:]}); " \
                 f"bash scripts/setup_keras2.sh makes it"
        if required:
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("keras2") / "live.json"
    proc = subprocess.run([str(python), "-m", "tests.keras2_live", "all", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text())


def test_live_keras2_is_the_recorded_one(live):
    assert live["keras_version"] == LAYERS["keras_version"], "another tf-keras: re-record"


def test_live_keras2_layers_agree(live):
    stale, wrong = [], []
    for case in CASES:
        got, golden = live["cases"][case.id], LAYERS["cases"][case.id]
        if ("error" in got) != ("error" in golden) or got.get("shape") != golden.get("shape"):
            stale.append(case.id)
        with using(KERAS2):
            static = static_outcome(case)
        if case.id in NOT_MODELLED:
            if static != {"shape": None}:
                wrong.append(f"{case.id}: not modelled, yet we say {static}")
            continue
        try:
            assert_consistent(static, got)
        except AssertionError as exc:
            wrong.append(f"{case.id}: {exc}")
    assert not stale, f"goldens are stale (re-record): {stale}"
    assert not wrong, wrong


def test_live_keras2_scripts_agree(live):
    for name in FILES:
        got, golden = live["files"][name], SCRIPTS[name]
        assert (got["outcome"], got.get("line")) == (golden["outcome"], golden.get("line")), name


def test_live_keras2_declarations_agree(live):
    for name in {**SNIPPETS, **FEEDING}:
        got, golden = live["declarations"][name], DECLARATIONS[name]["keras2"]
        assert got.get("error", "")[:40] == golden.get("error", "")[:40] and \
            {k: v for k, v in got.items() if k != "error"} == \
            {k: v for k, v in golden.items() if k != "error"}, name


# -- which Keras a refusal is claimed for --------------------------------------------------

REFUSALS = """import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(9, 9, 3)),
    layers.SeparableConv2D(8, 3, strides=2, dilation_rate=2),
])
other = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.AveragePooling2D(),
    layers.Conv2D(4, 5),
])
"""


@pytest.mark.parametrize("options, expected", [
    (KERAS2, [(5, "Keras 2 raises here"), (10, "Keras raises here")]),
    (KERAS3, [(9, "Keras 3 raises here")]),
])
def test_flt004_names_the_keras_only_where_the_versions_disagree(options, expected):
    """SeparableConv2D with strides and dilation: Keras 2 refuses, Keras 3 builds; pool_size
    missing: Keras 3 refuses, Keras 2 pools by 2 and then the 5x5 window meets 4x4 (both
    refuse that)."""
    found = [(f.line, f.message.rsplit("; ", 1)[1]) for f in lint(REFUSALS, options=options)
             if f.code == "FLT004"]
    assert found == expected
