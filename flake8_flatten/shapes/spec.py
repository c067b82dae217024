"""The vocabulary every layer rule is written in.

A layer family is a `LayerSpec`: the Keras 3 positional parameter order, the
defaults, a static shape rule and the family's role for the FLT001 policy.
Rules receive already-bound parameters (`Params`) and a known input shape, and
return the output shape, with ``None`` for every size they cannot know.  A rule
raises `ShapeError` only where real Keras refuses to build the layer.  A spec's
`weights` rule counts what Keras's ``layer.count_params()`` counts on that input
(it raises `Unknowable` for a size it needs but does not have); a spec without one
has an unknown count, never a guessed zero.  A spec declares its `weight_axis` (the
input axis its weights are built for, as Keras's ``InputSpec(axes={-1: ...})``), and
a `nested` spec (a wrapper, a submodel) is handed the engine that runs its inner
layers (`Inner`), so no family imports the engine that finds it in the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Dict, FrozenSet, Mapping, Optional, Tuple

from ..model import UNKNOWN, LayerCall, Shape

#: Roles tell the FLT001 policy what a layer does to the non-batch, non-feature axes.
DENSE = "dense"  # acts on the last axis only
TRANSPARENT = "transparent"  # keeps every axis and its meaning (Dropout, BatchNorm...)
FEATURE_MAP = "feature_map"  # conv/pool/padding/cropping/upsampling: spatial axes
SEQUENCE = "sequence"  # Embedding, RNNs, RepeatVector: time axes meant per-step
REDUCER = "reducer"  # Flatten, global pooling: no extra axes remain
RESHAPE = "reshape"  # an explicit new layout chosen by the author
MERGE = "merge"  # Add, Concatenate...: several tensors in, one out
SUBMODEL = "submodel"  # a Sequential called as a layer: opaque to the policy


class ShapeError(ValueError):
    """Real Keras would refuse to build this layer on this input."""


class Unknowable(Exception):
    """The rule would need a size we do not know.  A ``None`` size may be one Keras
    does not know either (then Keras refuses: the channel axis of a conv) or one we
    could not evaluate (``Input(shape=(28, 28, n))``): the output is unknown, never an
    error."""


class Params(dict):
    """Bound constructor arguments; a missing or unevaluable one reads as UNKNOWN."""

    def __missing__(self, key: str) -> Any:
        return UNKNOWN


Rule = Callable[[Params, Tuple], Shape]
WeightRule = Callable[[Params, Tuple], int]
#: The input axis (0..rank-1) a layer's weights are built for, given its bound
#: parameters and the input's rank; None where it has none or it is unknown.
WeightAxis = Callable[[Params, int], Optional[int]]


@dataclass(frozen=True)
class Inner:
    """How a nested layer (a wrapper's layer, a submodel's layers) is run: what the
    engine hands the rules of a spec declared ``nested`` as their last argument (the
    shape rule gets the shape engine's; the weight rule also the counting of
    ``shapes/weights.py``; the NumPy reference ``run_layer`` and ``reference_graph``)."""

    spec_for: Optional[Callable] = None
    infer_layer: Optional[Callable] = None
    infer_chain: Optional[Callable] = None
    infer_graph: Optional[Callable] = None
    count_params: Optional[Callable] = None
    results_total: Optional[Callable] = None
    run_layer: Optional[Callable] = None
    reference_graph: Optional[Callable] = None

#: The Keras a spec describes unless a `Difference` says otherwise.
KERAS3 = 3


@dataclass(frozen=True)
class Difference:
    """How a layer family behaves in another Keras than the spec's own (Keras 3),
    declared once next to the family's rule: ``changes`` are the `LayerSpec` fields
    that differ there (``defaults`` are merged into the spec's own), ``what`` says it
    in a line (docs/keras2.md lists them all).  Checked against both Kerases' goldens."""

    keras: int
    what: str
    changes: Mapping[str, Any]


def lenient(rule: "Rule") -> "Rule":
    """The rule where that Keras builds what the spec's Keras refuses (or we do not know
    what it builds): its refusals become unknown shapes, never a claim."""

    def apply(params: Params, shape: Tuple, *inner: Inner) -> Shape:
        try:
            return rule(params, shape, *inner)
        except ShapeError as exc:
            raise Unknowable(str(exc)) from None

    return apply


def unknown_when(test: Callable[[Params, Tuple], bool]) -> Callable[["Rule"], "Rule"]:
    """A wrapper making the output unknown where ``test(params, shape)`` holds (where
    that Keras's shape is not the one the rule computes, or its refusal is not modelled)."""

    def wrap(rule: "Rule") -> "Rule":
        def apply(params: Params, shape: Tuple, *inner: Inner) -> Shape:
            if test(params, shape):
                raise Unknowable("not modelled in this Keras")
            return rule(params, shape, *inner)

        return apply

    return wrap


@dataclass(frozen=True)
class LayerSpec:
    positional: Tuple[str, ...]
    rule: Rule
    role: str = TRANSPARENT
    defaults: Dict[str, Any] = field(default_factory=dict)
    min_rank: int = 1  # smallest input rank (batch included) Keras accepts
    exact_rank: Optional[int] = None  # the input rank the layer requires, if fixed
    merge: bool = False  # the rule takes a tuple of input shapes (a merge layer)
    weights: Optional[WeightRule] = None  # the parameter count on an input; None: unknown
    #: For the few Keras constructors without ``**kwargs`` (SpatialDropout*): every keyword
    #: they take.  Anything else (``input_shape=``) is a TypeError in Keras, and here.
    keywords: Optional[FrozenSet[str]] = None
    #: Keywords the constructor refuses (Keras 2's ``Keyword argument not understood``).
    rejects: FrozenSet[str] = frozenset()
    #: How the constructor reads its arguments before anything uses them (Keras 2
    #: lower-cases pooling's padding): applied by `bind`, so rules and references agree.
    normalize: Optional[Callable[[Params], Params]] = None
    #: Where Keras 2 behaves otherwise (`Difference`); the spec itself is Keras 3.
    versions: Tuple[Difference, ...] = ()
    #: The input axis the layer's weights are built for (`last_axis`, `channel_axis`,
    #: `normalized_axis`): a built layer applied to another size there fails.  None:
    #: no weights tied to an input size, or not modelled.
    weight_axis: Optional[WeightAxis] = None
    #: The layer runs other layers (Bidirectional's, a submodel's): its rule, weight
    #: rule and NumPy reference take the engine's `Inner` as their last argument.
    nested: bool = False

    def in_keras(self, version: int) -> "LayerSpec":
        """This family as the given Keras major version builds it."""
        spec = self
        for difference in self.versions:
            if difference.keras == version:
                changes = dict(difference.changes)
                for wrap in changes.pop("wrap", ()):  # wrappers of the spec's own rule
                    changes["rule"] = wrap(changes.get("rule", spec.rule))
                if "defaults" in changes:
                    changes["defaults"] = {**spec.defaults, **changes["defaults"]}
                spec = replace(spec, **changes)
        return replace(spec, versions=()) if spec is not self else self

    def bind(self, call: LayerCall) -> Params:
        params = Params(self.defaults)
        for name, value in zip(self.positional, call.args):
            params[name] = value
        if len(call.args) > len(self.positional):
            raise TypeError("more positional arguments than the layer takes")
        for name, value in call.kwargs:
            if self.keywords is not None and name not in self.keywords or name in self.rejects:
                raise TypeError(f"unexpected keyword argument {name!r}")
            params[name] = value
        return self.normalize(params) if self.normalize is not None else params


# --- declared weight axes ----------------------------------------------------------


def last_axis(params: Params, rank: int) -> Optional[int]:
    """Weights on the last axis (Dense, the RNNs): ``InputSpec(axes={-1: ...})``."""
    return rank - 1


def channel_axis(params: Params, rank: int) -> Optional[int]:
    """Weights on the channel axis (convolutions): axis 1 under channels_first."""
    fmt = params.get("data_format")
    return 1 if isinstance(fmt, str) and fmt.lower() == "channels_first" else rank - 1


def normalized_axis(params: Params, rank: int) -> Optional[int]:
    """Weights on the ``axis`` argument (BatchNormalization, LayerNormalization)."""
    axis = params.get("axis", -1)
    return axis % rank if isinstance(axis, int) and not isinstance(axis, bool) \
        and -rank <= axis < rank else None


# --- helpers shared by the rules -------------------------------------------------


def as_int(value: Any) -> Optional[int]:
    """An int argument, or None when unknown or not an int (bools are not sizes)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def as_tuple(value: Any, n: int) -> Tuple[Optional[int], ...]:
    """Keras's ``standardize_tuple``: an int or an n-sequence of ints."""
    if isinstance(value, (tuple, list)):
        if len(value) != n:
            return (None,) * n
        return tuple(as_int(v) for v in value)
    single = as_int(value)
    return (single,) * n


def as_str(value: Any) -> Optional[str]:
    return value.lower() if isinstance(value, str) else None


def as_bool(value: Any, default: bool) -> Optional[bool]:
    """True/False when literal, the default when absent, None when unknown."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return None


def channels_first(params: Params) -> Optional[bool]:
    """The layer's data_format; Keras's default is channels_last."""
    fmt = params.get("data_format")  # absent means Keras's default
    if fmt is None:
        return False
    fmt = as_str(fmt)
    if fmt == "channels_first":
        return True
    if fmt == "channels_last":
        return False
    return None


def product(dims) -> Optional[int]:
    total = 1
    for d in dims:
        if d is None:
            return None
        total *= d
    return total


def identity(params: Params, shape: Tuple) -> Shape:
    return shape


def no_weights(params: Params, shape: Tuple) -> int:
    """The count of the many layers that build no variables (activations, pooling...)."""
    return 0


def known(*sizes: Optional[int]) -> None:
    """A weight count needs every size it multiplies."""
    if any(as_int(size) is None for size in sizes):
        raise Unknowable("a weight's size is unknown")


def unmodelled(params: Params, *names: str) -> None:
    """Arguments that add or change weights in ways not counted here (LoRA,
    quantization, gates): when set, or unknown, the count is unknown."""
    if any(name in params and params[name] not in (None, False) for name in names):
        raise Unknowable(f"one of {names} changes the weights")


def bias(params: Params, size: int) -> int:
    """``size`` bias values when ``use_bias`` (Keras's default), else none."""
    use_bias = as_bool(params.get("use_bias"), True)
    if use_bias is None:
        raise Unknowable("use_bias is unknown")
    return size if use_bias else 0
