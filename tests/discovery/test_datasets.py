"""The bundled datasets' shapes (`discovery/datasets.py`) against the libraries.

scikit-learn's loaders and generators run here for real (the bundled ones ship
with the package).  Keras's loaders download their data, which this machine cannot
reach: the documented figures are checked against what the installed Keras states
in its own source (the ``assert x_train.shape == ...`` lines of its docstrings and
the split formula the splitting loaders use).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from flake8_flatten.discovery import datasets
from flake8_flatten.discovery.arrays import Array
from flake8_flatten.model import UNKNOWN

from ..conftest import keras_live


def shapes(value):
    if isinstance(value, Array):
        return value.shape
    if isinstance(value, tuple):
        return tuple(shapes(v) for v in value)
    if isinstance(value, dict):
        return {key: shapes(v) for key, v in value.items()}
    return value


BUNDLED = sorted(datasets.SKLEARN_BUNDLED)
GENERATED = [
    ("make_classification", (), ()),
    ("make_classification", (500, 7), ()),
    ("make_classification", (), (("n_samples", 64), ("n_features", 5), ("n_informative", 3))),
    ("make_regression", (), (("n_samples", 40), ("n_features", 3))),
    ("make_regression", (), (("n_samples", 40), ("n_targets", 2))),
    ("make_blobs", (), (("n_samples", 30), ("n_features", 4), ("centers", 3))),
    ("make_moons", (120,), (("noise", 0.1),)),
    ("make_circles", (), (("n_samples", 10),)),
]


def sklearn():
    import sklearn.datasets  # in the test extra: a missing scikit-learn is a failure

    return sklearn.datasets


@pytest.mark.parametrize("name", [n for n in BUNDLED if n != "fetch_california_housing"])
def test_bundled_sklearn_datasets_have_the_documented_shapes(name):
    loader = getattr(sklearn(), name)
    bunch = loader()
    static = shapes(datasets.sklearn_dataset(name, (), ()))
    assert static == {key: getattr(bunch, key).shape for key in static}
    x, y = loader(return_X_y=True)
    assert shapes(datasets.sklearn_dataset(name, (), (("return_X_y", True),))) == (x.shape, y.shape)


@pytest.mark.parametrize("name, args, kwargs", GENERATED)
def test_generated_sklearn_datasets_have_the_shapes_the_generators_make(name, args, kwargs):
    x, y = getattr(sklearn(), name)(*args, **dict(kwargs))
    assert shapes(datasets.sklearn_dataset(name, args, kwargs)) == (x.shape, y.shape)


def test_train_test_split_sizes_as_sklearn_splits_them():
    import numpy as np

    from flake8_flatten.discovery import arrays

    from sklearn.model_selection import train_test_split as split
    x, y = np.zeros((101, 3)), np.zeros((101,))
    for options in ({}, {"test_size": 0.2}, {"test_size": 17}, {"train_size": 0.6},
                    {"train_size": 50, "test_size": 0.3}):
        real = [a.shape for a in split(x, y, **options)]
        static = arrays.split((Array((101, 3)), Array((101,))), tuple(options.items()))
        assert [a.shape for a in static] == real, options


def test_arguments_we_do_not_model_give_nothing():
    assert datasets.sklearn_dataset("load_digits", (), (("n_class", 5),)) is UNKNOWN
    assert datasets.sklearn_dataset("load_iris", (), (("as_frame", True),)) is UNKNOWN
    assert datasets.sklearn_dataset("make_blobs", (), (("return_centers", True),)) is UNKNOWN
    assert datasets.keras_dataset("imdb", (), (("maxlen", 100),)) is UNKNOWN
    assert datasets.keras_dataset("mnist", (), (("test_split", 0.3),)) is UNKNOWN
    assert datasets.keras_dataset("boston_housing", (), (("test_split", 1.5),)) is UNKNOWN


def _keras_source(name: str) -> str:
    keras = keras_live().keras
    return (Path(keras.__file__).parent / "src" / "datasets" / f"{name}.py").read_text()


@pytest.mark.parametrize("name", ["mnist", "fashion_mnist", "cifar10", "cifar100"])
def test_fixed_keras_datasets_match_the_shapes_keras_states(name):
    stated = {m.group(1): ast.literal_eval(m.group(2)) for m in re.finditer(
        r"assert (\w+)\.shape == (\([\d, ]+\))", _keras_source(name))}
    (x_train, y_train), (x_test, y_test) = shapes(datasets.keras_dataset(name, (), ()))
    assert stated == {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


@pytest.mark.parametrize("name, total", [("boston_housing", 506), ("california_housing", 20640)])
def test_split_keras_datasets_use_the_loaders_formula(name, total):
    source = _keras_source(name)
    assert "x_train = np.array(x[: int(len(x) * (1 - test_split))])" in source
    assert "test_split=0.2" in source
    if name == "california_housing":
        assert "20,640 samples" in source and "600 samples" in source
    for split in (0.2, 0.1, 0.33):
        (x_train, _), (x_test, y_test) = shapes(datasets.keras_dataset(name, (), (("test_split", split),)))
        assert x_train[0] == int(total * (1 - split)) and x_test[0] + x_train[0] == total
        assert y_test == (x_test[0],)
