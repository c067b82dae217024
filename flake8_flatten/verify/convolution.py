"""NumPy references for convolution, pooling, padding, cropping and upsampling.

They really compute: ``np.pad`` and slicing for edges, ``sliding_window_view`` plus
strided/dilated slicing for windows, ``np.einsum`` against a zero-stride kernel
from `weights` for the contraction, max/mean for pooling, ``np.repeat`` for
upsampling.  Activations have batch 0 and kernels are broadcast views, so memory
never grows with the declared sizes.  Everything works channels-last; a
channels_first input is a transposed view in and out.

The padding of transposed conv follows Keras's JAX backend
(``_convert_conv_transpose_padding_args_from_keras_to_jax``), an independent
route to the length the static rule computes with Keras's shape formula.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..model import UNKNOWN
from ..shapes.convolution import ALIASES
from ..shapes.spec import as_int, as_str, channels_first
from .arrays import Unverifiable, concrete, weights

_SPATIAL = "xyz"  # einsum letters for output positions
_TAPS = "ijk"  # einsum letters for kernel taps


# --- argument reading (unknowns become the stand-in size) -----------------------------


def small(value, fill):
    """An unknown window, stride, dilation or crop: 2 or 3 by fill, so it fits and still varies."""
    return 1 + fill % 5 if value is UNKNOWN or value is None else value


def _ints(value, n, fill, stand_in=concrete):
    if isinstance(value, (tuple, list)):
        return tuple(stand_in(v, fill) for v in value)
    return (stand_in(value, fill),) * n


def _pairs(value, rank, fill, stand_in=concrete):
    """(before, after) per spatial axis from an int, a pair, or one entry per axis."""
    if rank == 1:
        return (_ints(value, 2, fill, stand_in),)
    if isinstance(value, (tuple, list)):
        return tuple(_ints(v, 2, fill, stand_in) for v in value)
    return (_ints(value, 2, fill, stand_in),) * rank


def _padding(params, default="same"):
    """The padding mode; an unknown one runs as ``default`` (static claims nothing there)."""
    raw = params["padding"]
    return default if raw is UNKNOWN else as_str(raw)


def _to_last(params, x):
    """A channels-last view of ``x`` and whether it was channels_first."""
    first = bool(channels_first(params))
    return (np.moveaxis(x, 1, -1) if first else x), first


def _from_last(y, first):
    return np.moveaxis(y, -1, 1) if first else y


# --- shared array operations ------------------------------------------------------------


def edges(x, pads, minimum=0):
    """Add (np.pad) or remove (slicing) positions at both ends of each spatial axis."""
    grow = [(0, 0)] + [(max(b, 0), max(a, 0)) for b, a in pads] + [(0, 0)]
    x = np.pad(x, grow)
    index = [slice(None)]
    for axis, (b, a) in enumerate(pads, 1):
        start, stop = max(-b, 0), x.shape[axis] - max(-a, 0)
        if stop - start < minimum:
            raise ValueError(f"axis {axis} would keep {stop - start} positions")
        index.append(slice(start, stop))
    return x[tuple(index)]


def windows(x, size, strides, dilation):
    """Every (strided, dilated) window of a channels-last ``x``: shape (b, out..., C, taps...)."""
    spans = tuple((k - 1) * d + 1 for k, d in zip(size, dilation))
    view = sliding_window_view(x, spans, axis=tuple(range(1, len(size) + 1)))
    positions = tuple(slice(None, None, s) for s in strides)
    taps = tuple(slice(None, None, d) for d in dilation)
    return view[(slice(None),) + positions + (slice(None),) + taps]


def same_pads(x, size, strides, dilation):
    """TF/JAX "same": ceil(n / stride) outputs, the extra split with the odd one after."""
    pads = []
    for n, k, s, d in zip(x.shape[1:-1], size, strides, dilation):
        total = max((-(-n // s) - 1) * s + (k - 1) * d + 1 - n, 0)
        pads.append((total // 2, total - total // 2))
    return pads


def _window_input(x, mode, size, strides, dilation):
    if mode == "same":
        return edges(x, same_pads(x, size, strides, dilation))
    if mode == "causal":
        return edges(x, [((k - 1) * d, 0) for k, d in zip(size, dilation)])
    if mode != "valid":
        raise ValueError(f"padding {mode!r}")
    return x


def _contract(w, kernel, rank, channels, kernel_channels, out):
    """einsum of windows (b, pos..., channels, taps...) with a kernel (taps..., kernel_channels).

    The kernel is a broadcast view; einsum reads it in place (tensordot would copy).
    """
    o, t = _SPATIAL[:rank], _TAPS[:rank]
    return np.einsum(f"b{o}{channels}{t},{t}{kernel_channels}->b{o}{out}", w, kernel)


# --- convolutions -----------------------------------------------------------------------


def _geometry(params, rank, fill):
    return (
        _ints(params["kernel_size"], rank, fill, small),
        _ints(params["strides"], rank, fill, small),
        _ints(params["dilation_rate"], rank, fill, small),
    )


def conv(rank, kind="conv"):
    """Conv / DepthwiseConv / SeparableConv: pad, take windows, contract with the kernel."""

    def reference(params, x, fill):
        x, first = _to_last(params, x)
        size, strides, dilation = _geometry(params, rank, fill)
        x = _window_input(x, _padding(params), size, strides, dilation)
        w = windows(x, size, strides, dilation)
        channels = x.shape[-1]
        if kind == "conv":
            groups = as_int(params.get("groups", 1)) or 1  # output shape never depends on it
            filters = concrete(params["filters"], fill)
            if channels % groups or filters % groups:
                raise ValueError("groups must divide channels and filters")
            w = w.reshape(w.shape[: rank + 1] + (groups, channels // groups) + w.shape[rank + 2:])
            kernel = weights(size + (channels // groups, groups, filters // groups))
            y = _contract(w, kernel, rank, "gc", "cgh", "gh")
            return _from_last(y.reshape(y.shape[: rank + 1] + (filters,)), first)
        multiplier = concrete(params["depth_multiplier"], fill)
        y = _contract(w, weights(size + (channels, multiplier)), rank, "c", "cm", "cm")
        y = y.reshape(y.shape[: rank + 1] + (channels * multiplier,))
        if kind == "separable":
            pointwise = weights((channels * multiplier, concrete(params["filters"], fill)))
            y = np.einsum("...c,cf->...f", y, pointwise)
        return _from_last(y, first)

    return reference


def _transpose_pads(k, s, d, mode, extra):
    """Keras's JAX backend: (left, right) padding of the stride-dilated input."""
    span = (k - 1) * d + 1
    if mode == "valid":
        extra = max(span, s) - span if extra is None else extra
        return span - 1, span - 1 + extra
    if mode != "same":
        raise ValueError(f"padding {mode!r}")
    total = s + span - 2 if extra is None else span + span % 2 - 2 + extra
    left = min(total // 2 + total % 2, span - 1)
    return left, total - left


def conv_transpose(rank):
    """Insert stride-1 zeros between inputs, take the full conv, then pad/crop its edges."""

    def reference(params, x, fill):
        x, first = _to_last(params, x)
        size, strides, dilation = _geometry(params, rank, fill)
        raw_extra = params.get("output_padding")
        extra = (None,) * rank if raw_extra is None else _ints(raw_extra, rank, 0)  # unknown: 0 < any stride
        spread = np.zeros(
            (x.shape[0],) + tuple((n - 1) * s + 1 for n, s in zip(x.shape[1:-1], strides)) + x.shape[-1:],
            x.dtype,
        )
        spread[(slice(None),) + tuple(slice(None, None, s) for s in strides)] = x
        spans = [(k - 1) * d + 1 for k, d in zip(size, dilation)]
        full = edges(spread, [(p - 1, p - 1) for p in spans])
        kernel = weights(size + (x.shape[-1], concrete(params["filters"], fill)))
        y = _contract(windows(full, size, (1,) * rank, dilation), kernel, rank, "c", "cf", "f")
        mode = _padding(params)
        pads = [_transpose_pads(*args, mode, e) for args, e in zip(zip(size, strides, dilation), extra)]
        y = edges(y, [(left - (p - 1), right - (p - 1)) for (left, right), p in zip(pads, spans)])
        return _from_last(y, first)

    return reference


# --- pooling ----------------------------------------------------------------------------


def pool(rank, reduce):
    """Max/average pooling: windows of pool_size (strides default to it), then reduce."""

    def reference(params, x, fill):
        x, first = _to_last(params, x)
        size = _ints(params["pool_size"], rank, fill, small)
        raw_strides = params.get("strides")
        strides = size if raw_strides is None else _ints(raw_strides, rank, fill, small)
        raw_mode = params["padding"]
        mode = "same" if raw_mode is UNKNOWN else raw_mode  # pooling compares it verbatim
        ones = (1,) * rank
        x = _window_input(x, mode, size, strides, ones)
        w = windows(x, size, strides, ones)
        y = reduce(w, axis=tuple(range(-rank, 0)))
        return _from_last(y, first)

    return reference


def global_pool(reduce):
    def reference(params, x, fill):
        first = bool(channels_first(params))
        spatial = tuple(range(2, x.ndim)) if first else tuple(range(1, x.ndim - 1))
        keepdims = params.get("keepdims", False)
        if keepdims is UNKNOWN:
            raise Unverifiable("keepdims")
        return reduce(x, axis=spatial, keepdims=bool(keepdims))  # Keras tests it for truth

    return reference


# --- padding, cropping, upsampling ------------------------------------------------------


def zero_padding(rank):
    def reference(params, x, fill):
        x, first = _to_last(params, x)
        return _from_last(edges(x, _pairs(params["padding"], rank, fill)), first)

    return reference


def cropping(rank):
    def reference(params, x, fill):
        x, first = _to_last(params, x)
        crops = _pairs(params["cropping"], rank, fill, small)
        return _from_last(edges(x, [(-b, -a) for b, a in crops], minimum=1), first)

    return reference


def upsampling(rank):
    def reference(params, x, fill):
        x, first = _to_last(params, x)
        for axis, repeats in enumerate(_ints(params["size"], rank, fill), 1):
            x = np.repeat(x, repeats, axis=axis)
        return _from_last(x, first)

    return reference


REFERENCES = {
    **{f"Conv{r}D": conv(r) for r in (1, 2, 3)},
    **{f"Conv{r}DTranspose": conv_transpose(r) for r in (1, 2, 3)},
    **{f"SeparableConv{r}D": conv(r, "separable") for r in (1, 2)},
    **{f"DepthwiseConv{r}D": conv(r, "depthwise") for r in (1, 2)},
    **{f"MaxPooling{r}D": pool(r, np.max) for r in (1, 2, 3)},
    **{f"AveragePooling{r}D": pool(r, np.mean) for r in (1, 2, 3)},
    **{f"GlobalMaxPooling{r}D": global_pool(np.max) for r in (1, 2, 3)},
    **{f"GlobalAveragePooling{r}D": global_pool(np.mean) for r in (1, 2, 3)},
    **{f"ZeroPadding{r}D": zero_padding(r) for r in (1, 2, 3)},
    **{f"Cropping{r}D": cropping(r) for r in (1, 2, 3)},
    **{f"UpSampling{r}D": upsampling(r) for r in (1, 2, 3)},
}


def _leading_axes(rank, reference):
    """Keras 2's Conv1D/2D/3D on extra leading axes: folded into the batch."""

    def folded(params, x, fill):
        extra = x.ndim - (rank + 2)
        if extra <= 0:
            return reference(params, x, fill)
        lead = x.shape[:1 + extra]
        y = reference(params, x.reshape((-1,) + x.shape[1 + extra:]), fill)
        return y.reshape(lead + y.shape[1:])

    return folded


def keras2_cropping(rank):
    """Keras 2's Cropping: Python slicing x[before:-after] on each spatial axis."""

    def reference(params, x, fill):
        x, first = _to_last(params, x)
        crops = _pairs(params["cropping"], rank, fill, small)
        index = (slice(None),) + tuple(slice(b, -a if a else None) for b, a in crops)
        return _from_last(x[index], first)

    return reference


KERAS2_REFERENCES = {
    **{f"Conv{r}D": _leading_axes(r, conv(r)) for r in (1, 2, 3)},
    **{f"Cropping{r}D": keras2_cropping(r) for r in (1, 2, 3)},
}


def _keras2_aliases():
    return {alias: KERAS2_REFERENCES[name] for alias, name in ALIASES.items()
            if name in KERAS2_REFERENCES}


def _aliases():
    return {alias: REFERENCES[name] for alias, name in ALIASES.items()}


REFERENCES.update(_aliases())
KERAS2_REFERENCES.update(_keras2_aliases())
