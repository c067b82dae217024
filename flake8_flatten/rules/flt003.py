"""FLT003: data of a known shape that the model cannot take.

Its documentation is `RULE` below (``docs/rules/FLT003.md`` is generated from it).  What
Keras accepts is mirrored exactly (see `feeding`): a trailing axis of size 1 is adapted,
and a fully convolutional model takes other image sizes.
"""

from __future__ import annotations

from typing import List

from ..model import ModelDescription, format_shape
from .feeding import run_on_data
from .finding import Finding
from .rule import Rule

CODE = "FLT003"

RULE = Rule(
    code=CODE,
    title="data the model cannot take",
    summary="Data of a known shape that the model cannot take.",
    catches="`model.predict/fit/evaluate(x)` / `model(x)` with data of a known shape the model refuses",
    keras_says="`Expected shape (None, 3, 2), but input has incompatible shape (3, 2)`",
    what_it_does="""
        Checks `model.predict/fit/evaluate/predict_on_batch/train_on_batch/test_on_batch(x)`
        and `model(x)` where `x` has a statically known shape — `np.zeros/ones/empty/full((...))`,
        `np.random.rand/randn(...)`, `np.random.random((...))`,
        `np.random.normal/uniform/randint(..., size=...)`, `np.array(<literal>)` (shape from NumPy on
        the literal), `.reshape(...)` of those, `np.expand_dims` — against what Keras 3 accepts.
    """,
    why_is_this_bad="""
        Keras raises at run time, often after a long data-loading step, with the
        famous "expected dense_input to have 3 dimensions, but got array with shape (3, 2)".
    """,
    example="""
        import numpy as np
        from keras import layers, models

        model = models.Sequential([layers.Input(shape=(3, 2)), layers.Flatten(), layers.Dense(4)])
        prediction = model.predict(np.random.rand(3, 2))
    """,
    use_instead="""
        import numpy as np
        from keras import layers, models

        model = models.Sequential([layers.Input(shape=(3, 2)), layers.Flatten(), layers.Dense(4)])
        prediction = model.predict(np.random.rand(3, 2)[None])  # (1, 3, 2): a batch of one
    """,
    notes="""
        What Keras 3 accepts is mirrored, not a stricter rule (each behaviour below was measured with
        Keras 3.15 and is a test case in `tests/diagnostics/`):

        - a rank that differs only by a trailing axis of size 1 is adapted (`(n, 28, 28)` into a
          `(28, 28, 1)` model runs; so does `(n, 10, 1)` into `(10,)`); any other rank difference is
          refused;
        - `predict`, and every method of a `Sequential`, run the layers on the data's own sizes: a fully
          convolutional model ending in global pooling takes other image sizes; what fails is a layer
          whose weights were built for another size (Dense/RNN features, conv channels, normalisation
          axis, the width after `Flatten`) or a layer that cannot take the new shape at all;
        - a functional model called directly, fitted or evaluated checks every fixed size of its
          declared input (`model(x)` with 64×64 images on a 32×32 input is refused, `predict` is not);
        - a `Sequential` without a declared input is built by its first data: a layer that cannot take
          that data (a `Conv2D` on `(n, 28, 28)`) is reported here.

        Only the input `x` is checked; targets `y` are not (losses broadcast in ways we do not model).
    """,
)


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
