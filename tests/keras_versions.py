"""Model-level constructs where Keras 2 and Keras 3 differ (input declarations, defaults).

Each snippet is the body of a script that builds ``model`` with ``keras`` and
``layers`` in scope; `snippet_outcome` runs it in a real Keras (Keras 3 in the main
environment through `tests.keras_live`, Keras 2 in ``.venv-keras2`` through
`tests.keras2_live`) and `source_of` gives the file the linter reads.  Goldens:
``tests/golden/declarations_keras2.json`` (both versions' outcomes), written by
``scripts/record_goldens_keras2.py``.
"""

from __future__ import annotations

SNIPPETS = {
    # Keras 2: AveragePooling*D's pool_size defaults to 2 (Keras 3: required)
    "average_pooling_default": """
model = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.Conv2D(4, 3, padding="same"),
    layers.AveragePooling2D(),
    layers.Flatten(),
    layers.Dense(2),
])
""",
    "average_pooling_1d_default": """
model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.AveragePooling1D(),
    layers.Flatten(),
    layers.Dense(2),
])
""",
    # Keras 2: input_length declares the model's input (Keras 3: ignored, unbuilt)
    "embedding_input_length": """
model = keras.Sequential([
    layers.Embedding(1000, 8, input_length=12),
    layers.Flatten(),
    layers.Dense(1, activation="sigmoid"),
])
""",
    "embedding_input_length_and_input_shape": """
model = keras.Sequential([
    layers.Embedding(1000, 8, input_length=12, input_shape=(12,)),
    layers.LSTM(4),
    layers.Dense(1),
])
""",
    # Keras 2: an Embedding first declares a (batch, None) input even without input_length
    "embedding_first_without_length": """
model = keras.Sequential([
    layers.Embedding(1000, 8),
    layers.LSTM(4),
    layers.Dense(1),
])
""",
    # Keras 2: batch_input_shape on a first layer (stateful RNNs); Keras 3 refuses it
    "batch_input_shape_stateful_lstm": """
model = keras.Sequential([
    layers.LSTM(8, batch_input_shape=(32, 10, 4), stateful=True),
    layers.Dense(1),
])
""",
    "batch_input_shape_dense": """
model = keras.Sequential()
model.add(layers.Dense(16, batch_input_shape=(None, 20)))
model.add(layers.Dense(3))
""",
    # Keras 2: SpatialDropout*D takes input_shape= (Keras 3: a TypeError)
    "spatial_dropout_input_shape": """
model = keras.Sequential([
    layers.SpatialDropout2D(0.2, input_shape=(8, 8, 3)),
    layers.Conv2D(4, 3),
    layers.Flatten(),
    layers.Dense(2),
])
""",
    # Keras 2: Input(shape=1024), an int, is (1024,) (Keras 3: refused)
    "input_int_shape": """
inputs = keras.Input(shape=(1024))
outputs = layers.Dense(10)(inputs)
model = keras.Model(inputs, outputs)
""",
    "sequential_input_int_shape": """
model = keras.Sequential([keras.Input(shape=16), layers.Dense(4), layers.Dense(1)])
""",
    "dense_input_shape_int": """
model = keras.Sequential([layers.Dense(16, input_shape=20), layers.Dense(3)])
""",
    # both: input_shape as a tuple on a first layer
    "input_shape_first_layer": """
model = keras.Sequential([layers.Dense(16, input_shape=(20,)), layers.Dense(3)])
""",
    # both refuse Bidirectional(..., merge_mode=None) in a Sequential (two outputs)
    "bidirectional_merge_none": """
model = keras.Sequential([
    keras.Input(shape=(10, 4)),
    layers.Bidirectional(layers.LSTM(8, return_sequences=True), merge_mode=None),
    layers.Dense(2),
])
""",
}

#: Data fed to a model declared for 28x28 images (fully convolutional, so only the
#: declared input can refuse other sizes): where Keras 2 checks it and Keras 3 does not.
_IMAGES = """
import numpy as np
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(8, 3),
    layers.GlobalAveragePooling2D(),
    layers.Dense(10),
])
model.compile(optimizer="adam", loss="mse")
same, other, y = np.zeros((4, 28, 28, 1)), np.zeros((4, 64, 64, 1)), np.zeros((4, 10))
"""
FEEDING = {
    "predict_other_size": _IMAGES + "model.predict(other, verbose=0)\n",
    "evaluate_other_size": _IMAGES + "model.evaluate(other, y, verbose=0)\n",
    "call_other_size": _IMAGES + "model(other)\n",
    # predict/fit/evaluate are traced once: a later call with another shape runs (Keras 2)
    "predict_same_then_other": _IMAGES + "model.predict(same, verbose=0)\nmodel.predict(other, verbose=0)\n",
    "fit_same_then_fit_other": _IMAGES + "model.fit(same, y, verbose=0)\nmodel.fit(other, y, verbose=0)\n",
    "fit_same_then_predict_other": _IMAGES + "model.fit(same, y, verbose=0)\nmodel.predict(other, verbose=0)\n",
    "predict_same_then_call_other": _IMAGES + "model.predict(same, verbose=0)\nmodel(other)\n",
}

HEADER = "import keras\nfrom keras import layers\n"


def source_of(name: str) -> str:
    """The snippet as a file the linter reads (its lines are the lines `snippet_outcome`
    reports, plus the two of the header)."""
    return HEADER + {**SNIPPETS, **FEEDING}[name]


def snippet_outcome(keras, body: str) -> dict:
    """``{"input_shape", "output_shape", "params"}`` of ``model`` after the snippet ran in
    ``keras``; ``{"built": False}`` for an unbuilt model; ``{"error": ...}`` when it raised."""
    namespace = {"keras": keras, "layers": keras.layers, "__name__": "__main__"}
    try:
        exec(compile(body, "<snippet>", "exec"), namespace)
        model = namespace["model"]
        if not model.built:
            return {"built": False}
        return {"input_shape": [list(s.shape) for s in model.inputs][0],
                "output_shape": list(model.outputs[0].shape),
                "params": model.count_params()}
    except Exception as exc:  # a refusal is the fact we record
        import traceback

        text = str(exc).strip()
        lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<snippet>"]
        return {"error": f"{type(exc).__name__}: {text.splitlines()[0][:200]}" if text
                else type(exc).__name__, "line": lines[-1] + HEADER.count("\n") if lines else None}
