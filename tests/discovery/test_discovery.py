"""Discovery: every common spelling of a Sequential model, and the code we must not guess."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from flake8_flatten.discovery import discover
from flake8_flatten.rules import lint

from ..expect import findings, messages

# (imports, Sequential callee, layers prefix or a Dense alias mapping)
SPELLINGS = {
    "keras.models": ("from keras.models import Sequential\nfrom keras.layers import Dense, Activation",
                     "Sequential", "Dense", "Activation"),
    "keras": ("import keras", "keras.Sequential", "keras.layers.Dense", "keras.layers.Activation"),
    "keras.models.Sequential": ("import keras", "keras.models.Sequential", "keras.layers.Dense",
                                "keras.layers.Activation"),
    "tf.keras": ("import tensorflow as tf", "tf.keras.Sequential", "tf.keras.layers.Dense",
                 "tf.keras.layers.Activation"),
    "tensorflow.keras": ("import tensorflow.keras", "tensorflow.keras.Sequential",
                         "tensorflow.keras.layers.Dense", "tensorflow.keras.layers.Activation"),
    "from tensorflow import keras": ("from tensorflow import keras", "keras.models.Sequential",
                                     "keras.layers.Dense", "keras.layers.Activation"),
    "tensorflow.keras layers": ("from tensorflow.keras import layers\nfrom tensorflow.keras.models import Sequential",
                                "Sequential", "layers.Dense", "layers.Activation"),
    "Dense as D": ("from keras.layers import Dense as D, Activation as A\nfrom keras import Sequential as S",
                   "S", "D", "A"),
    "keras.layers as L": ("import keras.layers as L\nimport keras", "keras.Sequential", "L.Dense", "L.Activation"),
    "star import": ("from keras.layers import *\nfrom keras.models import Sequential", "Sequential", "Dense",
                    "Activation"),
}


def add_form(imports, seq, dense, act):
    return f"""{imports}
model = {seq}()
model.add({dense}(16, input_shape=(3, 2)))
model.add({act}('relu'))
model.add({dense}(4))
"""


def list_form(imports, seq, dense, act):
    return f"""{imports}
model = {seq}([
    {dense}(16, input_shape=(3, 2)),
    {act}('relu'),
    {dense}(4),
])
"""


def dense16_line(source):
    return next(i for i, line in enumerate(source.splitlines(), 1) if "(16," in line)


@pytest.mark.parametrize("form", [add_form, list_form])
@pytest.mark.parametrize("spelling", SPELLINGS, ids=list(SPELLINGS))
def test_every_spelling_reports_on_the_dense16_line(spelling, form):
    source = form(*SPELLINGS[spelling])
    column = {add_form: 10, list_form: 4}[form]  # where the Dense(16, ...) call starts
    assert findings(source) == [(dense16_line(source), column, "FLT001")]


@pytest.mark.parametrize("spelling", SPELLINGS, ids=list(SPELLINGS))
def test_every_spelling_shapes(spelling):
    (model,) = discover(add_form(*SPELLINGS[spelling]))
    from flake8_flatten.summary import summarize

    record = summarize(model, "m.py")
    assert [layer["output_shape"] for layer in record["layers"]] == [[None, 3, 16], [None, 3, 16], [None, 3, 4]]


def test_spellings_through_flake8_files_jobs_and_stdin(tmp_path):
    expected = []
    for i, spelling in enumerate(SPELLINGS):
        source = add_form(*SPELLINGS[spelling])
        (tmp_path / f"m{i}.py").write_text(source)
        expected.append(f"{tmp_path}/m{i}.py:{dense16_line(source)}:11")
    out = subprocess.run([sys.executable, "-m", "flake8", "--select", "FLT", "--jobs", "2", str(tmp_path)],
                         capture_output=True, text=True).stdout.splitlines()
    assert sorted(line.split(": ")[0] for line in out) == sorted(expected)
    for spelling in SPELLINGS:
        source = list_form(*SPELLINGS[spelling])
        out = subprocess.run([sys.executable, "-m", "flake8", "--select", "FLT", "-"], input=source,
                             capture_output=True, text=True).stdout
        assert out.startswith(f"stdin:{dense16_line(source)}:5: FLT001") and out.count("FLT001") == 1


INPUTS = {
    "input_shape": "Sequential([layers.Dense(16, input_shape=(3, 2)), layers.Dense(4)])",
    "Input first": "Sequential([keras.Input(shape=(3, 2)), layers.Dense(16), layers.Dense(4)])",
    "layers.Input": "Sequential([layers.Input((3, 2)), layers.Dense(16), layers.Dense(4)])",
    "InputLayer input_shape": "Sequential([layers.InputLayer(input_shape=(3, 2)), layers.Dense(16), layers.Dense(4)])",
    "InputLayer shape": "Sequential([layers.InputLayer(shape=(3, 2)), layers.Dense(16), layers.Dense(4)])",
    "layers=": "Sequential(layers=[layers.Dense(16, input_shape=(3, 2)), layers.Dense(4)])",
}


@pytest.mark.parametrize("spelling", INPUTS, ids=list(INPUTS))
def test_input_spellings(spelling):
    source = f"import keras\nfrom keras import Sequential, layers\nmodel = {INPUTS[spelling]}\n"
    (model,) = discover(source)
    assert model.input_shape == (None, 3, 2)
    assert [c.kind for c in model.layers] == ["Dense", "Dense"]


def test_build_and_batch_shapes():
    source = textwrap.dedent("""
        from keras import Sequential, layers
        a = Sequential([layers.Dense(16), layers.Dense(4)])
        a.build((None, 3, 2))
        b = Sequential([layers.Dense(4, batch_input_shape=(8, 3, 2))])
        c = Sequential([layers.InputLayer(batch_shape=(8, 5))])
        d = Sequential([layers.Dense(4, input_dim=5)])
    """)
    from flake8_flatten.config import Options

    shapes = [m.input_shape for m in discover(source, options=Options(keras_version="2"))]
    assert shapes == [(None, 3, 2), (8, 3, 2), (8, 5), (None, 5)]
    # Keras 3 refuses batch_input_shape= on a layer: declared, but nothing to claim
    shapes = [m.input_shape for m in discover(source, options=Options(keras_version="3"))]
    assert shapes == [(None, 3, 2), None, (8, 5), (None, 5)]


def test_constants_arithmetic_tuples_and_loops():
    source = textwrap.dedent("""
        import keras
        from keras import layers
        IMG = 28
        CHANNELS = 1
        SHAPE = (IMG, IMG, CHANNELS)
        H, W = 6, 4

        def build(units):
            half = IMG // 2
            model = keras.Sequential()
            model.add(layers.Input(SHAPE))
            for filters in [8, 16]:
                model.add(layers.Conv2D(filters, 3))
            for _ in range(2):
                model.add(layers.Dense(half))
            model.add(layers.Dense(units))
            model.add(layers.Reshape((H * W,) + (-1,)))
            return model
    """)
    (model,) = discover(source)
    assert model.input_shape == (None, 28, 28, 1)
    assert [c.kind for c in model.layers] == ["Conv2D", "Conv2D", "Dense", "Dense", "Dense", "Reshape"]
    assert [c.args[0] for c in model.layers[:4]] == [8, 16, 14, 14]
    assert model.layers[4].args[0] is not None and not isinstance(model.layers[4].args[0], int)
    assert model.layers[5].args[0] == (24, -1)


def test_unknowns_are_never_guessed():
    source = textwrap.dedent("""
        import keras, sys
        N = 3
        N = 4
        M = int(sys.argv[1])
        A = B
        B = A
        model = keras.Sequential([keras.layers.Dense(N, input_shape=(M, A)), keras.layers.Dense(N + 1)])
    """)
    (model,) = discover(source)
    assert model.input_shape == (None, None, None)
    assert [isinstance(c.args[0], int) for c in model.layers] == [False, False]


def test_not_keras_is_not_a_model():
    source = textwrap.dedent("""
        import imgaug.augmenters as iaa
        from torch.nn import Sequential, Linear
        keras_ok = True
        a = iaa.Sequential([iaa.Fliplr(0.5)])
        b = Sequential(Linear(3, 4))
    """)
    assert discover(source) == []


def test_local_definition_shadows_import():
    source = textwrap.dedent("""
        from keras.layers import Dense
        from keras import Sequential
        class Dense:  # the file's own Dense
            pass
        model = Sequential([Dense(16, input_shape=(3, 2))])
    """)
    (model,) = discover(source)
    assert model.layers[0].is_keras is False and model.input_shape is None


def test_conditional_add_truncates_and_later_layers_are_unknown():
    source = textwrap.dedent("""
        import keras, sys
        model = keras.Sequential([keras.layers.Input((4, 4, 3)), keras.layers.Conv2D(8, 3)])
        if sys.argv:
            model.add(keras.layers.Flatten())
        model.add(keras.layers.Dense(2))
    """)
    (model,) = discover(source)
    assert model.truncated and findings(source) == []


def test_layer_objects_bound_to_names():
    source = textwrap.dedent("""
        import keras
        hidden = keras.layers.Dense(16, input_shape=(3, 2))
        model = keras.Sequential([hidden, keras.layers.Dense(4)])
    """)
    assert findings(source) == [(3, 9, "FLT001")]


@pytest.mark.parametrize("source", [
    "import keras\nSequential = 1\n",
    "import keras\nx = keras.Sequential([keras.layers.Dense(",
    "keras = 1\nkeras.Sequential([keras.layers.Dense(2)])\n",
    "import keras\nm = keras.Sequential([keras.layers.Dense(10**10**10, input_shape=(2, 3))])\n",
    "import keras\nm = keras.Sequential([keras.layers.Dense('x', input_shape='bad')])\n",
    "import keras\nm = keras.Sequential(*[keras.layers.Dense(2)])\n",
    "import keras\nm = keras.Sequential([keras.layers.Dense(2, input_shape=(-3, 0))])\n",
    "import keras\nm = keras.Sequential([keras.layers.Dense(**kw, input_shape=(3, 2))])\n",
    "import keras\nm = keras.Sequential([keras.layers.TimeDistributed(keras.layers.Dense(2), input_shape=(3,))])\n",
    "import keras\nm = keras.Sequential([keras.layers.Dense(2, input_shape=(" + "(" * 200 + "1" + ")" * 200 + ", 2))])\n",
])
def test_odd_code_never_raises(source):
    lint(source)  # any exception fails the test


def test_embedding_input_dim_is_the_vocabulary_not_an_input():
    source = "import keras\nm = keras.Sequential([keras.layers.Embedding(input_dim=1000, output_dim=8)])\n"
    (model,) = discover(source)
    assert model.input_shape is None


def test_variable_length_raw_axis_is_a_sequence_axis_not_a_finding():
    source = "import keras\nm = keras.Sequential([keras.layers.Dense(10, input_shape=(None, 5)), keras.layers.Dense(3)])\n"
    assert findings(source) == []


def test_unknown_spatial_sizes_suggest_global_pooling_not_flatten():
    source = textwrap.dedent("""
        import keras
        m = keras.Sequential([keras.Input((None, None, 3)), keras.layers.Conv2D(8, 3), keras.layers.Dense(2)])
    """)
    assert findings(source) == [(3, 79, "FLT001")]
    (message,) = messages(source)
    assert "GlobalAveragePooling2D()" in message and "Flatten" not in message


def test_training_loops_are_not_unrolled_and_do_not_hide_the_model():
    source = textwrap.dedent("""
        import keras
        model = keras.Sequential([keras.layers.Dense(16, input_shape=(3, 2)), keras.layers.Dense(4)])
        for epoch in range(60):
            model.fit(x, y)
            for diversity in [0.2, 0.5, 1.0, 1.2]:
                for i in range(400):
                    preds = model.predict(x)
    """)
    import time

    start = time.perf_counter()
    assert findings(source) == [(3, 26, "FLT001")]
    assert time.perf_counter() - start < 0.5


def test_nested_unrolling_has_one_budget():
    source = textwrap.dedent("""
        import keras
        model = keras.Sequential([keras.Input((3, 2))])
        for a in range(1000):
            for b in range(1000):
                model.add(keras.layers.Dense(4))
    """)
    (model,) = discover(source)
    assert model.truncated
