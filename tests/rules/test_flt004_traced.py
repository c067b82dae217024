"""FLT004 in subclassed models (issue 11): a layer object of ``__init__`` applied in ``call``
to another size than its weights were built for -- twice in one call, or by a second call
of the same model on other data.  Reported at the layer's constructor; only for a ``call``
Keras runs (on data or a tensor; Keras 3's ``build(shape)`` runs none).  Each bad case is
checked live: Keras raises at the model's call, and the clean near miss runs."""

from __future__ import annotations

import textwrap

import pytest

from ..conftest import keras_live
from ..expect import findings, messages

HEADER = """\
import numpy as np
import keras
from keras import layers
"""

SHARED_IN_ONE_CALL = HEADER + """
class TwoHeads(keras.Model):
    def __init__(self):
        super().__init__()
        self.a = layers.Dense(8)
        self.b = layers.Dense(WIDTH)
        self.shared = layers.Dense(2)

    def call(self, x):
        return self.shared(self.a(x)) + self.shared(self.b(x))


model = TwoHeads()
y = model(np.zeros((1, 16), "float32"))
"""

TWO_SIZES = HEADER + """
class Head(keras.Model):
    def __init__(self):
        super().__init__()
        self.out = layers.Dense(10)

    def call(self, x):
        return self.out(x)


net = Head()
small = net(np.zeros((2, 16), "float32"))
large = net(np.zeros((2, SECOND), "float32"))
"""

BAD = {
    "shared_in_one_call": (SHARED_IN_ONE_CALL.replace("WIDTH", "4"), (10, 22),
                           "built for size 8 on axis -1 by its call on line 13"),
    "two_sizes": (TWO_SIZES.replace("SECOND", "32"), (8, 19),
                  "built for size 16 on axis -1 when the model ran on (None, 16)"),
}
CLEAN = {
    "shared_in_one_call": SHARED_IN_ONE_CALL.replace("WIDTH", "8"),
    "two_sizes": TWO_SIZES.replace("SECOND", "16"),
    "built_only": TWO_SIZES.replace("small = net(np.zeros((2, 16), \"float32\"))",
                                    "net.build((None, 16))").replace("SECOND", "32"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_reported_at_the_layer_constructor(name):
    source, (line, col), because = BAD[name]
    assert findings(source, "FLT004") == [(line, col, "FLT004")]
    assert because in messages(source, "FLT004")[0]


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_near_misses_are_silent(name):
    assert findings(CLEAN[name], "FLT004") == []


def _runs(source: str):
    """None when Keras runs ``source`` to the end, else the line of the statement that raised."""
    keras_live()
    import traceback

    try:
        exec(compile(textwrap.dedent(source), "<case>", "exec"), {"__name__": "__case__"})
    except Exception as exc:  # noqa: BLE001 -- what Keras raises is the point
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<case>"]
        return frames[0].lineno if frames else -1  # the module statement that raised
    return None


@pytest.mark.parametrize("name", sorted(BAD))
def test_keras_refuses_each_bad_case_at_the_models_call(name):
    source = BAD[name][0]
    raised = _runs(source)
    assert raised is not None and source.splitlines()[raised - 1].startswith(("y = ", "large = "))


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_keras_runs_each_clean_case(name):
    assert _runs(CLEAN[name]) is None
