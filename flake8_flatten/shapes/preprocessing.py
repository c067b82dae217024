"""Image preprocessing and augmentation layers that sit at the front of many models.

The random augmentations keep the shape; Resizing, CenterCrop and RandomCrop set the
two spatial sizes of a batched image (rank 4).  On other ranks Keras treats the
tensor as unbatched images, so the batch axis changes meaning: no claim.  None of
them has weights (the random ones' seed state is not counted by Keras either).
"""

from __future__ import annotations

from .spec import (TRANSPARENT, Difference, LayerSpec, Params, as_int, channels_first, identity,
                   no_weights)

AUGMENTATIONS = (
    "RandomFlip", "RandomRotation", "RandomZoom", "RandomContrast", "RandomTranslation",
    "RandomBrightness",
)


def resized(params: Params, shape: tuple):
    first = channels_first(params)
    if len(shape) != 4 or first is None:
        return None
    size = (as_int(params["height"]), as_int(params["width"]))
    return shape[:2] + size if first else shape[:1] + size + shape[3:]


def _resizing_spec(*positional: str, keras2: tuple = ()) -> LayerSpec:
    """``keras2``: the positional parameters after height and width in Keras 2, whose
    resizing and cropping layers are channels_last only (no data_format argument)."""
    return LayerSpec(("height", "width") + positional, resized, TRANSPARENT, weights=no_weights,
                     versions=(Difference(2, "no data_format argument (refused: channels_last only)",
                                          {"rejects": frozenset({"data_format"}),
                                           "positional": ("height", "width") + keras2}),))


def _augmentation(*positional: str) -> LayerSpec:
    return LayerSpec(positional, identity, TRANSPARENT, weights=no_weights)


SPECS = {
    **{name: _augmentation("factor") for name in AUGMENTATIONS},
    "RandomFlip": _augmentation("mode", "seed"),
    "RandomZoom": _augmentation("height_factor", "width_factor"),
    "RandomTranslation": _augmentation("height_factor", "width_factor"),
    "Resizing": _resizing_spec("interpolation", "crop_to_aspect_ratio", "pad_to_aspect_ratio",
                               "fill_mode", "fill_value", "antialias", "data_format",
                               keras2=("interpolation", "crop_to_aspect_ratio")),
    "CenterCrop": _resizing_spec("data_format"),
    "RandomCrop": _resizing_spec("seed", "data_format", keras2=("seed",)),
}
