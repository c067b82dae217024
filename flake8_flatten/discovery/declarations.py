"""What a layer call declares as a model's input: ``Input(shape=...)``, a first layer's
``input_shape=`` / ``input_dim=`` / ``batch_input_shape=``, as the running Keras reads
them (`shapes.versions`), and which of those sizes are fixed but unknown to us."""

from __future__ import annotations

from ..model import UNKNOWN, LayerCall
from ..shapes.versions import declares
from .names import INPUT_KINDS

#: Layers whose own ``input_dim`` parameter is not an input declaration
#: (``Embedding(input_dim=10000, ...)`` is the vocabulary size).
OWN_INPUT_DIM = frozenset({"Embedding"})


def input_shape_of(call: LayerCall):
    """The batch-inclusive input shape an Input/InputLayer or a first layer's
    ``input_shape=``/``input_dim=``/``batch_input_shape=`` declares; None if none."""
    def shape_of(value, batch=None):
        if not isinstance(value, tuple):
            return UNKNOWN if value is not None else None
        dims = tuple(d if isinstance(d, int) and not isinstance(d, bool) and d >= 0 else None
                     for d in value)
        if isinstance(batch, bool) or not isinstance(batch, int):
            batch = None
        return (batch,) + dims

    if call.kind in INPUT_KINDS:
        batch_shape = call.kwarg("batch_shape", call.kwarg("batch_input_shape"))
        if batch_shape is not None:
            if not isinstance(batch_shape, tuple) or not batch_shape:
                return UNKNOWN
            full = shape_of(batch_shape[1:], batch_shape[0])
            return full
        shape = call.args[0] if call.args else call.kwarg("shape", call.kwarg("input_shape"))
        if call.kind == "InputLayer" and not call.args and call.kwarg("shape") is not None \
                and not declares("input_layer_shape"):
            return UNKNOWN  # Keras 2 refuses InputLayer(shape=...): nothing to claim
        if call.kind == "Input" and isinstance(shape, int) and not isinstance(shape, bool) \
                and declares("int_shape"):
            shape = (shape,)  # Keras 2: Input(shape=1024)
        return shape_of(shape, call.kwarg("batch_size"))
    batch_shape = call.kwarg("batch_input_shape")
    if batch_shape is not None:
        if not declares("batch_input_shape"):
            return UNKNOWN  # Keras 3 refuses the keyword: nothing to claim
        if not isinstance(batch_shape, tuple) or not batch_shape:
            return UNKNOWN
        return shape_of(batch_shape[1:], batch_shape[0])
    dim = None if call.kind in OWN_INPUT_DIM else call.kwarg("input_dim")
    if dim is not None:
        return shape_of((dim,), call.kwarg("batch_size"))
    length = call.kwarg("input_length")
    if call.kind == "Embedding" and call.kwarg("input_shape") is None \
            and declares("input_length" if length is not None else "embedding_first"):
        length = tuple(length) if isinstance(length, (tuple, list)) else (length,)
        return shape_of(length, call.kwarg("batch_size"))  # Keras 2: (batch, input_length)
    return shape_of(call.kwarg("input_shape"), call.kwarg("batch_size"))


def fixed_axes_of(call: LayerCall) -> frozenset:
    """The axes (batch axis 0) of the input ``call`` declares whose sizes are fixed
    but unknown to us."""
    return frozenset(position + 1 for position in call.fixed)
