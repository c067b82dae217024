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
from ..model import format_shape
from ..rules import Finding, suppressed
from ..rules.registry import RULES
from ..shapes.engine import run_model
from ..summary import format_table, summarize

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


class DocumentCache:
    """What one document's analyses reuse: each model's results (by the model's full
    description) and the last parse (its top-level statements are reused for the
    lines an edit did not touch).  Holds this text's models and one tree only."""

    def __init__(self) -> None:
        self.models: dict = {}
        self.lines: Optional[Tuple[str, ...]] = None
        self.tree: Optional[ast.Module] = None

    def parse(self, text: str, lines: Sequence[str]) -> ast.Module:
        """``ast.parse(text)``, the same tree, reusing the unchanged statements.

        The statements wholly inside the unchanged first and last lines are kept; only
        the lines between them are parsed.  That is exact: an unchanged prefix ends
        each kept statement in the same tokenizer state as before (top level), and when
        the middle lines parse on their own they end at top level too, so the kept
        tail starts a statement as it did.  When they do not parse alone, the whole
        text is parsed (an unclosed bracket may close in the tail)."""
        tree = self._reuse(lines) if self.tree is not None else None
        if tree is None:
            tree = ast.parse(text)
        self.lines, self.tree = tuple(lines), tree
        return tree

    def forget_tree(self) -> None:
        self.lines = self.tree = None

    def _reuse(self, lines: Sequence[str]) -> Optional[ast.Module]:
        old, body = self.lines, self.tree.body
        prefix, suffix = _common_ends(old, lines)
        head = 0  # statements [0, head) end within the prefix, each before the next starts
        while head < len(body) and body[head].end_lineno <= prefix and (
                head + 1 == len(body) or _first_line(body[head + 1]) > body[head].end_lineno):
            head += 1
        shift, tail_from = len(lines) - len(old), len(old) - suffix  # 0-based first suffix line
        tail = len(body)  # statements [tail, len) start within the suffix
        while tail > head and _first_line(body[tail - 1]) - 1 >= tail_from and (
                tail - 1 == head or body[tail - 2].end_lineno < _first_line(body[tail - 1])):
            tail -= 1
        start = body[head - 1].end_lineno if head else 0  # 0-based first middle line
        stop = _first_line(body[tail]) - 1 + shift if tail < len(body) else len(lines)
        if stop < start:
            return None
        try:
            middle = ast.parse("\n".join(lines[start:stop]))
        except (SyntaxError, ValueError):
            return None
        if start:
            ast.increment_lineno(middle, start)
        kept_tail = body[tail:]
        if shift:
            for statement in kept_tail:
                ast.increment_lineno(statement, shift)
        return ast.Module(body=body[:head] + middle.body + kept_tail, type_ignores=[])


def _first_line(statement: ast.stmt) -> int:
    """A statement's first line (1-based): its first decorator's, for a decorated one."""
    decorators = getattr(statement, "decorator_list", None)
    return min([statement.lineno] + [d.lineno for d in decorators]) if decorators else statement.lineno


def _common_ends(old: Sequence[str], new: Sequence[str]) -> Tuple[int, int]:
    """How many lines two texts share at the start and (not overlapping it) at the end."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def analyse(text: str, options: Optional[Options] = None, path: str = "<buffer>",
            notebook=None, cache: Optional[DocumentCache] = None) -> Analysis:
    """Everything the server shows for ``text``.  No work at all for text without
    Keras models (the plugin's pre-check) or over the size the CLI analyses.

    ``cache`` (one `DocumentCache` per document, kept by the caller) makes a keystroke
    cheap: only the changed top-level statements are parsed again, and the shape
    engine runs again only for the models whose description (every layer with its
    arguments and position) changed.  It is refilled on every call with this text's
    models only, so it never outgrows the document."""
    cache = DocumentCache() if cache is None else cache
    if len(text) > MAX_SOURCE_CHARS:
        cache.forget_tree()
        cache.models.clear()
        return Analysis(tuple(split_lines(text)),
                        note=f"not analysed: larger than {MAX_SOURCE_CHARS // 1000:,} kB")
    if not may_define_models(text):
        cache.forget_tree()
        cache.models.clear()
        return Analysis(tuple(split_lines(text)))
    lines = split_lines(text)
    try:
        tree = cache.parse(text, lines)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Analysis(tuple(lines), parsed=False)
    options = options or Options()
    with using(options):
        return _analyse(text, tree, lines, path, notebook, options, cache.models)


def _model_results(model, path: str, notebook):
    """(findings with what their related information points at, summary record) of
    one model: what the cache holds."""
    run = run_model(model)
    findings = []
    for rule in RULES:
        findings.extend((finding, _related_refs(finding, model, run))
                        for finding in rule.check(model, run))
    return findings, _summarize(summarize, model, path, notebook)


def _analyse(text: str, tree: ast.Module, lines: List[str], path: str, notebook,
             options: Options, cache: dict) -> Analysis:
    models = discover(text, tree)
    result = Analysis(tuple(lines))
    if not models:
        cache.clear()
        return result
    calls = _Spans(lines, tree)
    noqa_lines = text.splitlines()  # as `check` reads # noqa
    seen: Dict[Tuple[int, int, str], Diagnostic] = {}
    hints: Dict[Pos, List[str]] = {}
    tooltips: Dict[Pos, str] = {}
    used = {}
    for model in models:
        key = (options, path, notebook and notebook.cell_starts, repr(model))
        cached = cache.get(key)
        if cached is None:
            cached = _model_results(model, path, notebook)
        used[key] = cached
        findings, record = cached
        for finding, refs in findings:  # as lint(): one per line, column and code,
            key = (finding.line, finding.col, finding.code)  # the fuller message
            if (key not in seen or len(finding.message) > len(seen[key].message)) \
                    and not suppressed(noqa_lines, finding):
                seen[key] = _diagnostic(finding, refs, model, calls, lines)
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
    result.diagnostics = sorted(seen.values(), key=lambda d: d.finding)
    cache.clear()
    cache.update(used)
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


def _diagnostic(finding: Finding, refs, model, calls: "_Spans", lines: List[str]) -> Diagnostic:
    span = calls.span(finding.line, finding.col) or _line_span(lines, finding.line - 1)
    model_span = calls.span(model.line, model.col) or _line_span(lines, model.line - 1)
    related = []
    for kind, index, message in refs:
        if kind == "model":
            related.append(Related(model_span, message))
        else:
            call = model.layers[index]
            related.append(Related(calls.span(call.line, call.col)
                                   or _line_span(lines, call.line - 1), message))
    return Diagnostic(finding, span, tuple(related))


def _related_refs(finding: Finding, model, run) -> List[Tuple[str, int, str]]:
    """What a finding's related information points at, as ("layer", index, message)
    or ("model", -1, message): for a layer's finding, the layer that made its input
    (walking back over layers that keep the shape: Dropout, BatchNormalization, ...),
    or the model's declared input; for a finding about data or a claim, the model."""
    index = next((i for i, call in enumerate(model.layers)
                  if (call.line, call.col) == (finding.line, finding.col)), None)
    if index is None or index >= len(run.sources):
        what = f"the {model.kind} model" + (f" {model.name!r}" if model.name else "")
        return [("model", -1, f"{what} is defined here")]
    k = len(run.inputs)
    ref = run.sources[index][0] if run.sources[index] else -1
    while ref >= k:  # a layer's output: skip back over shape-preserving layers
        refs = run.sources[ref - k]
        if not refs or refs[0] < 0 or run.shape_of(ref) is None \
                or run.shape_of(refs[0]) != run.shape_of(ref):
            break
        ref = refs[0]
    if ref < 0:
        return []
    shape = format_shape(run.shape_of(ref))
    if ref < k:
        return [("model", -1, f"the model's input {shape} is declared here")]
    return [("layer", ref - k, f"{model.layers[ref - k].kind} outputs {shape} here")]


class _Spans:
    """Where the expression at an ast position (1-based line, UTF-8 byte column)
    ends, read from the text: a dotted name, then each bracketed call that follows on
    its line (``Dense(10)(x)`` as a whole), strings and comments skipped; without a
    call, the rest of the line (``assert ...``).  Only the positions asked for are
    scanned (memoised): no walk over the whole tree on every keystroke.  A scan that
    fails falls back to the tree (``tree``), indexed once, lazily."""

    def __init__(self, lines: List[str], tree: Optional[ast.Module] = None):
        self.lines = lines
        self.tree = tree
        self.memo: Dict[Tuple[int, int], Optional[Span]] = {}
        self._index: Optional[Dict[Tuple[int, int], Tuple[int, int]]] = None

    def span(self, line: int, byte_col: int) -> Optional[Span]:
        key = (line, byte_col)
        if key not in self.memo:
            self.memo[key] = self._scan(line - 1, byte_col) or self._from_tree(line, byte_col)
        return self.memo[key]

    def _scan(self, row: int, byte_col: int) -> Optional[Span]:
        lines = self.lines
        if not 0 <= row < len(lines):
            return None
        text = lines[row]
        col = char_col(text, byte_col)
        match = _DOTTED.match(text, col)
        if match is None:
            return None
        r, c = row, match.end()
        called = False
        while True:
            nxt = _skip_space(lines[r], c)
            if nxt >= len(lines[r]) or lines[r][nxt] != "(":
                break
            closed = _close(lines, r, nxt)
            if closed is None:
                return None
            r, c = closed
            called = True
        if not called:  # a statement such as ``assert ...``: the rest of its line
            return Span((row, col), (row, max(len(_code(text)), match.end())))
        return Span((row, col), (r, c))

    def _from_tree(self, line: int, byte_col: int) -> Optional[Span]:
        if self.tree is None:
            return None
        if self._index is None:
            self._index = {}
            for node in ast.walk(self.tree):
                if isinstance(node, (ast.expr, ast.stmt)) and node.end_lineno is not None:
                    key, end = (node.lineno, node.col_offset), (node.end_lineno, node.end_col_offset)
                    if end > self._index.get(key, (0, 0)):
                        self._index[key] = end
        end = self._index.get((line, byte_col))
        if end is None or not 0 < line <= len(self.lines) or end[0] > len(self.lines):
            return None
        return Span((line - 1, char_col(self.lines[line - 1], byte_col)),
                    (end[0] - 1, char_col(self.lines[end[0] - 1], end[1])))


_DOTTED = re.compile(r"[^\W\d]\w*(?:[ \t]*\.[ \t]*[^\W\d]\w*)*")
_QUOTES = ("'''", '"""', "'", '"')


def _skip_space(text: str, c: int) -> int:
    while c < len(text) and text[c] in " \t":
        c += 1
    return c


def _code(text: str) -> str:
    """The line without a trailing comment or spaces (good enough for a statement's
    end: a ``#`` inside a string only makes the span longer)."""
    return text.split("#", 1)[0].rstrip() if "#" in text else text.rstrip()


def _close(lines: List[str], r: int, c: int) -> Optional[Pos]:
    """The position just after the bracket matching the one at (r, c)."""
    depth = 0
    while r < len(lines):
        text = lines[r]
        while c < len(text):
            ch = text[c]
            if ch in "([{":
                depth += 1
            elif ch in ")]}":
                depth -= 1
                if depth == 0:
                    return (r, c + 1)
            elif ch == "#":
                break
            elif ch in "'\"":
                quote = next(q for q in _QUOTES if text.startswith(q, c))
                r, c = _string_end(lines, r, c + len(quote), quote)
                if r >= len(lines):
                    return None
                text = lines[r]
                continue
            c += 1
        r, c = r + 1, 0
    return None


def _string_end(lines: List[str], r: int, c: int, quote: str) -> Pos:
    """The position after the string's closing quote."""
    while r < len(lines):
        text = lines[r]
        while c < len(text):
            if text[c] == "\\":
                c += 2
                continue
            if text.startswith(quote, c):
                return (r, c + len(quote))
            c += 1
        if len(quote) == 1 and not text.endswith("\\"):
            return (r + 1, 0)  # not closed on its line: not Python, give up on the line
        r, c = r + 1, 0
    return (r, 0)


# -- a buffer that does not parse -------------------------------------------------


def carry_over(good: Analysis, lines: Sequence[str]) -> Analysis:
    """``good``'s results that sit on lines unchanged since it was computed, moved to
    where those lines are now; nothing that touches a changed line."""
    old, new = good.lines, tuple(lines)
    prefix, suffix = _common_ends(old, new)
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
