"""Input pipelines (``tf.data.Dataset.from_tensor_slices`` of known arrays,
``image_dataset_from_directory``): a Sequential fed a batched one is built for
``(None,) + sample``.  The sample shapes are checked against real TensorFlow (the Keras 2
environment, the only one with ``tf.data``): each pipeline's ``element_spec``."""

from __future__ import annotations

import json
import subprocess
import textwrap

import pytest

from flake8_flatten.discovery import discover

from .. import ROOT
from ..expect import findings
from ..keras2_live import interpreter

HEADER = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
"""

#: name -> (the pipeline, the model input we state; None: unknown)
PIPELINES = {
    "slices_xy_batched": ("tf.data.Dataset.from_tensor_slices((np.zeros((10, 28, 28)), np.zeros(10)))"
                          ".shuffle(10).batch(4).prefetch(2)", (None, 28, 28)),
    "slices_x_batched": ("tf.data.Dataset.from_tensor_slices(np.zeros((6, 8, 8, 3))).batch(2).cache()",
                         (None, 8, 8, 3)),
    "slices_unbatched": ("tf.data.Dataset.from_tensor_slices((np.zeros((10, 5)), np.zeros(10))).shuffle(10)",
                         None),
    "slices_mapped": ("tf.data.Dataset.from_tensor_slices(np.zeros((10, 5))).batch(2).map(lambda x: x * 2)",
                      None),
    "images_default": ("keras.utils.image_dataset_from_directory(DIRECTORY)", (None, 256, 256, 3)),
    "images_sized": ("keras.utils.image_dataset_from_directory(DIRECTORY, image_size=(64, 48), "
                     "color_mode='grayscale', batch_size=8)", (None, 64, 48, 1)),
    "images_rgba_preprocessing": ("keras.preprocessing.image_dataset_from_directory(DIRECTORY, "
                                  "image_size=(32, 32), color_mode='rgba')", (None, 32, 32, 4)),
    "images_unbatched": ("keras.utils.image_dataset_from_directory(DIRECTORY, image_size=(32, 32), "
                         "batch_size=None)", None),
}


def model_source(pipeline: str) -> str:
    return HEADER + textwrap.dedent(f"""\
        DIRECTORY = "images"
        ds = {pipeline}
        model = keras.Sequential([layers.Flatten(), layers.Dense(4)])
        model.fit(ds, epochs=1)
        """)


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_a_model_fed_a_pipeline_is_built_for_its_samples(name):
    pipeline, expected = PIPELINES[name]
    (model,) = discover(model_source(pipeline))
    assert model.input_shape == expected


def test_the_classic_bug_fed_from_a_directory_of_images_is_found():
    source = HEADER + textwrap.dedent("""\
        train_ds = keras.utils.image_dataset_from_directory("flowers", image_size=(180, 180))
        model = keras.Sequential([
            layers.Rescaling(1.0 / 255),
            layers.Conv2D(16, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Dense(5),
        ])
        model.fit(train_ds.prefetch(2), epochs=3)
        """)
    assert findings(source) == [(10, 4, "FLT001")]


_LIVE = """
import json, os, sys
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import numpy as np
import tensorflow as tf
from tensorflow import keras
directory = sys.argv[1]
for label in ("a", "b"):
    os.makedirs(os.path.join(directory, label), exist_ok=True)
    for i in range(3):
        image = tf.io.encode_png(tf.zeros((20, 30, 3), tf.uint8)).numpy()
        open(os.path.join(directory, label, f"{i}.png"), "wb").write(image)
DIRECTORY = directory
found = {}
for name, pipeline in json.loads(sys.argv[2]).items():
    ds = eval(pipeline)
    spec = ds.element_spec[0] if isinstance(ds.element_spec, tuple) else ds.element_spec
    found[name] = list(spec.shape)
print(json.dumps(found))
"""


def test_sample_shapes_are_tensorflows(tmp_path):
    python = interpreter()
    if not python.exists():
        pytest.skip("no Keras 2 environment (.venv-keras2): run scripts/setup_keras2.sh")
    pipelines = {name: pipeline for name, (pipeline, expected) in PIPELINES.items()
                 if expected is not None or "unbatched" in name}
    proc = subprocess.run([str(python), "-c", _LIVE, str(tmp_path / "images"), json.dumps(pipelines)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "TF_USE_LEGACY_KERAS": "1"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    built = json.loads(proc.stdout.strip().splitlines()[-1])
    for name, shape in built.items():
        expected = PIPELINES[name][1]
        if expected is None:  # unbatched: Keras would take each sample as a batch
            assert shape[0] is not None, name
        else:
            assert tuple(shape) == expected, name
