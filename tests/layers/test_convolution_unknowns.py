"""Convolution family: unknown arguments, bounded verification memory, caught wrong claims.

UNKNOWN arguments cannot be recorded as Keras goldens (Keras needs a value), so
the None dims they must produce are asserted here directly.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from flake8_flatten.model import UNKNOWN
from flake8_flatten.shapes import ShapeError, infer_layer
from flake8_flatten.shapes.convolution import (
    AUTO,
    SPECS,
    transposed_length,
    window_length,
)
from flake8_flatten.shapes.spec import FEATURE_MAP, REDUCER
from flake8_flatten.verify import verified_shapes
from flake8_flatten.verify.engine import references

from ..cases import layer, render

IMAGE = (None, 28, 28, 3)

UNKNOWN_CASES = [
    (layer("Conv2D", UNKNOWN, 3), IMAGE, (None, 26, 26, None)),
    (layer("Conv2D", 8, UNKNOWN), IMAGE, (None, None, None, 8)),
    (layer("Conv2D", 8, (3, UNKNOWN)), IMAGE, (None, 26, None, 8)),
    (layer("Conv2D", 8, 3, strides=UNKNOWN), IMAGE, (None, None, None, 8)),
    (layer("Conv2D", 8, 3, strides=(2, UNKNOWN), padding="same"), IMAGE, (None, 14, None, 8)),
    (layer("Conv2D", 8, 3, padding=UNKNOWN), IMAGE, (None, None, None, 8)),
    (layer("Conv2D", 8, 3, dilation_rate=UNKNOWN), IMAGE, (None, None, None, 8)),
    (layer("Conv2D", 8, 3, dilation_rate=UNKNOWN, padding="same"), IMAGE, (None, 28, 28, 8)),
    (layer("Conv2D", 8, 3, data_format=UNKNOWN), IMAGE, (None, None, None, None)),
    (layer("Conv2D", 8, 3, groups=UNKNOWN), IMAGE, (None, 26, 26, 8)),
    (layer("Conv1D", UNKNOWN, 3, padding="causal"), (None, 10, 4), (None, 10, None)),
    (layer("Conv2DTranspose", UNKNOWN, 3, strides=2), IMAGE, (None, 57, 57, None)),
    (layer("Conv2DTranspose", 8, 3, strides=2, output_padding=UNKNOWN), IMAGE, (None, None, None, 8)),
    (layer("Conv2DTranspose", 8, 3, strides=(2, UNKNOWN), padding="same"), IMAGE, (None, 56, None, 8)),
    (layer("Conv3DTranspose", 8, UNKNOWN), (None, 4, 4, 4, 2), (None, None, None, None, 8)),
    (layer("DepthwiseConv2D", 3, depth_multiplier=UNKNOWN), IMAGE, (None, 26, 26, None)),
    (layer("SeparableConv2D", UNKNOWN, 3, depth_multiplier=UNKNOWN), IMAGE, (None, 26, 26, None)),
    (layer("MaxPooling2D", UNKNOWN), IMAGE, (None, None, None, 3)),
    (layer("MaxPooling2D", 2, UNKNOWN), IMAGE, (None, None, None, 3)),
    (layer("MaxPooling2D", padding=UNKNOWN), IMAGE, (None, None, None, 3)),
    (layer("AveragePooling1D", pool_size=UNKNOWN, data_format="channels_first"), (None, 4, 9), (None, 4, None)),
    (layer("GlobalAveragePooling2D", keepdims=UNKNOWN), IMAGE, None),
    (layer("GlobalMaxPooling2D", data_format=UNKNOWN), IMAGE, (None, None)),
    (layer("ZeroPadding2D", UNKNOWN), IMAGE, (None, None, None, 3)),
    (layer("ZeroPadding2D", ((1, 1), UNKNOWN)), IMAGE, (None, 30, None, 3)),
    (layer("ZeroPadding1D", (UNKNOWN, 2)), (None, 10, 4), (None, None, 4)),
    (layer("Cropping2D", (UNKNOWN, 2)), IMAGE, (None, None, 24, 3)),
    (layer("Cropping1D", UNKNOWN), (None, 10, 4), (None, None, 4)),
    (layer("UpSampling2D", UNKNOWN), IMAGE, (None, None, None, 3)),
    (layer("UpSampling3D", (2, UNKNOWN, 1)), (None, 4, 4, 4, 2), (None, 8, None, 4, 2)),
]


@pytest.mark.parametrize("call, shape, expected", UNKNOWN_CASES, ids=[render(c[0]) for c in UNKNOWN_CASES])
def test_unknown_arguments_give_none_dims(call, shape, expected):
    assert infer_layer(call, shape) == expected


@pytest.mark.parametrize("call, shape, expected", UNKNOWN_CASES, ids=[render(c[0]) for c in UNKNOWN_CASES])
def test_partial_claims_survive_verification(call, shape, expected):
    """Every dim we still claim holds whatever the unknown turns out to be (both fills)."""
    if expected is not None:
        assert verified_shapes(shape, [call], [expected]) == [expected]


@pytest.mark.parametrize(
    "call, shape",
    [
        (layer("Conv2D", UNKNOWN, 3), (None, 2, 28, 3)),  # kernel does not fit, whatever the filters
        (layer("Conv2D", 8, (UNKNOWN, 5)), (None, 28, 4, 3)),
        (layer("MaxPooling2D", (UNKNOWN, 3)), (None, 28, 2, 3)),
        (layer("Cropping2D", ((UNKNOWN, 0), (2, 2))), (None, 28, 4, 3)),
        (layer("Conv2D", 8, 3, strides=2, dilation_rate=(UNKNOWN, 2), padding=UNKNOWN), IMAGE),
    ],
)
def test_unknowns_do_not_hide_certain_refusals(call, shape):
    with pytest.raises(ShapeError):
        infer_layer(call, shape)


def test_shared_arithmetic():
    assert window_length(28, 3, 1, 1, "valid") == 26
    assert window_length(28, 3, 2, 1, "same") == 14
    assert window_length(20, 3, 3, 4, "causal") == 7
    assert window_length(9, 3, 1, 4, "valid") == 1
    assert window_length(None, 3, 1, 1, "valid") is None
    assert window_length(5, None, 1, 1, "same") == 5  # "same" never depends on the window
    for n in (4, 2):  # zero and negative are both refused
        with pytest.raises(ShapeError):
            window_length(n, 5, 1, 1, "valid")
    assert transposed_length(7, 3, 2, 1, "valid") == 15
    assert transposed_length(10, 2, 3, 1, "valid") == 30  # (n-1)*s + max(k, s)
    assert transposed_length(7, 3, 2, 1, "same") == 14
    assert transposed_length(10, 4, 2, 1, "same", 1) == 19
    assert transposed_length(1, 2, 1, 1, "same", 0) == 0  # Keras builds an empty axis
    assert transposed_length(7, 3, 2, 1, "same", None) is None
    assert transposed_length(7, 3, 2, 1, "valid", AUTO) == 15


def test_roles():
    assert SPECS["Conv2D"].role == SPECS["MaxPool2D"].role == SPECS["Cropping3D"].role == FEATURE_MAP
    assert SPECS["GlobalAveragePooling2D"].role == SPECS["GlobalMaxPool1D"].role == REDUCER
    assert set(SPECS) <= set(references()), "every rule has a NumPy reference"


HUGE = (None, 100000, 100000, 3)


@pytest.mark.parametrize(
    "call",
    [
        layer("Conv2D", 8, 3),
        layer("MaxPooling2D"),
        layer("Conv2DTranspose", 8, 3, strides=2, padding="same"),
        layer("DepthwiseConv2D", 3, depth_multiplier=4),
        layer("SeparableConv2D", 64, 5, padding="same"),
        layer("Conv2D", 512, 1000),  # a declared kernel of 1000*1000*3*512 floats
    ],
    ids=lambda c: c.kind,
)
def test_verification_memory_is_bounded(call):
    static = infer_layer(call, HUGE)
    verified_shapes((None, 8, 8, 3), [layer("Conv2D", 2, 1)], [(None, 8, 8, 2)])  # warm imports
    tracemalloc.start()
    start = time.perf_counter()
    try:
        checked = verified_shapes(HUGE, [call], [static])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert checked == [static]
    assert peak < 10 * 2**20, f"peak {peak} bytes"
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "call, shape, wrong",
    [
        (layer("Conv2D", 8, 3), IMAGE, (None, 28, 28, 8)),  # "valid" mistaken for "same"
        (layer("Conv2D", 8, 3, strides=2), IMAGE, (None, 14, 14, 8)),  # floor vs ceil
        (layer("Conv2D", 8, 3, data_format="channels_first"), (None, 3, 28, 28), (None, 26, 26, 8)),
        (layer("Conv2DTranspose", 8, 3, strides=2), IMAGE, (None, 56, 56, 8)),
        (layer("Conv1D", 8, 3, padding="causal", dilation_rate=2), (None, 20, 3), (None, 16, 8)),
        (layer("DepthwiseConv2D", 3, depth_multiplier=2), IMAGE, (None, 26, 26, 3)),
        (layer("MaxPooling2D", 3, 2), IMAGE, (None, 14, 14, 3)),
        (layer("GlobalMaxPooling2D"), IMAGE, (None, 1, 1, 3)),
        (layer("ZeroPadding2D", (1, 2)), IMAGE, (None, 31, 31, 3)),
        (layer("Cropping2D", ((1, 0), 2)), IMAGE, (None, 26, 24, 3)),
        (layer("UpSampling2D", (2, 3)), IMAGE, (None, 56, 56, 3)),
        (layer("Conv2D", 8, 3), (None, None, 28, 3), (None, 29, 26, 8)),  # a size that depends on a None dim
        (layer("Conv2D", 8, 3), IMAGE, (4, 26, 26, 8)),  # the batch axis is kept as declared
    ],
)
def test_verifier_catches_a_wrong_claim(call, shape, wrong):
    assert infer_layer(call, shape) != wrong
    assert verified_shapes(shape, [call], [wrong]) == [None]


def test_window_stand_ins_differ_between_fills():
    """Unknown kernels/strides/crops run small (so they fit) yet differently per fill."""
    from flake8_flatten.verify.convolution import small
    from flake8_flatten.verify.engine import FILLS

    assert len({small(UNKNOWN, fill) for fill in FILLS}) == len(FILLS)


@pytest.mark.parametrize("call", [layer("Conv1D", 32, 7), layer("Conv2D", 8, 3), layer("DepthwiseConv2D", 3),
                                  layer("SeparableConv2D", 8, 3), layer("Conv2DTranspose", 8, 3)])
def test_an_unknown_channel_count_is_unknown_not_refused(call):
    """``Input(shape=(x.shape[1], x.shape[2]))`` or ``(28, 28, n)``: a None channel axis
    may be a size we could not evaluate, so no refusal is claimed (a keras-io false
    positive, timeseries_anomaly_detection.py, before this was fixed)."""
    rank = 3 if "1D" in call.kind else 4
    shape = (None,) + (28,) * (rank - 2) + (None,)
    assert infer_layer(call, shape) is None
