"""NumPy references for Embedding, the recurrent layers and the time wrappers.

Every reference runs real array operations on the (zero-batch) input, with weights
as zero-stride views.  Note ``np.take`` would copy a broadcast table to a
contiguous array first; fancy indexing does not, so Embedding indexes instead.
"""

from __future__ import annotations

import numpy as np

from ..model import UNKNOWN, LayerCall
from ..shapes.spec import Inner
from .arrays import Unverifiable, concrete, weights

#: Gate count of each cell's fused kernel.
_GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}


def _flag(params, name, fill) -> bool:
    """A boolean argument as Keras reads it (truthiness); unknown runs as set."""
    value = params.get(name)
    return bool(fill) if value is UNKNOWN else bool(value)


def embedding(params, x, fill):
    """Look every index up in an (input_dim, output_dim) table."""
    table = weights((concrete(params["input_dim"], fill), concrete(params["output_dim"], fill)))
    indices = x.astype(np.intp)
    return table[indices]  # a gather: x.shape + (output_dim,)


def rnn(kind: str):
    gates = _GATES[kind]

    def reference(params, x, fill):
        if x.ndim != 3:
            raise ValueError(f"{kind} expects rank-3 input, got {x.shape}")
        if _flag(params, "return_state", fill):
            raise ValueError(f"{kind}(return_state=True) returns a list")
        units = concrete(params["units"], fill)
        kernel = weights((x.shape[-1], gates * units))
        recurrent = weights((units, gates * units))
        h0 = np.zeros((x.shape[0], units), dtype=np.float32)  # batch 0: empty
        if _flag(params, "return_sequences", fill):
            z = np.einsum("btf,fv->btv", x, kernel)  # every step's input projection
            z = z + np.einsum("bu,uv->bv", h0, recurrent)[:, None, :]
            return z[..., :units]
        z = np.einsum("btf,fv->bv", x, kernel) + np.einsum("bu,uv->bv", h0, recurrent)
        return z[..., :units]

    return reference


def conv_lstm(rank: int):
    """The cell's input convolution on every step, then keep or sum out time."""

    def reference(params, x, fill, engine: Inner):
        if x.ndim != rank + 3:
            raise ValueError(f"ConvLSTM{rank}D expects rank-{rank + 3} input, got {x.shape}")
        if _flag(params, "return_state", fill):
            raise ValueError("return_state=True returns a list")
        args = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
        kwargs = tuple((a, params[a]) for a in args if a in params)
        if params["filters"] == 0:  # ConvLSTM builds with 0 filters, Conv does not
            kwargs = tuple((a, 1 if a == "filters" else v) for a, v in kwargs)
        conv = LayerCall(f"Conv{rank}D", (), kwargs)
        batch, steps = x.shape[:2]
        y = engine.run_layer(conv, x.reshape((batch * steps,) + x.shape[2:]), fill)
        y = y.reshape((batch, steps) + y.shape[1:])
        if params["filters"] == 0:
            first = str(params.get("data_format")).lower() == "channels_first"
            y = y[:, :, :0] if first else y[..., :0]
        if _flag(params, "return_sequences", fill):
            return y
        return np.einsum("bt...->b...", y)

    return reference


def bidirectional(params, x, fill, engine: Inner):
    inner = params["layer"]
    if not isinstance(inner, LayerCall) or not (inner.kind in _GATES or inner.kind.startswith("ConvLSTM")):
        raise Unverifiable("Bidirectional over a non-recurrent or unknown layer")
    merge = params.get("merge_mode", "concat")
    if merge is UNKNOWN:
        raise Unverifiable("unknown merge_mode")
    if merge is None:
        raise ValueError("Bidirectional(merge_mode=None) returns a list")
    backward_call = params.get("backward_layer")
    if backward_call is None:
        backward_call = inner
    if not isinstance(backward_call, LayerCall):
        raise Unverifiable("unknown backward layer")
    forward = engine.run_layer(inner, x, fill)
    backward = engine.run_layer(backward_call, x[:, ::-1], fill)
    if merge == "concat":
        return np.concatenate([forward, backward], axis=-1)
    if forward.shape != backward.shape:
        raise ValueError("forward and backward outputs differ in shape")
    if merge == "sum":
        return np.add(forward, backward)
    if merge == "mul":
        return np.multiply(forward, backward)
    if merge == "ave":
        return np.add(forward, backward) / np.float32(2)
    raise ValueError(f"invalid merge_mode {merge!r}")


def time_distributed(params, x, fill, engine: Inner):
    """Fold time into the batch, apply the inner layer, unfold."""
    inner = params["layer"]
    if not isinstance(inner, LayerCall):
        raise Unverifiable("TimeDistributed over an unknown layer")
    if x.ndim < 3:
        raise ValueError(f"TimeDistributed expects rank >= 3, got {x.shape}")
    batch, steps = x.shape[:2]
    folded = x.reshape((batch * steps,) + x.shape[2:])
    y = engine.run_layer(inner, folded, fill)
    return y.reshape((batch, steps) + y.shape[1:])


REFERENCES = {
    "Embedding": embedding,
    "SimpleRNN": rnn("SimpleRNN"),
    "LSTM": rnn("LSTM"),
    "GRU": rnn("GRU"),
    **{f"ConvLSTM{r}D": conv_lstm(r) for r in (1, 2, 3)},
    "Bidirectional": bidirectional,
    "TimeDistributed": time_distributed,
}
