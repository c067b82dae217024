"""Find Sequential models and follow the statements that build them.

The `ast` tree is walked scope by scope; straight-line code (and `with` blocks,
and `for` loops over literal sequences, which are unrolled) is followed exactly.
A model extended inside an `if`/`while`/`try` or a non-literal loop, or handed
to another function, is marked truncated: we know its start but not its end.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional

from ..model import UNKNOWN, LayerCall, ModelDescription
from .evaluate import Evaluator
from .names import INPUT_KINDS, SEQUENTIAL, keras_class
from .scope import Overlay, Scope

#: Layers whose own ``input_dim`` parameter is not an input declaration
#: (``Embedding(input_dim=10000, ...)`` is the vocabulary size).
OWN_INPUT_DIM = frozenset({"Embedding"})

#: Unrolling bound for `for` loops that add layers.
MAX_UNROLL = 1024
_BLOCKS = (ast.If, ast.While, ast.Try, ast.For, ast.AsyncFor, ast.AsyncWith, ast.With)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_EXTENDING = frozenset({"add", "pop", "build"})


def target_key(node: ast.expr) -> Optional[str]:
    """``model`` or ``self.model``: the name a model is kept under."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = target_key(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _input_shape(call: LayerCall):
    """The batch-inclusive input shape an Input/InputLayer or a first layer's
    ``input_shape=``/``input_dim=``/``batch_input_shape=`` declares; None if none."""
    def shape_of(value, batch=None):
        if not isinstance(value, tuple):
            return UNKNOWN if value is not None else None
        dims = tuple(d if isinstance(d, int) and not isinstance(d, bool) and d >= 0 else None
                     for d in value)
        if isinstance(batch, bool) or not isinstance(batch, int):
            batch = None
        return (batch,) + dims

    if call.kind in INPUT_KINDS:
        batch_shape = call.kwarg("batch_shape", call.kwarg("batch_input_shape"))
        if batch_shape is not None:
            if not isinstance(batch_shape, tuple) or not batch_shape:
                return UNKNOWN
            full = shape_of(batch_shape[1:], batch_shape[0])
            return full
        shape = call.args[0] if call.args else call.kwarg("shape", call.kwarg("input_shape"))
        return shape_of(shape, call.kwarg("batch_size"))
    batch_shape = call.kwarg("batch_input_shape")
    if batch_shape is not None:
        if not isinstance(batch_shape, tuple) or not batch_shape:
            return UNKNOWN
        return shape_of(batch_shape[1:], batch_shape[0])
    dim = None if call.kind in OWN_INPUT_DIM else call.kwarg("input_dim")
    if dim is not None:
        return shape_of((dim,), call.kwarg("batch_size"))
    return shape_of(call.kwarg("input_shape"), call.kwarg("batch_size"))


class ModelBuilder:
    """A model under construction: layers so far and the declared input."""

    def __init__(self, node: ast.Call, name: Optional[str]):
        self.model = ModelDescription(line=node.lineno, col=node.col_offset, name=name)
        self.input_declared = False  # an input (maybe unknown) was declared
        self.conditional = False  # created inside an if/loop/try branch

    def add(self, layer: LayerCall) -> None:
        model = self.model
        if model.truncated:
            return
        if layer.kind in INPUT_KINDS and layer.is_keras:
            if not model.layers and not self.input_declared:
                self._declare(_input_shape(layer))
                return
            layer = LayerCall(layer.kind, line=layer.line, col=layer.col, is_keras=False)
        elif not model.layers and not self.input_declared and layer.is_keras:
            declared = _input_shape(layer)
            if declared is not None:
                self._declare(declared)
        model.layers.append(layer)

    def build(self, shape) -> None:
        if not self.input_declared and isinstance(shape, tuple):
            self._declare(tuple(d if isinstance(d, int) and not isinstance(d, bool) else None
                                for d in shape))

    def _declare(self, shape) -> None:
        self.input_declared = True
        self.model.input_shape = None if shape is UNKNOWN else shape


class ScopeWalker:
    """Follows one scope's statements, tracking the models being built in it."""

    def __init__(self, analysis: "Analysis", scope: Scope):
        self.analysis = analysis
        self.scope = scope
        self.models: Dict[str, ModelBuilder] = {}
        self.unrolled = 0  # loop iterations unrolled so far in this scope

    # -- statements ---------------------------------------------------------------

    def run(self, stmts: List[ast.stmt], conditional: bool = False) -> None:
        for stmt in stmts:
            self.statement(stmt, conditional)

    def statement(self, stmt: ast.stmt, conditional: bool) -> None:
        if isinstance(stmt, _FUNCTIONS):
            self.analysis.walk_function(stmt, self.scope)
            return
        if isinstance(stmt, ast.ClassDef):
            self.analysis.walk_class(stmt, self.scope)
            return
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if self.assignment(targets, stmt.value, conditional):
                return
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            if self.method_call(stmt.value, conditional):
                return
        elif isinstance(stmt, ast.Return) and self.is_sequential(stmt.value):
            self.analysis.finish(self.start(stmt.value, None, conditional))
            return
        elif isinstance(stmt, (ast.For, ast.AsyncFor)) and self.unroll(stmt, conditional):
            return
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            self.run(stmt.body, conditional)
            return
        if isinstance(stmt, _BLOCKS) or (hasattr(ast, "Match") and isinstance(stmt, ast.Match)):
            self.block(stmt)
            return
        self.other(stmt)

    def assignment(self, targets, value: ast.expr, conditional: bool) -> bool:
        keys = [target_key(t) for t in targets]
        for key in keys:
            if key in self.models:  # the name now holds something else
                self.analysis.finish(self.models.pop(key))
        if self.is_sequential(value) and len(keys) == 1 and keys[0] is not None:
            self.models[keys[0]] = self.start(value, keys[0], conditional)
            return True
        return False

    def method_call(self, call: ast.Call, conditional: bool) -> bool:
        func = call.func
        if not isinstance(func, ast.Attribute):
            return False
        builder = self.models.get(target_key(func.value))
        if builder is None:
            return False
        if func.attr == "add" and len(call.args) == 1:
            if conditional and not builder.conditional:
                builder.model.truncated = True
            else:
                builder.add(self.layer(call.args[0]))
            return True
        if func.attr == "build":
            shape = call.args[0] if call.args else next(
                (k.value for k in call.keywords if k.arg == "input_shape"), None)
            builder.build(self.analysis.evaluator.evaluate(shape, self.scope))
            return True
        if func.attr in ("pop", "add"):
            builder.model.truncated = True
            return True
        return False

    def unroll(self, loop: ast.For, conditional: bool) -> bool:
        """Unroll ``for x in [..]`` / ``for _ in range(n)`` when it touches a model."""
        if loop.orelse or not isinstance(loop.target, ast.Name) or not self.extends_models(loop):
            return False
        values = self.iteration_values(loop.iter)
        if values is None or self.unrolled + len(values) > MAX_UNROLL:
            return False  # nested loops share one budget: a block we cannot follow
        self.unrolled += len(values)
        outer = self.scope
        try:
            for value in values:
                self.scope = Overlay(outer, {loop.target.id: value})
                self.run(loop.body, conditional)
        finally:
            self.scope = outer
        return True

    def iteration_values(self, node: ast.expr):
        evaluator = self.analysis.evaluator
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "range" and self.scope.binding("range")[0] == "free" \
                and not node.keywords:
            bounds = [evaluator.evaluate(a, self.scope) for a in node.args]
            if 1 <= len(bounds) <= 3 and all(isinstance(b, int) and not isinstance(b, bool)
                                             for b in bounds):
                values = range(*bounds) if bounds[-1] != 0 or len(bounds) < 3 else None
                return values if values is not None and len(values) <= MAX_UNROLL else None
            return None
        values = evaluator.evaluate(node, self.scope)
        if isinstance(values, tuple) and len(values) <= MAX_UNROLL:
            return values
        return None

    def block(self, stmt: ast.stmt) -> None:
        """A branch or loop we cannot follow: outer models touched inside are truncated,
        models created inside are followed within their block."""
        for name in list(self.models):
            if self.changes(stmt, name):
                self.models[name].model.truncated = True
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            for child in getattr(stmt, field, None) or []:
                body = getattr(child, "body", None)
                if isinstance(child, ast.stmt):
                    self.statement(child, True)
                elif body is not None:  # except handlers, match cases
                    self.run(body, True)

    def other(self, stmt: ast.stmt) -> None:
        """Any other statement: a Sequential call inside it (``fit(Sequential([...]))``)
        is a model of its own.  A model merely handed to a function (``train(model)``)
        is assumed not to grow there: functions that add layers to an argument are rare,
        and treating every ``train(model)`` as a possible extension would silence most
        findings."""
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call) and self.is_sequential(node):
                self.analysis.finish(self.start(node, None, False))

    # -- expressions --------------------------------------------------------------

    def is_sequential(self, node) -> bool:
        if not isinstance(node, ast.Call):
            return False
        callee = target_key(node.func)
        if callee is None:
            return False
        qualname = self.scope.qualified_name(callee)
        return qualname is not None and keras_class(qualname) == SEQUENTIAL

    def start(self, call: ast.Call, key: Optional[str], conditional: bool) -> ModelBuilder:
        evaluator = self.analysis.evaluator
        name = next((k.value for k in call.keywords if k.arg == "name"), None)
        name = evaluator.evaluate(name, self.scope) if name is not None else None
        builder = ModelBuilder(call, name if isinstance(name, str) else key)
        builder.conditional = conditional
        layers = call.args[0] if call.args else next(
            (k.value for k in call.keywords if k.arg == "layers"), None)
        if isinstance(layers, (ast.List, ast.Tuple)):
            for element in layers.elts:
                if isinstance(element, ast.Starred):
                    builder.model.truncated = True
                    break
                builder.add(self.layer(element))
        elif layers is not None and not (isinstance(layers, ast.Constant) and layers.value is None):
            value = evaluator.evaluate(layers, self.scope)
            if isinstance(value, tuple) and all(isinstance(v, LayerCall) for v in value):
                for layer in value:
                    builder.add(layer)
            else:
                builder.model.truncated = True
        return builder

    def layer(self, node: ast.expr) -> LayerCall:
        """The layer an element/argument denotes; an unknown layer if not a Keras one."""
        value = self.analysis.evaluator.evaluate(node, self.scope)
        if isinstance(value, LayerCall):
            return value  # a name bound to a layer keeps its constructor's position
        text = self.analysis.evaluator.source_of(node) or "?"
        return LayerCall(text.split("(")[0][:40], line=node.lineno, col=node.col_offset,
                         is_keras=False)

    def extends_models(self, stmt: ast.stmt) -> bool:
        return any(self.changes(stmt, name) for name in self.models)

    @staticmethod
    def changes(stmt: ast.stmt, key: str) -> bool:
        """Does ``stmt`` add to, pop from, build or rebind the model kept under ``key``?
        (Merely using it, ``model.fit(...)`` in a training loop, changes nothing.)"""
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in _EXTENDING and target_key(node.func.value) == key:
                return True
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(target_key(t) == key for t in targets):
                    return True
        return False

    def close(self) -> None:
        for builder in self.models.values():
            self.analysis.finish(builder)
        self.models.clear()


class Analysis:
    """Discovery over one file: every Sequential model, in source order."""

    def __init__(self, tree: ast.Module, lines: List[str]):
        self.tree = tree
        self.lines = lines
        self.evaluator = Evaluator(lines)
        self.found: List[ModelDescription] = []

    def run(self) -> List[ModelDescription]:
        self.walrus = any(":=" in line for line in self.lines)
        scope = Scope(self.tree.body, None, self.evaluator, walrus=self.walrus)
        self.walk(self.tree.body, scope)
        self.found.sort(key=lambda m: (m.line, m.col))
        return self.found

    def walk(self, body: List[ast.stmt], scope: Scope) -> None:
        walker = ScopeWalker(self, scope)
        walker.run(body)
        walker.close()

    def mentions_sequential(self, node: ast.stmt) -> bool:
        """Cheap text check: skip scopes that cannot build a model."""
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        return any(SEQUENTIAL in line for line in self.lines[first - 1:node.end_lineno])

    def walk_function(self, node, parent: Scope) -> None:
        if not self.mentions_sequential(node):
            return
        args = node.args
        params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        params += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
        self.walk(node.body, Scope(node.body, parent, self.evaluator, tuple(params), self.walrus))

    def walk_class(self, node: ast.ClassDef, parent: Scope) -> None:
        if not self.mentions_sequential(node):
            return
        for stmt in node.body:  # methods see the enclosing scope, not the class body
            if isinstance(stmt, _FUNCTIONS):
                self.walk_function(stmt, parent)
            elif isinstance(stmt, ast.ClassDef):
                self.walk_class(stmt, parent)

    def finish(self, builder: ModelBuilder) -> None:
        self.found.append(builder.model)
