"""Follow one scope's statements: the values they bind, the models they build.

Straight-line code (and `with` blocks, and `for` loops over literal sequences, which are
unrolled, and `if` tests whose value is known) is followed exactly.  A model extended
inside an `if`/`while`/`try` or a non-literal loop is marked truncated: we know its start
but not its end; a name assigned there becomes unknown.  Tensors of the functional API
(see `functional`) flow through the same walk; the walker's other jobs are parts of their
own: building Sequential models (`sequential`), following calls into the file's functions
and classes (`calls`), reading shape claims (`claims`).  `analysis` runs it over a file.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional

from ..model import UNKNOWN, LayerCall, ModelDescription
from . import data
from .arrays import Array
from .pipelines import Samples
from .calls import CallFollowing
from .claims import ShapeClaims
from .functional import Flow, Graph, ModelRef, Tensor, is_model_class, merge_function
from .names import SEQUENTIAL, keras_class
from .scope import MUTATORS, Scope, mutated_name
from .sequential import ModelBuilder, SequentialBuilding
from .subclassed import Instance, KerasClass
from .values import Prediction

#: Unrolling bound for `for` loops that add layers.
MAX_UNROLL = 1024
_BLOCKS = (ast.If, ast.While, ast.Try, ast.For, ast.AsyncFor, ast.AsyncWith, ast.With)
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _empty_lists(node: ast.expr):
    """``()`` for ``[]``, ``((), ())`` for ``[], []``; None for anything else."""
    if isinstance(node, (ast.List, ast.Tuple)):
        if not node.elts:
            return ()
        if isinstance(node, ast.Tuple) and all(_empty_lists(e) == () for e in node.elts):
            return ((),) * len(node.elts)
    return None


def _followed(value) -> bool:
    """A flow value worth evaluating an expression for (not a number, a string, or a
    model merely configured or summarised: see `_MODEL_USES`)."""
    if isinstance(value, tuple):
        return any(_followed(v) for v in value)
    return isinstance(value, (Tensor, LayerCall, Array, Prediction, Instance, Samples))


def _matters(qualname: str) -> bool:
    """A callee whose result discovery can use: a Keras layer, Input, Sequential,
    Model or merge function, or an array constructor of known shape."""
    return keras_class(qualname) is not None or is_model_class(qualname) \
        or merge_function(qualname) is not None or data.known_function(qualname)


class ScopeWalker(SequentialBuilding, CallFollowing, ShapeClaims):
    """Follows one scope's statements, tracking the models being built in it.

    ``depth`` > 0 for the body of a helper function followed from a call site; it
    shares its caller's graph and reports what it returns."""

    def __init__(self, analysis, scope: Scope, graph: Optional[Graph] = None,
                 values: Optional[dict] = None, depth: int = 0):
        self.analysis = analysis
        self.scope = Flow(scope, graph or Graph(), self, values)
        self.flow = self.scope.flow
        self.models: Dict[str, ModelBuilder] = {}
        self.unrolled = 0  # loop iterations unrolled so far in this scope
        self.depth = depth
        self.returned = UNKNOWN  # a followed helper's return value
        self.done = False  # a followed helper has returned
        self.in_class = False  # following a method of a subclassed model or custom layer
        self.conditional = False  # the statement being followed is inside a branch or loop
        self.current_class: Optional[KerasClass] = None  # whose method, for ``super()``

    def run(self, stmts: List[ast.stmt], conditional: bool = False) -> None:
        for stmt in stmts:
            if self.done:
                return
            self.statement(stmt, conditional)

    def statement(self, stmt: ast.stmt, conditional: bool) -> None:
        self.conditional = conditional
        if isinstance(stmt, (ast.ClassDef,) + FUNCTIONS):
            if self.depth:
                return  # a followed helper's own helpers are followed if called
            if self.scope.parent.parent is None:  # module level: walked after the module,
                self.analysis.deferred.append((stmt, self.scope))  # seeing its final values
            else:
                self.analysis.walk_definition(stmt, self.scope.parent)
            return
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            if self.assignment(targets, stmt.value, conditional):
                return
            self.flow_assign(targets, stmt.value)
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            if self.method_call(stmt.value, conditional):
                return
            if not self.assert_equal(stmt.value) and not self.list_mutation(stmt.value):
                self.follow(stmt.value)
        elif isinstance(stmt, ast.Return):
            if self.depth:
                if isinstance(stmt.value, ast.Name) \
                        and isinstance(self.flow.get(stmt.value.id), ModelRef):
                    self.returned = self.flow[stmt.value.id]  # ``return model``
                elif self.is_sequential(stmt.value):  # ``return Sequential([...])``
                    builder = self.start(stmt.value, None, conditional)
                    self.analysis.finish(builder, self.depth)
                    self.returned = ModelRef(builder.model)
                else:
                    self.returned = self.follow(stmt.value) if stmt.value is not None else None
                self.done = True
                return
            if self.is_sequential(stmt.value):
                self.analysis.finish(self.start(stmt.value, None, conditional), self.depth)
                return
            self.follow(stmt.value)
        elif isinstance(stmt, ast.Assert):
            self.assertion(stmt)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)) and self.unroll(stmt, conditional):
            return
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            self.run(stmt.body, conditional)
            return
        elif isinstance(stmt, ast.AugAssign):
            if isinstance(stmt.target, ast.Name):  # ``x += shortcut``, ``filters *= 2``
                self.flow_assign([stmt.target], self.analysis.augmented(stmt))
            else:
                self.forget(stmt.target)
        elif isinstance(stmt, ast.If) and self.known_branch(stmt, conditional):
            return
        if isinstance(stmt, _BLOCKS) or (hasattr(ast, "Match") and isinstance(stmt, ast.Match)):
            self.block(stmt)
            return
        self.other(stmt)

    def follows(self, node: Optional[ast.expr]) -> bool:
        """Cheap ast test: can evaluating ``node`` matter?  It does when it uses a
        name holding a tensor, layer, model or array, or calls a Keras class or
        function, a NumPy/TensorFlow array constructor, a model method that takes
        data, or a helper function of the file that uses Keras."""
        if node is None:
            return False
        features = self.analysis.features(node)
        flow = self.flow
        if any(_followed(flow.get(name, UNKNOWN)) for name in features.names):
            return True
        if self.in_class and "super" in features.calls:
            return True  # ``super().call(x)``, ``super().__init__()``
        if any(isinstance(flow.get(name), ModelRef) for name in features.model_uses):
            return True  # model.predict(...), model.output_shape
        for key in features.calls:
            if isinstance(flow.get(key), ModelRef):
                return True  # model(x)
            qualname = self.scope.qualified_name(key)
            if qualname is not None:
                if _matters(qualname) or qualname in self.analysis.classes:
                    return True
            elif "." not in key:
                found = self.scope.function(key)
                if found is not None and self.analysis.uses_keras(found[0]):
                    return True
        return False

    def follow(self, node: Optional[ast.expr]):
        """Evaluate an expression whose calls may build tensors, models or feeds."""
        if not self.follows(node):
            return UNKNOWN
        return self.analysis.evaluator.evaluate(node, self.scope, exact=True)

    def flow_assign(self, targets, value: ast.expr) -> None:
        empty = _empty_lists(value)  # ``heads = []``, ``ins, outs = [], []``: to append to
        if empty is not None:
            result = empty
        elif self.reassigned_constant(targets, value) or (
                any(self.instance_attribute(t) for t in targets)
                and not self.analysis.features(value).has_call):
            result = self.analysis.evaluator.evaluate(value, self.scope)  # ``self.rate = rate``
        else:
            result = self.follow(value)
        for target in targets:
            self.bind(target, result)

    def reassigned_constant(self, targets, value: ast.expr) -> bool:
        """``units = 1`` for a name assigned more than once (so not a scope constant),
        or ``strides = 2 if downsample else 1`` on a followed helper's argument: an
        expression without calls whose current value straight-line code knows."""
        if len(targets) != 1 or not isinstance(targets[0], ast.Name):
            return False
        features = self.analysis.features(value)
        if features.has_call:
            return False
        return self.scope.binding(targets[0].id)[0] != "const" or any(
            self.flow.get(name, UNKNOWN) is not UNKNOWN for name in features.names)

    def list_mutation(self, call: ast.Call) -> bool:
        """``heads.append(t)`` / ``heads.extend([...])`` on a list we follow (a name, or
        an attribute ``self.blocks`` of an instance being followed)."""
        name = mutated_name(call)
        func = call.func
        if name is not None:
            values, key = self.flow, name
        elif isinstance(func, ast.Attribute) and (func.attr in MUTATORS or func.attr == "add") \
                and self.instance_attribute(func.value):
            values, key = self.flow[func.value.value.id].attrs, func.value.attr
        else:
            return False
        current = values.get(key, UNKNOWN)
        if func.attr == "add" and isinstance(current, LayerCall) and current.kind == SEQUENTIAL:
            values[key] = self.sequential_add(current, call)  # ``self.body.add(Conv2D(...))``
            return True
        if func.attr == "add":
            return False
        if isinstance(current, tuple) and func.attr in ("append", "extend") \
                and len(call.args) == 1 and not call.keywords:
            value = self.scope.graph.fresh(
                self.analysis.evaluator.evaluate(call.args[0], self.scope, exact=True))
            if func.attr == "append":
                values[key] = current + (value,)
            else:
                values[key] = current + value if isinstance(value, tuple) else UNKNOWN
        else:
            values[key] = UNKNOWN
        return True

    def bind(self, target: ast.expr, value) -> None:
        if isinstance(target, ast.Name):
            value = self.scope.graph.fresh(value)  # each ``x = Input(...)`` run is a new tensor
            if isinstance(value, ModelRef) and value.model.name is None:
                value.model.name = target.id  # ``model = keras.Model(...)``, as for Sequential
            if isinstance(value, Instance) and value.name is None:
                value.name = target.id
            if value is UNKNOWN and target.id not in self.flow:
                return  # leave it to the scope's constant bindings
            self.flow[target.id] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            elements = value if isinstance(value, tuple) and len(value) == len(target.elts) \
                else (UNKNOWN,) * len(target.elts)
            for element, item in zip(target.elts, elements):
                self.bind(element, item if not isinstance(element, ast.Starred) else UNKNOWN)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, UNKNOWN)
        elif self.instance_attribute(target):
            self.flow[target.value.id].attrs[target.attr] = value  # ``self.dense = Dense(4)``

    def instance_attribute(self, target: ast.expr) -> bool:
        """``self.x`` where ``self`` is an instance being followed."""
        return isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
            and isinstance(self.flow.get(target.value.id), Instance)

    def forget(self, node: ast.AST) -> None:
        """Every name ``node`` assigns or mutates now holds a value we did not follow."""
        features = self.analysis.features(node)
        for name in features.stores | features.mutated:
            self.flow[name] = UNKNOWN

    def functional_model(self, model: ModelDescription) -> ModelRef:
        self.analysis.finish_model(model, self.depth)
        return ModelRef(model)

    def known_branch(self, stmt: ast.If, conditional: bool) -> bool:
        """``if downsample:`` where the test's value is known (a helper's argument, a
        constant): only the branch Python would take is followed."""
        if self.analysis.features(stmt.test).has_access:
            return False  # only names, constants and operators: a test we can trust
        test = self.analysis.evaluator.evaluate(stmt.test, self.scope)
        if test is not None and not isinstance(test, (bool, int, float, str, tuple)):
            return False  # None too: ``if training:`` of ``call(self, x, training=None)``
        self.run(stmt.body if test else stmt.orelse, conditional)
        return True

    def unroll(self, loop: ast.For, conditional: bool) -> bool:
        """Unroll ``for x in [..]`` / ``for _ in range(n)`` when it touches a model
        or a tensor."""
        if loop.orelse or not (self.extends_models(loop) or self.builds_tensors(loop)):
            return False
        values = self.iteration_values(loop.iter)
        if values is None or self.unrolled + len(values) > MAX_UNROLL:
            return False  # nested loops share one budget: a block we cannot follow
        self.unrolled += len(values)
        for value in values:
            self.bind(loop.target, value)
            self.run(loop.body, conditional)
            if self.done:
                break
        return True

    def builds_tensors(self, loop: ast.stmt) -> bool:
        """Does the loop create Keras layers (``heads.append(Dense(3)(h))``)?  A loop
        that merely uses models or data (a training loop) is not unrolled."""
        for key in self.analysis.features(loop).calls:
            qualname = self.scope.qualified_name(key)
            if qualname is not None and (keras_class(qualname) is not None
                                         or merge_function(qualname) is not None):
                return True
        return False

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
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords \
                and node.func.id in ("enumerate", "zip") and self.scope.binding(node.func.id)[0] == "free":
            parts = [self.iteration_values(a) for a in node.args]
            if not parts or any(p is None for p in parts) \
                    or (node.func.id == "enumerate" and len(parts) != 1):
                return None
            return tuple(enumerate(parts[0])) if node.func.id == "enumerate" else tuple(zip(*parts))
        values = evaluator.evaluate(node, self.scope, exact=True)
        if isinstance(values, tuple) and len(values) <= MAX_UNROLL:
            return values
        return None

    def block(self, stmt: ast.stmt) -> None:
        """A branch or loop we cannot follow: outer models touched inside are truncated,
        models created inside are followed within their block, and every name assigned
        inside is unknown after it."""
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
        self.forget(stmt)

    def other(self, stmt: ast.stmt) -> None:
        """Any other statement: a Sequential call inside it (``fit(Sequential([...]))``)
        is a model of its own.  A model merely handed to a function (``train(model)``)
        is assumed not to grow there: functions that add layers to an argument are rare,
        and treating every ``train(model)`` as a possible extension would silence most
        findings."""
        if not any(SEQUENTIAL in line for line in self.analysis.text_of(stmt)):
            return  # cheap text test first: most statements build no Sequential
        for node in ast.walk(stmt):
            if isinstance(node, ast.Call) and self.is_sequential(node):
                self.analysis.finish(self.start(node, None, False), self.depth)
