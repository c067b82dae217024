"""Reach (issue 10): code as people paste and write it.  Each test lints a snippet and
compares ``(line, col, code)`` lists, or the message a finding states.  The corpora of
``tests/reach`` and ``tests/reach_holdout`` (checked in real Keras) measure the same
on realistic files; these pin each construct down."""

from __future__ import annotations

import textwrap

import pytest

from flake8_flatten.config import Options
from flake8_flatten.discovery import discover, may_define_models

from ..expect import findings, messages


QUESTION = """\
model = Sequential()
model.add(Dense(16, input_shape=(3, 2)))
model.add(Activation('relu'))
model.add(Dense(4))
model.compile(loss='mean_squared_error', optimizer='SGD')
x = np.array([[[1, 2], [3, 4], [5, 6]]])
y = model.predict(x)
print(y.shape)
"""


def test_the_question_pasted_without_imports_is_found():
    assert findings(QUESTION) == [(2, 10, "FLT001")]


def test_the_answer_pasted_without_imports_is_clean():
    answer = QUESTION.replace("model.add(Dense(16, input_shape=(3, 2)))",
                              "model.add(Flatten(input_shape=(3, 2)))\nmodel.add(Dense(16))")
    assert findings(answer) == []


@pytest.mark.parametrize("binding", [
    "class Dense:\n    def __init__(self, *a, **k): pass\n",
    "from flax.linen import Dense\n",
    "from torch.nn import Linear as Dense\n",
    "Dense = make_layer\n",
    "def Sequential():\n    return []\n",
])
def test_names_the_file_binds_to_something_else_are_not_keras(binding):
    assert findings(binding + QUESTION) == []


def test_a_star_import_of_another_framework_keeps_bare_names_unknown():
    assert findings("from tflearn.layers.core import *\n" + QUESTION) == []


def test_a_star_import_of_an_unknown_module_is_taken_as_keras():
    assert findings("from helpers import *\n" + QUESTION) == [(3, 10, "FLT001")]


def test_assume_keras_off_reads_bare_names_as_unknown():
    off = Options(assume_keras=False)
    assert findings(QUESTION, options=off) == []
    assert not may_define_models(QUESTION, assume_keras=False)
    assert may_define_models(QUESTION, assume_keras=True)


def test_text_without_keras_or_a_bare_model_call_costs_no_walk():
    assert not may_define_models("class Article(models.Model):\n    title = 1\n")


@pytest.mark.parametrize("prelude, spelling", [
    ("import tensorflow as tf\nL = tf.keras.layers\n", "L."),
    ("from tensorflow import keras\nlayers = keras.layers\n", "layers."),
    ("import tensorflow as tf\ntfk = tf.keras\ntfkl = tfk.layers\n", "tfkl."),
    ("import tensorflow.keras.layers as KL\n", "KL."),
    ("from keras import layers\nConv2D, Dense = layers.Conv2D, layers.Dense\n", ""),
])
def test_aliases_made_by_assignment(prelude, spelling):
    source = prelude + (f"m = keras.Sequential([{spelling}Conv2D(8, 3, input_shape=(28, 28, 1)), "
                        f"{spelling}Dense(10)])\n")
    line = source.splitlines()[-1]
    assert findings(source) == [(len(prelude.splitlines()) + 1, line.index(f"{spelling}Dense(10)"), "FLT001")]
    [model] = discover(textwrap.dedent(source))
    assert [layer.kind for layer in model.layers] == ["Conv2D", "Dense"]


def test_an_alias_bound_twice_is_unknown():
    source = """\
    import tensorflow as tf
    L = tf.keras.layers
    L = other_layers
    m = tf.keras.Sequential([L.Conv2D(8, 3, input_shape=(28, 28, 1)), L.Dense(10)])
    """
    assert findings(source) == []


@pytest.mark.parametrize("data, declared", [
    ("X = np.random.random((300, 7, 4))", "(X.shape[1], X.shape[2])"),
    ("X = np.zeros((10, 28, 28)).reshape(-1, 7, 112)", "X.shape[1:]"),
    ("X = np.expand_dims(np.ones((5, 3, 4)), -1)[:, :, :, 0]", "X[0].shape"),
    ("X = np.ones((9, 3, 4)) / 255.0", "X.shape[-2:]"),
    ("X = np.concatenate([np.ones((4, 3, 2)), np.ones((6, 3, 2))])", "X.shape[1:]"),
    ("X, _, _, _ = train_test_split(np.ones((50, 3, 2)), np.ones(50))", "X.shape[1:]"),
    ("X = np.ones((9, 3, 2))[..., np.newaxis][:, :, :, 0]", "X.shape[1:]"),
])
def test_shapes_from_data(data, declared):
    source = f"""\
    import numpy as np
    from sklearn.model_selection import train_test_split
    from keras.models import Sequential
    from keras.layers import Dense
    {data}
    model = Sequential()
    model.add(Dense(32, input_shape={declared}))
    model.add(Dense(1))
    """
    assert findings(source) == [(7, 10, "FLT001")]


@pytest.mark.parametrize("load, reshape, flagged", [
    ("(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()",
     "x_train = x_train.reshape(-1, 28, 28, 1).astype('float32') / 255", True),
    ("(x_train, y_train), _ = keras.datasets.cifar10.load_data()", "x_train = x_train / 255.0", True),
    ("(x_train, y_train), _ = keras.datasets.mnist.load_data()",
     "x_train = x_train.reshape(60000, 784)", False),
])
def test_keras_datasets(load, reshape, flagged):
    source = f"""\
    from tensorflow import keras
    {load}
    {reshape}
    model = keras.Sequential([keras.Input(x_train.shape[1:]), keras.layers.Dense(10)])
    """
    assert findings(source) == ([(4, 58, "FLT001")] if flagged else [])


def test_a_fixed_size_we_cannot_see_is_not_a_variable_length_axis():
    source = """\
    import pandas as pd
    from keras.models import Sequential
    from keras.layers import Dense
    X = pd.read_csv("windows.csv").values.reshape(-1, 10, 3)
    model = Sequential()
    model.add(Dense(64, input_shape=(X.shape[1], X.shape[2])))
    model.add(Dense(1))
    """
    [message] = messages(source)
    assert message.startswith("Dense(64) gets input (None, ?, ?) of rank 3")
    assert "outputs (None, ?, 64), so the model outputs (None, ?, 1)" in message
    assert "connect all" not in message  # the count is unknown: never invented
    written_none = source.replace("(X.shape[1], X.shape[2])", "(None, 3)")
    assert findings(written_none) == []
    parameter = source.replace("X.shape[1]", "steps").replace("model = Sequential()",
                                                               "def build(steps):\n    pass\nmodel = Sequential()")
    assert findings(parameter) == []  # a parameter may be None


def test_keepdims_global_pooling_feeding_dense():
    source = """\
    from tensorflow import keras
    from tensorflow.keras import layers
    inputs = keras.Input((32, 32, 3))
    x = layers.Conv2D(16, 3)(inputs)
    x = layers.GlobalAveragePooling2D(keepdims=True)(x)
    outputs = layers.Dense(10)(x)
    model = keras.Model(inputs, outputs)
    """
    [message] = messages(source)
    assert message.startswith("Dense(10) gets input (None, 1, 1, 16) of rank 4")
    assert "or pool without keepdims=True" in message
    assert findings(source.replace("keepdims=True", "keepdims=False")) == []


def test_layers_of_concatenated_lists_are_reported_at_their_own_lines():
    source = """\
    from tensorflow import keras
    from tensorflow.keras import layers
    def block(n):
        return [layers.Conv2D(n, 3), layers.MaxPooling2D()]
    model = keras.Sequential([keras.Input((32, 32, 3))] + block(32) + block(64) + [
        layers.Dense(128),
        layers.Dense(4),
    ])
    """
    assert findings(source) == [(6, 4, "FLT001")]


def test_undeclared_models_are_built_by_their_data_or_their_input_tensor():
    fed = """\
    import numpy as np
    from tensorflow import keras
    from tensorflow.keras import layers
    model = keras.Sequential([layers.Conv2D(8, 3), layers.MaxPooling2D(), layers.Dense(10)])
    def train():
        model.fit(np.zeros((4, 28, 28, 1)), np.zeros((4,)))
    """
    assert findings(fed) == [(4, 70, "FLT001")]
    applied = """\
    from tensorflow import keras
    from tensorflow.keras import layers
    ffn = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(32)])
    inputs = keras.Input((200, 32))
    x = layers.GlobalAveragePooling1D()(ffn(inputs))
    model = keras.Model(inputs, layers.Dense(2)(x))
    """
    assert findings(applied) == []  # a per-position block: the applying model judges it
    ffn = next(m for m in discover(textwrap.dedent(applied)) if m.name == "ffn")
    assert ffn.input_shape == (None, 200, 32)


def test_inputs_built_in_loops_and_dicts_are_separate_tensors():
    source = """\
    import keras
    from keras import layers
    specs = {"left": (32, 32, 1), "right": (32, 32, 1)}
    inputs = {name: keras.Input(shape=shape, name=name) for name, shape in specs.items()}
    branches = [layers.MaxPooling2D()(layers.Conv2D(8, 3)(i)) for i in inputs.values()]
    score = layers.Dense(1)(layers.concatenate(branches))
    model = keras.Model(inputs=inputs, outputs=score)
    """
    assert findings(source) == [(6, 8, "FLT001")]
    [model] = discover(textwrap.dedent(source))
    assert len(model.inputs) == 2


def test_a_function_sees_only_data_the_module_binds_once():
    """A notebook rebinds X_train (one dataset, then another): a function called in
    between may see either, so it sees neither (found on handson-ml3, chapter 11)."""
    source = """\
    import tensorflow as tf
    (X_train, y_train), _ = tf.keras.datasets.fashion_mnist.load_data()
    def train():
        model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=[28, 28]),
                                     tf.keras.layers.Dense(10)])
        return model.fit(X_train, y_train)
    history = train()
    (X_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
    """
    assert findings(source) == []
    once = source[:source.rindex("(X_train")]
    assert findings(once.replace("[28, 28]", "[28, 29]")) == [(6, 11, "FLT003")]


def test_fix_gives_the_pasted_question_the_answer():
    from flake8_flatten.fix import fix_source

    fixed = fix_source(QUESTION).source
    assert "model.add(Flatten(input_shape=(3, 2)))\nmodel.add(Dense(16))\n" in fixed
    assert findings(fixed) == []
    own_flatten = "Flatten = make_flatten\n" + QUESTION
    assert fix_source(own_flatten).source == own_flatten  # bound to something else: declined


def test_one_hot_labels_and_a_model_returned_by_its_builder():
    """``np.eye(n)[y]``, ``tf.one_hot(y, n)`` and ``keras.ops.one_hot`` are one-hot labels;
    a builder's ``return model`` hands its compiled model to the caller (FLT005 sees both)."""
    source = """\
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras
    def build_model(n_classes):
        model = keras.Sequential([keras.Input((20,)), keras.layers.Dense(n_classes, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        return model
    x = np.random.rand(100, 20)
    y = np.random.randint(0, 10, size=(100,))
    model = build_model(10)
    model.fit(x, np.eye(10)[y])
    model.fit(x, tf.one_hot(y, 10))
    model.fit(x, keras.ops.one_hot(y, 10))
    model.fit(x, y)
    model.fit(x, np.eye(100)[np.zeros(100)])
    """
    assert findings(source) == [(11, 0, "FLT005"), (12, 0, "FLT005"), (13, 0, "FLT005")]
