"""FLT001: a Dense layer fed a rank>2 tensor that was evidently meant to be flattened.

What it does
    Finds a ``Dense`` whose input still has spatial or raw extra axes, e.g.
    ``Dense(16, input_shape=(3, 2))`` or ``Conv2D -> MaxPooling2D -> Dense``.
Why is this bad
    ``Dense`` acts on the last axis only, once per position of the other axes; the
    model then outputs ``(None, 3, 4)`` where ``(None, 4)`` was meant.
Example / Use instead
    See README.md, "FLT001".

Policy (precision first): the first Dense of an unflattened chain is reported when
the extra axes come from conv/pool/padding/cropping/upsampling layers or global
pooling with ``keepdims=True`` (F1) or from
a declared input or an explicit Reshape (F2), and no later layer consumes those
axes (a Flatten, global pooling, RNN, conv or Reshape would: then a per-position
Dense is a deliberate design).  Extra axes that are sequence axes (Embedding, RNNs
returning sequences, RepeatVector, TimeDistributed) are never reported (N2), nor
is Dense inside TimeDistributed (N1), nor anything in a model whose input or end
we do not know (N4).  In a functional model the same holds along every path:
a Dense is reported only if every path from it to the outputs keeps its axes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..config import active
from ..model import APPLIED, LayerCall, ModelDescription, Shape, format_shape
from ..shapes import infer_chain
from ..shapes.engine import GraphRun, chain_sources, confirm, run_model, spec_for, verified
from ..shapes.spec import (DENSE, FEATURE_MAP, MERGE, REDUCER, RESHAPE, SEQUENCE, SUBMODEL,
                           TRANSPARENT, product)
from . import Finding

CODE = "FLT001"

#: What the extra axes of a tensor are, after each role.
_SPATIAL, _RAW, _SEQUENCE, _KEPT = "spatial", "raw", "sequence", "kept"
_GLOBAL_POOLING = {3: "GlobalAveragePooling1D", 4: "GlobalAveragePooling2D", 5: "GlobalAveragePooling3D"}
_PROVENANCE_AFTER = {FEATURE_MAP: _SPATIAL, RESHAPE: _RAW, SEQUENCE: _SEQUENCE, REDUCER: None}


@dataclass(frozen=True)
class Remedy:
    """What a finding asks for, as data for `flake8-flatten fix`: the layers that would
    fix it (``"Flatten"``, ``"GlobalAveragePooling2D"``; preferred first), inserted
    before ``dense``, whose input is ``given``."""

    dense: LayerCall
    given: Shape
    layers: Tuple[str, ...]


def check(model: ModelDescription, run: Optional[GraphRun] = None) -> List[Finding]:
    return [finding for finding, _ in diagnose(model, run)]


def diagnose(model: ModelDescription, run: Optional[GraphRun] = None) -> List[Tuple[Finding, Remedy]]:
    """Each finding with its remedy.  A model built by the tensor it is applied to is
    one layer of the model that applies it, which judges its output."""
    if model.input_source == APPLIED:
        return []
    run = run or run_model(model)
    probe = _probe(model, run)
    provenance: List[Optional[str]] = [_RAW] * len(run.inputs)
    consumers = run.consumers()
    covered = set()  # layers downstream of a reported Dense: one finding per chain
    findings = []
    for index, result in enumerate(run.results):
        refs = run.sources[index]
        given = {provenance[r] if 0 <= r < len(provenance) else None for r in refs}
        origin = given.pop() if len(given) == 1 else None
        shape = result.input_shape
        if result.role is None or shape is None:
            provenance.append(None)  # an unknown layer: nothing after it is known
            continue
        sizes = probe.shape_of(refs[0]) if probe is not None and refs else None
        if (result.role == DENSE and len(shape) > 2 and index not in covered
                and _flattenable(origin, sizes or shape) and _reaches_output(model, run, consumers, index)):
            findings.append(_finding(run, consumers, index, origin, probe))
            covered.update(_downstream(run, consumers, index))
        if result.role == MERGE or result.role in (DENSE, TRANSPARENT):
            provenance.append(origin)
        elif result.role == REDUCER and result.output_shape is not None and len(result.output_shape) > 2:
            provenance.append(_KEPT)  # global pooling with keepdims=True: a (1, 1, C) map
        elif result.role == SUBMODEL:
            provenance.append(_through_submodel(result.call, origin))
        else:
            provenance.append(_PROVENANCE_AFTER.get(result.role))
    return findings


#: Stands for a size that is fixed but unknown to us, in a second run of the model
#: that tells such sizes (an int there) from variable-length ones (None in both runs).
#: Never shown: messages print such a size as ``?``.
_PROBE_SIZE = 4099


def _probe(model: ModelDescription, run: GraphRun) -> Optional[GraphRun]:
    """The model run with its fixed-but-unknown input sizes set to `_PROBE_SIZE`;
    None when it has none.  A size that is None in ``run`` but an int here depends
    only on fixed sizes: Keras will know it; a written None stays None here."""
    if not model.fixed_axes or len(model.fixed_axes) != len(run.inputs):
        return None
    inputs = [None if shape is None else tuple(
        _PROBE_SIZE if d is None and axis in fixed else d for axis, d in enumerate(shape))
        for shape, fixed in zip(run.inputs, model.fixed_axes)]
    return run_model(model, inputs)


def _shown(shape: Shape, probe: Optional[GraphRun], ref: Optional[int]) -> str:
    """``format_shape`` with ``?`` for a size that is fixed but unknown to us."""
    sizes = probe.shape_of(ref) if probe is not None and ref is not None else None
    if shape is None or sizes is None or len(sizes) != len(shape):
        return format_shape(shape)
    inner = ", ".join("?" if d is None and p is not None else "None" if d is None else str(d)
                      for d, p in zip(shape, sizes))
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


def _through_submodel(call: LayerCall, origin: Optional[str]) -> Optional[str]:
    """The provenance after a nested Sequential (a feature extractor): its layers'
    roles in turn; a nested functional model or an unknown inner layer hides it."""
    layers = call.args[0] if call.kind == "Sequential" and call.args else None
    if not isinstance(layers, tuple):
        return None
    for inner in layers:
        spec = spec_for(inner) if isinstance(inner, LayerCall) else None
        if spec is None or spec.role in (MERGE, SUBMODEL):
            return None
        if spec.role == REDUCER:
            origin = _KEPT if inner.kwarg("keepdims") is True else None
        elif spec.role not in (DENSE, TRANSPARENT):
            origin = _PROVENANCE_AFTER.get(spec.role)
    return origin


def _flattenable(provenance: Optional[str], shape: tuple) -> bool:
    """Spatial maps always qualify (F1); a declared or reshaped layout (F2) only when
    its extra axes have fixed sizes (a ``None`` axis there is variable-length, i.e.
    a sequence axis, which no Flatten could connect) and the options do not declare
    such axes sequence axes (``sequence-axes``)."""
    if provenance in (_SPATIAL, _KEPT):
        return True
    return provenance == _RAW and not active().sequence_axes and None not in shape[1:-1]


def _downstream(run: GraphRun, consumers, index: int) -> set:
    k = len(run.inputs)
    seen, stack = set(), [index]
    while stack:
        layer = stack.pop()
        for consumer in consumers.get(k + layer, ()):
            if consumer not in seen:
                seen.add(consumer)
                stack.append(consumer)
    return seen


def _reaches_output(model: ModelDescription, run: GraphRun, consumers, index: int) -> bool:
    """True when the extra axes survive, untouched by any consuming layer, along every
    path to the model's known outputs (and at least one path gets there)."""
    if model.truncated:
        return False
    k = len(run.inputs)
    if k + index in run.outputs:
        return True
    later = _downstream(run, consumers, index)
    if not later:
        return False  # its output is not used
    for layer in later:
        result = run.results[layer]
        if result.role not in (DENSE, TRANSPARENT) or result.output_shape is None:
            return False
    return any(k + layer in run.outputs for layer in later)


def _output_reached(run: GraphRun, consumers, index: int) -> Optional[int]:
    """The first model output downstream of layer ``index`` (None if it is one)."""
    k = len(run.inputs)
    later = _downstream(run, consumers, index)
    return next((ref for ref in run.outputs if ref - k in later), None)


def _finding(run: GraphRun, consumers, index: int, provenance: str,
             probe: Optional[GraphRun] = None) -> Tuple[Finding, Remedy]:
    dense = run.results[index].call
    checked = verified(run)
    source = run.sources[index][0]
    given = run.shape_of(source, checked)
    out = checked[index]
    output = _output_reached(run, consumers, index)
    final = run.shape_of(output, checked) if output is not None else None
    rank = len(run.results[index].input_shape)
    k = len(run.inputs)

    parts = [f"{label(dense)} gets input {_shown(given, probe, source)} of rank {rank}"
             if given is not None else f"{label(dense)} gets an input of rank {rank}"]
    parts.append("it acts on the last axis only"
                 + (f" and outputs {_shown(out, probe, k + index)}" if out else ""))
    if final is not None:
        parts[-1] += f", so the model outputs {_shown(final, probe, output)}"
    inputs = product(given[1:]) if given is not None else None
    sizes = probe.shape_of(source) if probe is not None else given
    fixed = sizes is not None and product(sizes[1:]) is not None  # Flatten can connect them
    pooling = _GLOBAL_POOLING.get(len(given)) if given is not None and provenance == _SPATIAL else None
    if not fixed and pooling:  # sizes not fixed: Flatten cannot work, pooling can
        fix = f"Add {pooling}() before it"
        layers: Tuple[str, ...] = (pooling,)
    else:
        layers = ("Flatten",) + ((pooling,) if pooling else ())
        fix = "Add Flatten()" + (f" (or {pooling}())" if pooling else "") + " before it"
        if inputs is not None:
            fix += f" to connect all {inputs} inputs"
            fixed_output = fixed_shape(given, dense)
            if fixed_output is not None:
                fix += f" (it then outputs {format_shape(fixed_output)})"
    if provenance == _KEPT:
        fix += ", or pool without keepdims=True"
    fix += ", or wrap it in TimeDistributed(...) if per-position is intended"
    message = "; ".join(parts) + ". " + fix
    return Finding(dense.line, dense.col, CODE, message), Remedy(dense, given, layers)


def fixed_shape(given: Shape, dense: LayerCall, layer: str = "Flatten") -> Shape:
    """Dense's output after the suggested ``layer``, NumPy-verified; None if unsure."""
    if given is None:
        return None
    calls = [LayerCall(layer), dense]
    static = [r.output_shape for r in infer_chain(given, calls)]
    return confirm([given], calls, chain_sources(len(calls)), static)[-1]


def label(call: LayerCall) -> str:
    """``Dense(16)``: how messages name a layer."""
    spec = spec_for(call)
    try:
        params = spec.bind(call) if spec is not None else {}
    except TypeError:
        params = {}
    first = spec.positional[0] if spec is not None and spec.positional else None
    value = params.get(first) if first else None
    shown = value if isinstance(value, (int, str)) and not isinstance(value, bool) else None
    if first is None or (shown is None and not call.args and not call.kwargs):
        return f"{call.kind}()"
    return f"{call.kind}({shown!r})" if shown is not None else f"{call.kind}(...)"
