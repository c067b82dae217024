"""What the language server shows for one document, from its text alone.

`analyse` runs discovery once, the shape engine once per model and the four rules,
as `flake8_flatten.rules.lint` does (a test keeps the two equal), and turns the
result into editor terms: diagnostics with ranges and related information, inlay
hints (each layer's output shape as Keras prints it, the model's input and
parameter count), and each model's layers for hovers.  Positions here are 0-based
lines and 0-based *code-point* columns; the server converts them to the client's
encoding.

`carry_over` is for a buffer that does not parse (mid-typing): the last good
analysis is kept for the lines that did not change (found as the common prefix and
suffix of the two texts, so a kept item always sits on exactly the text it was
computed for) and dropped everywhere else.
"""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Sequence, Tuple

from ..config import Options, using
from ..discovery import MAX_SOURCE_CHARS, discover, may_define_models
from ..rules import Finding, suppressed

Pos = Tuple[int, int]  # (0-based line, 0-based code-point column)

#: Where each rule is documented (the same URLs SARIF's helpUri gives).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Span:
    start: Pos
    end: Pos

    def contains(self, pos: Pos) -> bool:
        return self.start <= pos <= self.end

    def size(self) -> Tuple[int, int]:
        return (self.end[0] - self.start[0], self.end[1] - self.start[1])


@dataclass(frozen=True)
class Related:
    span: Span
    message: str


@dataclass(frozen=True)
class Diagnostic:
    finding: Finding  # as lint() reports it: 1-based line, 0-based UTF-8 byte column
    span: Span
    related: Tuple[Related, ...] = ()

    @property
    def code(self) -> str:
        return self.finding.code

    @property
    def message(self) -> str:
        return self.finding.message


@dataclass(frozen=True)
class Hint:
    position: Pos
    label: str
    tooltip: str = ""


@dataclass(frozen=True)
class ModelView:
    """One model, for hovers: where it is written and its summary record."""

    name: Optional[str]
    span: Span  # the model's own definition (``Sequential(...)``, ``Model(...)``)
    layer_spans: Tuple[Optional[Span], ...]  # per layer of record["layers"]
    record: dict


@dataclass
class Analysis:
    lines: Tuple[str, ...]  # the analysed text's lines, without line breaks
    parsed: bool = True  # False: the text does not parse; the rest was carried over
    diagnostics: List[Diagnostic] = field(default_factory=list)
    hints: List[Hint] = field(default_factory=list)
    models: List[ModelView] = field(default_factory=list)
    note: Optional[str] = None  # why nothing was analysed (a huge buffer)


def split_lines(text: str) -> List[str]:
    """Lines as LSP and Python count them (``\\n``, ``\\r\\n``, ``\\r``)."""
    return _LINE_BREAK.split(text)


def char_col(line: str, byte_col: int) -> int:
    """ast's UTF-8 byte column as a code-point column."""
    if line.isascii():
        return byte_col
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "ignore"))


def format_hint_shape(shape: Optional[Sequence[Optional[int]]]) -> str:
    """``(None, 13, 13, 32)`` as Keras prints it; an unknown size other than the
    batch axis is ``?``."""
    if shape is None:
        return "?"
    dims = ["None" if d is None and i == 0 else "?" if d is None else str(d)
            for i, d in enumerate(shape)]
    return f"({dims[0]},)" if len(dims) == 1 else f"({', '.join(dims)})"


def analyse(text: str, options: Optional[Options] = None, path: str = "<buffer>",
            notebook=None) -> Analysis:
    """Everything the server shows for ``text``.  No work at all for text without
    Keras models (the plugin's pre-check) or over the size the CLI analyses."""
    if len(text) > MAX_SOURCE_CHARS:
        return Analysis(tuple(split_lines(text)),
                        note=f"not analysed: larger than {MAX_SOURCE_CHARS // 1000:,} kB")
    if not may_define_models(text):
        return Analysis(tuple(split_lines(text)))
    lines = split_lines(text)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Analysis(tuple(lines), parsed=False)
    with using(options or Options()):
        return _analyse(text, tree, lines, path, notebook)


def _analyse(text: str, tree: ast.Module, lines: List[str], path: str, notebook) -> Analysis:
    from ..rules import flt001, flt002, flt003, flt004
    from ..shapes.engine import run_model
    from ..summary import summarize

    models = discover(text, tree)
    result = Analysis(tuple(lines))
    if not models:
        return result
    calls = _CallIndex(tree, lines)
    noqa_lines = text.splitlines()  # as `check` reads # noqa
    seen: Dict[Finding, Diagnostic] = {}
    hints: Dict[Pos, List[str]] = {}
    tooltips: Dict[Pos, str] = {}
    for model in models:
        run = run_model(model)
        for rule in (flt001, flt002, flt003, flt004):
            for finding in rule.check(model, run):
                if finding not in seen and not suppressed(noqa_lines, finding):
                    seen[finding] = _diagnostic(finding, model, run, calls, lines)
        record = _summarize(summarize, model, path, notebook)
        layer_spans = []
        for call, layer in zip(model.layers, record["layers"]):
            span = calls.span(call.line, call.col)
            layer_spans.append(span)
            if span is None or layer["output_shape"] is None:
                continue
            label = format_hint_shape(layer["output_shape"])
            shown = hints.setdefault(span.end, [])
            if label not in shown:
                shown.append(label)
                params = "?" if layer["params"] is None else f"{layer['params']:,}"
                tooltips.setdefault(span.end, f"{layer['class']}: output {label}, "
                                              f"{params} params")
        model_span = calls.span(model.line, model.col) or _line_span(lines, model.line - 1)
        result.models.append(ModelView(model.name, model_span, tuple(layer_spans), record))
        model_hint = _model_hint(record, lines, model.line - 1)
        if model_hint is not None:
            result.hints.append(model_hint)
    result.hints.extend(Hint(pos, "→ " + " | ".join(labels), tooltips.get(pos, ""))
                        for pos, labels in hints.items())
    result.hints.sort(key=lambda hint: hint.position)
    result.diagnostics = [seen[finding] for finding in sorted(seen)]
    return result


def _summarize(summarize, model, path, notebook) -> dict:
    """summarize(), with the notebook's cell numbers where it takes them."""
    if notebook is not None and "notebook" in inspect.signature(summarize).parameters:
        return summarize(model, path, notebook)
    return summarize(model, path)


def _model_hint(record: dict, lines: List[str], line: int) -> Optional[Hint]:
    """At the end of the model's line: its input shape(s) and total parameters."""
    if not 0 <= line < len(lines):
        return None
    inputs = record.get("input_shapes", [record["input_shape"]])
    parts = []
    if inputs and all(shape is not None for shape in inputs):
        word = "inputs" if len(inputs) > 1 else "input"
        parts.append(f"{word} {', '.join(format_hint_shape(s) for s in inputs)}")
    if record["total_params"] is not None:
        parts.append(f"{record['total_params']:,} params")
    if not parts:
        return None
    kind = record["kind"] + (f" {record['name']!r}" if record["name"] else "")
    return Hint((line, len(lines[line].rstrip())), "  " + " · ".join(parts),
                f"{kind}: {' · '.join(parts)} (flake8-flatten, static)")


def _line_span(lines: List[str], line: int) -> Span:
    line = min(max(line, 0), len(lines) - 1)
    text = lines[line]
    return Span((line, len(text) - len(text.lstrip())), (line, len(text.rstrip())))


def _diagnostic(finding: Finding, model, run, calls: "_CallIndex", lines: List[str]) -> Diagnostic:
    span = calls.span(finding.line, finding.col) or calls.any_span(finding.line, finding.col) \
        or _line_span(lines, finding.line - 1)
    return Diagnostic(finding, span, tuple(_related(finding, model, run, calls, lines)))


def _related(finding: Finding, model, run, calls: "_CallIndex", lines: List[str]) -> List[Related]:
    """For a layer's finding, the layer that made its input (walking back over layers
    that keep the shape: Dropout, BatchNormalization, ...), or the model's declared
    input; for a finding about data or a claim, the model's definition."""
    from ..model import format_shape

    model_span = calls.span(model.line, model.col) or _line_span(lines, model.line - 1)
    index = next((i for i, call in enumerate(model.layers)
                  if (call.line, call.col) == (finding.line, finding.col)), None)
    if index is None or index >= len(run.sources):
        what = f"the {model.kind} model" + (f" {model.name!r}" if model.name else "")
        return [Related(model_span, f"{what} is defined here")]
    k = len(run.inputs)
    ref = run.sources[index][0] if run.sources[index] else -1
    while ref >= k:  # a layer's output: skip back over shape-preserving layers
        layer = ref - k
        refs = run.sources[layer]
        if not refs or refs[0] < 0 or run.shape_of(refs[0]) != run.shape_of(ref) \
                or run.shape_of(ref) is None:
            break
        ref = refs[0]
    if ref < 0:
        return []
    shape = format_shape(run.shape_of(ref))
    if ref < k:
        return [Related(model_span, f"the model's input {shape} is declared here")]
    call = model.layers[ref - k]
    span = calls.span(call.line, call.col) or _line_span(lines, call.line - 1)
    return [Related(span, f"{call.kind} outputs {shape} here")]


class _CallIndex:
    """Where each expression starting at a position ends: the outermost call that
    starts there (``Dense(10)(x)`` rather than ``Dense(10)``), else any expression."""

    def __init__(self, tree: ast.Module, lines: List[str]):
        self.lines = lines
        self.calls: Dict[Tuple[int, int], Tuple[int, int]] = {}
        self.exprs: Dict[Tuple[int, int], Tuple[int, int]] = {}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.expr, ast.stmt)) or node.end_lineno is None:
                continue
            key, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
            table = self.calls if isinstance(node, ast.Call) else self.exprs
            if end > table.get(key, (0, 0)):
                table[key] = end

    def span(self, line: int, col: int) -> Optional[Span]:
        return self._span(self.calls, line, col)

    def any_span(self, line: int, col: int) -> Optional[Span]:
        return self._span(self.exprs, line, col)

    def _span(self, table, line: int, col: int) -> Optional[Span]:
        end = table.get((line, col))
        if end is None or not 0 < line <= len(self.lines) or end[0] > len(self.lines):
            return None
        return Span((line - 1, char_col(self.lines[line - 1], col)),
                    (end[0] - 1, char_col(self.lines[end[0] - 1], end[1])))


# -- a buffer that does not parse -------------------------------------------------


def carry_over(good: Analysis, lines: Sequence[str]) -> Analysis:
    """``good``'s results that sit on lines unchanged since it was computed, moved to
    where those lines are now; nothing that touches a changed line."""
    old, new = good.lines, tuple(lines)
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    shift, tail = len(new) - len(old), len(old) - suffix

    def line(n: int) -> Optional[int]:
        return n if n < prefix else n + shift if n >= tail else None

    def pos(p: Pos) -> Optional[Pos]:
        moved = line(p[0])
        return None if moved is None else (moved, p[1])

    def span(s: Optional[Span]) -> Optional[Span]:
        if s is None:
            return None
        start, end = pos(s.start), pos(s.end)
        if start is None or end is None or (start[0] < prefix) != (end[0] < prefix):
            return None  # a span across the changed lines
        return Span(start, end)

    result = Analysis(new, parsed=False)
    for hint in good.hints:
        moved = pos(hint.position)
        if moved is not None:
            result.hints.append(replace(hint, position=moved))
    for diagnostic in good.diagnostics:
        moved = span(diagnostic.span)
        if moved is not None:
            related = tuple(replace(r, span=span(r.span)) for r in diagnostic.related
                            if span(r.span) is not None)
            result.diagnostics.append(replace(diagnostic, span=moved, related=related))
    for model in good.models:
        moved = span(model.span)
        if moved is not None:
            result.models.append(replace(model, span=moved,
                                         layer_spans=tuple(span(s) for s in model.layer_spans)))
    return result


# -- hover ------------------------------------------------------------------------


def models_at(analysis: Analysis, pos: Pos) -> Tuple[List[Tuple[ModelView, int]], Optional[Span]]:
    """The models a hover at ``pos`` is about, each with the layer under the cursor
    (-1: the model itself), and the hovered range.  A layer call's span (the innermost
    one) wins; otherwise the word under the cursor must be a model's name: the model
    of that name defined last before the cursor (or the first one)."""
    best: Optional[Span] = None
    found: List[Tuple[ModelView, int]] = []
    for model in analysis.models:
        for index, span in enumerate(model.layer_spans):
            if span is None or not span.contains(pos):
                continue
            if best is None or span.size() < best.size():
                best, found = span, [(model, index)]
            elif span == best and all(m is not model for m, _ in found):
                found.append((model, index))
    if found:
        return found, best
    line = analysis.lines[pos[0]] if 0 <= pos[0] < len(analysis.lines) else ""
    for match in _WORD.finditer(line):
        if match.start() <= pos[1] <= match.end():
            word, word_span = match.group(), Span((pos[0], match.start()), (pos[0], match.end()))
            break
    else:
        return [], None
    named = [m for m in analysis.models
             if m.name is not None and (m.name == word or m.name.endswith("." + word))]
    if not named:
        return [], None
    before = [m for m in named if m.span.start[0] <= pos[0]]
    chosen = max(before, key=lambda m: m.span.start) if before else named[0]
    return [(chosen, -1)], word_span


def hover_text(found: List[Tuple[ModelView, int]], markdown: bool = True) -> str:
    """The hover: the hovered layer's shape, then each model's static summary table."""
    from ..summary import format_table

    parts = []
    for model, index in found:
        if index >= 0:
            layer = model.record["layers"][index]
            params = "?" if layer["params"] is None else f"{layer['params']:,}"
            shape = format_hint_shape(layer["output_shape"])
            head = f"{layer['class']} → {shape}, {params} params"
            parts.append(f"**{head}**" if markdown else head)
        table = format_table([model.record]).rstrip("\n")
        parts.append(f"```text\n{table}\n```" if markdown else table)
    parts.append("_static summary by flake8-flatten: nothing was imported or run_"
                 if markdown else "(static summary by flake8-flatten: nothing was imported or run)")
    return "\n\n".join(parts)
