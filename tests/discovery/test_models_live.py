"""Whole models, differentially: discovery + shape engine against real Keras.

Every file of ``tests/models/`` is a realistic Keras model script (our own test
data).  ``scripts/record_goldens.py`` executed each with Keras and recorded, for
every ``Sequential(...)`` call, its line and each layer's ``output.shape``
(``tests/golden/models.json``).  Here the static side -- ``discover`` then
``summarize``, as ``flake8-flatten shapes --format json`` reports it -- must find
the same models at the same lines, with the same layer classes, and every layer
shape it states must be exactly Keras's: null (unknown) is allowed, and so is a
partly known shape whose stated sizes are all Keras's (``[None, 1, 1, None]`` where
Keras has ``[None, 1, 1, 1000]``), but neither counts as exact; wrong, never.

A file whose models the static side cannot fully know (sizes passed as function
parameters, layers without a rule, loops it cannot unroll) says why in a comment
``# static-gaps: <reason>``; every other file must be known exactly, layer by layer.
Across the corpus at least ``MIN_EXACT_RATE`` of Keras's layer shapes must be
stated exactly.

The golden tests always run; the live tests re-execute every file with Keras now
(skipped without Keras locally, a failure in CI) and hold both the goldens and the
static summaries to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import List

import pytest

from flake8_flatten.discovery import discover
from flake8_flatten.summary import summarize

from .. import TESTS
from ..conftest import keras_live

CORPUS = TESTS / "models"
FILES = sorted(path.name for path in CORPUS.glob("*.py"))
GOLDEN_PATH = TESTS / "golden" / "models.json"
GOLDEN = json.loads(GOLDEN_PATH.read_text())
ALIASES = GOLDEN["layer_aliases"]
GAP_MARKER = "# static-gaps:"
MIN_EXACT_RATE = 0.95
UNBUILT = "unbuilt"


@dataclass
class Tally:
    """How the static summaries of one file compare with Keras's models."""

    known: int = 0  # layers Keras gives a shape
    exact: int = 0  # ... that the static side states exactly
    gaps: List[str] = field(default_factory=list)  # null or undiscovered, where Keras knows
    problems: List[str] = field(default_factory=list)  # wrong: never allowed

    def add(self, other: "Tally") -> None:
        self.known += other.known
        self.exact += other.exact
        self.gaps += other.gaps
        self.problems += other.problems


def static_models(name: str):
    """``(ModelDescription, summary record)`` for every model discovery finds."""
    source = (CORPUS / name).read_text()
    return [(model, summarize(model, f"tests/models/{name}")) for model in discover(source)]


def compare(name: str, statics, keras_records) -> Tally:
    """The Sequential models of one file against Keras's records."""
    statics = [(model, record) for model, record in statics if model.kind == "Sequential"]
    tally = Tally()
    where = f"tests/models/{name}"
    static_lines = [(model.line, model.col) for model, _ in statics]
    keras_lines = [(r["line"], r["col"]) for r in keras_records]
    if static_lines != keras_lines:
        tally.problems.append(f"{where}: models at (line, col) {static_lines} statically, "
                              f"Keras built them at {keras_lines}")
    keras_by_site = {(r["line"], r["col"]): r for r in keras_records}
    for model, record in statics:
        keras_model = keras_by_site.get((model.line, model.col))
        if keras_model is not None:
            tally.add(compare_model(f"{where}:{model.line}", model, record, keras_model))
    for site, keras_model in keras_by_site.items():  # models discovery missed
        if site not in static_lines and keras_model["shapes"] != UNBUILT:
            tally.known += len(keras_model["shapes"])
    return tally


def compare_model(where: str, model, record, keras_model) -> Tally:
    tally = Tally()
    classes = keras_model["layers"]
    built = keras_model["shapes"] != UNBUILT
    static_layers = record["layers"]
    kinds = [ALIASES.get(layer["class"], layer["class"]) for layer in static_layers]
    if model.truncated:
        if kinds != classes[:len(kinds)]:
            tally.problems.append(f"{where}: layers {kinds} are not a prefix of Keras's {classes}")
    elif kinds != classes:
        tally.problems.append(f"{where}: layers {kinds} statically, Keras has {classes}")

    def check(what: str, static, keras) -> bool:
        """True when ``static`` is stated and wrong (recorded as a problem)."""
        if static is None or static == keras or consistent(static, keras):
            return False
        tally.problems.append(f"{where}: {what}: static {static}, Keras {keras}")
        return True

    if not built:
        check("input shape of a model Keras leaves unbuilt", record["input_shape"], None)
        for layer in static_layers:
            check(f"{layer['class']} (line {layer['line']}) in a model Keras leaves unbuilt",
                  layer["output_shape"], None)
        return tally
    check("input shape", record["input_shape"], keras_model["input_shape"])
    if not model.truncated and kinds == classes:
        check("model output shape", record["output_shape"], keras_model["shapes"][-1])
    tally.known += len(classes)
    for index, keras_shape in enumerate(keras_model["shapes"]):
        label = f"{classes[index]} #{index + 1}"
        if index >= len(static_layers):
            tally.gaps.append(f"{where}: {label}: not discovered, Keras {keras_shape}")
            continue
        layer = static_layers[index]
        label = f"{layer['class']} (line {layer['line']})"
        static = layer["output_shape"]
        if static is None:
            tally.gaps.append(f"{where}: {label}: static null, Keras {keras_shape}")
        elif static == keras_shape:
            tally.exact += 1
        elif not check(label, static, keras_shape):
            tally.gaps.append(f"{where}: {label}: static {static} (partly unknown), Keras {keras_shape}")
    return tally


def consistent(static, keras) -> bool:
    """A partly known static shape: Keras's rank, and every size stated is Keras's
    (a static ``None`` is an unknown size, not a claim that the axis is dynamic)."""
    return (isinstance(keras, list) and len(static) == len(keras)
            and all(s is None or s == k for s, k in zip(static, keras)))


def documented_gaps(name: str) -> bool:
    return GAP_MARKER in (CORPUS / name).read_text()


def test_goldens_cover_the_corpus():
    assert sorted(GOLDEN["files"]) == FILES, "corpus changed: run python scripts/record_goldens.py"


def assert_file(name: str, tally: Tally) -> None:
    """Never a wrong shape; every shape known unless the file documents why not."""
    assert not tally.problems, "\n".join(tally.problems)
    if not documented_gaps(name):
        assert not tally.gaps, (f"not every shape known; fix the engine or document why with "
                                f"'{GAP_MARKER} ...' in the file:\n" + "\n".join(tally.gaps))


def assert_rate(tallies, what: str) -> None:
    total = Tally()
    for tally in tallies:
        total.add(tally)
    assert not total.problems, "\n".join(total.problems)
    rate = total.exact / total.known
    assert rate >= MIN_EXACT_RATE, (f"only {total.exact}/{total.known} = {rate:.1%} of Keras's {what} "
                                    f"known exactly; gaps:\n" + "\n".join(total.gaps))


@pytest.mark.parametrize("name", FILES)
def test_static_models_match_keras_golden(name):
    assert_file(name, compare(name, static_models(name), GOLDEN["files"][name]))


def test_exact_shape_rate_over_the_corpus():
    assert_rate((compare(n, static_models(n), GOLDEN["files"][n]) for n in FILES), "layer shapes")


@pytest.mark.parametrize("name", FILES)
def test_live_keras_agrees(name):
    live = keras_live().run_model_file(CORPUS / name)
    assert live == GOLDEN["files"][name], "golden is stale: run python scripts/record_goldens.py"
    tally = compare(name, static_models(name), live)
    assert not tally.problems, "\n".join(tally.problems)
    if not documented_gaps(name):
        assert not tally.gaps, "\n".join(tally.gaps)


# -- the functional API: layer applications, site by site ----------------------------

FUNCTIONAL_GOLDEN = GOLDEN["functional"]
FUNCTIONAL_FILES = [name for name in FILES if FUNCTIONAL_GOLDEN[name]["models"]]


def static_applications(name: str):
    """``(model sites, {"line:col": Counter of stated shapes}, {"line:col": nulls})``
    over the functional models discovery finds.  A layer shared by two models (an
    encoder inside an autoencoder) is one application: per site, the largest count
    of a shape in any one model."""
    from collections import Counter

    sites, stated, unknown = [], {}, {}
    for model, record in static_models(name):
        if model.kind != "Functional":
            continue
        sites.append([model.line, model.col])
        counts, nulls = {}, Counter()
        for layer in record["layers"]:
            key = f"{layer['line']}:{layer['col'] - 1}"
            if layer["output_shape"] is None:
                nulls[key] += 1
            else:
                counts.setdefault(key, Counter())[tuple(layer["output_shape"])] += 1
        for key, counter in counts.items():
            stated[key] = stated.get(key, Counter()) | counter
        for key, count in nulls.items():
            unknown[key] = max(unknown.get(key, 0), count)
    return sites, stated, unknown


def operator_sites(name: str) -> set:
    """``"line:col"`` of the tensor arithmetic of a file (``x + y``, ``x += y``): discovery
    states them as the merge layer doing the same (``Add``), Keras 3 applies an operation,
    not a layer, so its record has no application there to compare with."""
    import ast

    tree = ast.parse((CORPUS / name).read_text())
    return {f"{node.lineno}:{node.col_offset}" for node in ast.walk(tree)
            if isinstance(node, (ast.BinOp, ast.AugAssign))}


def compare_functional(name: str, keras_record) -> Tally:
    from collections import Counter

    tally = Tally()
    where = f"tests/models/{name}"
    sites, stated, _ = static_applications(name)
    missing = [s for s in keras_record["models"] if s not in sites]
    extra = [s for s in sites if s not in keras_record["models"]]
    if extra:
        tally.problems.append(f"{where}: functional models at {extra} statically, Keras built none there")
    tally.gaps += [f"{where}: Model( at {s} not discovered" for s in missing]
    for key, shapes in keras_record["applications"].items():
        keras_counts = Counter(tuple(s) for s in shapes)
        static_counts = stated.get(key, Counter())
        tally.known += len(shapes)
        tally.exact += sum((static_counts & keras_counts).values())
        for shape in static_counts:
            if shape not in keras_counts and not any(consistent(list(shape), list(k)) for k in keras_counts):
                tally.problems.append(f"{where}:{key}: static {list(shape)}, Keras {shapes}")
        short = len(shapes) - sum((static_counts & keras_counts).values())
        if short:
            tally.gaps.append(f"{where}:{key}: {short} of Keras's {len(shapes)} shapes not stated exactly")
    operations = operator_sites(name)
    for key in stated:
        if key not in keras_record["applications"] and key not in operations:
            tally.problems.append(f"{where}:{key}: a layer application Keras never made there")
    return tally


@pytest.mark.parametrize("name", FUNCTIONAL_FILES)
def test_functional_models_match_keras_golden(name):
    assert_file(name, compare_functional(name, FUNCTIONAL_GOLDEN[name]))


def test_functional_exact_shape_rate():
    assert_rate((compare_functional(n, FUNCTIONAL_GOLDEN[n]) for n in FUNCTIONAL_FILES),
                "layer applications")


@pytest.mark.parametrize("name", FUNCTIONAL_FILES)
def test_functional_live_keras_agrees(name):
    sequential, functional = keras_live().run_corpus_file(CORPUS / name)
    assert functional == FUNCTIONAL_GOLDEN[name], "golden is stale: run python scripts/record_goldens.py"
    tally = compare_functional(name, functional)
    assert not tally.problems, "\n".join(tally.problems)
