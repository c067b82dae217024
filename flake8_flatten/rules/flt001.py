"""FLT001: a Dense layer fed a rank>2 tensor that was evidently meant to be flattened.

Its documentation is `RULE` below (``docs/rules/FLT001.md`` is generated from it).

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
from ..shapes.engine import UNKNOWN_TENSOR, GraphRun, chain_sources, run_model, spec_for
from ..shapes.spec import (DENSE, FEATURE_MAP, MERGE, REDUCER, RESHAPE, SEQUENCE, TRANSPARENT,
                           product)
from ..verification import confirm, verified
from .finding import Finding
from .rule import Rule

CODE = "FLT001"

RULE = Rule(
    code=CODE,
    title="Dense on an unflattened rank>2 input",
    summary="A Dense layer fed a rank>2 tensor that was evidently meant to be flattened.",
    catches="`Dense` fed an unflattened conv map / raw multi-axis input",
    keras_says="nothing: a silently wrong output shape",
    what_it_does="""
        Reports the first `Dense` of a chain whose input still has extra axes that were
        evidently meant to be fully connected.
    """,
    why_is_this_bad="""
        `Dense` contracts only the last axis. `Dense(16)` on `(None, 3, 2)` gives
        `(None, 3, 16)`, not `(None, 16)`: the model silently outputs the wrong shape, or training fails
        later with a confusing error about targets.
    """,
    example="""
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Dense(10, activation="softmax"),  # outputs (None, 13, 13, 10)
        ])
    """,
    use_instead="""
        import keras
        from keras import layers

        model = keras.Sequential([
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),  # or layers.GlobalAveragePooling2D()
            layers.Dense(10, activation="softmax"),  # (None, 10)
        ])
    """,
    notes="""
        ## Policy

        Dense on rank>2 input is also a deliberate Keras feature (in public Keras code about 9 in 10 such
        uses are per-timestep layers), so precision comes first: a noisy rule gets disabled.

        | row | situation | verdict | example |
        |---|---|---|---|
        | F1 | conv / pool / padding / cropping / upsampling feature maps (any dimensionality, Conv1D included; also through BatchNorm/Dropout/Activation) reach `Dense` with no Flatten / global pooling / Reshape in between | **reported** | `Conv2D → MaxPooling2D → Dense(10)` |
        | F2 | a declared input of rank ≥ 3 (possibly through BatchNorm/Dropout/Rescaling) reaches `Dense`, and no later layer consumes that axis | **reported** | `Dense(16, input_shape=(3, 2)) → Dense(4)` |
        | N1 | `Dense` inside `TimeDistributed` | silent | `TimeDistributed(Dense(8))` |
        | N2 | sequence features: after `Embedding`, an RNN with `return_sequences=True` (also in `Bidirectional`), `RepeatVector`, `TimeDistributed` | silent | `Embedding → LSTM(return_sequences=True) → Dense(vocab)` |
        | N3 | a per-timestep projection that a later RNN / global pooling / Conv1D / Flatten consumes | silent | `Input((24, 7)) → Dense(32) → GRU(16)` |
        | N4 | rank-2 input, or the input shape is unknown | silent | `Sequential([Dense(64), Dense(1)])` |

        Decisions where the issue was silent:

        - "A later layer consumes the axes" means any later layer that is not `Dense` or
          shape-preserving (a Flatten, global pooling, RNN, conv, pooling or Reshape): then the
          per-position `Dense` is part of a deliberate design (e.g. `Conv2D → Dense(64) → Flatten`, a
          1×1-conv written as `Dense`). The finding is raised only when the extra axes reach the model's
          output, so the message can name the wrong output shape.
        - `Reshape` to rank ≥ 3 is an explicit layout choice: it counts as a declared input (F2/N3), so an
          OCR model `Conv2D → Reshape((W, H*C)) → Dense → Bidirectional(LSTM)` stays silent.
        - One finding per root cause: later `Dense` layers of the same unflattened chain are not reported
          again.
        - A model extended inside an `if`/`while`/`try` or a non-literal loop is *truncated*: its end is
          unknown, so nothing is reported for it. `for` loops over literal lists or `range(N)` that add
          layers are unrolled (at most 1,024 iterations per scope). Using a model in a loop
          (`model.fit`) or passing it to a function (`train(model)`) is assumed not to change it.
        - A declared or reshaped input whose extra axis has no fixed size (`input_shape=(None, 5)`) is a
          variable-length sequence axis: not reported (no Flatten could connect it). For conv maps of
          unknown size the message suggests global pooling instead of Flatten.
        - Unknown layers (`Lambda`, custom classes, pretrained bases) make everything after them unknown.
        - With `sequence-axes` on (see [Configuration](../../README.md#configuration)), F2 is silent: only
          feature maps (F1) are reported.
    """,
)

#: What the extra axes of a tensor are, after each role.
_SPATIAL, _RAW, _SEQUENCE, _KEPT = "spatial", "raw", "sequence", "kept"
_GLOBAL_POOLING = {3: "GlobalAveragePooling1D", 4: "GlobalAveragePooling2D", 5: "GlobalAveragePooling3D"}
_PROVENANCE_AFTER = {FEATURE_MAP: _SPATIAL, RESHAPE: _RAW, SEQUENCE: _SEQUENCE, REDUCER: None}


@dataclass(frozen=True)
class Remedy:
    """What a finding asks for, as data for `flake8-flatten fix`: the layers that would
    fix it (``"Flatten"``, ``"GlobalAveragePooling2D"``; preferred first), inserted
    before ``dense``, whose input is ``given``; ``applied``: the line where a Dense
    reported at its constructor (a subclassed model's ``__init__``) is applied."""

    dense: LayerCall
    given: Shape
    layers: Tuple[str, ...]
    applied: Optional[int] = None


def check(model: ModelDescription, run: Optional[GraphRun] = None) -> List[Finding]:
    return [finding for finding, _ in diagnose(model, run)]


def diagnose(model: ModelDescription, run: Optional[GraphRun] = None) -> List[Tuple[Finding, Remedy]]:
    """Each finding with its remedy.  A model built by the tensor it is applied to is
    one layer of the model that applies it, which judges its output."""
    if model.input_source == APPLIED:
        return []
    expanded = _expanded(model)
    if expanded is not model:  # nested models and custom layers: judged layer by layer
        model, run = expanded, run_model(expanded)
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
            applied = model.applied_lines[index] if model.applied_lines else None
            findings.append(_finding(run, consumers, index, origin, probe, applied))
            covered.update(_downstream(run, consumers, index))
        if result.role == MERGE or result.role in (DENSE, TRANSPARENT):
            provenance.append(origin)
        elif result.role == REDUCER and result.output_shape is not None and len(result.output_shape) > 2:
            provenance.append(_KEPT)  # global pooling with keepdims=True: a (1, 1, C) map
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


#: How deep nested models (a custom layer using a nested Sequential...) are expanded.
_MAX_NESTING = 8


def _expanded(model: ModelDescription) -> ModelDescription:
    """``model`` with every nested Sequential / functional model / custom layer replaced
    by its own layers (at their own positions), so FLT001 follows the tensor through
    them: a feature extractor's map reaching an outer Dense, or a custom head's Dense fed
    the outer conv map.  ``model`` itself when it nests none."""
    if not any(_inner_graph(call) is not None for call in model.layers):
        return model
    inputs, calls, sources, outputs = model.graph()
    k = len(inputs)
    new_calls: list = []
    new_sources: list = []
    applied: list = []
    refs = {i: i for i in range(k)}  # tensor of ``model`` -> tensor of the expansion
    for index, (call, given) in enumerate(zip(calls, sources)):
        mapped = tuple(refs.get(r, UNKNOWN_TENSOR) for r in given)
        out = _inline(call, mapped, k, new_calls, new_sources, applied, 0)
        if out is None:
            out = k + len(new_calls)
            new_calls.append(call)
            new_sources.append(mapped)
            applied.append(model.applied_lines[index] if model.applied_lines else None)
        refs[k + index] = out
    return ModelDescription(
        line=model.line, col=model.col, name=model.name, input_shape=model.input_shape,
        layers=new_calls, truncated=model.truncated, kind="Functional", inputs=list(inputs),
        sources=new_sources, outputs=tuple(refs.get(r, UNKNOWN_TENSOR) for r in outputs),
        input_source=model.input_source, fixed_axes=model.fixed_axes,
        applied_lines=applied if any(a is not None for a in applied) else None)


def _inner_graph(call: LayerCall):
    """``(calls, sources, output)`` of a nested model's layers (tensor 0 its input,
    ``1 + j`` its layer ``j``), or None for any other layer."""
    if not call.is_keras or not call.args:
        return None
    if call.kind == "Sequential" and isinstance(call.args[0], tuple) and call.args[0] \
            and all(isinstance(c, LayerCall) for c in call.args[0]):
        layers = call.args[0]
        return layers, chain_sources(len(layers)), len(layers)
    graph = call.args[0]
    if call.kind == "Functional" and isinstance(graph, tuple) and len(graph) == 4:
        _, layers, sources, output = graph
        return tuple(layers), tuple(sources), output
    return None


def _inline(call: LayerCall, given: tuple, k: int, calls: list, sources: list, applied: list,
            depth: int) -> Optional[int]:
    """Append a nested model's layers (recursively) fed ``given``; the tensor of its
    output, or None when ``call`` is no nested model we can expand."""
    inner = _inner_graph(call) if depth < _MAX_NESTING and len(given) == 1 else None
    if inner is None:
        return None
    layers, inner_sources, output = inner
    local = {0: given[0]}
    for position, (layer, refs) in enumerate(zip(layers, inner_sources)):
        mapped = tuple(local.get(r, UNKNOWN_TENSOR) for r in refs)
        out = _inline(layer, mapped, k, calls, sources, applied, depth + 1)
        if out is None:
            out = k + len(calls)
            calls.append(layer)
            sources.append(mapped)
            applied.append(None)
        local[1 + position] = out
    return local.get(output, UNKNOWN_TENSOR)


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
             probe: Optional[GraphRun] = None, applied: Optional[int] = None) -> Tuple[Finding, Remedy]:
    """The finding for layer ``index``; ``applied``: the line where a layer reported at
    its constructor (in a subclassed model's ``__init__``) is applied."""
    dense = run.results[index].call
    checked = verified(run)
    source = run.sources[index][0]
    given = run.shape_of(source, checked)
    out = checked[index]
    output = _output_reached(run, consumers, index)
    final = run.shape_of(output, checked) if output is not None else None
    rank = len(run.results[index].input_shape)
    k = len(run.inputs)

    where = f" (applied on line {applied})" if applied is not None else ""
    parts = [f"{label(dense)}{where} gets input {_shown(given, probe, source)} of rank {rank}"
             if given is not None else f"{label(dense)}{where} gets an input of rank {rank}"]
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
    return Finding(dense.line, dense.col, CODE, message), Remedy(dense, given, layers, applied)


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
