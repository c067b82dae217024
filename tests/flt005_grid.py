"""FLT005's measured facts: losses x label shapes x output shapes, fitted in real Keras.

Each case is ``[loss, metrics, output shape (no batch axis), labels shape, options]``: a
model ``Input((4,)) -> Dense(prod(output)) [-> Reshape(output)]`` compiled with the loss
(a string, or ``"Class(kwargs)"`` for a ``keras.losses`` class) and ``metrics``, fitted one
epoch on ``np.random.rand(n, 4)`` and labels of that shape; options: ``sample_weight``
(a weight per sample).  Runs our own test data only.

Keras 3 (this environment):  ``python -m tests.flt005_grid keras3 OUT.json [every]``;
Keras 2 (tf-keras, ``.venv-keras2``): ``python tests/flt005_grid.py keras2 OUT.json [every]``
(eager: tf-keras's shape checks are the same Python checks, and a case takes 0.1 s instead
of 2 s of tracing).  Goldens: ``tests/golden/flt005_losses.json``, written by
``python -m tests.flt005_grid record`` (both Kerases).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "flt005_losses.json"

OUTPUTS = [[1], [3], [10], [5, 10], [5, 1], [4, 3]]
LABELS = [[8], [8, 1], [8, 2], [8, 3], [8, 10], [8, 5], [8, 5, 1], [8, 5, 10], [8, 4, 3],
          [8, 4, 1], [8, 4]]
LOSSES3 = ["categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy",
           "binary_focal_crossentropy", "categorical_focal_crossentropy", "mse", "mae", "mape",
           "msle", "huber", "log_cosh", "kld", "poisson", "hinge", "squared_hinge",
           "categorical_hinge", "cosine_similarity", "crossentropy",
           "CategoricalCrossentropy(from_logits=True)", "SparseCategoricalCrossentropy(from_logits=True)",
           "SparseCategoricalCrossentropy(ignore_class=0)", "BinaryCrossentropy(from_logits=True)",
           "MeanSquaredError()", "Huber(delta=2.0)", "KLDivergence()"]
WITH_ACCURACY = ["categorical_crossentropy", "sparse_categorical_crossentropy",
                 "binary_crossentropy", "mse"]
LOSSES2 = ["categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy",
           "mse", "mae", "huber", "kld", "categorical_hinge", "cosine_similarity",
           "CategoricalCrossentropy(from_logits=True)", "SparseCategoricalCrossentropy(from_logits=True)",
           "BinaryCrossentropy(from_logits=True)", "categorical_focal_crossentropy",
           "binary_focal_crossentropy"]


def cases(version: int) -> list:
    found = []
    for out in OUTPUTS:
        for labels in LABELS:
            for loss in (LOSSES3 if version == 3 else LOSSES2):
                found.append([loss, None, out, labels, {}])
            if version == 3:
                for loss in WITH_ACCURACY:
                    found.append([loss, ["accuracy"], out, labels, {}])
                    found.append([loss, None, out, labels, {"sample_weight": True}])
    return found


def outcome(keras, loss, metrics, out, labels, options, eager=False) -> str:
    import numpy as np

    n = labels[0]
    inputs = keras.Input(shape=(4,))
    h = keras.layers.Dense(math.prod(out))(inputs)
    if len(out) > 1:
        h = keras.layers.Reshape(tuple(out))(h)
    model = keras.Model(inputs, h)
    if "(" in loss:
        name, _, args = loss.partition("(")
        kwargs = eval(f"dict({args}")  # our own table's literals
        loss = getattr(keras.losses, name)(**kwargs)
    model.compile(optimizer="sgd", loss=loss, metrics=metrics, **({"run_eagerly": True} if eager else {}))
    x = np.random.rand(n, 4).astype("float32")
    y = np.random.randint(0, 2, size=tuple(labels)).astype("float32")
    weights = np.ones((n,)) if options.get("sample_weight") else None
    try:
        model.fit(x, y, sample_weight=weights, epochs=1, verbose=0)
    except Exception as exc:  # a refusal is the fact we record
        text = str(exc).strip()
        return f"raise: {type(exc).__name__}: {text.splitlines()[0][:200] if text else ''}"
    return "ok"


def _keras(version: int):
    import warnings

    warnings.filterwarnings("ignore")
    if version == 2:
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
        import tf_keras as keras
    else:
        os.environ.setdefault("KERAS_BACKEND", "jax")
        os.environ.setdefault("JAX_PLATFORMS", "cpu")
        import keras
    return keras


def run(version: int, every: int = 1) -> dict:
    keras = _keras(version)
    chosen = cases(version)[::every]
    results = [[*case, outcome(keras, *case, eager=version == 2)] for case in chosen]
    body = {"keras_version": keras.__version__, "results": results}
    if version == 3:
        body["backend"] = keras.backend.backend()
    return body


def run_keras2(python, every: int, out: Path) -> dict:
    """The Keras 2 part, in the Keras 2 interpreter (a separate process)."""
    proc = subprocess.run([str(python), str(Path(__file__).resolve()), "keras2", str(out), str(every)],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600,
                          env={**os.environ, "TF_USE_LEGACY_KERAS": "1"})
    if proc.returncode:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(out.read_text())


def main(argv) -> None:
    if argv[0] == "record":
        import tempfile

        sys.path.insert(0, str(ROOT))
        from tests.keras2_live import interpreter

        with tempfile.TemporaryDirectory() as tmp:
            two = run_keras2(interpreter(), 1, Path(tmp) / "k2.json")
        three = run(3)
        GOLDEN.write_text(json.dumps({"keras3": three, "keras2": two}, indent=0) + "\n")
        print(f"recorded {len(three['results'])} Keras 3 and {len(two['results'])} Keras 2 cases -> {GOLDEN}")
        return
    version = 2 if argv[0] == "keras2" else 3
    every = int(argv[2]) if len(argv) > 2 else 1
    Path(argv[1]).write_text(json.dumps(run(version, every)))


if __name__ == "__main__":
    main(sys.argv[1:])
