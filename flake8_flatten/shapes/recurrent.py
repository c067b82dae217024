"""Embedding, the recurrent layers and the wrappers that apply a layer along time.

Keras 3 semantics (checked against keras/src/layers/rnn and core/embedding.py):

* ``Embedding`` appends ``output_dim`` to an input of any rank; ``input_length``
  is deprecated and ignored for shapes.
* ``SimpleRNN``/``LSTM``/``GRU`` need rank-3 input with a known feature size (the
  kernel must be fully defined; with a None one we claim nothing, as that None
  may just be a size discovery could not evaluate), return ``(batch, units)`` or, with
  ``return_sequences``, ``(batch, time, units)``.  ``return_state`` makes the
  output a list, which no single shape describes: unknown.
* ``ConvLSTM1D/2D/3D`` run a Conv{1,2,3}D (same arguments, no ``causal``) on each
  step ``shape[:1] + shape[2:]``, whose sizes must all be static.
* ``Bidirectional`` takes the forward layer's output shape; ``concat`` doubles the
  last axis, ``sum``/``mul``/``ave`` keep it, ``None`` returns a list.
* ``TimeDistributed`` applies the inner layer to ``shape[:1] + shape[2:]`` and
  re-inserts the time axis.  Keras bypasses the inner layer's input-rank check
  there, so where only our rank check would refuse we claim nothing.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import UNKNOWN, LayerCall
from .spec import SEQUENCE, LayerSpec, Params, ShapeError, as_bool, as_tuple, channels_first


def _positive(value: Any, layer: str, name: str, allow_bool: bool = True) -> Optional[int]:
    """A size argument Keras insists be a positive int; None when unknown."""
    if value is UNKNOWN:
        return None
    if isinstance(value, bool):
        if not allow_bool:
            raise ShapeError(f"{layer} needs a positive integer {name}, got {value!r}")
        return None  # Keras takes bools as 0/1 here; too odd to claim anything
    if not isinstance(value, int):
        raise ShapeError(f"{layer} needs a positive integer {name}, got {value!r}")
    if value <= 0:
        raise ShapeError(f"{layer} needs a positive integer {name}, got {value}")
    return value


# --- Embedding -------------------------------------------------------------------


def embedding(params: Params, shape: tuple):
    """Embedding looks up every index: (batch, ...) -> (batch, ..., output_dim)."""
    _positive(params["input_dim"], "Embedding", "input_dim", allow_bool=False)
    output_dim = _positive(params["output_dim"], "Embedding", "output_dim", allow_bool=False)
    return shape + (output_dim,)


# --- SimpleRNN / LSTM / GRU ------------------------------------------------------


def _over_time(params: Params, shape: tuple, step: Optional[tuple]):
    """An RNN's output from its per-step output ``step`` (batch axis first)."""
    if step is None:
        return None
    if shape[0] is None and as_bool(params.get("stateful"), False) is not False:
        return None  # Keras refuses stateful=True on a None batch (see rnn)
    if as_bool(params.get("return_state"), False) is not False:
        return None  # a list of outputs (or possibly one): no single shape
    sequences = as_bool(params.get("return_sequences"), False)
    if sequences is None:
        return None  # even the rank depends on it
    if sequences:
        return (step[0], shape[1]) + tuple(step[1:])
    return tuple(step)


def rnn(kind: str):
    def rule(params: Params, shape: tuple):
        units = _positive(params["units"], kind, "units")
        # Keras refuses a None feature size (the kernel must be fully defined) and
        # stateful=True on a None batch, but a None here may only be a size we
        # could not evaluate: claim nothing rather than report a refusal.
        if shape[2] is None:
            return None
        return _over_time(params, shape, (shape[0], units))

    return rule


# --- ConvLSTM1D/2D/3D -------------------------------------------------------------

_CONV_ARGS = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")


def conv_lstm(rank: int):
    """Each step is a Conv{rank}D over shape[:1] + shape[2:] (the cell's input conv)."""

    def rule(params: Params, shape: tuple):
        from .engine import infer_layer

        padding = params.get("padding", "valid")
        if padding is not UNKNOWN:
            if not isinstance(padding, str):
                return None  # explicit padding tuples: not modelled
            if padding.lower() not in ("valid", "same"):  # no "causal", even in 1D
                raise ShapeError(f"ConvLSTM{rank}D padding must be 'valid' or 'same', got {padding!r}")
        strides = as_tuple(params.get("strides", 1), rank)
        dilation = as_tuple(params.get("dilation_rate", 1), rank)
        if any(s is not None and s > 1 for s in strides) and any(
            d is not None and d > 1 for d in dilation
        ):
            raise ShapeError("strides > 1 together with dilation_rate > 1 is not supported")
        filters = params["filters"]
        if isinstance(filters, bool):
            return None  # Keras takes a bool as 0/1: too odd to claim anything
        if filters is UNKNOWN:
            filters = None
        elif not isinstance(filters, int) or filters < 0:  # unlike Conv, 0 filters build
            raise ShapeError(f"ConvLSTM{rank}D needs a non-negative integer filters, got {filters!r}")
        step = shape[:1] + shape[2:]
        if None in step[1:]:
            return None  # Keras needs static spatial and channel sizes (or we lack them)
        args = tuple((name, params[name]) for name in _CONV_ARGS[1:] if name in params)
        out = infer_layer(LayerCall(f"Conv{rank}D", (1,), args), step)
        first = channels_first(params)
        if out is None or first is None:
            return None
        out = list(out)
        out[1 if first else -1] = filters
        return _over_time(params, shape, tuple(out))

    return rule


_SIMPLE_RNN = (
    "units", "activation", "use_bias", "kernel_initializer", "recurrent_initializer",
    "bias_initializer", "kernel_regularizer", "recurrent_regularizer", "bias_regularizer",
    "activity_regularizer", "kernel_constraint", "recurrent_constraint", "bias_constraint",
    "dropout", "recurrent_dropout", "return_sequences", "return_state", "go_backwards",
    "stateful", "unroll", "seed",
)
_LSTM = (
    "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "use_cudnn",
)
_CONV_LSTM = _CONV_ARGS + (
    "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "unit_forget_bias", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful",
)
_GRU = (
    "units", "activation", "recurrent_activation", "use_bias", "kernel_initializer",
    "recurrent_initializer", "bias_initializer", "kernel_regularizer",
    "recurrent_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
    "recurrent_constraint", "bias_constraint", "dropout", "recurrent_dropout", "seed",
    "return_sequences", "return_state", "go_backwards", "stateful", "unroll", "reset_after",
    "use_cudnn",
)

#: Layers Bidirectional can wrap (they have go_backwards/return_sequences/...).
RNN_KINDS = ("SimpleRNN", "LSTM", "GRU", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D")


# --- Bidirectional ---------------------------------------------------------------


def wrapped_layer(params: Params, wrapper: str) -> Optional[LayerCall]:
    """The layer a wrapper wraps; None when unknown; ShapeError when not a layer."""
    inner = params["layer"]
    if isinstance(inner, LayerCall):
        return inner
    if inner is UNKNOWN:
        return None
    raise ShapeError(f"{wrapper} needs a Keras layer instance, got {inner!r}")


_MERGE_MODES = ("concat", "sum", "mul", "ave")


def bidirectional(params: Params, shape: tuple):
    from .engine import infer_layer, spec_for

    inner = wrapped_layer(params, "Bidirectional")
    if inner is None:
        return None
    merge = params.get("merge_mode", "concat")
    if merge is UNKNOWN:
        return None
    if merge is not None and merge not in _MERGE_MODES:  # case-sensitive in Keras
        raise ShapeError(f"Bidirectional got an invalid merge_mode {merge!r}")
    if not inner.is_keras or spec_for(inner) is None:
        return None  # a layer we have no rule for
    if inner.kind not in RNN_KINDS:
        raise ShapeError(f"Bidirectional cannot wrap {inner.kind}: it is not a recurrent layer")
    inner_params = spec_for(inner).bind(inner)
    backwards = as_bool(inner_params.get("go_backwards"), False)
    backward_layer = params.get("backward_layer")
    if backward_layer is None:
        if backwards:
            raise ShapeError("Bidirectional's forward layer has go_backwards=True, as its copy")
        if backwards is None:
            return None  # would refuse if it were True
    else:
        # Keras sizes the output from the forward layer alone, even under concat
        # with a differently sized backward layer: no trustworthy claim.
        return None
    out = infer_layer(inner, shape)  # Bidirectional keeps the inner layer's input spec
    if out is None or merge is None:
        return None  # merge_mode=None returns a list [forward, backward]
    if merge == "concat":
        last = out[-1]
        return out[:-1] + (None if last is None else 2 * last,)
    return out


# --- TimeDistributed -------------------------------------------------------------


def time_distributed(params: Params, shape: tuple):
    from .engine import infer_layer, spec_for

    inner = wrapped_layer(params, "TimeDistributed")
    if inner is None:
        return None
    spec = spec_for(inner)
    if spec is None:
        return None
    child = shape[:1] + shape[2:]
    rank = len(child)
    if (spec.exact_rank is not None and rank != spec.exact_rank) or rank < spec.min_rank:
        # Keras skips the inner layer's input-spec check here; whether it then
        # refuses depends on the layer's build: claim nothing.
        return None
    out = infer_layer(inner, child)
    if out is None:
        return None
    return (out[0], shape[1]) + tuple(out[1:])


SPECS = {
    "Embedding": LayerSpec(
        ("input_dim", "output_dim", "embeddings_initializer", "embeddings_regularizer",
         "embeddings_constraint", "mask_zero", "weights", "lora_rank", "lora_alpha"),
        embedding, SEQUENCE, min_rank=1,
    ),
    "SimpleRNN": LayerSpec(_SIMPLE_RNN, rnn("SimpleRNN"), SEQUENCE, exact_rank=3),
    "LSTM": LayerSpec(_LSTM, rnn("LSTM"), SEQUENCE, exact_rank=3),
    "GRU": LayerSpec(_GRU, rnn("GRU"), SEQUENCE, exact_rank=3),
    **{
        f"ConvLSTM{r}D": LayerSpec(_CONV_LSTM, conv_lstm(r), SEQUENCE, exact_rank=r + 3)
        for r in (1, 2, 3)
    },
    "Bidirectional": LayerSpec(
        ("layer", "merge_mode", "weights", "backward_layer"), bidirectional, SEQUENCE
    ),
    "TimeDistributed": LayerSpec(("layer",), time_distributed, SEQUENCE, min_rank=3),
}
