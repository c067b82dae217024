"""Dense and the layers that keep every axis: activations, dropout/noise, normalisation."""

from __future__ import annotations

from ..model import UNKNOWN
from .spec import (
    DENSE,
    TRANSPARENT,
    Difference,
    LayerSpec,
    Params,
    ShapeError,
    Unknowable,
    as_bool,
    as_int,
    bias,
    identity,
    known,
    last_axis,
    no_weights,
    normalized_axis,
    product,
    unmodelled,
)


def dense(params: Params, shape: tuple):
    """Dense contracts the last axis only: (..., d) -> (..., units)."""
    units = as_int(params["units"])
    if units is not None and units <= 0:
        raise ShapeError(f"Dense needs a positive number of units, got {units}")
    return shape[:-1] + (units,)


def dense_weights(params: Params, shape: tuple) -> int:
    """A (d, units) kernel and a bias of units."""
    unmodelled(params, "lora_rank", "quantization_config")
    units, inputs = as_int(params["units"]), shape[-1]
    known(units, inputs)
    return inputs * units + bias(params, units)


# --- normalisation weights: per-feature vectors over the normalised axes ----------


def _flag(params: Params, name: str) -> bool:
    """center/scale: True by default; unknown makes the count unknown."""
    value = as_bool(params.get(name), True)
    if value is None:
        raise Unknowable(f"{name} is unknown")
    return value


def _axis_size(params: Params, shape: tuple, allow_list: bool) -> int:
    """How many features ``axis`` (an int, or a list where the layer allows one) spans."""
    axis = params.get("axis", -1)
    axes = list(axis) if allow_list and isinstance(axis, (list, tuple)) else [axis]
    rank = len(shape)
    if not all(as_int(a) is not None and -rank <= a < rank for a in axes):
        raise Unknowable("the normalised axis is unknown")
    size = product(shape[a] for a in axes)
    known(size)
    return size


def batch_norm_weights(params: Params, shape: tuple) -> int:
    """gamma and beta (when scale/center) and the moving mean and variance."""
    unmodelled(params, "renorm")
    return (2 + _flag(params, "center") + _flag(params, "scale")) * _axis_size(params, shape, False)


def layer_norm_weights(params: Params, shape: tuple) -> int:
    unmodelled(params, "rms_scaling")
    return (_flag(params, "center") + _flag(params, "scale")) * _axis_size(params, shape, True)


def group_norm_weights(params: Params, shape: tuple) -> int:
    return (_flag(params, "center") + _flag(params, "scale")) * _axis_size(params, shape, False)


def normalization_weights(params: Params, shape: tuple) -> int:
    """Given mean and variance are constants; otherwise adapt() fills a mean, a
    variance and a count."""
    mean, variance = params.get("mean"), params.get("variance")
    if mean is None and variance is None:
        return 2 * _axis_size(params, shape, True) + 1
    if mean is None or variance is None or UNKNOWN in (mean, variance):
        raise Unknowable("Normalization's mean/variance are unknown or incomplete")
    return 0


def prelu_weights(params: Params, shape: tuple) -> int:
    """One alpha per input value, shared (size 1) along ``shared_axes``."""
    shared = params.get("shared_axes")
    shared = [] if shared is None else [shared] if as_int(shared) is not None else shared
    if not isinstance(shared, (list, tuple)) or any(as_int(a) is None for a in shared):
        raise Unknowable("shared_axes is unknown")
    sizes = [1 if axis in shared else size for axis, size in enumerate(shape[1:], 1)]
    known(*sizes)
    return product(sizes)


def _identity_specs(names, positional=(), min_rank=1, weights=no_weights, weight_axis=None,
                    **defaults):
    return {
        name: LayerSpec(positional, identity, TRANSPARENT, dict(defaults), min_rank, weights=weights,
                        weight_axis=weight_axis)
        for name in names
    }


def _not_in_keras3(params: Params, shape: tuple):
    """A class Keras 3 does not have (``keras.layers.X`` is an AttributeError there):
    no shape is claimed."""
    raise Unknowable("not a Keras 3 layer")


def _spatial_dropout(rank: int) -> LayerSpec:
    keywords = {"rate", "seed", "name", "dtype"} | ({"data_format"} if rank > 3 else set())
    keras2 = Difference(2, "takes every base-layer keyword (input_shape=...)", {"keywords": None})
    return LayerSpec(("rate",), identity, TRANSPARENT, exact_rank=rank, weights=no_weights,
                     keywords=frozenset(keywords), versions=(keras2,))


SPECS = {
    "Dense": LayerSpec(("units", "activation", "use_bias"), dense, DENSE, min_rank=2,
                       weights=dense_weights, weight_axis=last_axis),
    **_identity_specs(("Activation",), ("activation",)),
    **_identity_specs(("ReLU",), ("max_value", "negative_slope", "threshold")),
    "LeakyReLU": LayerSpec(("negative_slope",), identity, TRANSPARENT, weights=no_weights,
                           versions=(Difference(2, "the slope is alpha=; negative_slope= is refused",
                                                {"positional": ("alpha",),
                                                 "rejects": frozenset({"negative_slope"})}),)),
    **_identity_specs(("ELU",), ("alpha",)),
    **_identity_specs(("Softmax",), ("axis",)),
    **_identity_specs(("PReLU",), ("alpha_initializer",), min_rank=2, weights=prelu_weights),
    "ThresholdedReLU": LayerSpec(("theta",), _not_in_keras3, TRANSPARENT, weights=no_weights,
                                 versions=(Difference(2, "a layer of Keras 2 only (Keras 3 has no "
                                                         "ThresholdedReLU)", {"rule": identity}),)),
    **_identity_specs(("Dropout", "AlphaDropout"), ("rate", "noise_shape", "seed")),
    **_identity_specs(("GaussianDropout",), ("rate", "seed")),
    **_identity_specs(("GaussianNoise",), ("stddev", "seed")),
    **_identity_specs(("ActivityRegularization",), ("l1", "l2")),
    **_identity_specs(("BatchNormalization",), ("axis",), weights=batch_norm_weights,
                      weight_axis=normalized_axis),
    **_identity_specs(("LayerNormalization",), ("axis",), weights=layer_norm_weights,
                      weight_axis=normalized_axis),
    **_identity_specs(("UnitNormalization",), ("axis",)),
    **_identity_specs(("GroupNormalization",), ("groups", "axis"), weights=group_norm_weights),
    **_identity_specs(("Rescaling",), ("scale", "offset")),
    **_identity_specs(("Normalization",), ("axis", "mean", "variance"), weights=normalization_weights),
    **_identity_specs(("Masking",), ("mask_value",)),
    "SpatialDropout1D": _spatial_dropout(3),
    "SpatialDropout2D": _spatial_dropout(4),
    "SpatialDropout3D": _spatial_dropout(5),
}


# --- EinsumDense ------------------------------------------------------------------
# Kept apart from the table above: Keras's own parser (einsum_dense.py,
# _analyze_einsum_string) is ported faithfully so we refuse where it does, then
# its claimed output is checked against what the einsum really produces.

import re as _re  # noqa: E402

_EINSUM_FORMS = (
    (_re.compile(r"([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)"), None),
    (_re.compile(r"0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)"), "left"),
    (_re.compile(r"([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0"), "right"),
)


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


_FREE = _Marker("?")  # an output_shape entry discovery could not evaluate (assumed valid)
_NONE_IN = _Marker("None")  # a None input size: maybe only a size we could not evaluate


def einsum_analysis(equation, output_shape, bias_axes, shape):
    """``(claimed, kernel, true, bias_shape)`` for EinsumDense, or None when not modelled.

    ``claimed`` is what Keras's compute_output_shape says, ``kernel`` the weight
    shape it builds (``_FREE`` for unknown entries), ``true`` what the einsum
    really returns (None for unknown sizes; None overall when it cannot run),
    ``bias_shape`` the bias shape (empty without ``bias_axes``).
    Raises ShapeError where Keras refuses to build whatever the input's None sizes
    are; a refusal that only a None input size causes gives None instead.
    """
    if not isinstance(equation, str):
        if equation is UNKNOWN:
            return None
        raise ShapeError(f"EinsumDense needs an equation string, got {equation!r}")
    if output_shape is UNKNOWN or isinstance(output_shape, bool):
        return None
    if isinstance(output_shape, int):
        partial = [output_shape]
    elif isinstance(output_shape, (tuple, list)):
        partial = []
        for d in output_shape:
            if d is UNKNOWN:
                partial.append(_FREE)
            elif d is None or (isinstance(d, int) and not isinstance(d, bool)):
                partial.append(d)
            else:
                return None
    else:
        return None
    replaced = equation.replace("...", "0")
    for pattern, elision in _EINSUM_FORMS:
        match = pattern.match(replaced)
        if match:
            break
    else:
        raise ShapeError(f"EinsumDense cannot parse the equation {equation!r}")
    if match.end() != len(replaced):
        return None  # Keras ignores trailing text; we do not model that
    input_spec, weight_spec, output_spec = match.groups()
    if any(len(set(s)) != len(s) for s in (input_spec, weight_spec, output_spec)):
        return None
    shape = [_NONE_IN if d is None else d for d in shape]
    rank = len(shape)
    elided = rank - len(input_spec)
    undetermined = False
    out = [shape[0]] + partial
    if elided > 0 and elision == "left":
        for i in range(1, elided):
            out.insert(1, shape[i])  # Keras inserts these in reverse order
    elif elided > 0:
        out.extend(shape[rank - elided:])
    if elision == "left":
        in_map = {d: (i + elided) - rank for i, d in enumerate(input_spec)}
        out_map = {d: i + elided for i, d in enumerate(output_spec)}
    else:
        in_map = {d: i for i, d in enumerate(input_spec)}
        out_map = {d: i for i, d in enumerate(output_spec)}
    try:
        for d in input_spec:
            in_dim = shape[in_map[d]]
            if d in out_map:
                o = out[out_map[d]]
                if o is None or o is _FREE or o is _NONE_IN or o == in_dim:
                    continue
                if in_dim is _NONE_IN:
                    undetermined = True
                    continue
                raise ShapeError(
                    f"EinsumDense: input size {in_dim} and output size {o} differ at '{d}'"
                )
        for d in output_spec:
            if d not in input_spec and d not in weight_spec:
                raise ShapeError(f"EinsumDense: output axis '{d}' comes from nowhere")
        kernel = []
        for d in weight_spec:
            if d in out_map:
                kernel.append(out[out_map[d]])
            elif d in in_map:
                kernel.append(shape[in_map[d]])
            else:
                raise ShapeError(f"EinsumDense: kernel axis '{d}' has no size")
        bias_shape = []
        if bias_axes is not None and bias_axes is not UNKNOWN:
            if not isinstance(bias_axes, str):
                return None
            for c in bias_axes:
                if c not in output_spec:
                    raise ShapeError(f"EinsumDense: bias axis '{c}' not in the output")
            if not bias_axes:
                raise ShapeError("EinsumDense: empty bias_axes")
            shift = elided if elision == "left" else 0
            sizes = {c: out[i + shift] for i, c in enumerate(output_spec)}
            bias_shape = [sizes[c] for c in bias_axes]
    except IndexError:
        raise ShapeError(f"EinsumDense equation {equation!r} does not fit input rank {rank}")
    for size in kernel + bias_shape:
        if size is _NONE_IN:
            undetermined = True
        elif size is None or (size is not _FREE and size < 0):
            raise ShapeError(f"EinsumDense cannot build a weight of shape {tuple(kernel)}")
    if undetermined:
        return None
    # What the einsum really returns, to judge Keras's claim.
    sizes = [shape[in_map[d]] if d in in_map else kernel[weight_spec.index(d)] for d in output_spec]
    if elision == "left":
        true = list(shape[:elided]) + sizes
    elif elision == "right":
        true = sizes + list(shape[len(input_spec):])
    else:
        true = sizes if elided == 0 else None
    if (elision != "left" or elided == 0) and output_spec[0] != input_spec[0]:
        true = None  # the batch axis moves: not a layout we claim
    if true is not None:
        true = [None if d is _FREE or d is _NONE_IN else d for d in true]
    return out, kernel, true, bias_shape


def einsum_dense(params: Params, shape: tuple):
    """EinsumDense's output as Keras states it, when the real einsum agrees."""
    analysis = einsum_analysis(
        params["equation"], params["output_shape"], params.get("bias_axes"), shape
    )
    if analysis is None:
        return None
    claimed, _, true, _ = analysis
    claimed = [None if d is _FREE or d is _NONE_IN else d for d in claimed]
    if true is None or len(true) != len(claimed):
        return None
    for c, t in zip(claimed, true):
        if c is not None and c != t:
            return None  # Keras's claim is not what the einsum computes
    return tuple(claimed)


def einsum_dense_weights(params: Params, shape: tuple) -> int:
    """The kernel and bias shapes Keras builds, when every size in them is known."""
    unmodelled(params, "lora_rank", "quantization_config")
    analysis = einsum_analysis(
        params["equation"], params["output_shape"], params.get("bias_axes"), shape
    )
    if analysis is None:
        raise Unknowable("EinsumDense arguments not modelled")
    _, kernel, _, bias_shape = analysis
    sizes = [None if d is _FREE else d for d in kernel + bias_shape]
    known(*sizes)
    return product(kernel) + (product(bias_shape) if bias_shape else 0)


def _keras2_einsum_sizes(rule):
    """Keras 2 (TensorFlow's einsum) knows an output size that Keras 3's output_shape leaves
    None when the equation takes that letter from the input."""

    def apply(params: Params, shape: tuple):
        out = rule(params, shape)
        equation = params["equation"]
        if out is None or not isinstance(equation, str) or "->" not in equation:
            return out
        inputs, _, output = equation.replace(" ", "").partition("->")
        source = inputs.split(",")[0]
        if "..." in source:
            extra = len(shape) - (len(source) - 3)
            if extra < 0:
                return out
            dots = "".join(chr(0x100 + i) for i in range(extra))  # stand-in letters
            source, output = source.replace("...", dots), output.replace("...", dots)
        if len(source) != len(shape) or len(output) != len(out):
            return out
        sizes = dict(zip(source, shape))
        return tuple(sizes.get(letter) if size is None and index else size
                     for index, (letter, size) in enumerate(zip(output, out)))

    return apply


SPECS["EinsumDense"] = LayerSpec(
    ("equation", "output_shape", "activation", "bias_axes"), einsum_dense, TRANSPARENT,
    weights=einsum_dense_weights,
    versions=(Difference(2, "a None in output_shape takes the input's size on that letter",
                         {"wrap": (_keras2_einsum_sizes,)}),),
)
