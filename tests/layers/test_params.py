"""Parameter counts: the static count is Keras's ``count_params()``, or unknown.

Layer by layer against the recorded goldens (every layer case Keras builds), with
extra weight-specific cases, small models and the whole model corpus re-checked
against live Keras; a count is None wherever a size it needs is unknown, never a guess.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from flake8_flatten.discovery import discover
from flake8_flatten.model import UNKNOWN, LayerCall
from flake8_flatten.shapes.weights import count_params
from flake8_flatten.summary import format_table, summarize

from .. import TESTS
from ..cases import Case, all_cases, layer
from ..conftest import keras_live

GOLDEN = json.loads((TESTS / "golden" / "layer_shapes.json").read_text())["cases"]
CASES = all_cases()
BUILT = [case for case in CASES if "error" not in GOLDEN[case.id]]
#: Measured: 324 of the 324 cases Keras builds have a static count.
MIN_COVERAGE = 0.97


def static_count(case):
    return count_params(case.call, case.input_shape)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_static_count_is_keras_golden(case):
    golden = GOLDEN[case.id]
    count = static_count(case)
    if "error" in golden:
        assert count is None, f"Keras refuses ({golden['error']}) but we count {count}"
    elif count is not None:
        assert count == golden["params"]


def test_most_built_cases_have_a_count():
    counted = sum(static_count(case) is not None for case in BUILT)
    assert counted >= MIN_COVERAGE * len(BUILT), f"only {counted} of {len(BUILT)} counted"


#: Weight-specific variations the shape cases do not exercise (checked live).
PARAM_CASES = [
    Case(layer("Conv2D", 8, 3, use_bias=False), (None, 9, 9, 4)),
    Case(layer("Conv3D", 4, (2, 3, 1), groups=2), (None, 6, 6, 6, 6)),
    Case(layer("Conv1DTranspose", 5, 3, use_bias=False, data_format="channels_first"), (None, 7, 9)),
    Case(layer("DepthwiseConv1D", 3, depth_multiplier=4, use_bias=False), (None, 10, 6)),
    Case(layer("SeparableConv2D", 7, (3, 2), depth_multiplier=2, use_bias=False), (None, 9, 9, 5)),
    Case(layer("LSTM", 6, use_bias=False), (None, 4, 3)),
    Case(layer("GRU", 5, reset_after=True, use_bias=False), (None, 4, 3)),
    Case(layer("ConvLSTM1D", 3, 2, use_bias=False, data_format="channels_first"), (None, 4, 2, 8)),
    Case(layer("Bidirectional", layer("GRU", 3, reset_after=False)), (None, 4, 6)),
    Case(layer("TimeDistributed", layer("Conv1D", 4, 2)), (None, 3, 8, 5)),
    Case(layer("BatchNormalization", center=False, scale=False), (None, 6)),
    Case(layer("BatchNormalization", axis=2), (None, 3, 5, 7)),
    Case(layer("LayerNormalization", axis=[1, 2], center=False), (None, 3, 4)),
    Case(layer("GroupNormalization", 3, axis=1), (None, 6, 5)),
    Case(layer("PReLU", shared_axes=[1, 2]), (None, 5, 5, 3)),
    Case(layer("PReLU", shared_axes=2), (None, 5, 4)),
    Case(layer("Normalization"), (None, 4, 3)),
    Case(layer("Normalization", axis=(1, 2)), (None, 4, 3)),
    Case(layer("Normalization", mean=1.0, variance=2.0), (None, 4)),
    Case(layer("Embedding", 7, 3, mask_zero=True), (None, 5)),
    Case(layer("EinsumDense", "abc,cde->abde", (None, 2, 3), bias_axes="de"), (None, 4, 5)),
    Case(layer("MultiHeadAttention", 3, 4, value_dim=2, output_shape=5, use_bias=False),
         ((None, 6, 7), (None, 8, 9), (None, 8, 10))),
    Case(layer("Dense", 4, lora_rank=2), (None, 8)),
    Case(layer("MultiHeadAttention", 2, 4, use_gate=True), ((None, 3, 4), (None, 3, 4))),
]


@pytest.mark.parametrize("case", PARAM_CASES, ids=[c.id for c in PARAM_CASES])
def test_live_keras_counts_weight_variations(case):
    live = keras_live().case_outcome(case)
    assert "params" in live, f"Keras refuses the case: {live}"
    count = static_count(case)
    if case.call.kwarg("lora_rank") or case.call.kwarg("use_gate"):
        assert count is None, "weights we do not model must leave the count unknown"
    else:
        assert count == live["params"]


@pytest.mark.parametrize("case", [c for c in BUILT if GOLDEN[c.id]["params"]],
                         ids=[c.id for c in BUILT if GOLDEN[c.id]["params"]])
def test_live_keras_counts_agree_with_the_golden(case):
    """The layers with weights, re-built now (the golden could be stale)."""
    assert keras_live().case_outcome(case)["params"] == GOLDEN[case.id]["params"]


@pytest.mark.parametrize("call, shape", [
    (layer("Dense", 4), (None, 3, None)),  # the kernel needs the input size
    (layer("Dense", UNKNOWN), (None, 8)),
    (layer("Conv2D", 8, 3, data_format=UNKNOWN), (None, 9, 9, 3)),
    (layer("Conv2D", 8, 3), (None, 9, 9, None)),
    (layer("LSTM", 4, use_bias=UNKNOWN), (None, 5, 3)),
    (layer("GRU", 4, reset_after=UNKNOWN), (None, 5, 3)),
    (layer("BatchNormalization", center=UNKNOWN), (None, 5)),
    (layer("PReLU", shared_axes=UNKNOWN), (None, 5)),
    (layer("Normalization", mean=UNKNOWN, variance=1.0), (None, 5)),
    (layer("Bidirectional", UNKNOWN), (None, 5, 3)),
    (layer("TimeDistributed", layer("Dense", 2, lora_rank=1)), (None, 5, 3)),
    (layer("Embedding", 10, UNKNOWN), (None, 5)),
    (LayerCall("MyLayer", is_keras=False), (None, 5)),
    (layer("Dense", 4), None),
])
def test_unknown_sizes_or_arguments_give_no_count(call, shape):
    assert count_params(call, shape) is None


# --- whole models ------------------------------------------------------------------

MODELS = {
    "siamese": """
import keras
from keras import layers

encoder = keras.Sequential([layers.Dense(8), layers.Dense(4)])
left = keras.Input((10,))
right = keras.Input((10,))
project = layers.Dense(10, name="project")
merged = layers.Concatenate()([encoder(project(left)), encoder(project(right))])
model = keras.Model([left, right], layers.Dense(1)(merged))
""",
    "cnn": """
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(8, 3, use_bias=False),
    layers.BatchNormalization(),
    layers.MaxPool2D(),
    layers.SeparableConv2D(16, 3, padding="same"),
    layers.DepthwiseConv2D(3),
    layers.Conv2DTranspose(4, 2, strides=2),
    layers.Dropout(0.2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
""",
    "text": """
import keras
from keras import layers

tokens = keras.Input((20,))
x = layers.Embedding(1000, 16)(tokens)
x = layers.Bidirectional(layers.LSTM(8, return_sequences=True))(x)
x = layers.LayerNormalization()(x)
x = layers.MultiHeadAttention(2, 4)(x, x)
x = layers.GRU(6, reset_after=False, return_sequences=True)(x)
x = layers.TimeDistributed(layers.Dense(3))(x)
model = keras.Model(tokens, x)
""",
    "nested": """
import keras
from keras import layers

inner_in = keras.Input((6,))
inner = keras.Model(inner_in, layers.Dense(3)(layers.Dense(5)(inner_in)))
outer_in = keras.Input((6,))
model = keras.Model(outer_in, layers.Add()([inner(outer_in), inner(outer_in)]))
""",
}


def last_model(source: str) -> dict:
    """The summary of the model a snippet builds last (each builds ``model`` last)."""
    return summarize(discover(source)[-1], "<test>")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_model_total_counts_each_layer_object_once(name):
    record = last_model(MODELS[name])
    layers = record["layers"]
    assert all(row["params"] is not None for row in layers)
    firsts = [row["params"] for row in layers if "same_layer_as" not in row]
    assert record["total_params"] == sum(firsts)
    for row in layers:
        if "same_layer_as" in row:
            first = layers[row["same_layer_as"]]
            assert (first["class"], first["params"]) == (row["class"], row["params"])


def test_shared_layer_and_submodel_are_marked():
    layers = last_model(MODELS["siamese"])["layers"]
    shared = [(row["class"], layers[row["same_layer_as"]]["class"])
              for row in layers if "same_layer_as" in row]
    assert shared == [("Dense", "Dense"), ("Sequential", "Sequential")]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_live_keras_model_counts(name):
    keras = keras_live().keras
    namespace: dict = {}
    exec(compile(MODELS[name], f"<{name}>", "exec"), namespace)  # our own test data
    record = last_model(MODELS[name])
    assert record["total_params"] == namespace["model"].count_params()
    built = {layer.name: layer.count_params() for layer in namespace["model"].layers
             if not isinstance(layer, keras.layers.InputLayer)}
    named = {row["name"]: row["params"] for row in record["layers"] if row["name"]}
    assert named == {key: built[key] for key in named}


CORPUS = TESTS / "models"
#: Measured: 127 of the 133 models the corpus builds in Keras have a static total.
MIN_MODEL_COVERAGE = 0.9


def keras_model_counts(live, path: Path, monkeypatch) -> dict:
    """``(line, col)`` of each model a corpus file (our own test data) builds ->
    ``model.count_params()``: Sequentials through the recorder, functional models
    at the ``Model(`` call that creates them."""
    from keras.src.models.functional import Functional

    counts = {}
    target, record, init = str(path.resolve()), live._model_record, Functional.__init__

    def sequential_record(site, model):
        if model.built:
            counts[tuple(site)] = model.count_params()
        return record(site, model)

    def functional_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != target:
            frame = frame.f_back
        if frame is not None and not isinstance(self, live.keras.Sequential):
            counts[live._position_in(path, frame)] = self.count_params()

    monkeypatch.setattr(live, "_model_record", sequential_record)
    monkeypatch.setattr(Functional, "__init__", functional_init)
    live.run_corpus_file(path)
    return counts


def test_live_keras_model_counts_over_the_corpus(monkeypatch):
    live = keras_live()
    compared = built = 0
    for path in sorted(CORPUS.glob("*.py")):
        keras_counts = keras_model_counts(live, path, monkeypatch)
        for model in discover(path.read_text()):
            site = (model.line, model.col)
            if site not in keras_counts:
                continue
            built += 1
            total = summarize(model, str(path))["total_params"]
            if total is not None:
                compared += 1
                assert total == keras_counts[site], f"{path.name}:{site[0]}"
    assert compared >= MIN_MODEL_COVERAGE * built, f"only {compared} of {built} models counted"


def test_unknown_layer_or_truncated_model_has_no_total():
    unknown = last_model("""
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(3), MyLayer(), layers.Dense(2)])
""")
    assert unknown["total_params"] is None and unknown["layers"][1]["params"] is None
    assert unknown["layers"][0]["params"] is not None
    truncated = last_model("""
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
if flag:
    model.add(layers.Dense(2))
""")
    assert truncated["layers"][0]["params"] is not None and truncated["total_params"] is None


def test_table_has_param_column_and_total():
    record = last_model(MODELS["siamese"])
    table = format_table([record])
    lines = table.splitlines()
    header = lines[1]
    assert header.split()[:6] == ["Layer", "(type)", "Output", "Shape", "Param", "#"]
    assert "Connected to" in header
    assert f"Total params: {record['total_params']:,}" in table
    assert "project (Dense)" in table and "shared" in table
    assert "input_layer (InputLayer)" in table and "input_layer_1 (InputLayer)" in table
    param_end = header.index("Param #") + len("Param #")
    for line in lines[3:3 + 2 + len(record["layers"])]:
        assert line[param_end - 1] != " ", f"Param # is right-aligned: {line!r}"
