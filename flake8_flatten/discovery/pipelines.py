"""Input pipelines whose samples have a known shape: ``tf.data.Dataset.from_tensor_slices``
of arrays we know, and ``image_dataset_from_directory(image_size=...)``.

A model fed a *batched* pipeline (``fit(train_ds)``) is built for ``(None,) + sample``,
as Keras builds it on the first batch.  Only the shape of the inputs is kept: a batch's
size is not known, so nothing here is data that FLT003/FLT005 judge.  An unbatched
pipeline fed to a model would give Keras samples as batches: its shape is not claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple

from ..model import UNKNOWN
from .arrays import Array


@dataclass(frozen=True)
class Samples:
    """A ``tf.data`` pipeline of samples of one known shape (the inputs of each element);
    ``batched`` once ``.batch(n)`` groups them."""

    shape: Tuple[int, ...]
    batched: bool = False


#: Methods that keep each element as it is.
_KEEPING = frozenset({"shuffle", "prefetch", "cache", "repeat", "take", "skip", "with_options",
                      "apply_options", "shard"})
#: Keras's ``image_dataset_from_directory`` keywords that do not change the image shape.
_IMAGE_KEEPING = frozenset({"labels", "label_mode", "class_names", "shuffle", "seed",
                            "validation_split", "subset", "interpolation", "follow_links",
                            "crop_to_aspect_ratio", "pad_to_aspect_ratio", "verbose"})
_CHANNELS = {"rgb": 3, "grayscale": 1, "rgba": 4}


def from_tensor_slices(args: tuple, kwargs: tuple):
    """``from_tensor_slices(x)`` / ``((x, y))`` / ``((x, y, w))``: samples of ``x``'s shape
    without its first axis, when every array of the element has the same first axis."""
    if len(args) != 1 or kwargs:
        return UNKNOWN
    element = args[0]
    parts = element if isinstance(element, tuple) else (element,)
    if not parts or not all(isinstance(p, Array) and p.shape for p in parts) \
            or len({p.shape[0] for p in parts}) != 1:
        return UNKNOWN
    return Samples(parts[0].shape[1:])


def image_dataset_from_directory(args: tuple, kwargs: tuple):
    """Batches of ``image_size + (channels,)`` (Keras's defaults: 256x256, RGB, 32 a
    batch); two pipelines for ``subset="both"``.  UNKNOWN for arguments we do not model."""
    named = dict(kwargs)
    if len(args) > 1 or set(named) - _IMAGE_KEEPING - {"directory", "image_size", "color_mode",
                                                       "batch_size", "data_format"}:
        return UNKNOWN
    size = named.get("image_size", (256, 256))
    channels = _CHANNELS.get(named.get("color_mode", "rgb"))
    batch = named.get("batch_size", 32)
    if not (isinstance(size, tuple) and len(size) == 2 and all(_positive(d) for d in size)) \
            or channels is None or named.get("data_format", None) not in (None, "channels_last") \
            or not (batch is None or _positive(batch)):
        return UNKNOWN
    samples = Samples(tuple(size) + (channels,), batched=batch is not None)
    subset = named.get("subset")
    if subset == "both":
        return (samples, samples)
    return samples if subset in (None, "training", "validation") else UNKNOWN


def method(samples: Samples, name: str, args: tuple, kwargs: tuple):
    """``ds.shuffle(...)``, ``ds.batch(32)``, ``ds.prefetch(...)``: the pipeline after it."""
    if name in _KEEPING:
        return samples
    if name == "batch" and not samples.batched:
        return Samples(samples.shape, batched=True)
    return UNKNOWN


def _positive(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0
