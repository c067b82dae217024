"""FLT003: data of a known shape that the model cannot take.

What it does
    Checks ``model.predict/fit/evaluate(x)`` and ``model(x)`` where ``x`` is built
    with a statically known shape (``np.zeros((3, 2))``, ``np.random.rand(...)``,
    ``np.array([[...]])``, ``.reshape(...)``) against the model's input.
Why is this bad
    Keras raises at run time ("Expected shape (None, 3, 2), but input has
    incompatible shape (3, 2)"), often after a long data-loading step.
Example / Use instead
    See README.md, "FLT003".

What Keras accepts is mirrored exactly (see `feeding`): a trailing axis of size
1 is adapted, and a fully convolutional model takes other image sizes.
"""

from __future__ import annotations

from typing import List

from ..model import ModelDescription, format_shape
from . import Finding
from .feeding import run_on_data

CODE = "FLT003"


def check(model: ModelDescription, run=None) -> List[Finding]:
    findings = []
    for feed in model.feeds:
        result = run_on_data(model, feed.data_shape, feed.layers, feed.method)
        if result is None or result.problem is None:
            continue
        call = "model(...)" if feed.method == "__call__" else f"{feed.method}()"
        message = f"{call} gets data of shape {format_shape(feed.data_shape)}, but {result.problem}"
        declared = model.graph(layers=feed.layers)[0][0]
        if declared is not None and len(feed.data_shape) == len(declared) - 1 \
                and all(d is None or d == s for d, s in zip(declared[1:], feed.data_shape)):
            message += "; add the batch axis: x[None] or np.expand_dims(x, 0)"
        findings.append(Finding(feed.line, feed.col, CODE, message))
    return findings
