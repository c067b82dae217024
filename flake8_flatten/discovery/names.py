"""Which Keras symbol a dotted name refers to, from the file's own imports.

Never by matching bare names: ``Sequential`` is a Keras model only when an import
says so (an ``iaa.Sequential`` from imgaug is not).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..config import active

SEQUENTIAL = "Sequential"
INPUT_KINDS = ("Input", "InputLayer")
#: Text without any of these cannot build a model (a cheap pre-check per file/scope).
MODEL_MARKERS = (SEQUENTIAL, "Model", "Input")


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
    if name == "Input" and len(path) == 1:
        return "Input"
    if "layers" in path[:-1] and name[:1].isupper():
        return name
    return None
