"""Which calls make data of a known shape: NumPy and TensorFlow/Keras constructors,
the bundled datasets, ``to_categorical``, ``pad_sequences``, ``train_test_split``,
scikit-learn's scalers and input pipelines (`pipelines`) -- one dispatch for the evaluator
and the walker's cheap test."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import UNKNOWN
from . import arrays, datasets, pipelines
from .names import keras_path


#: Returned by `call` for functions it does not know (UNKNOWN means "known function,
#: unknown result").
NOT_DATA = object()
_SKLEARN_SCALERS = frozenset({"StandardScaler", "MinMaxScaler", "RobustScaler", "MaxAbsScaler",
                              "Normalizer"})


@dataclass(frozen=True)
class Scaler:
    """A scikit-learn scaler: ``fit_transform``/``transform`` keep the data's shape."""


def known_function(qualname: str) -> bool:
    """Can `call` say anything about ``qualname``'s result?  (A cheap test for the walker.)"""
    return call(qualname, None, None) is not NOT_DATA


def call(qualname: str, args: Optional[tuple], kwargs: Optional[tuple]):
    """The data a call of ``qualname`` returns: NumPy and TensorFlow/Keras constructors,
    the bundled datasets, ``to_categorical``, ``pad_sequences``, ``train_test_split``;
    UNKNOWN for those with arguments we cannot use, NOT_DATA for other functions.
    With ``args`` None only says whether the function is one of these."""
    root, _, function = qualname.partition(".")
    probe = args is None
    if root == "numpy":
        known = function in _NUMPY or function in arrays.ARRAY_FUNCTIONS
        if probe or not known:
            return None if known else NOT_DATA
        return arrays.construct(function, args, kwargs)
    if root == "sklearn":
        module, _, name = function.rpartition(".")
        if name == "train_test_split":
            return None if probe else arrays.split(args, kwargs)
        if name in _SKLEARN_SCALERS and module.startswith("preprocessing"):
            return None if probe else (Scaler() if not args else UNKNOWN)
        if module == "datasets" and (name in datasets.SKLEARN_BUNDLED or name in datasets.SKLEARN_GENERATORS):
            return None if probe else datasets.sklearn_dataset(name, args, kwargs)
        return NOT_DATA
    if (root == "tensorflow" and function == "one_hot") or keras_path(qualname) == ("ops", "one_hot"):
        if probe:
            return None
        depth = args[1] if len(args) > 1 else arrays.keyword_value(
            kwargs, "depth", arrays.keyword_value(kwargs, "num_classes", None))
        return arrays.one_hot_of(args[0] if args else UNKNOWN, depth)
    if root == "tensorflow" and function == "data.Dataset.from_tensor_slices":
        return None if probe else pipelines.from_tensor_slices(args, kwargs)
    if root in ("tensorflow", "keras") and function in arrays.SHAPED:
        return None if probe else arrays.construct_tensor(function, args, kwargs)
    path = keras_path(qualname)
    if path is None:
        return NOT_DATA
    name = datasets.dataset_name(path)
    if name is not None:
        return None if probe else datasets.keras_dataset(name, args, kwargs)
    last = path[-1] if path else ""
    if last == "image_dataset_from_directory" and ("utils" in path[:-1] or "preprocessing" in path[:-1]):
        return None if probe else pipelines.image_dataset_from_directory(args, kwargs)
    if last == "to_categorical" and "utils" in path[:-1]:
        if probe:
            return None
        classes = args[1] if len(args) > 1 else arrays.keyword_value(kwargs, "num_classes", None)
        return arrays.one_hot(args[0] if args else UNKNOWN, classes)
    if last == "pad_sequences" and ("utils" in path[:-1] or "sequence" in path[:-1]):
        if probe:
            return None
        maxlen = arrays.keyword_value(kwargs, "maxlen", args[1] if len(args) > 1 else None)
        extra = {key for key, _ in kwargs} - {"maxlen", "padding", "truncating", "value", "dtype"}
        return UNKNOWN if extra or len(args) > 2 else arrays.padded(args[0] if args else UNKNOWN, maxlen)
    return NOT_DATA


#: The NumPy functions `construct` knows.
_NUMPY = frozenset({"zeros", "ones", "empty", "full", "random.rand", "random.randn",
                    "random.random", "random.random_sample", "random.sample", "random.ranf",
                    "random.normal", "random.uniform", "random.randint", "array", "asarray",
                    "expand_dims"})
