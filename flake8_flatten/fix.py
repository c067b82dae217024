"""`flake8-flatten fix`: insert the Flatten() (or global pooling) each FLT001 asks for.

A libcst codemod, so every byte it has no reason to touch stays as it was (comments,
layout, quotes, line endings).  Each edit is re-linted before it is kept: the Dense
must no longer be reported, its output must be the shape the finding promised
(confirmed by the NumPy references), no other model of the file may change and no
other finding may appear.  An edit that fails any of these is not made.

Where the new layer goes, in the style the Dense is written in:

- ``model.add(Dense(..))``: a ``model.add(Flatten())`` statement on the line before;
- ``Sequential([.., Dense(..)])``: an element before the Dense, on a line of its own
  when the list has one element per line;
- ``Dense(..)(x)`` / ``dense(x)``: ``Dense(..)(Flatten()(x))``.  Only the Dense's
  input changes, so a name other layers also read (``x``) keeps its meaning.

The layer is spelled as the Dense is (``layers.Flatten``, ``tf.keras.layers.Flatten``);
a bare ``Dense`` gets ``Flatten`` added to the ``from ... import`` line that binds it.
An ``input_shape=`` given to the Dense moves to the new layer, which now comes first.
"""

from __future__ import annotations

import ast
import bisect
import difflib
import io
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

import libcst as cst
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

from .cli import (NOTEBOOK_SUFFIX, STDIN, UsageError, input_paths, read_python, report_error,
                  too_large)
from .model import Shape, format_shape
from .rules import Finding, suppressed

CODE = "FLT001"
#: Keyword arguments that declare a Sequential's input: they belong to its first layer.
_INPUT_ARGUMENTS = ("input_shape", "input_dim", "batch_input_shape", "batch_size")


@dataclass(frozen=True)
class Applied:
    """A fixed finding: ``layer`` was inserted, and the Dense, now at ``line``/``col``
    (col 0-based, as flake8 plugins report it), outputs ``output`` (NumPy-verified)."""

    finding: Finding
    layer: str
    line: int
    col: int
    output: Shape


@dataclass(frozen=True)
class Skipped:
    finding: Finding
    reason: str


@dataclass
class FixResult:
    source: str
    applied: List[Applied] = field(default_factory=list)
    skipped: List[Skipped] = field(default_factory=list)


class Unfixable(Exception):
    """A finding the codemod leaves alone; the message says why."""


@dataclass(frozen=True)
class _Target:
    """One FLT001 finding to fix, in the model ``model`` (index in discovery order)."""

    model: int
    functional: bool
    finding: Finding
    layer: str
    promised: Shape  # the Dense's output once ``layer`` is before it

    @property
    def position(self) -> Tuple[int, int]:
        return self.finding.line, self.finding.col


def fix_source(source: str, pooling: bool = False) -> FixResult:
    """``source`` with every FLT001 it can fix safely fixed.  ``pooling``: insert
    GlobalAveragePoolingND() rather than Flatten() after conv/pool feature maps."""
    from .config import Options, using

    with using(Options()):  # the NumPy references confirm every shape, whatever is configured
        return _fix(source, pooling)


def _fix(source: str, pooling: bool) -> FixResult:
    from .discovery import discover

    models = discover(source)
    targets, skipped = _targets(source, models, pooling)
    if not targets:
        return FixResult(source, [], skipped)
    if len(source) > MAX_REWRITE_CHARS:
        reason = f"the file is over {MAX_REWRITE_CHARS // 1000} kB, too large to rewrite within bounds"
        return FixResult(source, [], skipped + [Skipped(t.finding, reason) for t in targets])
    try:
        if _crashes_libcst(source):
            raise RecursionError
        codemod = _Codemod(source)
    except (cst.ParserSyntaxError, RecursionError):
        return FixResult(source, [], skipped + [Skipped(t.finding, "libcst cannot parse this file")
                                                for t in targets])
    baseline = _Baseline.of(source, models)
    groups: Dict[Tuple[int, int], List[_Target]] = {}
    for target in targets:  # a Dense in a helper may be reported once per model it builds
        groups.setdefault(target.position, []).append(target)
    accepted, outcome = [], None
    for group in groups.values():
        try:
            plan = codemod.plan(group)
            outcome = _accept(codemod, [plan], baseline)
        except Unfixable as exc:
            skipped.extend(Skipped(t.finding, str(exc)) for t in group)
            continue
        accepted.append((plan, group))
    if not accepted:
        return FixResult(source, [], sorted(skipped, key=_by_finding))
    try:  # each fix passed alone; together they must pass again (one alone already has)
        fixed, placed = _accept(codemod, [plan for plan, _ in accepted], baseline) \
            if len(accepted) > 1 else outcome
    except Unfixable as exc:
        skipped.extend(Skipped(t.finding, f"the fixes conflict: {exc}")
                       for _, group in accepted for t in group)
        return FixResult(source, [], sorted(skipped, key=_by_finding))
    applied = [Applied(t.finding, t.layer, *placed[plan], t.promised)
               for plan, group in accepted for t in group]
    return FixResult(fixed, sorted(applied, key=_by_finding), sorted(skipped, key=_by_finding))


#: libcst's concrete tree takes about 1.5 kB of memory per character of source (measured:
#: 160 MB for a 105 kB file): past this size a rewrite would break the 200 MB bound.  It is
#: above the largest Keras file of our 559-file real-code corpus (46 kB).
MAX_REWRITE_CHARS = 64_000
#: libcst's native parser recurses once per operand of a boolean chain and kills the
#: process (a segfault, not an exception) somewhere past 6,000 operands (libcst 1.9).
MAX_BOOLEAN_OPERANDS = 2000


def _crashes_libcst(source: str) -> bool:
    """Would handing ``source`` to libcst crash the process?  (It was linted: it parses.)"""
    if " and " not in source and " or " not in source:
        return False
    return any(isinstance(node, ast.BoolOp) and len(node.values) > MAX_BOOLEAN_OPERANDS
               for node in ast.walk(ast.parse(source)))


def _by_finding(record) -> Finding:
    return record.finding


def _targets(source: str, models: list, pooling: bool) -> Tuple[List[_Target], List[Skipped]]:
    from .rules import flt001
    from .shapes.engine import run_model

    lines = _physical_lines(source)
    targets, skipped = [], []
    for index, model in enumerate(models):
        for finding, remedy in flt001.diagnose(model, run_model(model)):
            if suppressed(lines, finding):
                continue
            pools = [layer for layer in remedy.layers if layer != "Flatten"]
            layer = pools[0] if pooling and pools else remedy.layers[0]
            promised = flt001.fixed_shape(remedy.given, remedy.dense, layer)
            if promised is None:
                skipped.append(Skipped(finding, f"the Dense's output after {layer}() is not known"))
            else:
                targets.append(_Target(index, model.sources is not None, finding, layer, promised))
    return targets, skipped


@dataclass
class _Baseline:
    """What the file's models output and which findings it has, before the fix."""

    outputs: List[tuple]
    codes: Counter

    @classmethod
    def of(cls, source: str, models: list) -> "_Baseline":
        from .rules import lint

        return cls([_outputs(model)[0] for model in models],
                   Counter(f.code for f in lint(source)))


def _outputs(model):
    """``(the model's output shapes, its run, every layer's verified output)``."""
    from .shapes.engine import run_model, verified

    run = run_model(model)
    checked = verified(run)
    return tuple(run.shape_of(ref, checked) for ref in run.outputs), run, checked


def _accept(codemod: "_Codemod", plans: list, baseline: _Baseline):
    """``(fixed source, plan -> the Dense's new position)``, or Unfixable with what
    the re-lint of the fixed source found wrong."""
    from .discovery import discover
    from .rules import flt001, lint

    fixed, placed = codemod.apply(plans)
    findings = lint(fixed)
    added = Counter(f.code for f in findings) - baseline.codes
    if added:
        first = next(f for f in findings if f.code in added)
        raise Unfixable(f"the fixed file would get {first.code} at line {first.line}: "
                        f"{first.message}")
    targets = [t for plan in plans for t in plan.targets]
    position = {t.position: placed[plan] for plan in plans for t in plan.targets}
    models = discover(fixed)
    if len(models) != len(baseline.outputs):
        raise Unfixable("the fixed file would define other models")
    for index, model in enumerate(models):
        outputs, run, checked = _outputs(model)
        mine = [t for t in targets if t.model == index]
        if not mine and outputs != baseline.outputs[index]:
            raise Unfixable(f"the model at line {model.line} would change too")
        reported = {(f.line, f.col) for f in flt001.check(model, run)}
        for target in mine:
            where = position[target.position]
            if where in reported:
                raise Unfixable(f"FLT001 would still be reported after {target.layer}()")
            shapes = [checked[i] for i, result in enumerate(run.results)
                      if (result.call.line, result.call.col) == where]
            if target.promised not in shapes:
                found = ", ".join(format_shape(s) for s in shapes) or "nothing"
                raise Unfixable(f"after {target.layer}() the Dense would output {found}, "
                                f"not {format_shape(target.promised)}")
    return fixed, placed


# -- the codemod ------------------------------------------------------------------------


@dataclass(eq=False)
class _Plan:
    """One insertion.  ``site`` is the node the finding points at (the Dense, or its
    application in the functional API); ``anchor`` the statement or list element the
    ``inserted`` node goes before (None: the application's input is wrapped)."""

    targets: List[_Target]
    name: str  # the layer class inserted
    layer: object  # libcst expression spelling it, without arguments
    dense: object
    site: object
    anchor: object = None
    inserted: object = None
    moved: Tuple[int, ...] = ()  # indexes of the Dense's input declarations, which move
    imports: tuple = ()  # from-imports that get ``name`` added


class _Codemod:
    """Plans insertions on one parsed file and applies any set of them."""

    def __init__(self, source: str):
        self.source = source
        wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)  # ours alone
        self.module = wrapper.module
        metadata = wrapper.resolve_many([ParentNodeProvider, PositionProvider])
        self.parents = metadata[ParentNodeProvider]
        self.lines = _physical_lines(source)
        self.positions = metadata[PositionProvider]
        self.calls: Dict[Tuple[int, int], list] = {}
        for node, where in self.positions.items():
            if isinstance(node, cst.Call):
                self.calls.setdefault((where.start.line, where.start.column), []).append(node)

    def plan(self, targets: List[_Target]) -> _Plan:
        target = targets[0]
        if len({t.layer for t in targets}) > 1:
            raise Unfixable("the models sharing this Dense need different layers")
        line, col = target.position
        starts = self.calls.get((line, _char_col(self.lines[line - 1], col)), [])
        if target.functional:
            return self._wrap_input(targets, starts)
        dense = next((c for c in starts if not isinstance(c.func, cst.Call)), None)
        if dense is None:
            raise Unfixable("the Dense call is not at the reported position")
        layer, imports = self._spelling(dense, target.layer)
        moved = tuple(i for i, arg in enumerate(dense.args)
                      if arg.keyword is not None and arg.keyword.value in _INPUT_ARGUMENTS)
        call = cst.Call(func=layer.deep_clone(), args=_arguments([dense.args[i] for i in moved]))
        element = self.parents.get(dense)
        if isinstance(element, cst.Element) and isinstance(self.parents.get(element), cst.List):
            anchor, inserted = element, cst.Element(call)
        else:
            anchor = self._add_statement(dense)
            inserted = anchor.deep_replace(dense, call).with_changes(
                trailing_whitespace=cst.TrailingWhitespace()).deep_clone()
        return _Plan(targets, target.layer, layer, dense, dense, anchor, inserted, moved, imports)

    def _wrap_input(self, targets: List[_Target], starts: list) -> _Plan:
        """The functional API: ``Dense(..)(x)`` or ``dense(x)`` -> ``..(Flatten()(x))``."""
        site = next((c for c in starts if isinstance(c.func, (cst.Call, cst.Name))), None)
        if site is None:
            raise Unfixable("the Dense application is not at the reported position")
        if not site.args or site.args[0].keyword is not None or site.args[0].star:
            raise Unfixable("the Dense is not applied to a single tensor")
        self._outside_loops(site)
        dense = site.func if isinstance(site.func, cst.Call) else self._constructor(site)
        layer, imports = self._spelling(dense, targets[0].layer)
        return _Plan(targets, targets[0].layer, layer, dense, site, imports=imports)

    def _constructor(self, site):
        """The ``dense = Dense(..)`` call last assigned to the name ``site`` calls."""
        start = self.positions[site].start
        found = None
        for node, where in self.positions.items():
            if (isinstance(node, cst.Assign) and (where.start.line, where.start.column)
                    < (start.line, start.column) and len(node.targets) == 1
                    and isinstance(node.targets[0].target, cst.Name)
                    and node.targets[0].target.value == site.func.value
                    and isinstance(node.value, cst.Call)):
                found = node.value
        if found is None:
            raise Unfixable(f"{site.func.value} is not assigned a layer call before it is applied")
        return found

    def _add_statement(self, dense):
        """The ``model.add(Dense(..))`` statement the Dense is alone in."""
        arg = self.parents.get(dense)
        call = self.parents.get(arg)
        if not (isinstance(arg, cst.Arg) and isinstance(call, cst.Call) and len(call.args) == 1
                and isinstance(call.func, cst.Attribute) and call.func.attr.value == "add"):
            raise Unfixable("the Dense is neither an element of a layer list, nor the argument "
                            "of model.add(...), nor applied to a tensor")
        expression = self.parents.get(call)
        statement = self.parents.get(expression)
        if not (isinstance(expression, cst.Expr) and isinstance(statement, cst.SimpleStatementLine)
                and len(statement.body) == 1
                and isinstance(self.parents.get(statement), (cst.IndentedBlock, cst.Module))):
            raise Unfixable("model.add(...) shares its line with other statements")
        self._outside_loops(statement)
        return statement

    def _outside_loops(self, node) -> None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (cst.For, cst.While, cst.CompFor)):
                raise Unfixable("the Dense is inside a loop: the new layer would be added "
                                "on every iteration")
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                return

    def _spelling(self, dense, layer: str):
        """``(how to spell the layer, from-imports to add it to)``, as the Dense is spelled."""
        func = dense.func
        if isinstance(func, cst.Attribute):
            return cst.Attribute(value=func.value.deep_clone(), attr=cst.Name(layer)), ()
        if not isinstance(func, cst.Name):
            raise Unfixable("the Dense is not called by a name")
        imports = [n for n in self.parents if isinstance(n, cst.ImportFrom) and _from_keras(n)]
        for node in imports:
            for alias in () if isinstance(node.names, cst.ImportStar) else node.names:
                if alias.name.value == layer:
                    return cst.Name(_bound(alias)), ()
        binding = tuple(n for n in imports if not isinstance(n.names, cst.ImportStar)
                        and any(_bound(alias) == func.value for alias in n.names))
        if not binding:
            if any(isinstance(n.names, cst.ImportStar) for n in imports):
                return cst.Name(layer), ()
            raise Unfixable(f"{func.value} is not imported by a 'from ... import' line "
                            f"to add {layer} to")
        if layer in _names_in_use(self.source):
            raise Unfixable(f"the name {layer} is already used in this file")
        return cst.Name(layer), binding

    def apply(self, plans: List[_Plan]):
        """``(the fixed source, plan -> the (line, col) of its site there)``."""
        inserter = _Inserter(plans)
        module = self.module.visit(inserter)
        positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        fixed = module.code
        lines = _physical_lines(fixed)
        placed = {}
        for plan, node in inserter.placed.items():
            start = positions[node].start
            placed[plan] = (start.line, _byte_col(lines[start.line - 1], start.column))
        return fixed, placed


class _Inserter(cst.CSTTransformer):
    """Applies plans: removes moved arguments, inserts statements and elements, wraps
    inputs, extends imports.  Children are matched to plans by their original node."""

    def __init__(self, plans: List[_Plan]):
        super().__init__()
        self.by_dense = {plan.dense: plan for plan in plans}
        self.by_site = {plan.site: plan for plan in plans}
        self.by_anchor = {plan.anchor: plan for plan in plans if plan.anchor is not None}
        self.names: Dict[object, List[str]] = {}
        for plan in plans:
            for node in plan.imports:
                names = self.names.setdefault(node, [])
                if plan.name not in names:
                    names.append(plan.name)
        self.placed: Dict[_Plan, object] = {}

    def leave_Call(self, original, updated):
        plan = self.by_dense.get(original)
        if plan is not None and plan.moved:
            updated = updated.with_changes(args=_without(updated.args, plan.moved))
        plan = self.by_site.get(original)
        if plan is None:
            return updated
        if plan.anchor is None:  # the functional API: the Dense's input goes through the layer
            first = updated.args[0]
            layer = cst.Call(func=plan.layer.deep_clone())
            wrapped = first.with_changes(value=cst.Call(func=layer, args=[cst.Arg(first.value)]))
            updated = updated.with_changes(args=[wrapped, *updated.args[1:]])
        self.placed[plan] = updated
        return updated

    def _with_statements(self, original, updated):
        body = list(updated.body)
        for index in reversed(range(len(original.body))):
            plan = self.by_anchor.get(original.body[index])
            if plan is not None:  # the new statement takes over the comments above
                body[index] = body[index].with_changes(leading_lines=())
                body.insert(index, plan.inserted)
        return updated.with_changes(body=body)

    leave_IndentedBlock = _with_statements
    leave_Module = _with_statements

    def leave_List(self, original, updated):
        elements = list(updated.elements)
        opening = updated.lbracket.whitespace_after
        for index in reversed(range(len(original.elements))):
            plan = self.by_anchor.get(original.elements[index])
            if plan is not None:
                elements = _insert_item(elements, plan.inserted, index, opening)
        return updated.with_changes(elements=elements)

    def leave_ImportFrom(self, original, updated):
        aliases = list(updated.names)
        opening = updated.lpar.whitespace_after if updated.lpar else updated.whitespace_after_import
        for name in self.names.get(original, ()):
            present = [alias.name.value for alias in aliases]
            at = bisect.bisect(present, name) if present == sorted(present) else len(present)
            aliases = _insert_item(aliases, cst.ImportAlias(cst.Name(name)), at, opening)
        return updated.with_changes(names=aliases)


def _insert_item(items: list, new, at: int, opening) -> list:
    """``items`` (list elements or import names) with ``new`` at index ``at``, laid out
    like its neighbours; ``opening`` is the whitespace after the opening bracket."""
    items = list(items)
    gap = _gap(items, at, opening)
    if at < len(items):
        items.insert(at, new.with_changes(comma=cst.Comma(whitespace_after=gap)))
    else:  # appended: the last item's comma (or its absence) passes to the new one
        last = items[-1]
        items[-1] = last.with_changes(comma=cst.Comma(whitespace_after=gap))
        items.append(new.with_changes(comma=last.comma))
    return items


def _gap(items: list, at: int, opening):
    """What separates a new item from the next one: a new line at the same indentation
    when the items are one per line, else the separator the items already use."""
    index = min(at, len(items) - 1)
    before = items[index - 1].comma.whitespace_after if index > 0 else opening
    if isinstance(before, cst.ParenthesizedWhitespace):  # without the comments of that line
        return cst.ParenthesizedWhitespace(indent=before.indent, last_line=before.last_line)
    if index > 0:
        return before
    first = items[0].comma
    return first.whitespace_after if len(items) > 1 else cst.SimpleWhitespace(" ")


def _without(args: Sequence, indexes: Tuple[int, ...]) -> list:
    """``args`` without those at ``indexes``; a removed last argument's comma (or its
    absence) passes to the argument that becomes last."""
    args = list(args)
    for index in sorted(indexes, reverse=True):
        removed = args.pop(index)
        if index == len(args) and args:
            args[-1] = args[-1].with_changes(comma=removed.comma)
    return args


def _arguments(args: list) -> list:
    """Arguments moved to a new call, as ``a=1, b=2``."""
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    tight = cst.SimpleWhitespace("")
    moved = [arg.deep_clone().with_changes(comma=separator, whitespace_after_arg=tight) for arg in args]
    if moved:
        moved[-1] = moved[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return moved


def _from_keras(node) -> bool:
    from libcst.helpers import get_full_name_for_node

    from .discovery.names import keras_path

    if node.relative or node.module is None:
        return False
    return keras_path(get_full_name_for_node(node.module)) is not None


def _bound(alias) -> str:
    """The name an import alias binds."""
    return alias.asname.name.value if alias.asname is not None else alias.name.value


def _names_in_use(source: str) -> set:
    """Every name the file binds or reads (attribute names excepted)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def _physical_lines(source: str) -> List[str]:
    """Lines as Python counts them (\\n, \\r\\n or \\r), endings kept."""
    return io.StringIO(source, newline="").readlines()


def _char_col(line: str, byte_col: int) -> int:
    """ast's UTF-8 byte offset as a character offset (libcst's columns)."""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "ignore"))


def _byte_col(line: str, char_col: int) -> int:
    return len(line[:char_col].encode("utf-8"))


# -- the command ----------------------------------------------------------------------


def run_fix(paths: List[str], diff: bool = False, pooling: bool = False) -> int:
    """Fix files in place (``diff``: print a unified diff instead).  Exit 0 when
    nothing is left to fix, 1 with ``diff`` and changes or when a finding cannot be
    fixed, 2 when an input cannot be read or written (the others still are fixed)."""
    changed = unfixed = failed = False
    for path in input_paths(paths):
        if path.endswith(NOTEBOOK_SUFFIX):
            print(f"{path}: notebooks are not fixed", file=sys.stderr)
            continue
        if too_large(path):
            continue
        try:
            result = _fix_file(path, diff, pooling)
        except UsageError as exc:
            report_error(exc)
            failed = True
            continue
        except Exception as exc:  # never a traceback: say which file, keep going
            report_error(f"cannot fix {path}: {type(exc).__name__}: {exc}")
            failed = True
            continue
        changed = changed or bool(result.applied)
        unfixed = unfixed or bool(result.skipped)
    if failed:
        return 2
    return 1 if unfixed or (diff and changed) else 0


def _fix_file(path: str, diff: bool, pooling: bool) -> FixResult:
    source, encoding = _read(path)
    result = fix_source(source, pooling)
    for skip in result.skipped:
        print(f"{path}:{skip.finding.line}:{skip.finding.col + 1}: {CODE} not fixed: "
              f"{skip.reason}", file=sys.stderr)
    if not result.applied:
        return result
    if diff:
        sys.stdout.writelines(_diff(path, source, result.source))
        return result
    data = result.source.encode(encoding)  # before the file is truncated
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"{path}: fixed {len(result.applied)} {CODE}", file=sys.stderr)
    return result


def _read(path: str) -> Tuple[str, str]:
    """``(text, encoding)`` of a Python file, so it is written back as it was."""
    if path == STDIN:
        raise UsageError("fix rewrites files: give paths, not '-'")
    return read_python(path)


def _diff(path: str, before: str, after: str) -> List[str]:
    lines = difflib.unified_diff(_physical_lines(before), _physical_lines(after),
                                 f"{path} (before)", f"{path} (fixed)")
    return [line if line.endswith(("\n", "\r")) else line + "\n" for line in lines]
