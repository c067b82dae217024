"""Follow the statements that build models: Sequential ones, functional ones.

The `ast` tree is walked scope by scope; straight-line code (and `with` blocks,
and `for` loops over literal sequences, which are unrolled) is followed exactly.
A model extended inside an `if`/`while`/`try` or a non-literal loop is marked
truncated: we know its start but not its end; a name assigned there becomes
unknown.  Tensors of the functional API (see `functional`) flow through the same
walk, into helper functions defined in the file, which are followed like inline
code.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional

from ..config import active
from ..model import APPLIED, DECLARED, FED, UNKNOWN, Claim, LayerCall, ModelDescription
from ..shapes.engine import infer_chain, run_model
from .evaluate import Evaluator, dotted_name
from . import data
from .arrays import Array
from .functional import (FEED_METHODS, Flow, Graph, ModelRef, Tensor,
                         as_layer, is_model_class, merge_function)
from .declarations import fixed_axes_of, input_shape_of
from .names import INPUT_KINDS, MODEL_MARKERS, SEQUENTIAL, keras_class
from .scope import MUTATORS, Scope, mutated_name
from .subclassed import MODEL, Instance, KerasClass, keras_classes, snake_case
from .values import ObservedShape, Prediction

#: Nesting levels `Analysis.build_nested` resolves (a model in a model in a model...).
_MAX_NESTED_PASSES = 8
#: Unrolling bound for `for` loops that add layers.
MAX_UNROLL = 1024
#: Bounds on following helper functions: nesting depth, and calls per file.
MAX_INLINE_DEPTH = 6
MAX_INLINE_CALLS = 2000
#: Text that a helper building Keras tensors or models contains.
KERAS_HINTS = ("layers", "keras", "Input", "Model", SEQUENTIAL, "Dense", "Conv")
#: unittest / numpy.testing spellings of a claim ``assertEqual(y.shape, (1, 4))``.
_ASSERT_EQUAL = frozenset({"assertEqual", "assertEquals", "assertTupleEqual",
                           "assert_equal", "assert_array_equal"})
_BLOCKS = (ast.If, ast.While, ast.Try, ast.For, ast.AsyncFor, ast.AsyncWith, ast.With)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_EXTENDING = frozenset({"add", "pop", "build"})


class ModelBuilder:
    """A model under construction: layers so far and the declared input."""

    def __init__(self, node: ast.Call, name: Optional[str]):
        self.model = ModelDescription(line=node.lineno, col=node.col_offset, name=name)
        self.conditional = False  # created inside an if/loop/try branch

    @property
    def input_declared(self) -> bool:
        """An input (maybe unknown) was declared, or data already built the model."""
        return self.model.input_source is not None

    def add(self, layer: LayerCall) -> None:
        model = self.model
        if model.truncated:
            return
        if layer.kind in INPUT_KINDS and layer.is_keras:
            if not model.layers and not self.input_declared:
                self._declare(input_shape_of(layer), fixed_axes_of(layer))
                return
            layer = LayerCall(layer.kind, line=layer.line, col=layer.col, is_keras=False)
        elif not model.layers and not self.input_declared and layer.is_keras:
            declared = input_shape_of(layer)
            if declared is not None:
                self._declare(declared, fixed_axes_of(layer))
        model.layers.append(layer)

    def output_shape(self):
        """The static shape the layers so far output (None if unknown)."""
        model = self.model
        if model.input_shape is None:
            return None
        if not model.layers:
            return model.input_shape
        return infer_chain(model.input_shape, list(model.layers))[-1].output_shape

    def build(self, shape, fixed: frozenset = frozenset()) -> None:
        if not self.input_declared and isinstance(shape, tuple):
            self._declare(tuple(d if isinstance(d, int) and not isinstance(d, bool) else None
                                for d in shape), fixed)

    def _declare(self, shape, fixed: frozenset = frozenset()) -> None:
        self.model.input_source = DECLARED
        self.model.input_shape = None if shape is UNKNOWN else shape
        if fixed and self.model.input_shape is not None:
            self.model.fixed_axes = [fixed]


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
    return isinstance(value, (Tensor, LayerCall, Array, Prediction, Instance))


#: What makes a mention of a model matter: it runs on data or states its shape.
_MODEL_USES = FEED_METHODS | {"output_shape", "output", "compile"}


def _matters(qualname: str) -> bool:
    """A callee whose result discovery can use: a Keras layer, Input, Sequential,
    Model or merge function, or an array constructor of known shape."""
    return keras_class(qualname) is not None or is_model_class(qualname) \
        or merge_function(qualname) is not None or data.known_function(qualname)


class Features:
    """What one walk over a statement or expression finds, computed once per node:
    loops and followed helpers revisit the same nodes many times, and the walker's
    questions (does this use a tensor? change a model? call a Keras class?) are
    then set lookups instead of fresh tree walks."""

    __slots__ = ("names", "stores", "mutated", "model_uses", "calls", "has_call", "has_access",
                 "changed")

    def __init__(self, node: ast.AST):
        names, stores, mutated, model_uses, calls, changed = set(), set(), set(), set(), [], set()
        has_call = has_access = False
        for sub in ast.walk(node):
            kind = type(sub)
            if kind is ast.Name:
                names.add(sub.id)
                if isinstance(sub.ctx, ast.Store):
                    stores.add(sub.id)
            elif kind is ast.Attribute:
                has_access = True
                if sub.attr in _MODEL_USES and isinstance(sub.value, ast.Name):
                    model_uses.add(sub.value.id)
            elif kind is ast.Call:
                has_call = has_access = True
                key = dotted_name(sub.func)
                if key is not None:
                    calls.append(key)
                name = mutated_name(sub)
                if name is not None:
                    mutated.add(name)
                if isinstance(sub.func, ast.Attribute) and sub.func.attr in _EXTENDING:
                    changed.add(dotted_name(sub.func.value))
            elif kind is ast.Subscript:
                has_access = True
            elif kind is ast.Assign or kind is ast.AugAssign or kind is ast.AnnAssign:
                for target in (sub.targets if kind is ast.Assign else [sub.target]):
                    changed.add(dotted_name(target))
        changed.discard(None)
        self.names, self.stores, self.mutated = names, stores, mutated
        self.model_uses, self.calls, self.changed = model_uses, tuple(dict.fromkeys(calls)), changed
        self.has_call, self.has_access = has_call, has_access


class ScopeWalker:
    """Follows one scope's statements, tracking the models being built in it.

    ``depth`` > 0 for the body of a helper function followed from a call site; it
    shares its caller's graph and reports what it returns."""

    def __init__(self, analysis: "Analysis", scope: Scope, graph: Optional[Graph] = None,
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

    # -- statements ---------------------------------------------------------------

    def run(self, stmts: List[ast.stmt], conditional: bool = False) -> None:
        for stmt in stmts:
            if self.done:
                return
            self.statement(stmt, conditional)

    def statement(self, stmt: ast.stmt, conditional: bool) -> None:
        self.conditional = conditional
        if isinstance(stmt, (ast.ClassDef,) + _FUNCTIONS):
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
            self.forget(stmt.target)
        elif isinstance(stmt, ast.If) and self.known_branch(stmt, conditional):
            return
        if isinstance(stmt, _BLOCKS) or (hasattr(ast, "Match") and isinstance(stmt, ast.Match)):
            self.block(stmt)
            return
        self.other(stmt)

    def assignment(self, targets, value: ast.expr, conditional: bool) -> bool:
        if any(self.instance_attribute(t) for t in targets):
            return False  # ``self.body = Sequential([...])``: a layer of the instance
        keys = [dotted_name(t) for t in targets]
        for key in keys:
            if key in self.models:  # the name now holds something else
                self.analysis.finish(self.models.pop(key), self.depth)
        if self.is_sequential(value) and len(keys) == 1 and keys[0] is not None:
            builder = self.start(value, keys[0], conditional)
            self.models[keys[0]] = builder
            if isinstance(targets[0], ast.Name):
                self.flow[keys[0]] = ModelRef(builder.model)
            return True
        return False

    def method_call(self, call: ast.Call, conditional: bool) -> bool:
        func = call.func
        if not isinstance(func, ast.Attribute):
            return False
        builder = self.models.get(dotted_name(func.value))
        if builder is None:
            return False
        if func.attr == "add" and len(call.args) == 1:
            if conditional and not builder.conditional:
                builder.model.truncated = True
            else:
                builder.add(self.layer(call.args[0], builder))
            return True
        if func.attr == "build":
            shape = call.args[0] if call.args else next(
                (k.value for k in call.keywords if k.arg == "input_shape"), None)
            evaluator = self.analysis.evaluator
            fixed = evaluator.fixed_positions(shape, self.scope) if shape is not None else ()
            builder.build(evaluator.evaluate(shape, self.scope), frozenset(fixed))
            return True
        if func.attr in ("pop", "add"):
            builder.model.truncated = True
            return True
        return False

    # -- the functional API, data and claims ------------------------------------------

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

    def sequential_add(self, sequential: LayerCall, call: ast.Call) -> LayerCall:
        """A Sequential attribute of an instance with one more layer (unknown when the
        layer is not one we know, or the Sequential was built from something else)."""
        layers = sequential.args[0] if sequential.args else ()
        if len(call.args) != 1 or call.keywords or not isinstance(layers, tuple) \
                or len(sequential.args) > 1 or sequential.kwargs and dict(sequential.kwargs).keys() - {"name"}:
            return UNKNOWN
        layer = self.layer(call.args[0])
        if not layer.is_keras:
            return UNKNOWN
        return LayerCall(SEQUENTIAL, (layers + (layer,),), sequential.kwargs, sequential.line,
                         sequential.col)

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

    def inline(self, function: ast.FunctionDef, owner: Scope, args: tuple, kwargs: tuple):
        """The value a helper function returns, following its body with its
        parameters bound to the call's values; UNKNOWN when it cannot be followed."""
        analysis = self.analysis
        if self.depth >= MAX_INLINE_DEPTH or analysis.inlined >= MAX_INLINE_CALLS \
                or not analysis.inlinable(function):
            return UNKNOWN
        analysis.inlined += 1
        values = self.parameters(function.args, owner, args, dict(kwargs))
        if values is None:
            return UNKNOWN
        child = ScopeWalker(analysis, analysis.function_scope(function, analysis.at_call(owner)),
                            self.scope.graph,
                            values, self.depth + 1)
        child.run(function.body)
        child.close()
        return child.returned

    # -- subclassed models and custom layers ----------------------------------------

    def keras_class(self, callee: str, qualname: Optional[str]) -> Optional[KerasClass]:
        """The Keras class of the file ``callee`` names (``Net`` bound by its class
        statement), else None."""
        if qualname != callee:
            return None
        return self.analysis.classes.get(callee)

    def instantiate(self, cls: KerasClass, args: tuple, kwargs: tuple, position) -> Instance:
        """``Net(...)``: ``__init__`` followed with ``self`` bound to the new instance."""
        instance = Instance(cls, position[0], position[1])
        init = cls.methods.get("__init__")
        if init is not None:
            self.follow_method(instance, init, args, kwargs, Graph())
        return instance

    def follow_super(self, method: str, args: tuple, kwargs: tuple):
        """``super().call(x)`` / ``super().__init__()`` in a method of a class whose base
        is a class of the file: that base's method; None when the base is not the file's."""
        current, instance = self.current_class, self.flow.get("self")
        if current is None or current.parent is None or not isinstance(instance, Instance):
            return None
        function = current.parent.methods.get(method)
        if function is None:
            return None
        return self.follow_method(instance, function, args, kwargs, self.scope.graph,
                                  current.parent.defining(function))

    def follow_method(self, instance: Instance, method: ast.FunctionDef, args: tuple,
                      kwargs: tuple, graph: Graph, cls: Optional[KerasClass] = None):
        """What ``method`` returns, followed with ``self`` and the arguments bound
        (``cls``: the class defining it, for ``super()`` inside it)."""
        analysis = self.analysis
        if self.depth >= MAX_INLINE_DEPTH or analysis.inlined >= MAX_INLINE_CALLS \
                or not analysis.inlinable(method):
            return UNKNOWN
        analysis.inlined += 1
        values = self.parameters(method.args, instance.cls.owner, (instance,) + tuple(args),
                                 dict(kwargs))
        if values is None:
            return UNKNOWN
        child = ScopeWalker(analysis, analysis.function_scope(method, analysis.at_call(instance.cls.owner)),
                            graph,
                            values, self.depth + 1)
        child.in_class = True
        child.current_class = cls or instance.cls.defining(method)
        child.run(method.body)
        child.close()
        return child.returned

    def instance_method(self, instance: Instance, method: str, args: tuple, kwargs: tuple, position):
        """``model.build(shape)``, ``model(x)``, ``model.predict(x)``, ``block(tensor)``."""
        data = args[0] if args else dict(kwargs).get("x" if method != "build" else "input_shape",
                                                     UNKNOWN)
        if method == "build":
            shape = data if isinstance(data, tuple) else None
            if shape is not None:
                shape = tuple(d if isinstance(d, int) and not isinstance(d, bool) else None
                              for d in shape)
            self.built_instance(instance, shape, DECLARED)
            return None
        if method not in FEED_METHODS:
            return UNKNOWN
        data = self.scope.graph.fresh(data)  # ``Net()(keras.Input(...))``
        if isinstance(data, Array) and len(data.shape) >= 2:
            built = self.built_instance(instance, (None,) + data.shape[1:], FED)
            if built is not None:
                return self.scope.feed(ModelRef(built[0]), method, args, kwargs, position)
            return UNKNOWN
        if method == "__call__" and isinstance(data, Tensor):
            shape = self.scope.graph.shape_of(data)
            source = DECLARED if data.input is not None else APPLIED
            built = self.built_instance(instance, shape, source)
            if built is None:
                return self.scope.graph.apply(LayerCall(instance.cls.node.name, line=position[0],
                                                        col=position[1], is_keras=False),
                                              args, position)
            return self.scope.graph.apply(built[1], args, position, instance)
        return UNKNOWN

    def built_instance(self, instance: Instance, shape, source: str):
        """The instance's ``call`` followed on an input of ``shape``: ``(description, the
        layer it is inside another model)``, once per shape; None when it cannot be
        followed (no ``call``, an unknown shape, a ``call`` we lose track of)."""
        if shape is None or "call" not in instance.cls.methods:
            return None
        if shape in instance.built:
            return instance.built[shape]
        instance.built[shape] = None  # a model calling itself ends here
        if "build" in instance.cls.methods:  # layers made from the input shape
            self.follow_method(instance, instance.cls.methods["build"], (tuple(shape),), (), Graph())
        graph = Graph()
        declared = LayerCall("Input", (tuple(shape[1:]),), (("batch_size", shape[0]),),
                             instance.line, instance.col)
        tensor = Tensor(input=declared)
        returned = self.follow_method(instance, instance.cls.methods["call"], (tensor,), (), graph)
        model = graph.model(tensor, returned, instance.line, instance.col, instance.name)
        if model is None or len(model.outputs) != 1:
            return None
        model.kind = "Subclassed" if instance.cls.kind == MODEL else "CustomLayer"
        # a custom layer is judged (FLT001, FLT004) by the model using it, as a layer
        model.input_source = source if instance.cls.kind == MODEL else APPLIED
        self.analysis.found.append(model)
        graph_arg = (model.inputs[0], tuple(model.layers), tuple(model.sources), model.outputs[0])
        layer = LayerCall("Functional", (graph_arg,),
                          (("name", snake_case(instance.cls.node.name)), ("traced", True)),
                          instance.line, instance.col)
        instance.built[shape] = (model, layer)
        return instance.built[shape]

    def parameters(self, spec: ast.arguments, owner: Scope, args: tuple, kwargs: dict):
        positional = spec.posonlyargs + spec.args
        if len(args) > len(positional) and spec.vararg is None:
            return None  # a call Python would refuse
        values = {}
        defaults = dict(zip([a.arg for a in positional[len(positional) - len(spec.defaults):]],
                            spec.defaults))
        defaults.update({a.arg: d for a, d in zip(spec.kwonlyargs, spec.kw_defaults) if d is not None})
        for index, param in enumerate(positional + spec.kwonlyargs):
            name = param.arg
            if index < len(positional) and index < len(args):
                values[name] = args[index]
            elif name in kwargs:
                values[name] = kwargs[name]
            elif name in defaults:
                values[name] = self.analysis.evaluator.evaluate(defaults[name], owner)
            else:
                return None
        return values

    def assertion(self, stmt: ast.Assert) -> None:
        test = stmt.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
            self.claim(test.left, test.comparators[0], stmt)
        else:
            self.follow(test)

    def assert_equal(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in _ASSERT_EQUAL and len(call.args) >= 2:
            self.claim(call.args[0], call.args[1], call)
            return True
        return False

    def claim(self, left: ast.expr, right: ast.expr, node: ast.AST) -> None:
        """``observed == (claimed)`` either way round: a Claim on the model observed."""
        for observed_side, claimed_side in ((left, right), (right, left)):
            observed = self.follow(observed_side)
            if isinstance(observed, ObservedShape):
                claimed = self.analysis.evaluator.evaluate(claimed_side, self.scope)
                if isinstance(claimed, tuple):
                    observed.model.claims.append(
                        Claim(node.lineno, node.col_offset, claimed, observed.data, observed.layers))
                return

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

    # -- expressions --------------------------------------------------------------

    def is_sequential(self, node) -> bool:
        if not isinstance(node, ast.Call):
            return False
        callee = dotted_name(node.func)
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
                builder.add(self.layer(element, builder))
        elif layers is not None and not (isinstance(layers, ast.Constant) and layers.value is None):
            value = evaluator.evaluate(layers, self.scope, exact=True)
            if isinstance(value, tuple) and all(isinstance(v, LayerCall) for v in value):
                for layer in value:
                    builder.add(layer)
            else:
                builder.model.truncated = True
        return builder

    def layer(self, node: ast.expr, builder: Optional[ModelBuilder] = None) -> LayerCall:
        """The layer an element/argument of ``builder`` denotes; an unknown layer if not a
        Keras one.  A model with a declared input nested first declares the builder's
        (Keras builds a Sequential from its first layer's ``input_shape``)."""
        value = self.analysis.evaluator.evaluate(node, self.scope)
        if isinstance(value, ModelRef) and builder is not None and not builder.model.layers \
                and not builder.input_declared and value.model.input_source == DECLARED \
                and value.model.input_shape is not None and not value.model.truncated:
            builder.build(value.model.input_shape)
        if isinstance(value, Tensor) and value.input is not None:
            value = value.input  # ``inputs = keras.Input(...)`` listed first
        if isinstance(value, LayerCall):
            return value  # a name bound to a layer keeps its constructor's position
        if isinstance(value, ModelRef):
            nested = as_layer(value, (node.lineno, node.col_offset))  # a model nested as a layer
            self.analysis.nested.append((nested, value.model))
            return nested
        if isinstance(value, Instance) and builder is not None and not builder.model.truncated:
            built = self.built_instance(value, builder.output_shape(), APPLIED)
            if built is not None:
                return built[1]  # a custom layer, on the shape the layers before it give
        text = self.analysis.evaluator.source_of(node) or "?"
        return LayerCall(text.split("(")[0][:40], line=node.lineno, col=node.col_offset,
                         is_keras=False)

    def extends_models(self, stmt: ast.stmt) -> bool:
        """Does ``stmt`` change a Sequential being built, or reassign a tensor?"""
        features = self.analysis.features(stmt)
        if any(name in features.changed for name in self.models):
            return True
        return any(isinstance(self.flow.get(name), Tensor) for name in features.stores)

    def changes(self, stmt: ast.stmt, key: str) -> bool:
        """Does ``stmt`` add to, pop from, build or rebind the model kept under ``key``?
        (Merely using it, ``model.fit(...)`` in a training loop, changes nothing.)"""
        return key in self.analysis.features(stmt).changed

    def close(self) -> None:
        for builder in self.models.values():
            self.analysis.finish(builder, self.depth)
        self.models.clear()


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
        self.from_calls: set = set()  # ids of models built by followed helper calls
        #: Module-level functions and classes, walked once the module's own code is.
        self.deferred: List[tuple] = []
        self.classes: Dict[str, KerasClass] = {}  # subclassed models and custom layers
        self.module_flow: Optional[Flow] = None  # the module's values as its walk goes on
        self.nested: List[tuple] = []  # (layer call, model): models nested in a Sequential
        self.applied_sequentials: set = set()  # (Sequential layer call, input shape) described

    def run(self) -> List[ModelDescription]:
        self.walrus = any(":=" in line for line in self.lines)
        scope = Scope(self.tree.body, None, self.evaluator, walrus=self.walrus)
        self.classes = keras_classes(self.tree.body, scope)
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
            if isinstance(stmt, _FUNCTIONS):
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
