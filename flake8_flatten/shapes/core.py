"""Dense and the layers that keep every axis: activations, dropout/noise, normalisation."""

from __future__ import annotations

from .spec import (
    DENSE,
    TRANSPARENT,
    LayerSpec,
    Params,
    ShapeError,
    as_int,
    identity,
)


def dense(params: Params, shape: tuple):
    """Dense contracts the last axis only: (..., d) -> (..., units)."""
    units = as_int(params["units"])
    if units is not None and units <= 0:
        raise ShapeError(f"Dense needs a positive number of units, got {units}")
    return shape[:-1] + (units,)


def _identity_specs(names, positional=(), min_rank=1, **defaults):
    return {
        name: LayerSpec(positional, identity, TRANSPARENT, dict(defaults), min_rank)
        for name in names
    }


def _spatial_dropout(rank: int) -> LayerSpec:
    return LayerSpec(("rate",), identity, TRANSPARENT, exact_rank=rank)


SPECS = {
    "Dense": LayerSpec(("units", "activation", "use_bias"), dense, DENSE, min_rank=2),
    **_identity_specs(("Activation",), ("activation",)),
    **_identity_specs(("ReLU",), ("max_value", "negative_slope", "threshold")),
    **_identity_specs(("LeakyReLU",), ("negative_slope",)),
    **_identity_specs(("ELU",), ("alpha",)),
    **_identity_specs(("Softmax",), ("axis",)),
    **_identity_specs(("PReLU",), ("alpha_initializer",), min_rank=2),
    **_identity_specs(("ThresholdedReLU",), ("theta",)),
    **_identity_specs(("Dropout", "AlphaDropout"), ("rate", "noise_shape", "seed")),
    **_identity_specs(("GaussianDropout",), ("rate", "seed")),
    **_identity_specs(("GaussianNoise",), ("stddev", "seed")),
    **_identity_specs(("ActivityRegularization",), ("l1", "l2")),
    **_identity_specs(("BatchNormalization", "LayerNormalization", "UnitNormalization"), ("axis",)),
    **_identity_specs(("GroupNormalization",), ("groups", "axis")),
    **_identity_specs(("Rescaling",), ("scale", "offset")),
    **_identity_specs(("Normalization",), ("axis", "mean", "variance")),
    **_identity_specs(("Masking",), ("mask_value",)),
    "SpatialDropout1D": _spatial_dropout(3),
    "SpatialDropout2D": _spatial_dropout(4),
    "SpatialDropout3D": _spatial_dropout(5),
}
