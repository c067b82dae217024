"""Build cases and run scripts in real Keras 2 (``tf-keras`` behind TensorFlow's ``tf.keras``).

Runs only in the Keras 2 environment (``.venv-keras2``: ``tensorflow-cpu`` + ``tf-keras``),
as a separate process: ``python -m tests.keras2_live PART OUT.json``, PART being
``layers`` (every layer case of tests/cases), ``diagnostics`` (every script of
tests/diagnostics), ``declarations`` (tests/keras_versions.py's snippets) or ``all``.
The main environment (Keras 3 + JAX) never imports it: tests and the recorder start
it with the Keras 2 interpreter (`interpreter()`), so the two Kerases never meet in one
process.  It runs our own test data, never linted code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The Keras 2 interpreter, unless FLAKE8_FLATTEN_KERAS2_PYTHON names another.
DEFAULT_PYTHON = ROOT / ".venv-keras2" / "bin" / "python"


def interpreter() -> Path:
    return Path(os.environ.get("FLAKE8_FLATTEN_KERAS2_PYTHON") or DEFAULT_PYTHON)


def _keras2():
    os.environ["TF_USE_LEGACY_KERAS"] = "1"  # tf.keras is tf-keras (Keras 2)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    import warnings

    warnings.filterwarnings("ignore")
    import tensorflow as tf
    import tf_keras

    tf.get_logger().setLevel("ERROR")
    assert tf_keras.__version__.startswith("2."), tf_keras.__version__
    return tf, tf_keras


def keras_layer(keras, call):
    from flake8_flatten.model import LayerCall

    def convert(value):
        return keras_layer(keras, value) if isinstance(value, LayerCall) else value

    if call.kind in ("Sequential", "Functional"):  # a model called as a layer
        from tests.cases import keras_model

        return keras_model(keras, call, lambda inner: keras_layer(keras, inner))
    cls = getattr(keras.layers, call.kind)
    return cls(*[convert(a) for a in call.args], **{k: convert(v) for k, v in call.kwargs})


def case_outcome(keras, case) -> dict:
    """As `tests.keras_live.case_outcome`, in Keras 2."""
    try:
        layer = keras_layer(keras, case.call)
        if case.multiple:
            xs = [keras.Input(batch_shape=shape) for shape in case.input_shape]
            y = layer(*xs) if case.call.kind == "MultiHeadAttention" else layer(xs)
        else:
            y = layer(keras.Input(batch_shape=case.input_shape))
    except Exception as exc:  # any refusal by Keras is the fact we record
        return {"error": f"{type(exc).__name__}: {str(exc).strip().splitlines()[0][:200]}"
                if str(exc).strip() else type(exc).__name__}
    if isinstance(y, (list, tuple)):
        return {"error": "multiple outputs"}
    return {"shape": list(y.shape), "params": layer.count_params()}


def record_layers(keras) -> dict:
    from tests.cases import all_cases

    return {case.id: case_outcome(keras, case) for case in all_cases()}


def _keras_modules(tf_keras) -> dict:
    """``keras`` and ``keras.<sub>`` spellings as tf-keras while a script runs (in this
    environment the ``keras`` package is Keras 3, a dependency of TensorFlow)."""
    modules = {"keras": tf_keras}
    for sub in ("layers", "models", "optimizers", "losses", "activations", "regularizers",
                "initializers", "callbacks", "utils", "backend", "metrics"):
        if hasattr(tf_keras, sub):
            modules[f"keras.{sub}"] = getattr(tf_keras, sub)
    return modules


def run_script(tf_keras, path) -> dict:
    """As `tests.keras_live.run_diagnostic_file`: ``{"outcome": "ok"}`` or where it failed."""
    import runpy
    import traceback
    import warnings

    path = Path(path).resolve()
    modules = _keras_modules(tf_keras)
    saved = {name: sys.modules.get(name) for name in modules}
    sys.modules.update(modules)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            runpy.run_path(str(path), run_name="__main__")
    except BaseException as exc:  # any failure of the script is the fact we record
        if isinstance(exc, KeyboardInterrupt):
            raise
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
        message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
        return {"outcome": "error", "type": type(exc).__name__, "message": message,
                "line": frames[-1].lineno if frames else None}
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        tf_keras.backend.clear_session()
    return {"outcome": "ok"}


def record_diagnostics(tf_keras) -> dict:
    return {path.name: run_script(tf_keras, path)
            for path in sorted((ROOT / "tests" / "diagnostics").glob("*.py"))}


def record_declarations(keras) -> dict:
    from tests.keras_versions import FEEDING, SNIPPETS, snippet_outcome

    return {name: snippet_outcome(keras, source) for name, source in {**SNIPPETS, **FEEDING}.items()}


def main(argv) -> None:
    import json

    part, out = argv
    sys.path.insert(0, str(ROOT))
    tf, tf_keras = _keras2()
    result = {"keras_version": tf_keras.__version__, "tensorflow_version": tf.__version__}
    if part in ("layers", "all"):
        result["cases"] = record_layers(tf_keras)
    if part in ("declarations", "all"):
        result["declarations"] = record_declarations(tf_keras)
    if part in ("diagnostics", "all"):
        result["files"] = record_diagnostics(tf_keras)
    Path(out).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
