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

Weights: every gate of an RNN cell has a kernel from the input, one from the state
and a bias (`gated_weights`; ConvLSTM's kernels are convolutions); Bidirectional
holds two copies of its layer, TimeDistributed one, built on the per-step shape.
"""

from __future__ import annotations

from typing import Any, Optional

from ..model import UNKNOWN, LayerCall
from .convolution import input_channels, kernel_volume
from .spec import (
    SEQUENCE,
    Difference,
    Inner,
    LayerSpec,
    Params,
    ShapeError,
    Unknowable,
    as_bool,
    as_int,
    as_tuple,
    bias,
    channel_axis,
    channels_first,
    known,
    last_axis,
    unmodelled,
    lenient,
    unknown_when,
)


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


def embedding_weights(params: Params, shape: tuple) -> int:
    """One output_dim vector per index."""
    unmodelled(params, "lora_rank", "quantization_config")
    input_dim, output_dim = as_int(params["input_dim"]), as_int(params["output_dim"])
    known(input_dim, output_dim)
    return input_dim * output_dim


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


def gated_weights(params: Params, gates: int, fan_in: int, fan_state: int, units: int,
                  bias_sets: int = 1) -> int:
    """Each gate's kernels from the input (``fan_in`` per unit) and from the state
    (``fan_state`` per unit), plus ``bias_sets`` biases."""
    return gates * units * (fan_in + fan_state) + bias(params, bias_sets * gates * units)


_GATES = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}


def rnn_weights(kind: str):
    def count(params: Params, shape: tuple) -> int:
        units = as_int(params["units"])
        known(units, shape[2])
        bias_sets = 1
        if kind == "GRU":  # reset_after (the default) keeps separate input and state biases
            reset_after = as_bool(params.get("reset_after"), True)
            if reset_after is None:
                raise Unknowable("reset_after is unknown")
            bias_sets = 2 if reset_after else 1
        return gated_weights(params, _GATES[kind], shape[2], units, units, bias_sets)

    return count


# --- ConvLSTM1D/2D/3D -------------------------------------------------------------

_CONV_ARGS = ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")


def conv_lstm(rank: int):
    """Each step is a Conv{rank}D over shape[:1] + shape[2:] (the cell's input conv)."""

    def rule(params: Params, shape: tuple, inner: Inner):
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
        out = inner.infer_layer(LayerCall(f"Conv{rank}D", (1,), args), step)
        first = channels_first(params)
        if out is None or first is None:
            return None
        out = list(out)
        out[1 if first else -1] = filters
        return _over_time(params, shape, tuple(out))

    return rule


def conv_lstm_weights(rank: int):
    """Four gates of convolution kernels over the input's and the state's channels."""

    def count(params: Params, shape: tuple, inner: Inner) -> int:
        filters = as_int(params["filters"])
        known(filters)
        volume = kernel_volume(params, rank)
        channels = input_channels(params, shape[:1] + shape[2:])
        return gated_weights(params, 4, volume * channels, volume * filters, filters)

    return count


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


def bidirectional(params: Params, shape: tuple, engine: Inner):
    inner = wrapped_layer(params, "Bidirectional")
    if inner is None:
        return None
    merge = params.get("merge_mode", "concat")
    if merge is UNKNOWN:
        return None
    if merge is not None and merge not in _MERGE_MODES:  # case-sensitive in Keras
        raise ShapeError(f"Bidirectional got an invalid merge_mode {merge!r}")
    if not inner.is_keras or engine.spec_for(inner) is None:
        return None  # a layer we have no rule for
    if inner.kind not in RNN_KINDS:
        raise ShapeError(f"Bidirectional cannot wrap {inner.kind}: it is not a recurrent layer")
    inner_params = engine.spec_for(inner).bind(inner)
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
    out = engine.infer_layer(inner, shape)  # Bidirectional keeps the inner layer's input spec
    if out is None or merge is None:
        return None  # merge_mode=None returns a list [forward, backward]
    if merge == "concat":
        last = out[-1]
        return out[:-1] + (None if last is None else 2 * last,)
    return out


def _keras2_backwards_copy(rule):
    """Keras 2 builds Bidirectional(RNN(go_backwards=True)): the backward copy flips it, so
    the shapes are those of a forward layer."""

    def apply(params: Params, shape: tuple, *engine: Inner):
        inner = params.get("layer")
        if isinstance(inner, LayerCall) and params.get("backward_layer") is None \
                and inner.kwarg("go_backwards") is True:
            kwargs = tuple((k, False if k == "go_backwards" else v) for k, v in inner.kwargs)
            params = Params({**params, "layer": LayerCall(inner.kind, inner.args, kwargs, inner.line,
                                                          inner.col, inner.is_keras)})
        return rule(params, shape, *engine)

    return apply


# --- TimeDistributed -------------------------------------------------------------


def time_distributed(params: Params, shape: tuple, engine: Inner):
    inner = wrapped_layer(params, "TimeDistributed")
    if inner is None:
        return None
    spec = engine.spec_for(inner)
    if spec is None:
        return None
    child = shape[:1] + shape[2:]
    rank = len(child)
    if (spec.exact_rank is not None and rank != spec.exact_rank) or rank < spec.min_rank:
        # Keras skips the inner layer's input-spec check here; whether it then
        # refuses depends on the layer's build: claim nothing.
        return None
    out = engine.infer_layer(inner, child)
    if out is None:
        return None
    return (out[0], shape[1]) + tuple(out[1:])


def _wrapped_weights(params: Params, shape: tuple, engine: Inner) -> int:
    inner = wrapped_layer(params, "wrapper")
    count = None if inner is None else engine.count_params(inner, shape)
    if count is None:
        raise Unknowable("the wrapped layer's weights are unknown")
    return count


def bidirectional_weights(params: Params, shape: tuple, engine: Inner) -> int:
    """A forward and a backward copy of the layer, on the same input."""
    return 2 * _wrapped_weights(params, shape, engine)


def time_distributed_weights(params: Params, shape: tuple, engine: Inner) -> int:
    """One copy of the layer, built on a single step."""
    return _wrapped_weights(params, shape[:1] + shape[2:], engine)


#: Keras 2 refuses an RNN over zero time steps (Keras 3 runs it).
_KERAS2_NO_STEPS = Difference(2, "zero time steps are refused (not modelled: unknown)",
                              {"wrap": (unknown_when(lambda params, shape: shape[1] == 0),)})
#: Keras 2 builds ConvLSTM on unknown spatial sizes, refuses filters=0.
_KERAS2_CONV_LSTM = Difference(
    2, "unknown spatial sizes build; filters=0 is refused (not modelled: unknown)",
    {"wrap": (lenient, unknown_when(lambda params, shape: params["filters"] == 0))})

SPECS = {
    "Embedding": LayerSpec(
        ("input_dim", "output_dim", "embeddings_initializer", "embeddings_regularizer",
         "embeddings_constraint", "mask_zero", "weights", "lora_rank", "lora_alpha"),
        embedding, SEQUENCE, min_rank=1, weights=embedding_weights,
    ),
    **{kind: LayerSpec(positional, rnn(kind), SEQUENCE, exact_rank=3, weights=rnn_weights(kind),
                       versions=(_KERAS2_NO_STEPS,), weight_axis=last_axis)
       for kind, positional in (("SimpleRNN", _SIMPLE_RNN), ("LSTM", _LSTM), ("GRU", _GRU))},
    **{
        f"ConvLSTM{r}D": LayerSpec(_CONV_LSTM, conv_lstm(r), SEQUENCE, exact_rank=r + 3,
                                   weights=conv_lstm_weights(r), versions=(_KERAS2_CONV_LSTM,),
                                   weight_axis=channel_axis, nested=True)
        for r in (1, 2, 3)
    },
    "Bidirectional": LayerSpec(
        ("layer", "merge_mode", "weights", "backward_layer"), bidirectional, SEQUENCE,
        weights=bidirectional_weights, weight_axis=last_axis, nested=True,
        versions=(Difference(2, "a forward layer with go_backwards=True builds (its copy runs "
                                "forwards)", {"wrap": (lenient, _keras2_backwards_copy)}),),
    ),
    "TimeDistributed": LayerSpec(("layer",), time_distributed, SEQUENCE, min_rank=3,
                                 weights=time_distributed_weights, nested=True,
                                 versions=(Difference(2, "the wrapped layer's argument checks are "
                                                         "looser (Dense(0) builds): not modelled",
                                                      {"wrap": (lenient,)}),)),
}
