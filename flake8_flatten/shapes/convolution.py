"""Convolution, pooling and the other spatial layers (padding, cropping, upsampling).

Every windowed layer goes through `window_length` (conv and pooling) or
`transposed_length` (transposed conv), and every padding/cropping layer through
`edge_length`, so one arithmetic, copied from Keras 3's
``compute_conv_output_shape`` / ``compute_pooling_output_shape`` /
``compute_conv_transpose_output_shape``, serves the whole family.  The specs
themselves are tables built by small factories (`conv_spec`, `pool_spec`...).
Every convolution's weights are its kernel volume times the channels it connects
(`kernel_volume`, `input_channels`), plus a bias; the other layers build none.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Tuple

from ..model import UNKNOWN
from .spec import (
    FEATURE_MAP,
    REDUCER,
    Difference,
    unknown_when,
    LayerSpec,
    Params,
    ShapeError,
    Unknowable,
    as_bool,
    as_int,
    as_str,
    bias,
    channel_axis,
    channels_first,
    known,
    no_weights,
    product,
)

Size = Optional[int]

#: `transposed_length`'s output_padding when the call leaves it out (Keras's None).
AUTO = "auto"


# --- the shared arithmetic ----------------------------------------------------------


def window_length(n: Size, size: Size, stride: Size, dilation: Size, padding: Optional[str]) -> Size:
    """Output length of a conv/pool window sliding over ``n`` positions.

    "same"/"causal" cover ceil(n / stride) positions whatever the window; "valid"
    fits the dilated window, and Keras refuses a zero or negative result.
    """
    if n is None or stride is None or padding is None:
        return None
    if padding in ("same", "causal"):
        return -(-n // stride)
    if size is None or dilation is None:
        return None
    out = (n - (size - 1) * dilation - 1) // stride + 1
    if out <= 0:
        raise ShapeError(
            f"window {size} (dilation {dilation}, stride {stride}) does not fit in "
            f"{n} positions: computed output size would be {out}"
        )
    return out


def transposed_length(
    n: Size, size: Size, stride: Size, dilation: Size, padding: Optional[str], output_padding: Any = AUTO
) -> Size:
    """Output length of a transposed conv (Keras's ``_get_output_shape_given_tf_padding``).

    ``output_padding`` is `AUTO` when the call leaves it out; Keras then picks the
    length that makes the layer the inverse of a strided conv.
    """
    if None in (n, size, stride, dilation, padding, output_padding):
        return None
    span = (size - 1) * dilation + 1
    if padding == "valid":
        extra = max(span, stride) - span if output_padding == AUTO else output_padding
        out = (n - 1) * stride + span + extra
    elif output_padding == AUTO:
        out = n * stride
    else:
        out = (n - 1) * stride + span % 2 + output_padding
    if out < 0:  # only from an empty input axis; Keras accepts an empty output
        raise ShapeError(f"transposed convolution output size would be {out}")
    return out


def edge_length(n: Size, before: Size, after: Size, minimum: int) -> Size:
    """Length after adding ``before``/``after`` positions (negative ones remove)."""
    if None in (n, before, after):
        return None
    out = n + before + after
    if out < minimum:
        raise ShapeError(f"{n} positions padded by ({before}, {after}) leave {out}")
    return out


# --- reading arguments the way Keras validates them -----------------------------------


def ints(value: Any, n: int, name: str, minimum: Optional[int] = 1) -> Tuple[Size, ...]:
    """Keras's ``standardize_tuple``: refuse what it refuses, None for unknown entries."""
    if isinstance(value, (tuple, list)):
        if len(value) != n:
            raise ShapeError(f"`{name}` must have {n} entries, got {value!r}")
        out = tuple(as_int(v) for v in value)
    else:
        out = (as_int(value),) * n
    if minimum is not None and any(v is not None and v < minimum for v in out):
        raise ShapeError(f"`{name}` entries must be >= {minimum}, got {value!r}")
    return out


def positive(params: Params, name: str) -> Size:
    """filters / depth_multiplier: Keras refuses zero or negative."""
    value = as_int(params[name])
    if value is not None and value <= 0:
        raise ShapeError(f"`{name}` must be positive, got {value}")
    return value


def layout(params: Params) -> Optional[bool]:
    """True for channels_first; None when unknown; ShapeError for a string Keras rejects."""
    first = channels_first(params)
    if first is None and isinstance(params.get("data_format"), str):
        raise ShapeError(f"invalid data_format {params['data_format']!r}")
    return first


def padding_mode(params: Params, allowed: Tuple[str, ...], case_sensitive: bool = False) -> Optional[str]:
    """Conv layers lower-case ``padding``; pooling layers compare it verbatim."""
    raw = params["padding"]
    if raw is UNKNOWN:
        return None
    mode = raw if case_sensitive and isinstance(raw, str) else as_str(raw)
    if mode not in allowed:
        raise ShapeError(f"padding must be one of {allowed}, got {raw!r}")
    return mode


def map_spatial(params: Params, shape: tuple, along: Callable, channels: Callable = lambda c: c):
    """Apply ``along(i, n)`` to each spatial axis and ``channels`` to the channel axis.

    With an unknown data_format only the rank and batch axis are known.
    """
    first = layout(params)
    if first is None:
        return (shape[0],) + (None,) * (len(shape) - 1)
    channel_axis = 1 if first else len(shape) - 1
    spatial_axes = range(2, len(shape)) if first else range(1, len(shape) - 1)
    out = list(shape)
    for i, axis in enumerate(spatial_axes):
        out[axis] = along(i, shape[axis])
    out[channel_axis] = channels(shape[channel_axis])
    return tuple(out)


# --- convolutions ---------------------------------------------------------------------


def _known_channels(c: Size) -> int:
    if c is None:
        raise Unknowable("the kernel needs the number of input channels")
    return c


def _filters(params: Params, c: Size) -> Size:
    """Conv/ConvTranspose/SeparableConv: ``filters`` output channels (Conv also checks groups)."""
    c = _known_channels(c)
    filters = positive(params, "filters")
    groups = as_int(params.get("groups", 1))
    if groups is not None:
        if groups <= 0:
            raise ShapeError(f"groups must be positive, got {groups}")
        if c % groups or (filters is not None and filters % groups):
            raise ShapeError(f"channels ({c}) and filters ({filters}) must divide by groups ({groups})")
    return filters


def _separable(params: Params, c: Size) -> Size:
    """SeparableConv: a depthwise step (checked like DepthwiseConv), then ``filters``."""
    positive(params, "depth_multiplier")
    return _filters(params, c)


def _depthwise(params: Params, c: Size) -> Size:
    """DepthwiseConv: ``depth_multiplier`` outputs per input channel."""
    c = _known_channels(c)
    multiplier = positive(params, "depth_multiplier")
    return None if multiplier is None else c * multiplier


def _conv_weights(params: Params, c: int, volume: int) -> int:
    """Conv: a (*kernel_size, c / groups, filters) kernel; ConvTranspose (no groups) the
    same count as (*kernel_size, filters, c)."""
    filters, groups = as_int(params["filters"]), as_int(params.get("groups", 1))
    known(filters, groups)
    return volume * (c // groups) * filters + bias(params, filters)


def _depthwise_weights(params: Params, c: int, volume: int) -> int:
    multiplier = as_int(params["depth_multiplier"])
    known(multiplier)
    return volume * c * multiplier + bias(params, c * multiplier)


def _separable_weights(params: Params, c: int, volume: int) -> int:
    """A depthwise kernel, then a 1x1 pointwise kernel to ``filters``."""
    multiplier, filters = as_int(params["depth_multiplier"]), as_int(params["filters"])
    known(multiplier, filters)
    return volume * c * multiplier + c * multiplier * filters + bias(params, filters)


def kernel_volume(params: Params, rank: int) -> int:
    """Positions in one kernel window: the product of ``kernel_size``."""
    volume = product(ints(params["kernel_size"], rank, "kernel_size"))
    known(volume)
    return volume


def input_channels(params: Params, shape: tuple) -> int:
    """The size of the channel axis the kernel connects (per data_format)."""
    first = layout(params)
    channels = None if first is None else shape[1] if first else shape[-1]
    known(channels)
    return channels


def conv_spec(rank: int, positional: Tuple[str, ...], channels: Callable, weights: Callable, *,
              transposed=False, causal=False, strided_dilation_ok=False,
              versions: Tuple[Difference, ...] = ()) -> LayerSpec:
    """One convolution layer: its window, its output channels, its weights, Keras's
    argument checks."""

    rule = conv_rule(rank, channels, transposed, causal, strided_dilation_ok)

    def count(params: Params, shape: tuple) -> int:
        return weights(params, input_channels(params, shape), kernel_volume(params, rank))

    defaults = {"strides": 1, "padding": "valid", "dilation_rate": 1}
    if "depth_multiplier" in positional:
        defaults["depth_multiplier"] = 1
    return LayerSpec(positional, rule, FEATURE_MAP, defaults, exact_rank=rank + 2, weights=count,
                     versions=versions, weight_axis=channel_axis)


def conv_rule(rank: int, channels: Callable, transposed=False, causal=False,
              strided_dilation_ok=False):
    """A convolution's shape rule and Keras's checks of its window arguments."""

    def rule(params: Params, shape: tuple):
        kernel = ints(params["kernel_size"], rank, "kernel_size")
        strides = ints(params["strides"], rank, "strides")
        dilation = ints(params["dilation_rate"], rank, "dilation_rate")
        if not strided_dilation_ok and any(s and s > 1 for s in strides) and any(d and d > 1 for d in dilation):
            raise ShapeError("strides > 1 together with dilation_rate > 1 is not supported")
        padding = padding_mode(params, ("valid", "same", "causal") if causal else ("valid", "same"))
        if transposed:
            extra = _output_padding(params, rank, strides)

            def along(i, n):
                return transposed_length(n, kernel[i], strides[i], dilation[i], padding, extra[i])
        else:

            def along(i, n):
                return window_length(n, kernel[i], strides[i], dilation[i], padding)

        return map_spatial(params, shape, along, lambda c: channels(params, c))

    return rule


def _output_padding(params: Params, rank: int, strides: Tuple[Size, ...]) -> Tuple[Any, ...]:
    """Per-axis output_padding (`AUTO` when absent); Keras wants 0 <= it < stride."""
    raw = params.get("output_padding")
    if raw is None:
        return (AUTO,) * rank
    extra = ints(raw, rank, "output_padding", minimum=0)
    if any(None not in (p, s) and p >= s for p, s in zip(extra, strides)):
        raise ShapeError(f"output_padding {raw!r} must be smaller than strides")
    return extra


_CONV_TAIL = ("activation", "use_bias", "kernel_initializer", "bias_initializer", "kernel_regularizer",
              "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint")
_DEPTHWISE_TAIL = ("activation", "use_bias", "depthwise_initializer", "bias_initializer",
                   "depthwise_regularizer", "bias_regularizer", "activity_regularizer",
                   "depthwise_constraint", "bias_constraint")
_SEPARABLE_TAIL = ("activation", "use_bias", "depthwise_initializer", "pointwise_initializer",
                   "bias_initializer", "depthwise_regularizer", "pointwise_regularizer", "bias_regularizer",
                   "activity_regularizer", "depthwise_constraint", "pointwise_constraint", "bias_constraint")
_WINDOW = ("filters", "kernel_size", "strides", "padding")

CONV = ("Conv1D", "Conv2D", "Conv3D")
CONV_TRANSPOSE = ("Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose")
SEPARABLE = ("SeparableConv1D", "SeparableConv2D")
DEPTHWISE = ("DepthwiseConv1D", "DepthwiseConv2D")


def _leading_axes(rank: int):
    """Keras 2's Conv1D/2D/3D take extra leading axes (channels_last), folded into the
    batch: the rule runs on ``(batch,) + last rank+1 axes`` and the extra axes are kept."""

    def wrap(rule):
        def apply(params: Params, shape: tuple):
            extra = len(shape) - (rank + 2)
            if extra <= 0:
                return rule(params, shape)
            if channels_first(params) is not False:
                raise Unknowable("extra axes with channels_first")
            out = rule(params, shape[:1] + shape[1 + extra:])
            return None if out is None else shape[:1 + extra] + tuple(out[1:])

        return apply

    return wrap


def _convolutions():
    specs = {}
    for rank, name in enumerate(CONV, 1):
        specs[name] = conv_spec(rank, _WINDOW + ("data_format", "dilation_rate", "groups") + _CONV_TAIL,
                                _filters, _conv_weights, causal=rank == 1, versions=(
                                    Difference(2, "extra leading axes are folded into the batch",
                                               {"exact_rank": None, "min_rank": rank + 2,
                                                "wrap": (_leading_axes(rank),)}),))
    for rank, name in enumerate(CONV_TRANSPOSE, 1):
        middle = ("data_format", "output_padding") if rank == 3 else ("output_padding", "data_format")
        specs[name] = conv_spec(rank, _WINDOW + middle + ("dilation_rate",) + _CONV_TAIL, _filters,
                                _conv_weights, transposed=True, versions=(
                                    Difference(2, "positional order: ..., padding, output_padding, "
                                                  "data_format (Conv3DTranspose too)",
                                               {"positional": _WINDOW + ("output_padding", "data_format",
                                                                         "dilation_rate") + _CONV_TAIL,
                                                "wrap": (unknown_when(
                                                    lambda p, s: channels_first(p) is None),)}),))
    for rank, name in enumerate(SEPARABLE, 1):
        specs[name] = conv_spec(rank, _WINDOW + ("data_format", "dilation_rate", "depth_multiplier")
                                + _SEPARABLE_TAIL, _separable, _separable_weights, strided_dilation_ok=True,
                                versions=(Difference(
                                    2, "strides > 1 with dilation_rate > 1 is refused"
                                       + ("; padding='causal' is allowed" if rank == 1 else ""),
                                    {"rule": conv_rule(rank, _separable, causal=rank == 1)}),))
    for rank, name in enumerate(DEPTHWISE, 1):
        specs[name] = conv_spec(rank, ("kernel_size", "strides", "padding", "depth_multiplier", "data_format",
                                       "dilation_rate") + _DEPTHWISE_TAIL, _depthwise, _depthwise_weights,
                                strided_dilation_ok=True, versions=(Difference(
                                    2, "strides > 1 with dilation_rate > 1 is refused",
                                    {"rule": conv_rule(rank, _depthwise)}),))
    return specs


# --- pooling --------------------------------------------------------------------------


def pool_spec(rank: int, default_size: Optional[int]) -> LayerSpec:
    """Max/AveragePooling: a window of ``pool_size``, strides defaulting to it.

    Pooling compares ``padding`` case-sensitively and lets the channel axis be unknown.
    """

    def rule(params: Params, shape: tuple):
        if "pool_size" not in params:
            raise ShapeError("missing required argument pool_size")
        size = ints(params["pool_size"], rank, "pool_size")
        raw_strides = params.get("strides")
        strides = size if raw_strides is None else ints(raw_strides, rank, "strides")
        padding = padding_mode(params, ("valid", "same"), case_sensitive=True)
        return map_spatial(params, shape, lambda i, n: window_length(n, size[i], strides[i], 1, padding))

    defaults = {"padding": "valid"}
    keras2 = {"normalize": _lower_padding}
    what = "padding is read case-insensitively ('SAME')"
    if default_size is not None:
        defaults["pool_size"] = default_size
    else:  # AveragePooling: pool_size is required in Keras 3, 2 by default in Keras 2
        keras2["defaults"] = {"pool_size": 2}
        what = "pool_size defaults to 2; " + what
    return LayerSpec(("pool_size", "strides", "padding", "data_format", "name"), rule,
                     FEATURE_MAP, defaults, exact_rank=rank + 2, weights=no_weights,
                     versions=(Difference(2, what, keras2),))


def _lower_padding(params: Params) -> Params:
    """Keras 2's pooling reads padding case-insensitively."""
    if isinstance(params.get("padding"), str):
        params["padding"] = params["padding"].lower()
    return params


def global_pool_spec(rank: int) -> LayerSpec:
    """Global pooling drops the spatial axes (or keeps them as 1s with keepdims)."""

    def rule(params: Params, shape: tuple):
        keepdims = as_bool(params.get("keepdims"), False)
        first = layout(params)
        if keepdims is None:
            return None
        if first is None:
            return (shape[0],) + (None,) * (rank + 1 if keepdims else 1)
        channels = shape[1] if first else shape[-1]
        if not keepdims:
            return (shape[0], channels)
        ones = (1,) * rank
        return (shape[0], channels) + ones if first else (shape[0],) + ones + (channels,)

    return LayerSpec(("data_format", "keepdims"), rule, REDUCER, exact_rank=rank + 2, weights=no_weights)


# --- padding, cropping, upsampling ----------------------------------------------------


def pairs(value: Any, rank: int, name: str, int_minimum: Optional[int]) -> Tuple[Tuple[Size, Size], ...]:
    """(before, after) per spatial axis from an int, a tuple, or a tuple of pairs.

    1D layers read one pair; 2D/3D layers read an int (Keras checks cropping ints
    for >= 0 but lets padding ints go negative) or one entry per axis.
    """
    if rank == 1:
        return (ints(value, 2, name, minimum=0),)
    if isinstance(value, (tuple, list)):
        if len(value) != rank:
            raise ShapeError(f"`{name}` must have {rank} entries, got {value!r}")
        return tuple(ints(v, 2, name, minimum=0) for v in value)
    single = as_int(value)
    if single is not None and int_minimum is not None and single < int_minimum:
        raise ShapeError(f"`{name}` cannot be {single}")
    return ((single, single),) * rank


def edge_spec(rank: int, name: str, default, crop: bool) -> LayerSpec:
    """ZeroPadding adds positions at both ends of each spatial axis; Cropping removes them."""
    sign, minimum = (-1, 1) if crop else (1, 0)

    def rule(params: Params, shape: tuple):
        edges = pairs(params[name], rank, name, 0 if crop else None)

        def along(i, n):
            before, after = (None if e is None else sign * e for e in edges[i])
            return edge_length(n, before, after, minimum)

        return map_spatial(params, shape, along)

    positional = (name,) if crop and rank == 1 else (name, "data_format")
    if crop:
        keras2 = Difference(2, "cropping slices x[before:-after]: negative cropping builds, and "
                               + ("only cropping >= the size is refused" if rank < 3 else
                                  "nothing is refused (an empty axis builds)"),
                            {"rule": _keras2_crop_rule(rank)})
    else:
        keras2 = Difference(2, "a negative padding is refused" + (
            "; data_format is keyword-only" if rank == 1 else ""),
            {"wrap": (_no_negative_padding(rank),), **({"positional": (name,)} if rank == 1 else {})})
    return LayerSpec(positional, rule, FEATURE_MAP, {name: default}, exact_rank=rank + 2, weights=no_weights,
                     versions=(keras2,))


def _keras2_crop_rule(rank: int):
    """Keras 2's Cropping: Python slicing ``x[before:-after]`` per spatial axis; 1D and 2D
    refuse a cropping that sums to the size or more, 3D nothing."""

    def rule(params: Params, shape: tuple):
        edges = pairs(params["cropping"], rank, "cropping", None)

        def along(i, n):
            before, after = edges[i]
            if None in (n, before, after):
                return None
            if rank < 3 and before + after >= n:
                raise ShapeError(f"cropping {before} + {after} positions of {n} leaves nothing")
            return len(range(n)[before:(-after if after else None)])

        return map_spatial(params, shape, along)

    return rule


def _no_negative_padding(rank: int):
    def wrap(rule):
        def apply(params: Params, shape: tuple):
            edges = pairs(params["padding"], rank, "padding", None)
            if any(e is not None and e < 0 for pair in edges for e in pair):
                raise ShapeError(f"padding {params['padding']!r} is negative")
            return rule(params, shape)

        return apply

    return wrap


def upsampling_spec(rank: int) -> LayerSpec:
    """UpSampling repeats every spatial position ``size`` times."""

    def rule(params: Params, shape: tuple):
        raw = params["size"]
        if rank == 1 and raw is not UNKNOWN and (isinstance(raw, bool) or not isinstance(raw, int)):
            raise ShapeError(f"UpSampling1D needs an int size, got {raw!r}")
        size = ints(raw, rank, "size")

        def along(i, n):
            return None if None in (n, size[i]) else n * size[i]

        return map_spatial(params, shape, along)

    positional = {1: ("size",), 2: ("size", "data_format", "interpolation"), 3: ("size", "data_format")}[rank]
    versions = () if rank != 2 else (Difference(
        2, "a size unknown on one spatial axis leaves both unknown (image resizing)",
        {"wrap": (_both_spatial_unknown,)}),)
    return LayerSpec(positional, rule, FEATURE_MAP, {"size": 2}, exact_rank=rank + 2, weights=no_weights,
                     versions=versions)


def _both_spatial_unknown(rule):
    def apply(params: Params, shape: tuple):
        out = rule(params, shape)
        first = channels_first(params)
        if out is None or first is None:
            return None if first is None else out
        spatial = range(2, len(out)) if first else range(1, len(out) - 1)
        if any(shape[i] is None for i in spatial):
            return tuple(None if i in spatial else d for i, d in enumerate(out))
        return out

    return apply


# --- the table ------------------------------------------------------------------------

_PAIR = {1: 1, 2: (1, 1), 3: ((1, 1), (1, 1), (1, 1))}
_CROP = {1: (1, 1), 2: ((0, 0), (0, 0)), 3: ((1, 1), (1, 1), (1, 1))}

SPECS = {
    **_convolutions(),
    **{f"MaxPooling{r}D": pool_spec(r, 2) for r in (1, 2, 3)},
    **{f"AveragePooling{r}D": pool_spec(r, None) for r in (1, 2, 3)},
    **{f"Global{kind}Pooling{r}D": global_pool_spec(r) for kind in ("Max", "Average") for r in (1, 2, 3)},
    **{f"ZeroPadding{r}D": edge_spec(r, "padding", _PAIR[r], crop=False) for r in (1, 2, 3)},
    **{f"Cropping{r}D": edge_spec(r, "cropping", _CROP[r], crop=True) for r in (1, 2, 3)},
    **{f"UpSampling{r}D": upsampling_spec(r) for r in (1, 2, 3)},
}

#: Other names keras.layers exports for the same classes.
ALIASES = {
    **{f"Convolution{r}D": f"Conv{r}D" for r in (1, 2, 3)},
    **{f"Convolution{r}DTranspose": f"Conv{r}DTranspose" for r in (1, 2, 3)},
    **{f"SeparableConvolution{r}D": f"SeparableConv{r}D" for r in (1, 2)},
    **{f"MaxPool{r}D": f"MaxPooling{r}D" for r in (1, 2, 3)},
    **{f"AvgPool{r}D": f"AveragePooling{r}D" for r in (1, 2, 3)},
    **{f"GlobalMaxPool{r}D": f"GlobalMaxPooling{r}D" for r in (1, 2, 3)},
    **{f"GlobalAvgPool{r}D": f"GlobalAveragePooling{r}D" for r in (1, 2, 3)},
}
SPECS.update({alias: SPECS[name] for alias, name in ALIASES.items()})
