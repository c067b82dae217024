"""NumPy references for the image preprocessing layers."""

from __future__ import annotations

import numpy as np

from ..shapes.preprocessing import AUGMENTATIONS
from ..shapes.spec import channels_first
from .arrays import concrete
from .core import elementwise


def resize(params, x, fill):
    """Nearest-neighbour resize: index arrays pick rows and columns (real gathers)."""
    first = channels_first(params)
    rows_axis, cols_axis = (2, 3) if first else (1, 2)
    height, width = concrete(params["height"], fill), concrete(params["width"], fill)
    rows = np.arange(height) * x.shape[rows_axis] // max(height, 1)
    cols = np.arange(width) * x.shape[cols_axis] // max(width, 1)
    return np.take(np.take(x, rows, axis=rows_axis), cols, axis=cols_axis)


REFERENCES = {
    **{name: elementwise for name in AUGMENTATIONS},
    "Resizing": resize,
    "CenterCrop": resize,
    "RandomCrop": resize,
}
