"""Recurrent, wrapper, reshaping and EinsumDense rules on unknown arguments and huge sizes.

Unknown arguments (the UNKNOWN sentinel) must give None for exactly the sizes that
depend on them, keep every refusal that does not depend on them, and never crash.
The NumPy references must verify claims on enormous declared sizes in bounded memory.
"""

from __future__ import annotations

import tracemalloc

import pytest

from flake8_flatten.model import UNKNOWN, LayerCall
from flake8_flatten.shapes import ShapeError, infer_chain, infer_layer, registry
from flake8_flatten.shapes.spec import REDUCER, RESHAPE, SEQUENCE, TRANSPARENT
from flake8_flatten.verify import verified_shapes

from ..cases import layer

U = UNKNOWN


@pytest.mark.parametrize(
    "call, shape, expected",
    [
        (layer("Embedding", U, 8), (None, 10), (None, 10, 8)),
        (layer("Embedding", 100, U), (None, 10), (None, 10, None)),
        (layer("Embedding", 100, output_dim=U), (4, 3, 2), (4, 3, 2, None)),
        (layer("LSTM", U), (None, 10, 3), (None, None)),
        (layer("LSTM", U, return_sequences=True), (None, 10, 3), (None, 10, None)),
        (layer("GRU", 4, return_sequences=U), (None, 10, 3), None),
        (layer("SimpleRNN", 4, return_state=U), (None, 10, 3), None),
        (layer("LSTM", 4, stateful=U), (None, 10, 3), None),
        (layer("LSTM", 4, stateful=U), (2, 10, 3), (2, 4)),
        (layer("Bidirectional", U), (None, 10, 3), None),
        (layer("Bidirectional", layer("LSTM", U)), (None, 10, 3), (None, None)),
        (layer("Bidirectional", layer("LSTM", 4), U), (None, 10, 3), None),
        (layer("Bidirectional", layer("LSTM", 4, go_backwards=U)), (None, 10, 3), None),
        (layer("Bidirectional", layer("LSTM", 4), backward_layer=U), (None, 10, 3), None),
        # Keras sizes concat from the forward layer only; the real output is 4 + 6.
        (layer("Bidirectional", layer("LSTM", 4), backward_layer=layer("LSTM", 6, go_backwards=True)),
         (None, 10, 3), None),
        (layer("Bidirectional", LayerCall("MyRNN", (4,), is_keras=False)), (None, 10, 3), None),
        (layer("ConvLSTM2D", U, 3), (None, 10, 32, 32, 3), (None, 30, 30, None)),
        (layer("ConvLSTM2D", 8, U), (None, 10, 32, 32, 3), (None, None, None, 8)),
        (layer("ConvLSTM2D", 8, 3, data_format=U), (None, 10, 32, 32, 3), None),
        (layer("ConvLSTM2D", 8, 3, padding=U, return_sequences=True), (None, 10, 32, 32, 3),
         (None, 10, None, None, 8)),
        (layer("ConvLSTM1D", 8, 3), (None, 10, 32, None), None),
        (layer("TimeDistributed", U), (None, 10, 3), None),
        (layer("TimeDistributed", layer("Dense", U)), (None, 10, 3), (None, 10, None)),
        (layer("TimeDistributed", LayerCall("MyLayer", is_keras=False)), (None, 10, 3), None),
        # Keras skips the inner input-spec check: our rank check alone must not refuse.
        (layer("TimeDistributed", layer("SpatialDropout1D", 0.1)), (None, 10, 3), None),
        (layer("TimeDistributed", layer("Embedding", U, U)), (None, 10, 3), (None, 10, 3, None)),
        (layer("Flatten", U), (None, 3, 4), (None, 12)),
        (layer("Reshape", U), (None, 12), None),
        (layer("Reshape", (U, 4)), (None, 12), (None, None, 4)),
        (layer("Reshape", (-1, U)), (None, 12), (None, None, None)),
        (layer("Permute", U), (None, 3, 4), None),
        (layer("Permute", (U, 1)), (None, 3, 4), (None, None, 3)),
        (layer("RepeatVector", U), (None, 5), (None, None, 5)),
        (layer("EinsumDense", U, 8), (None, 4), None),
        (layer("EinsumDense", "ab,bc->ac", U), (None, 4), None),
        (layer("EinsumDense", "ab,bc->ac", (U,)), (None, 4), (None, None)),
        (layer("EinsumDense", "abc,cd->abd", (U, 64)), (None, 10, 32), (None, None, 64)),
        (layer("EinsumDense", "abc,cd->abd", (10, 64), bias_axes=U), (None, 10, 32), (None, 10, 64)),
        # Keras 3 lists left-elided axes in reverse order; the einsum does not.
        (layer("EinsumDense", "...b,bc->...c", 16), (None, 3, 5, 32), None),
        (layer("EinsumDense", "ab,bc->ac ", 16), (None, 32), None),
        # Keras refuses these for a None size, but a None may be a size we could not
        # evaluate: no claim, and no refusal reported either.
        (layer("LSTM", 4), (None, 10, None), None),
        (layer("Bidirectional", layer("GRU", 4)), (None, 10, None), None),
        (layer("LSTM", 4, stateful=True), (None, 10, 3), None),
        (layer("EinsumDense", "ab,bc->ac", 8), (None, None), None),
        (layer("EinsumDense", "abc,cd->abd", (10, 8)), (None, None, 3), None),
    ],
)
def test_unknown_arguments_give_unknown_sizes(call, shape, expected):
    assert infer_layer(call, shape) == expected


@pytest.mark.parametrize(
    "call, shape",
    [
        (layer("LSTM", U), (None, 10)),
        (layer("GRU", U, stateful=True, return_sequences=True), (None, 10, 3, 1)),
        (layer("Bidirectional", layer("LSTM", U)), (None, 10)),
        (layer("Bidirectional", layer("LSTM", U), "max"), (None, 10, 3)),
        (layer("Bidirectional", layer("Dense", U)), (None, 10, 3)),
        (layer("TimeDistributed", U), (None, 10)),
        (layer("Embedding", 0, U), (None, 10)),
        (layer("Reshape", (U, -1, -1)), (None, 12)),
        (layer("Reshape", (U, -3)), (None, 12)),
        (layer("Permute", (U, 1)), (None, 3, 4, 5)),
        (layer("Permute", (U, 1, 1)), (None, 3, 4, 5)),
        (layer("RepeatVector", U), (None, 5, 2)),
        (layer("ConvLSTM2D", U, 3, padding="causal"), (None, 10, 32, 32, 3)),
        (layer("ConvLSTM2D", U, 3, strides=2, dilation_rate=2), (None, 10, 32, 32, 3)),
        (layer("EinsumDense", "abc,cd->abd", (U, 64)), (None, 10)),
        (layer("EinsumDense", "ab,bc->ad", (U,)), (None, 10)),
        (layer("EinsumDense", "ab,bc->ac", (None,)), (None, None)),  # a literal None kernel size
    ],
)
def test_refusals_that_do_not_depend_on_unknowns_stay(call, shape):
    with pytest.raises(ShapeError):
        infer_layer(call, shape)


def test_roles():
    specs = registry()
    for kind in ("Embedding", "SimpleRNN", "LSTM", "GRU", "Bidirectional", "TimeDistributed", "RepeatVector"):
        assert specs[kind].role == SEQUENCE, kind
    assert specs["Flatten"].role == REDUCER
    assert specs["Reshape"].role == RESHAPE
    assert specs["Permute"].role == TRANSPARENT
    assert specs["EinsumDense"].role == TRANSPARENT


def test_chain_with_unknowns_is_verified_where_claimed():
    calls = [
        layer("Embedding", U, 8),
        layer("LSTM", U, return_sequences=True),
        layer("TimeDistributed", layer("Dense", 4)),
        layer("Reshape", (U, 2)),
        layer("Permute", (2, 1)),
        layer("Flatten"),
        layer("RepeatVector", 3),
        layer("Bidirectional", layer("GRU", 5, return_sequences=True)),
    ]
    results = infer_chain((None, 10), calls)
    static = [r.output_shape for r in results]
    assert static == [
        (None, 10, 8),
        (None, 10, None),
        (None, 10, 4),
        (None, None, 2),
        (None, 2, None),
        (None, None),
        (None, 3, None),
        None,  # the GRU kernel needs the (unknown) feature size: no claim, no refusal
    ]
    assert all(r.error is None for r in results)
    assert verified_shapes((None, 10), calls, static) == static


def test_verifier_drops_a_wrong_claim():
    calls = [layer("TimeDistributed", layer("Dense", 8))]
    assert verified_shapes((None, 5, 3), calls, [(None, 5, 9)]) == [None]
    calls = [layer("Bidirectional", layer("LSTM", 4), backward_layer=layer("LSTM", 6, go_backwards=True))]
    # What Keras claims (forward size doubled) is not what the layer computes.
    assert verified_shapes((None, 5, 3), calls, [(None, 8)]) == [None]
    assert verified_shapes((None, 5, 3), calls, [(None, 10)]) == [(None, 10)]


HUGE = [
    ((None, 10**5), [layer("Embedding", 10**6, 10**4)]),
    ((None, 10**4, 10**5), [layer("LSTM", 10**5)]),
    ((None, 10**4, 10**5), [layer("LSTM", 10**5, return_sequences=True)]),
    ((None, 10**4, 10**5), [layer("GRU", 10**5), layer("RepeatVector", 10**6)]),
    ((None, 10**5, 10**4), [layer("TimeDistributed", layer("Dense", 10**6))]),
    ((None, 10**4, 10**3, 10**3, 10**3), [layer("ConvLSTM2D", 10**5, 3, return_sequences=True)]),
    ((None, 10**4, 10**5), [layer("Bidirectional", layer("SimpleRNN", 10**5, return_sequences=True))]),
    ((None, 10**5, 10**5, 3), [layer("Flatten"), layer("Reshape", (10**5, -1)), layer("Permute", (2, 1))]),
    ((None, 10**5, 10**5), [layer("EinsumDense", "abc,cd->abd", (None, 10**6))]),
    ((None, 10**5, 10**5), [layer("EinsumDense", "...b,bc->...c", 10**6)]),
]


@pytest.mark.parametrize("input_shape, calls", HUGE, ids=lambda v: repr(v)[:60])
def test_huge_declared_sizes_verify_in_bounded_memory(input_shape, calls):
    static = [r.output_shape for r in infer_chain(input_shape, calls)]
    assert all(s is not None for s in static)
    tracemalloc.start()
    try:
        checked = verified_shapes(input_shape, calls, static)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert checked == static  # the references ran (a MemoryError would drop claims)
    assert peak < 10 * 2**20
