"""NumPy references for Dense and the axis-preserving layers."""

from __future__ import annotations

import numpy as np

from ..model import UNKNOWN
from ..shapes.core import einsum_analysis
from .arrays import Unverifiable, concrete, weights


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


def einsum_dense(params, x, fill):
    """The layer's own einsum against a kernel of the shape Keras would build."""
    equation, output_shape = params["equation"], params["output_shape"]
    if isinstance(output_shape, (tuple, list)):
        output_shape = tuple(concrete(d, fill) if d is UNKNOWN else d for d in output_shape)
    analysis = einsum_analysis(equation, output_shape, params.get("bias_axes"), x.shape)
    if analysis is None:
        raise Unverifiable("EinsumDense arguments not modelled")
    kernel = weights(analysis[1])
    return np.einsum(equation, x, kernel)


REFERENCES["EinsumDense"] = einsum_dense
