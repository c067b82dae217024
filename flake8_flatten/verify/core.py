"""NumPy references for Dense and the axis-preserving layers."""

from __future__ import annotations

import numpy as np

from .engine import concrete, weights


def dense(params, x, fill):
    """A real contraction of the last axis with a (d, units) kernel."""
    kernel = weights((x.shape[-1], concrete(params["units"], fill)))
    return np.einsum("...i,ij->...j", x, kernel)


def elementwise(params, x, fill):
    """Activation/dropout/normalisation: an element-wise map keeps the shape."""
    return x * np.float32(1)


REFERENCES = {
    "Dense": dense,
    **{
        name: elementwise
        for name in (
            "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "PReLU",
            "ThresholdedReLU", "Dropout", "AlphaDropout", "GaussianDropout",
            "GaussianNoise", "ActivityRegularization", "BatchNormalization",
            "LayerNormalization", "UnitNormalization", "GroupNormalization",
            "Rescaling", "Normalization", "Masking", "SpatialDropout1D",
            "SpatialDropout2D", "SpatialDropout3D",
        )
    },
}
