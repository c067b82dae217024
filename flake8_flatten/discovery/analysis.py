"""Discovery over one file: the module walked, then its functions and classes.

Module-level definitions are walked after the module's own code, seeing its models and
data as they end up (when bound once); models nested without an input are built by the
tensor they receive; a model built inside a helper followed from a call replaces the
helper's own, argument-blind description of it.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional

from ..config import active
from ..model import APPLIED, ModelDescription
from ..shapes.engine import run_model
from .evaluate import Evaluator
from .features import Features
from .functional import Flow, ModelRef
from .names import MODEL_MARKERS, SEQUENTIAL
from .scope import Scope
from .sequential import ModelBuilder
from .subclassed import KerasClass, keras_classes, redefined_functional_models
from .walker import FUNCTIONS, ScopeWalker

#: Nesting levels `Analysis.build_nested` resolves (a model in a model in a model...).
_MAX_NESTED_PASSES = 8
#: Text that a helper building Keras tensors or models contains.
KERAS_HINTS = ("layers", "keras", "Input", "Model", SEQUENTIAL, "Dense", "Conv")


class Analysis:
    """Discovery over one file: every Sequential and functional model, in source order."""

    def __init__(self, tree: ast.Module, lines: List[str]):
        self.tree = tree
        self.lines = lines
        self.evaluator = Evaluator(lines)
        self.found: List[ModelDescription] = []
        self.inlined = 0  # helper-function calls followed so far
        self._inlinable: Dict[int, bool] = {}
        self._uses_keras: Dict[int, bool] = {}
        self._function_scopes: Dict[tuple, Scope] = {}
        self._features: Dict[int, Features] = {}
        self._augmented: Dict[int, ast.BinOp] = {}
        self.from_calls: set = set()  # ids of models built by followed helper calls
        #: Module-level functions and classes, walked once the module's own code is.
        self.deferred: List[tuple] = []
        self.classes: Dict[str, KerasClass] = {}  # subclassed models and custom layers
        self.redefined_models: frozenset = frozenset()  # see `redefined_functional_models`
        self.module_flow: Optional[Flow] = None  # the module's values as its walk goes on
        self.nested: List[tuple] = []  # (layer call, model): models nested in a Sequential
        self.applied_sequentials: set = set()  # (Sequential layer call, input shape) described

    def run(self) -> List[ModelDescription]:
        self.walrus = any(":=" in line for line in self.lines)
        scope = Scope(self.tree.body, None, self.evaluator, walrus=self.walrus)
        self.redefined_models = redefined_functional_models(self.tree.body, scope)
        self.classes = keras_classes(self.tree.body, scope, self.redefined_models)
        self.walk(self.tree.body, scope)
        settled = {}
        for definition, module in self.deferred:  # functions and classes see the module's
            if id(module) not in settled:  # models and data as they end up, when bound once
                settled[id(module)] = module.settled()
            self.walk_definition(definition, settled[id(module)])
        self.build_nested()
        called = {(m.line, m.col) for m in self.found if id(m) in self.from_calls}
        found = [m for m in self.found if id(m) in self.from_calls or (m.line, m.col) not in called]
        found.sort(key=lambda m: (m.line, m.col))
        return found

    def build_nested(self) -> None:
        """A Sequential without an input nested in a model that gets one (later, from its
        data) is built by the tensor it receives there, as Keras builds it: once the
        outer model's input is known, the inner one's is its running shape."""
        pending = [(layer, inner) for layer, inner in self.nested if inner.input_source is None]
        for _ in range(_MAX_NESTED_PASSES):
            if not pending:
                return
            layers = {id(layer): inner for layer, inner in pending}
            for model in self.found:
                if model.input_shape is None or not any(id(c) in layers for c in model.layers):
                    continue
                for result in run_model(model).results:
                    inner = layers.get(id(result.call))
                    if inner is not None and inner.input_source is None \
                            and result.input_shape is not None:
                        inner.input_shape, inner.input_source = result.input_shape, APPLIED
            done = [p for p in pending if p[1].input_source is not None]
            if not done:
                return
            pending = [p for p in pending if p[1].input_source is None]

    def walk(self, body: List[ast.stmt], scope: Scope) -> None:
        walker = ScopeWalker(self, scope)
        if scope.parent is None:
            self.module_flow = walker.scope
        walker.run(body)
        walker.close()

    def at_call(self, owner: Scope) -> Scope:
        """The scope a function defined in ``owner`` sees when called now: for a
        module-level function, the module's values at this point of its code (Python
        looks globals up when the function runs)."""
        flow = self.module_flow
        return flow if flow is not None and owner is flow.parent else owner

    def features(self, node: ast.AST) -> Features:
        found = self._features.get(id(node))
        if found is None:
            found = self._features[id(node)] = Features(node)  # the tree outlives the cache
        return found

    def augmented(self, stmt: ast.AugAssign) -> ast.BinOp:
        """``x += y`` as the expression ``x + y``, made once per statement (the caches
        key nodes by identity: a node made anew per visit could reuse a freed one's)."""
        found = self._augmented.get(id(stmt))
        if found is None:
            load = ast.copy_location(ast.Name(stmt.target.id, ast.Load()), stmt.target)
            found = ast.copy_location(ast.BinOp(load, stmt.op, stmt.value), stmt)
            found.end_lineno, found.end_col_offset = stmt.end_lineno, stmt.end_col_offset
            self._augmented[id(stmt)] = found
        return found

    def text_of(self, node: ast.stmt) -> List[str]:
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        return self.lines[first - 1:node.end_lineno]

    def uses_models_of(self, node: ast.stmt, parent: Scope) -> bool:
        """Does a definition name a model of the module (``model.fit(x)`` in a
        ``train()`` function, a unittest method)?  Cheap: the module's model names
        against the definition's names."""
        flow = getattr(parent, "flow", None)
        if not flow:
            return False
        models = {name for name, value in flow.items() if isinstance(value, ModelRef)}
        return bool(models) and not models.isdisjoint(self.features(node).names)

    def mentions_sequential(self, node: ast.stmt) -> bool:
        """Cheap text check: skip scopes that cannot build a model."""
        return any(marker in line for line in self.text_of(node) for marker in MODEL_MARKERS)

    def function_scope(self, function: ast.FunctionDef, owner: Scope) -> Scope:
        """The body scope of a followed helper, built once: its bindings and constants
        do not depend on the call (the arguments live in the walker's flow)."""
        key = (id(function), id(owner))
        scope = self._function_scopes.get(key)
        if scope is None:
            args = function.args
            params = tuple(a.arg for a in args.posonlyargs + args.args + args.kwonlyargs)
            params += tuple(a.arg for a in (args.vararg, args.kwarg) if a is not None)
            scope = Scope(function.body, owner, self.evaluator, params, self.walrus)
            self._function_scopes[key] = scope
        return scope

    def uses_keras(self, function: ast.FunctionDef) -> bool:
        """Cheap text test: can following this helper build tensors or models?"""
        cached = self._uses_keras.get(id(function))
        if cached is None:
            hints = KERAS_HINTS + tuple(active().dense_kinds)  # a helper using only MyLinear
            cached = any(marker in line for line in self.text_of(function) for marker in hints)
            self._uses_keras[id(function)] = cached
        return cached

    def inlinable(self, function: ast.FunctionDef) -> bool:
        """A helper we can follow like inline code: plain, and returning only at its
        top level."""
        if not isinstance(function, ast.FunctionDef) or function.decorator_list:
            return False
        cached = self._inlinable.get(id(function))
        if cached is None:
            top = {id(s) for s in function.body if isinstance(s, ast.Return)}
            cached = all(id(n) in top for n in ast.walk(function) if isinstance(n, ast.Return))
            self._inlinable[id(function)] = cached
        return cached

    def walk_definition(self, node, parent: Scope) -> None:
        if isinstance(node, ast.ClassDef):
            self.walk_class(node, parent)
        else:
            self.walk_function(node, parent)

    def walk_function(self, node, parent: Scope) -> None:
        if not self.mentions_sequential(node) and not self.uses_models_of(node, parent):
            return
        args = node.args
        params = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        params += [a.arg for a in (args.vararg, args.kwarg) if a is not None]
        self.walk(node.body, Scope(node.body, parent, self.evaluator, tuple(params), self.walrus))

    def walk_class(self, node: ast.ClassDef, parent: Scope) -> None:
        if not self.mentions_sequential(node) and not self.uses_models_of(node, parent):
            return
        for stmt in node.body:  # methods see the enclosing scope, not the class body
            if isinstance(stmt, FUNCTIONS):
                self.walk_function(stmt, parent)
            elif isinstance(stmt, ast.ClassDef):
                self.walk_class(stmt, parent)

    def finish(self, builder: ModelBuilder, depth: int = 0) -> None:
        self.finish_model(builder.model, depth)

    def finish_model(self, model: ModelDescription, depth: int) -> None:
        """A model found; one built inside a helper followed from a call (depth > 0)
        knows the call's arguments, so it replaces the helper's own, argument-blind
        description of the same ``Model(``/``Sequential(`` call."""
        self.found.append(model)
        if depth:
            self.from_calls.add(id(model))
