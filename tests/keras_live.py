"""Build cases and models in real Keras (used by the golden recorder and live tests).

Only imported where Keras is installed; it runs our own test data, never linted code.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import warnings  # noqa: E402

import keras  # noqa: E402

from flake8_flatten.model import LayerCall  # noqa: E402

warnings.filterwarnings("ignore")


def keras_layer(call: LayerCall):
    def convert(value):
        return keras_layer(value) if isinstance(value, LayerCall) else value

    cls = getattr(keras.layers, call.kind)
    return cls(*[convert(a) for a in call.args], **{k: convert(v) for k, v in call.kwargs})


def case_outcome(case) -> dict:
    """``{"shape": [...]}`` from Keras, or ``{"error": "..."}`` where Keras refuses."""
    try:
        x = keras.Input(batch_shape=case.input_shape)
        y = keras_layer(case.call)(x)
    except Exception as exc:  # any refusal by Keras is the fact we record
        return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"}
    if isinstance(y, (list, tuple)):
        return {"error": "multiple outputs"}
    return {"shape": list(y.shape)}
