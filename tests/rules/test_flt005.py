"""FLT005: labels the model's output and loss cannot take.

Offline: the loss rules (`flake8_flatten.rules.losses`) against every case measured in
real Keras 3 and Keras 2 (``tests/golden/flt005_losses.json``, by ``tests/flt005_grid.py``),
the issue's facts pinned one by one, and the rule on whole programs: what it says, and
where it stays silent.  The realistic scripts are in ``tests/diagnostics/*flt005*``
(checked by test_diagnostics.py); the live re-runs in test_flt005_live.py.
"""

from __future__ import annotations

import json

import pytest

from flake8_flatten.config import Options
from flake8_flatten.rules import losses as L

from .. import TESTS
from ..expect import findings, messages

GOLDEN = json.loads((TESTS / "golden" / "flt005_losses.json").read_text())
KERAS2 = Options(keras_version="2")
KERAS3 = Options(keras_version="3")


def ours(loss: str, out, labels, version: int = 3) -> str:
    info = L.loss_info(loss.split("(")[0], version)
    if info is None:
        return L.UNKNOWN
    # the grid's outputs are linear Dense layers: on logits only with from_logits=True
    logits = "from_logits=True" in loss if version == 2 else None
    return L.verdict(info, (L.BATCH,) + tuple(labels[1:]), (L.BATCH,) + tuple(out), version, logits)


def real(outcome: str) -> str:
    return L.OK if outcome == "ok" else L.REFUSED


def disagreements(part: str, version: int) -> list:
    return [(loss, metrics, out, labels, options, outcome)
            for loss, metrics, out, labels, options, outcome in GOLDEN[part]["results"]
            if not options.get("sample_weight")
            and ours(loss, out, labels, version) not in (L.UNKNOWN, real(outcome))]


def test_goldens_are_from_each_keras():
    assert GOLDEN["keras3"]["keras_version"].startswith("3.")
    assert GOLDEN["keras3"]["backend"] == "jax"
    assert GOLDEN["keras2"]["keras_version"].startswith("2.")


@pytest.mark.parametrize("part, version", [("keras3", 3), ("keras2", 2)])
def test_loss_rules_never_contradict_keras(part, version):
    assert disagreements(part, version) == []


@pytest.mark.parametrize("part, version, least", [("keras3", 3, 0.85), ("keras2", 2, 0.85)])
def test_loss_rules_decide_most_cases(part, version, least):
    """UNKNOWN is only for what depends on the batch size (or a Keras 2 activation)."""
    rows = [r for r in GOLDEN[part]["results"] if not r[4].get("sample_weight")
            and L.loss_info(r[0].split("(")[0], version) is not None]
    decided = [r for r in rows if ours(r[0], r[2], r[3], version) != L.UNKNOWN]
    assert len(decided) / len(rows) >= least


def test_sample_weights_never_lift_a_refusal():
    """A weight per sample only adds refusals (per-position losses): FLT005, which does not
    read sample_weight, stays precise."""
    rows = GOLDEN["keras3"]["results"]
    plain = {(r[0], tuple(r[2]), tuple(r[3])): r[5] for r in rows if r[1] is None and not r[4]}
    weighted = [r for r in rows if r[4].get("sample_weight")]
    assert len(weighted) > 200
    for loss, _, out, labels, _, outcome in weighted:
        if plain[(loss, tuple(out), tuple(labels))] != "ok":
            assert outcome != "ok", (loss, out, labels)


def test_from_logits_and_ignore_class_change_nothing():
    rows = GOLDEN["keras3"]["results"]
    by = {(r[0], tuple(r[2]), tuple(r[3])): real(r[5]) for r in rows if r[1] is None and not r[4]}
    for variant, plain in [("CategoricalCrossentropy(from_logits=True)", "categorical_crossentropy"),
                           ("SparseCategoricalCrossentropy(from_logits=True)", "sparse_categorical_crossentropy"),
                           ("SparseCategoricalCrossentropy(ignore_class=0)", "sparse_categorical_crossentropy"),
                           ("BinaryCrossentropy(from_logits=True)", "binary_crossentropy"),
                           ("MeanSquaredError()", "mse"), ("Huber(delta=2.0)", "huber")]:
        for (loss, out, labels), got in by.items():
            if loss == variant:
                assert got == by[(plain, out, labels)], (variant, out, labels)


def test_accuracy_metric_rule_agrees_with_keras():
    """metrics=["accuracy"]: our accuracy rule says the metric refuses exactly where Keras's
    error is the metric's (it is computed first)."""
    rows = GOLDEN["keras3"]["results"]
    plain = {(r[0], tuple(r[2]), tuple(r[3])): r[5] for r in rows if r[1] is None and not r[4]}
    checked = 0
    for loss, metrics, out, labels, options, outcome in rows:
        if not metrics:
            continue
        first = "metric" if outcome != "ok" and outcome[:40] != plain[(loss, tuple(out), tuple(labels))][:40] \
            else None
        yt, yp = (L.BATCH,) + tuple(labels[1:]), (L.BATCH,) + tuple(out)
        said = L.accuracy_verdict(L.accuracy_metric(yt, yp), yt, yp)
        if said == L.REFUSED:
            assert first == "metric", (loss, out, labels, outcome)
            checked += 1
        elif said == L.OK:
            assert first is None, (loss, out, labels, outcome)


#: The issue's measured facts (Keras 3.15, JAX): (loss, output, labels, Keras's outcome).
FACTS = [
    ("categorical_crossentropy", [10], [8], L.REFUSED),
    ("categorical_crossentropy", [10], [8, 1], L.REFUSED),
    ("sparse_categorical_crossentropy", [10], [8, 10], L.REFUSED),
    ("binary_crossentropy", [10], [8], L.REFUSED),
    ("binary_crossentropy", [1], [8], L.OK),
    ("mse", [1], [8], L.OK),
    ("mse", [1], [8, 3], L.OK),
    ("mse", [3], [8, 2], L.REFUSED),
    ("categorical_crossentropy", [5, 10], [8, 10], L.REFUSED),
    ("sparse_categorical_crossentropy", [5, 10], [8], L.REFUSED),
    ("mse", [5, 1], [8, 1], L.OK),
]


@pytest.mark.parametrize("loss, out, labels, want", FACTS)
def test_issue_facts_are_measured_and_followed(loss, out, labels, want):
    (row,) = [r for r in GOLDEN["keras3"]["results"]
              if r[0] == loss and r[1] is None and not r[4] and r[2] == out and r[3] == labels]
    assert real(row[5]) == want
    assert ours(loss, out, labels) == want


# -- the rule on programs ------------------------------------------------------------------

HEAD = """import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 20)
model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(10, activation="softmax")])
"""


def test_message_names_loss_labels_output_and_fix():
    source = HEAD + ('model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
                     'model.fit(x, np.random.randint(0, 10, size=(64,)))\n')
    assert findings(source, "FLT005") == [(8, 0, "FLT005")]
    (message,) = messages(source, "FLT005")
    assert "labels of shape (64,)" in message and "(None, 10)" in message
    assert "categorical_crossentropy" in message
    assert 'sparse_categorical_crossentropy' in message and "to_categorical(y, 10)" in message


def test_one_hot_with_sparse_says_categorical():
    (message,) = messages(HEAD + 'model.compile("adam", keras.losses.SparseCategoricalCrossentropy())\n'
                                 'model.fit(x, keras.utils.to_categorical(np.zeros(64), 10))\n', "FLT005")
    assert 'categorical_crossentropy' in message and "one-hot" in message


def test_units_must_equal_classes():
    (message,) = messages(HEAD + 'model.compile(loss="categorical_crossentropy", optimizer="adam")\n'
                                 'model.fit(x, keras.utils.to_categorical(np.zeros(64), 3))\n', "FLT005")
    assert "Dense(3)" in message


def test_missing_flatten_points_at_the_flt001_site():
    source = """import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.zeros((32, 28, 28, 1)), np.zeros((32,)))
"""
    assert findings(source, "FLT005") == [(11, 0, "FLT005")]
    (message,) = messages(source, "FLT005")
    assert "Flatten()" in message and "line 8 (FLT001)" in message


def test_accuracy_metric_is_named_when_it_refuses_first():
    source = HEAD.replace("Dense(10", "Dense(3") + (
        'model.compile("adam", "categorical_crossentropy", metrics=["accuracy"])\n'
        'model.fit(x, np.zeros((64, 4, 3)))\n')
    (message,) = messages(source, "FLT005")
    assert "refuses them already" in message and "categorical_accuracy" in message


def test_cardinality():
    (message,) = messages(HEAD + 'model.compile(optimizer="adam", loss="mse")\n'
                                 'model.fit(x[:50], np.zeros((64, 10)))\n', "FLT005")
    assert "50 samples" in message and "64" in message


@pytest.mark.parametrize("tail", [
    # a near miss Keras accepts: mse broadcasts
    'model.compile(optimizer="adam", loss="mse")\nmodel.fit(x, np.zeros((64, 1)))\n',
    # compile in a branch
    'if FLAG:\n    model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
    'model.fit(x, np.zeros((64,)))\n',
    # two compiles with different losses
    'model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
    'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")\n'
    'model.fit(x, np.zeros((64,)))\n',
    # a custom loss, a loss held in a variable we cannot see
    'def my_loss(y, p):\n    return (y - p) ** 2\n'
    'model.compile(optimizer="adam", loss=my_loss)\nmodel.fit(x, np.zeros((64,)))\n',
    'model.compile(optimizer="adam", loss=LOSS)\nmodel.fit(x, np.zeros((64,)))\n',
    # labels of unknown shape
    'model.compile(optimizer="adam", loss="categorical_crossentropy")\nmodel.fit(x, load_labels())\n',
    # no compile seen
    'model.fit(x, np.zeros((64,)))\n',
    # the third positional argument is loss_weights in Keras 3, not metrics
    'model.compile("adam", "sparse_categorical_crossentropy", None, ["accuracy"])\n'
    'model.fit(x, np.zeros((64,)))\n',
    # depends on the batch size: (b,) against (b, 10) broadcasts when b is 10
    'model.compile(optimizer="adam", loss="mse")\nmodel.fit(x, np.zeros((64,)))\n',
    # a loss argument that is not modelled (another class axis)
    'model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(axis=1))\n'
    'model.fit(x, np.zeros((64,)))\n',
    # compiled after the fit
    'model.fit(x, np.zeros((64,)))\nmodel.compile(optimizer="adam", loss="categorical_crossentropy")\n',
])
def test_silent(tail):
    assert findings(HEAD + tail, "FLT005") == []


def test_data_that_flt003_refuses_is_left_to_it():
    source = HEAD + ('model.compile(optimizer="adam", loss="categorical_crossentropy")\n'
                     'model.fit(np.zeros((64, 7)), np.zeros((64,)))\n')
    assert findings(source) == [(8, 0, "FLT003")]


def test_multi_output_model_is_silent():
    source = """import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(8,))
a = layers.Dense(1, name="a")(inputs)
b = layers.Dense(3, name="b")(inputs)
model = keras.Model(inputs, [a, b])
model.compile(optimizer="adam", loss=["mse", "categorical_crossentropy"])
model.fit(np.zeros((16, 8)), np.zeros((16,)))
"""
    assert findings(source, "FLT005") == []


# -- Keras 2 -----------------------------------------------------------------------------

BCE_TEN_UNITS = HEAD + 'model.compile(optimizer="adam", loss="binary_crossentropy")\n' \
                       'model.fit(x, np.zeros((64,)))\n'
CCE_IDS = HEAD + 'model.compile(optimizer="adam", loss="categorical_crossentropy")\n' \
                 'model.fit(x, np.zeros((64,)))\n'


def test_keras2_binary_crossentropy_broadcasts_on_a_linear_output():
    """tf-keras: (n,) labels become (n, 1) and binary_crossentropy broadcasts them against a
    linear (None, 10) output (measured: it trains); Keras 3 refuses.  On a sigmoid/softmax
    output tf-keras works on the recovered logits and refuses (measured: the diagnostics
    scripts flt005_sentiment_binary_two_units.py, flt005_multilabel_binary_ids.py)."""
    row = [r for r in GOLDEN["keras2"]["results"]
           if r[0] == "binary_crossentropy" and r[2] == [10] and r[3] == [8]]
    assert row and row[0][5] == "ok"
    linear = BCE_TEN_UNITS.replace(', activation="softmax"', "")
    assert findings(linear, "FLT005", options=KERAS2) == []
    assert findings(linear, "FLT005", options=KERAS3) == [(8, 0, "FLT005")]
    assert findings(BCE_TEN_UNITS, "FLT005", options=KERAS2) == [(8, 0, "FLT005")]


def test_keras2_categorical_crossentropy_refuses_class_ids_too():
    row = [r for r in GOLDEN["keras2"]["results"]
           if r[0] == "categorical_crossentropy" and r[2] == [10] and r[3] == [8]]
    assert row and row[0][5] != "ok"
    assert findings(CCE_IDS, "FLT005", options=KERAS2) == [(8, 0, "FLT005")]


def test_crossentropy_is_resolved_on_the_shapes_in_keras3_only():
    """Keras 3 reads "crossentropy" (any case) as the cross-entropy the shapes suggest;
    Keras 2 does not know the name (its error is not about shapes)."""
    ids = HEAD + 'model.compile(optimizer="adam", loss="CrossEntropy")\nmodel.fit(x, np.zeros((64,)))\n'
    assert findings(ids, "FLT005", options=KERAS3) == []  # read as sparse_categorical_crossentropy: it trains
    wrong = HEAD + 'model.compile(optimizer="adam", loss="crossentropy")\n' \
                   'model.fit(x, keras.utils.to_categorical(np.zeros(64), 4))\n'
    (message,) = messages(wrong, "FLT005", options=KERAS3)
    assert "read by Keras as categorical_crossentropy" in message
    assert findings(wrong, "FLT005", options=KERAS2) == []


#: Keras 3's train_on_batch/test_on_batch: no cardinality check, the loss sees the arrays as
#: they are (batch sizes known).  Measured (test_flt005_live.py re-runs it): lines 6, 15 and 18
#: raise, 9, 12 and 21 run.
ON_BATCH = """import numpy as np
import keras
from keras import layers
m0 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
m0.compile("sgd", "mse")
m0.train_on_batch(np.zeros((10, 4)), np.zeros((8,)))
m1 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(1)])
m1.compile("sgd", "mse")
m1.train_on_batch(np.zeros((10, 4)), np.zeros((1,)))
m2 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8)])
m2.compile("sgd", "mse")
m2.train_on_batch(np.zeros((8, 4)), np.zeros((8,)))
m3 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)])
m3.compile("sgd", "mse")
m3.train_on_batch(np.zeros((8, 4)), np.zeros((8,)))
m4 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)])
m4.compile("sgd", "sparse_categorical_crossentropy")
m4.test_on_batch(np.zeros((10, 4)), np.zeros((8,)))
m5 = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(3)])
m5.compile("sgd", "sparse_categorical_crossentropy")
m5.train_on_batch(np.zeros((10, 4)), np.zeros((10,)))
"""
ON_BATCH_REFUSED = {6, 15, 18}
ON_BATCH_RUNS = {9, 12, 21}


def test_on_batch_sizes_are_the_arrays_own():
    assert findings(ON_BATCH, "FLT005", options=KERAS3) == [(line, 0, "FLT005") for line in sorted(ON_BATCH_REFUSED)]
