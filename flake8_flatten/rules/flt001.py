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
the extra axes come from conv/pool/padding/cropping/upsampling layers (F1) or from
a declared input or an explicit Reshape (F2), and no later layer consumes those
axes (a Flatten, global pooling, RNN, conv or Reshape would: then a per-position
Dense is a deliberate design).  Extra axes that are sequence axes (Embedding, RNNs
returning sequences, RepeatVector, TimeDistributed) are never reported (N2), nor
is Dense inside TimeDistributed (N1), nor anything in a model whose input or end
we do not know (N4).
"""

from __future__ import annotations

from typing import List, Optional

from ..model import LayerCall, ModelDescription, Shape, format_shape
from ..shapes import infer_chain
from ..shapes.engine import spec_for
from ..shapes.spec import DENSE, FEATURE_MAP, REDUCER, RESHAPE, SEQUENCE, TRANSPARENT, product
from . import Finding

CODE = "FLT001"

#: What the extra axes of a tensor are, after each role.
_SPATIAL, _RAW, _SEQUENCE = "spatial", "raw", "sequence"
_GLOBAL_POOLING = {3: "GlobalAveragePooling1D", 4: "GlobalAveragePooling2D", 5: "GlobalAveragePooling3D"}
_PROVENANCE_AFTER = {FEATURE_MAP: _SPATIAL, RESHAPE: _RAW, SEQUENCE: _SEQUENCE, REDUCER: None}


def check(model: ModelDescription) -> List[Finding]:
    if model.input_shape is None:
        return []  # N4
    results = infer_chain(model.input_shape, model.layers)
    provenance: Optional[str] = _RAW
    for index, result in enumerate(results):
        shape = result.input_shape
        if result.role is None or shape is None:
            return []  # an unknown layer: nothing after it is known
        if (result.role == DENSE and len(shape) > 2 and _flattenable(provenance, shape)
                and _reaches_output(model, results, index)):
            return [_finding(model, results, index, provenance)]
        provenance = _PROVENANCE_AFTER.get(result.role, provenance)
    return []


def _flattenable(provenance: Optional[str], shape: tuple) -> bool:
    """Spatial maps always qualify (F1); a declared or reshaped layout (F2) only when
    its extra axes have fixed sizes: a ``None`` axis there is variable-length, i.e.
    a sequence axis, which no Flatten could connect."""
    if provenance == _SPATIAL:
        return True
    return provenance == _RAW and None not in shape[1:-1]


def _reaches_output(model: ModelDescription, results, index: int) -> bool:
    """True when the extra axes survive, untouched by any consuming layer, to the
    model's known output."""
    if model.truncated:
        return False
    for result in results[index + 1:]:
        if result.role not in (DENSE, TRANSPARENT) or result.output_shape is None:
            return False
    return True


def _finding(model: ModelDescription, results, index: int, provenance: str) -> Finding:
    from ..verify import verified_shapes  # NumPy, only when there is something to say

    dense = results[index].call
    calls = [r.call for r in results]
    checked = verified_shapes(model.input_shape, calls, [r.output_shape for r in results])
    given = model.input_shape if index == 0 else checked[index - 1]
    out, final = checked[index], checked[-1]

    parts = [f"{_label(dense)} gets input {format_shape(given)} of rank {len(results[index].input_shape)}"
             if given is not None else f"{_label(dense)} gets an input of rank {len(results[index].input_shape)}"]
    parts.append("it acts on the last axis only" + (f" and outputs {format_shape(out)}" if out else ""))
    if final is not None and index < len(results) - 1:
        parts[-1] += f", so the model outputs {format_shape(final)}"
    inputs = product(given[1:]) if given is not None else None
    pooling = _GLOBAL_POOLING.get(len(given)) if given is not None and provenance == _SPATIAL else None
    if inputs is None and pooling:  # sizes not fixed: Flatten cannot work, pooling can
        fix = f"Add {pooling}() before it"
    else:
        fix = "Add Flatten()" + (f" (or {pooling}())" if pooling else "") + " before it"
        if inputs is not None:
            fix += f" to connect all {inputs} inputs"
            fixed = _fixed_shape(given, dense)
            if fixed is not None:
                fix += f" (it then outputs {format_shape(fixed)})"
    fix += ", or wrap it in TimeDistributed(...) if per-position is intended"
    message = "; ".join(parts) + ". " + fix
    return Finding(dense.line, dense.col, CODE, message)


def _fixed_shape(given: Shape, dense: LayerCall) -> Shape:
    """Dense's output after the suggested Flatten(), NumPy-verified; None if unsure."""
    if given is None:
        return None
    from ..verify import verified_shapes

    calls = [LayerCall("Flatten"), dense]
    static = [r.output_shape for r in infer_chain(given, calls)]
    return verified_shapes(given, calls, static)[-1]


def _label(call: LayerCall) -> str:
    units = spec_for(call).bind(call)["units"]
    return f"{call.kind}({units!r})" if isinstance(units, int) else f"{call.kind}(...)"
