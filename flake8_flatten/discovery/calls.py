"""Following calls into the file's own code: helper functions, and the methods of its
subclassed models and custom layers (``__init__``, ``build``, ``call``).

A followed call runs a child walker over the function's body with its parameters bound
to the call's values, sharing the caller's graph; what it returns is the call's value.
"""

from __future__ import annotations

import ast
from typing import Optional

from ..model import APPLIED, DECLARED, FED, UNKNOWN, LayerCall
from .arrays import Array
from .pipelines import Samples
from .functional import FEED_METHODS, Graph, ModelRef, Tensor
from .scope import Scope
from .subclassed import MODEL, Instance, KerasClass, snake_case

#: Bounds on following helper functions: nesting depth, and calls per file.
MAX_INLINE_DEPTH = 6
MAX_INLINE_CALLS = 2000


class CallFollowing:
    """The walker's part that follows calls (a mixin of `walker.ScopeWalker`: it uses the
    walker's ``analysis``, ``scope``, ``flow`` and ``depth``, and makes child walkers of
    the walker's own class)."""

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
        child = type(self)(analysis, analysis.function_scope(function, analysis.at_call(owner)),
                            self.scope.graph,
                            values, self.depth + 1)
        child.run(function.body)
        child.close()
        return child.returned

    def file_class(self, callee: str, qualname: Optional[str]) -> Optional[KerasClass]:
        """The Keras class of the file ``callee`` names (``Net`` bound by its class
        statement), else None."""
        if qualname != callee and not (qualname is None and callee in self.analysis.redefined_models):
            return None
        return self.analysis.classes.get(callee)

    def instantiate(self, cls: KerasClass, args: tuple, kwargs: tuple, position):
        """``Net(...)``: ``__init__`` followed with ``self`` bound to the new instance.
        A model class without an ``__init__`` of the file called with ``(inputs, outputs)``
        is Keras's functional model (``CustomModel(inputs, outputs)``, a class overriding
        only ``train_step``): Keras's own ``Model.__init__`` builds the graph."""
        init = cls.methods.get("__init__")
        if init is None and cls.kind == MODEL:
            named = dict(kwargs)
            inputs = args[0] if args else named.get("inputs", UNKNOWN)
            outputs = args[1] if len(args) > 1 else named.get("outputs", UNKNOWN)
            if inputs is not UNKNOWN and outputs is not UNKNOWN:
                model = self.scope.graph.model(inputs, outputs, position[0], position[1],
                                               named.get("name"))
                return UNKNOWN if model is None else self.functional_model(model)
        instance = Instance(cls, position[0], position[1])
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
        child = type(self)(analysis, analysis.function_scope(method, analysis.at_call(instance.cls.owner)),
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
            self.built_instance(instance, shape, DECLARED, "build")
            return None
        if method not in FEED_METHODS:
            return UNKNOWN
        data = self.scope.graph.fresh(data)  # ``Net()(keras.Input(...))``
        if isinstance(data, Array) and len(data.shape) >= 2:
            built = self.built_instance(instance, (None,) + data.shape[1:], FED, "data")
            if built is not None:
                return self.scope.feed(ModelRef(built[0]), method, args, kwargs, position)
            return UNKNOWN
        if isinstance(data, Samples) and data.batched and data.shape and method != "__call__":
            self.built_instance(instance, (None,) + data.shape, FED, "data")  # ``fit(train_ds)``
            return UNKNOWN
        if method == "__call__" and isinstance(data, Tensor):
            shape = self.scope.graph.shape_of(data)
            source = DECLARED if data.input is not None else APPLIED
            built = self.built_instance(instance, shape, source, "tensor")
            if built is None:
                return self.scope.graph.apply(LayerCall(instance.cls.node.name, line=position[0],
                                                        col=position[1], is_keras=False),
                                              args, position)
            return self.scope.graph.apply(built[1], args, position, instance)
        return UNKNOWN

    def built_instance(self, instance: Instance, shape, source: str, traced_by: str = "tensor"):
        """The instance's ``call`` followed on an input of ``shape``: ``(description, the
        layer it is inside another model)``, once per shape; None when it cannot be
        followed (no ``call``, an unknown shape, a ``call`` we lose track of).
        ``traced_by``: "build", "data" or "tensor" (see `ModelDescription.traced_by`)."""
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
        model.traced_by = traced_by
        model.earlier_trace = next((built[0] for built in instance.built.values()
                                    if built is not None and built[0].traced_by != "build"), None)
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
