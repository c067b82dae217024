"""Which Keras symbol a dotted name refers to, from the file's own imports.

Never by matching bare names: ``Sequential`` is a Keras model only when an import
says so (an ``iaa.Sequential`` from imgaug is not).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..config import active
from ..shapes.engine import registry
from ..shapes.merging import MERGE_FUNCTIONS
from .datasets import KERAS_DATASETS
from .markers import INPUT_KINDS, MODEL_MARKERS, SEQUENTIAL  # noqa: F401  (names' vocabulary)



@lru_cache(maxsize=4096)
def keras_path(qualname: str) -> Optional[tuple]:
    """The components after the Keras package root, or None if not Keras.

    Roots: ``keras``, ``tf_keras``, ``tensorflow.keras``, ``tensorflow.python.keras``,
    ``tensorflow.compat.v1.keras`` ...
    """
    parts = tuple(qualname.split("."))
    if parts[0] == "tf_keras":
        return parts[1:]
    if "keras" not in parts:
        return None
    at = parts.index("keras")
    if at > 0 and parts[0] != "tensorflow":
        return None
    return parts[at + 1:]


def keras_class(qualname: str) -> Optional[str]:
    """``"Dense"`` for ``keras.layers.Dense``-like names, ``"Sequential"`` for models,
    ``"Input"`` for ``keras.Input``; the class name of a layer the active options
    declare Dense-like (``"NoisyDense"``); None for anything else."""
    options = active()
    if options.dense_like:
        kind = options.dense_kind(qualname)
        if kind is not None:
            return kind
    return _keras_class(qualname)


@lru_cache(maxsize=4096)
def _keras_class(qualname: str) -> Optional[str]:
    path = keras_path(qualname)
    if not path:
        return None
    name = path[-1]
    if name == SEQUENTIAL and all(p in ("models", "engine", "sequential", "src") for p in path[:-1]):
        return SEQUENTIAL
    if name == "Input" and all(p in ("engine", "input_layer", "topology", "src") for p in path[:-1]):
        return "Input"
    if "layers" in path[:-1] and name[:1].isupper():
        return name
    return None


#: Unbound module names that snippets use without their import line, and what the
#: missing import would have bound (``np`` is NumPy in every snippet that uses it).
BARE_MODULES = {"keras": "keras", "tf": "tensorflow", "tensorflow": "tensorflow",
                "layers": "keras.layers", "models": "keras.models", "np": "numpy",
                "numpy": "numpy", "datasets": "keras.datasets"}
#: Unbound function names of the same kind.
BARE_FUNCTIONS = {"to_categorical": "keras.utils.to_categorical",
                  "train_test_split": "sklearn.model_selection.train_test_split"}
#: Star imports from these frameworks bind names such as ``Dense`` to something else.
NOT_KERAS = ("torch", "flax", "trax", "haiku", "sonnet", "tflearn", "tensorlayer", "mxnet",
             "chainer", "paddle", "jax", "equinox", "lasagne", "theano", "cntk")


def not_keras_module(module: str) -> bool:
    """A module of another deep-learning framework (its ``Dense`` is not Keras's)."""
    return module.split(".")[0] in NOT_KERAS


@lru_cache(maxsize=4096)
def bare_keras(dotted: str) -> Optional[str]:
    """What an unbound name means in a pasted snippet whose imports are missing:
    ``Dense`` -> ``keras.layers.Dense``, ``Sequential`` -> ``keras.models.Sequential``,
    ``np.zeros`` -> ``numpy.zeros``, ``mnist`` -> ``keras.datasets.mnist``; None for
    names outside Keras's vocabulary (a free ``foo`` stays unknown)."""
    head, dot, rest = dotted.partition(".")
    if head in BARE_MODULES:
        root = BARE_MODULES[head]
    elif head in (SEQUENTIAL, "Model"):
        root = f"keras.models.{head}"
    elif head in INPUT_KINDS or head == "Layer":
        root = f"keras.layers.{head}"
    elif head in registry() or head in MERGE_FUNCTIONS:
        root = f"keras.layers.{head}"
    elif head in KERAS_DATASETS:
        root = f"keras.datasets.{head}"
    elif head in BARE_FUNCTIONS:
        root = BARE_FUNCTIONS[head]
    else:
        return None
    return root + dot + rest
