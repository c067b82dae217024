"""The bundled datasets of Keras and scikit-learn, as the shapes their documentation states.

``(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()`` is the
commonest source of a model's input in tutorials; its shapes are documented (and,
for the datasets split by ``test_split``, computed by the loader's own formula), so
the data is known without downloading or running anything.  A call with an argument
we do not model (``maxlen=`` filters samples, ``n_class=`` drops digits) is unknown.
``tests/discovery/test_datasets.py`` checks every figure against the real libraries.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from ..model import UNKNOWN
from .arrays import Array, shape_of

#: ``keras.datasets.<name>.load_data()``: (x_train, y_train), (x_test, y_test) shapes, for
#: the datasets with a fixed split.  imdb/reuters samples are lists of word ids: an
#: object array of rank 1.
_FIXED_SPLITS: Dict[str, Tuple[Tuple[tuple, tuple], Tuple[tuple, tuple]]] = {
    "mnist": (((60000, 28, 28), (60000,)), ((10000, 28, 28), (10000,))),
    "fashion_mnist": (((60000, 28, 28), (60000,)), ((10000, 28, 28), (10000,))),
    "cifar10": (((50000, 32, 32, 3), (50000, 1)), ((10000, 32, 32, 3), (10000, 1))),
    "cifar100": (((50000, 32, 32, 3), (50000, 1)), ((10000, 32, 32, 3), (10000, 1))),
    "imdb": (((25000,), (25000,)), ((25000,), (25000,))),
}
#: Datasets that the loader splits with ``int(n * (1 - test_split))``: the sample count
#: and the per-sample feature shape.
_SPLIT_BY_FRACTION = {"boston_housing": (506, (13,)), "reuters": (11228, ())}
_CALIFORNIA = {"large": 20640, "small": 600}
#: Arguments that change nothing about the shapes (paths, seeds, vocabulary limits).
_HARMLESS = frozenset({"path", "seed", "num_words", "skip_top", "start_char", "oov_char",
                       "index_from", "label_mode"})

KERAS_DATASETS = frozenset(_FIXED_SPLITS) | frozenset(_SPLIT_BY_FRACTION) | {"california_housing"}

#: scikit-learn's bundled datasets: data shape, target shape, extra Bunch fields.
SKLEARN_BUNDLED = {
    "load_iris": ((150, 4), (150,), {}),
    "load_digits": ((1797, 64), (1797,), {"images": (1797, 8, 8)}),
    "load_wine": ((178, 13), (178,), {}),
    "load_breast_cancer": ((569, 30), (569,), {}),
    "load_diabetes": ((442, 10), (442,), {}),
    "fetch_california_housing": ((20640, 8), (20640,), {}),
}
_SKLEARN_HARMLESS = frozenset({"random_state", "shuffle", "noise", "scaled", "data_home",
                               "download_if_missing", "n_retries", "delay", "factor",
                               "cluster_std", "center_box", "n_informative", "n_redundant",
                               "n_repeated", "n_classes", "n_clusters_per_class", "weights",
                               "flip_y", "class_sep", "hypercube", "shift", "scale", "bias",
                               "effective_rank", "tail_strength"})
#: The generators: their positional parameters, in order.
SKLEARN_GENERATORS = {"make_classification": ("n_samples", "n_features"),
               "make_regression": ("n_samples", "n_features"),
               "make_blobs": ("n_samples", "n_features"),
               "make_moons": ("n_samples",), "make_circles": ("n_samples",)}
_SKLEARN_GENERATOR_DEFAULTS = {"make_classification": {"n_samples": 100, "n_features": 20},
                       "make_regression": {"n_samples": 100, "n_features": 100, "n_targets": 1},
                       "make_blobs": {"n_samples": 100, "n_features": 2},
                       "make_moons": {"n_samples": 100, "n_features": 2},
                       "make_circles": {"n_samples": 100, "n_features": 2}}


def _pair(x: tuple, y: tuple):
    return Array(x), Array(y)


def keras_dataset(name: str, args: tuple, kwargs: tuple):
    """What ``keras.datasets.<name>.load_data(...)`` returns, or UNKNOWN."""
    named = dict(kwargs)
    if any(key not in _HARMLESS | {"test_split", "version"} for key in named):
        return UNKNOWN
    if name in _FIXED_SPLITS:
        if "test_split" in named or "version" in named or len(args) > 1:
            return UNKNOWN
        (xtr, ytr), (xte, yte) = _FIXED_SPLITS[name]
        return _pair(xtr, ytr), _pair(xte, yte)
    if name == "california_housing":
        version = named.get("version", args[0] if args else "large")
        total = _CALIFORNIA.get(version) if isinstance(version, str) else None
        features = (8,)
        positional_split = args[2] if len(args) > 2 else None
    elif name in _SPLIT_BY_FRACTION:
        total, features = _SPLIT_BY_FRACTION[name]
        positional_split = args[1] if name == "boston_housing" and len(args) > 1 else None
        if name == "reuters" and args:
            return UNKNOWN
        if "version" in named:
            return UNKNOWN
    else:
        return UNKNOWN
    split = named.get("test_split", positional_split if positional_split is not None else 0.2)
    if total is None or not isinstance(split, (int, float)) or isinstance(split, bool) \
            or not 0 <= split < 1:
        return UNKNOWN
    train = int(total * (1 - split))  # the loaders' own formula
    test = total - train
    return _pair((train,) + features, (train,)), _pair((test,) + features, (test,))


def sklearn_dataset(function: str, args: tuple, kwargs: tuple):
    """What ``sklearn.datasets.<function>(...)`` returns: ``(X, y)``, or a Bunch as a
    dict of its array fields; UNKNOWN for calls we do not model."""
    named = dict(kwargs)
    if function in SKLEARN_BUNDLED:
        if args or any(key not in _SKLEARN_HARMLESS | {"return_X_y"} for key in named):
            return UNKNOWN  # as_frame=True, n_class=5 ...
        data, target, extra = SKLEARN_BUNDLED[function]
        if named.get("return_X_y", False) is True:
            return Array(data), Array(target)
        if named.get("return_X_y", False) is not False:
            return UNKNOWN
        bunch = {"data": Array(data), "target": Array(target)}
        bunch.update({key: Array(shape) for key, shape in extra.items()})
        return bunch
    if function not in SKLEARN_GENERATORS:
        return UNKNOWN
    positional = SKLEARN_GENERATORS[function]
    if len(args) > len(positional):
        return UNKNOWN
    values = dict(_SKLEARN_GENERATOR_DEFAULTS[function])
    values.update(zip(positional, args))
    for key, value in named.items():
        if key in values:
            values[key] = value
        elif key in ("centers",) and function == "make_blobs" and isinstance(value, int):
            continue
        elif key == "return_X_y" and value is True:
            continue
        elif key not in _SKLEARN_HARMLESS:
            return UNKNOWN  # coef=True, return_centers=True, centers as an array ...
    samples, features = values["n_samples"], values["n_features"]
    if shape_of(samples) is None or len(shape_of(samples)) != 1 or shape_of(features) is None \
            or len(shape_of(features)) != 1:
        return UNKNOWN
    if function in ("make_moons", "make_circles") and features != 2:
        return UNKNOWN
    targets = values.get("n_targets", 1)
    if not isinstance(targets, int) or isinstance(targets, bool) or targets < 1:
        return UNKNOWN
    target = (samples,) if targets == 1 else (samples, targets)
    return Array((samples, features)), Array(target)


def dataset_name(path: Tuple[str, ...]) -> Optional[str]:
    """``"mnist"`` for the Keras path ``("datasets", "mnist", "load_data")``."""
    if len(path) == 3 and path[0] == "datasets" and path[2] == "load_data" \
            and path[1] in KERAS_DATASETS:
        return path[1]
    return None
