"""The functional API: symbolic tensors, layer applications and ``Model(inputs, outputs)``.

Statements are followed in order (see `walker.ScopeWalker`); each name's
current value lives in a flow-sensitive `FlowScope`.  Applying a layer to a tensor
adds a node to the scope's `Graph`; ``Model(inputs, outputs)`` becomes a
`ModelDescription` of the nodes between those tensors, in call order.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from ..model import (APPLIED, DECLARED, FED, UNKNOWN, Compile, Feed, LayerCall, ModelDescription,
                     Training)
from ..shapes.engine import UNKNOWN_TENSOR, infer_layer, layer_input
from ..shapes.merging import MERGE_FUNCTIONS
from ..shapes.spec import ShapeError
from . import arrays, ops
from .arrays import Array
from .declarations import input_shape_of
from .pipelines import Samples
from .names import INPUT_KINDS, keras_path
from .scope import Scope
from .subclassed import BoundMethod, Instance
from .values import ObservedShape, Prediction


@dataclass(eq=False)
class Tensor:
    """A symbolic tensor: the output of ``graph.nodes[node]``, or a model input."""

    node: Optional[int] = None
    input: Optional[LayerCall] = None


@dataclass
class Node:
    call: LayerCall  # positioned at the application, ``Dense(4)(x)`` / ``dense(x)``
    sources: Tuple[object, ...]  # Tensors, or UNKNOWN for what we could not follow
    layer: object = None  # the layer object when applied through a name (may be shared)
    applied: Optional[int] = None  # the line of the application, when placed elsewhere


@dataclass(eq=False)
class ModelRef:
    """A name bound to a model: a Sequential under construction or a functional one."""

    model: ModelDescription


class Graph:
    """Every layer application of one scope (and of the helpers it calls), in order."""

    def __init__(self):
        self.nodes: List[Node] = []
        self._inputs: Dict[Tuple[int, int], Tensor] = {}
        self._shapes: Dict[int, object] = {}  # node -> static output shape, on demand

    def tensor(self, value):
        """``value`` as a Tensor (an ``Input(...)`` call becomes its tensor), tuples
        element-wise; anything else is UNKNOWN."""
        if isinstance(value, Tensor):
            return value
        if isinstance(value, LayerCall) and value.kind == "Input" and value.is_keras:
            key = (value.line, value.col)
            if key not in self._inputs:
                self._inputs[key] = Tensor(input=value)
            return self._inputs[key]
        if isinstance(value, tuple):
            return tuple(self.tensor(v) for v in value)
        if isinstance(value, dict):
            return {key: self.tensor(v) for key, v in value.items()}
        return UNKNOWN

    @staticmethod
    def holds(value) -> bool:
        """Is ``value`` a tensor of a graph (what operations take)?"""
        return isinstance(value, Tensor)

    @staticmethod
    def fresh(value):
        """``Input(...)`` evaluated once more (a loop, a comprehension) is a new tensor;
        any other value is returned as it is."""
        if isinstance(value, LayerCall) and value.kind == "Input" and value.is_keras:
            return Tensor(input=value)
        return value

    def apply(self, call: LayerCall, args: tuple, position: Tuple[int, int], layer: object = None,
              applied: Optional[int] = None):
        """``call`` applied to ``args`` (a tensor or a list of tensors): a new node."""
        if call.kind in INPUT_KINDS or not args:
            return UNKNOWN
        first = self.tensor(args[0])
        sources = first if isinstance(first, tuple) else (first,) + tuple(
            self.tensor(a) for a in args[1:] if isinstance(a, (Tensor, LayerCall)))
        if not sources or any(isinstance(s, tuple) for s in sources):
            return UNKNOWN
        if call.kwarg("return_state") not in (None, False):
            return UNKNOWN  # several outputs
        placed = LayerCall(call.kind, call.args, call.kwargs, position[0], position[1], call.is_keras)
        self.nodes.append(Node(placed, tuple(sources), layer, applied))
        return Tensor(node=len(self.nodes) - 1)

    def opaque(self, label: str, values, position: Tuple[int, int]):
        """An operation we cannot say the result of (``K.max(x, axis=1)``, ``x - y`` of
        unknown shapes) on the graph's tensors among ``values``: a node of unknown
        shape, so that a model ending in it still holds the layers before it.  UNKNOWN
        when no tensor of the graph is among ``values``."""
        sources = []
        _collect_tensors(values, sources)
        if not sources:
            return UNKNOWN
        call = LayerCall(label, line=position[0], col=position[1], is_keras=False)
        self.nodes.append(Node(call, tuple(dict.fromkeys(sources))))
        return Tensor(node=len(self.nodes) - 1)

    def shape_of(self, tensor: Tensor):
        """The static shape of a tensor (``inputs.shape[-1]`` in code), None if unknown."""
        if tensor.input is not None:
            shape = input_shape_of(tensor.input)
            return None if shape is UNKNOWN else shape
        if tensor.node in self._shapes:
            return self._shapes[tensor.node]
        self._shapes[tensor.node] = None  # a cycle cannot happen, but stay bounded
        node = self.nodes[tensor.node]
        given = [self.shape_of(s) if isinstance(s, Tensor) else None for s in node.sources]
        try:
            shape = infer_layer(node.call, layer_input(node.call, given))
        except (ShapeError, ArithmeticError, TypeError, ValueError):
            shape = None
        self._shapes[tensor.node] = shape
        return shape

    def model(self, inputs, outputs, line: int, col: int, name) -> Optional[ModelDescription]:
        """The functional model between ``inputs`` and ``outputs``, or None when the
        outputs are not tensors we followed."""
        ins = _flat(self.tensor(inputs))
        outs = _flat(self.tensor(outputs))
        if outs is None or not outs or any(not isinstance(t, Tensor) for t in outs):
            return None
        ins = [t for t in ins if isinstance(t, Tensor) and t.input is not None] if ins else []
        needed = set()
        stack = [t for t in outs if t.node is not None and t not in ins]
        while stack:
            index = stack.pop().node
            if index in needed:
                continue
            needed.add(index)
            for source in self.nodes[index].sources:
                if isinstance(source, Tensor) and source.node is not None and source not in ins:
                    stack.append(source)
        order = sorted(needed)
        local = {id(t): i for i, t in enumerate(ins)}
        for position, index in enumerate(order):
            local[("node", index)] = len(ins) + position

        def ref(tensor) -> int:
            if not isinstance(tensor, Tensor):
                return UNKNOWN_TENSOR
            if tensor.node is not None:
                return local.get(("node", tensor.node), UNKNOWN_TENSOR)
            return local.get(id(tensor), UNKNOWN_TENSOR)

        model = ModelDescription(line=line, col=col, name=name if isinstance(name, str) else None)
        model.kind = "Functional"
        declared = [input_shape_of(t.input) for t in ins]
        model.inputs = [None if shape is UNKNOWN else shape for shape in declared]
        model.input_shape = model.inputs[0] if model.inputs else None
        model.input_source = DECLARED
        fixed = [frozenset(p + 1 for p in t.input.fixed) for t in ins]
        if any(fixed):
            model.fixed_axes = fixed
        model.layers = [self.nodes[i].call for i in order]
        model.sources = [tuple(ref(s) for s in self.nodes[i].sources) for i in order]
        model.outputs = tuple(ref(t) for t in outs)
        groups: Dict[int, int] = {}  # id of a layer object (kept alive by its nodes) -> group
        layers = [self.nodes[i].layer for i in order]
        shared = [None if o is None else groups.setdefault(id(o), len(groups)) for o in layers]
        if len(groups) < sum(g is not None for g in shared):  # some object is applied twice
            model.shared = shared
        model.layer_objects = layers
        applied = [self.nodes[i].applied for i in order]
        if any(line is not None for line in applied):
            model.applied_lines = applied
        return model


def _collect_tensors(value, found: list, depth: int = 0) -> None:
    """The tensors in ``value`` (nested in tuples and dicts, a few levels deep)."""
    if isinstance(value, Tensor):
        found.append(value)
    elif depth < 4 and isinstance(value, (tuple, dict)):
        for item in (value.values() if isinstance(value, dict) else value):
            _collect_tensors(item, found, depth + 1)


def _flat(value) -> Optional[list]:
    if isinstance(value, Tensor):
        return [value]
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        return list(value.values())
    return None


class FlowScope(Scope):
    """A scope whose names hold the values assigned so far in straight-line code
    (tensors, layers, arrays, models), over the ordinary constant bindings."""

    def __init__(self, parent: Scope, graph: Graph, values: Optional[dict] = None):
        super().__init__([], parent, parent.evaluator, walrus=False)
        self._bindings = {}
        self.graph = graph
        self.flow: Dict[str, object] = dict(values or {})

    def binding(self, name: str) -> tuple:
        if name in self.flow:
            return ("const", None)
        return self.parent.binding(name)

    def value(self, name: str):
        if name in self.flow:
            return self.flow[name]
        return self.parent.value(name)

    def qualified_name(self, dotted: str):
        if dotted.partition(".")[0] in self.flow:
            return None
        return self.parent.qualified_name(dotted)

    def star_modules(self):
        return self.parent.star_modules()

    def settled(self) -> "FlowScope":
        """What a function of the module sees when it runs later: the values of names
        the module binds once.  A name bound again (``X_train`` of one dataset, then of
        another, in a notebook) may hold either when the function is called: unknown."""
        values = {name: value for name, value in self.flow.items() if self.parent.bound_once(name)}
        return FlowScope(self.parent, self.graph, values)

    def function(self, name: str):
        return None if name in self.flow else self.parent.function(name)


#: Model methods that run the model on their first argument (or ``x=``).
FEED_METHODS = frozenset({"predict", "fit", "evaluate", "predict_on_batch",
                          "train_on_batch", "test_on_batch", "__call__"})
_PREDICTING = frozenset({"predict", "predict_on_batch", "__call__"})


def is_model_class(qualname: Optional[str]) -> bool:
    """``keras.Model``, ``keras.models.Model``, ``tf.keras.Model``..."""
    path = keras_path(qualname) if qualname else None
    return bool(path) and path[-1] in ("Model", "Functional") and \
        all(p in ("models", "engine", "src", "training", "functional", "model") for p in path[:-1])


def merge_function(qualname: Optional[str]) -> Optional[str]:
    """``"Add"`` for ``keras.layers.add`` and the other lowercase merge functions."""
    path = keras_path(qualname) if qualname else None
    if not path or "layers" not in path[:-1]:
        return None
    return MERGE_FUNCTIONS.get(path[-1])


class Flow(FlowScope):
    """The FlowScope a `ScopeWalker` evaluates in: calls and attributes of tensors,
    layers, models and arrays are interpreted here."""

    def __init__(self, parent: Scope, graph: Graph, walker, values: Optional[dict] = None):
        super().__init__(parent, graph, values)
        self.walker = walker

    def attribute(self, base, attr: str):
        if isinstance(base, ModelRef) and attr == "output_shape" and not base.model.truncated:
            return ObservedShape(base.model, None, len(base.model.layers))
        if isinstance(base, ModelRef) and attr == "output" and not base.model.truncated:
            return Prediction(base.model, None, len(base.model.layers))  # ``model.output.shape``
        if isinstance(base, Prediction) and attr == "shape":
            return ObservedShape(base.model, base.data, base.layers)
        if isinstance(base, Tensor) and attr == "shape":
            shape = self.graph.shape_of(base)
            return UNKNOWN if shape is None else tuple(UNKNOWN if d is None else d for d in shape)
        if isinstance(base, ModelRef):
            return (base, attr)  # a bound method, for the call that follows
        if isinstance(base, Instance):
            if attr in base.attrs:
                return base.attrs[attr]
            method = base.cls.methods.get(attr)
            if method is not None and attr not in ("call", "build", "__call__"):
                return BoundMethod(base, method)
            return (base, attr)
        return UNKNOWN

    def call(self, node, callee: Optional[str], qualname: Optional[str], arguments, position,
             target=UNKNOWN):
        """A call the evaluator leaves to the functional API; ``target`` is the callee's
        value when the evaluator has already evaluated it (a method of a value).  A call
        on tensors whose result we cannot say is an opaque node of the graph."""
        result = self._call(node, callee, qualname, arguments, position, target)
        if result is UNKNOWN:
            label = (self.evaluator.source_of(node.func) or "?").split("(")[0][:40]
            return self.graph.opaque(label, (arguments[0], tuple(v for _, v in arguments[1])),
                                     position)
        return result

    def _call(self, node, callee: Optional[str], qualname: Optional[str], arguments, position,
              target=UNKNOWN):
        args, kwargs = arguments
        evaluator = self.evaluator
        if _calls_super(node):
            result = self.walker.follow_super(node.func.attr, args, kwargs)
            if result is not None:
                return result  # a method of a base class of the file
        if is_model_class(qualname) or _calls_super(node, "__init__"):  # a functional wrapper
            named = dict(kwargs)
            inputs = args[0] if args else named.get("inputs", UNKNOWN)
            outputs = args[1] if len(args) > 1 else named.get("outputs", UNKNOWN)
            model = self.graph.model(inputs, outputs, position[0], position[1], named.get("name"))
            return UNKNOWN if model is None else self.walker.functional_model(model)
        kind = merge_function(qualname)
        if kind is not None:
            layer = LayerCall(kind, (), tuple(kwargs), position[0], position[1])
            return self.graph.apply(layer, args[:1], position)
        if callee is not None and "." not in callee:
            found = self.function(callee)
            if found is not None:
                return self.walker.inline(found[0], found[1], args, kwargs)
            cls = self.walker.file_class(callee, qualname)
            if cls is not None:
                return self.walker.instantiate(cls, args, kwargs, position)
        if qualname is not None:
            result = ops.operation(qualname, args, kwargs, self.graph, position)
            if result is not None:
                return result
        if type(node.func) is not ast.Attribute:
            target = evaluator.callee(node, self, position)
        if isinstance(target, tuple) and len(target) == 2 and isinstance(target[1], str):
            base, method = target
            if isinstance(base, ModelRef) and method in FEED_METHODS:
                return self.feed(base, method, args, kwargs, position)
            if isinstance(base, ModelRef) and method == "compile" and not base.model.truncated:
                self.compiled(base.model, args, kwargs, position)
                return None
            if isinstance(base, Instance):
                return self.walker.instance_method(base, method, args, kwargs, position)
            return UNKNOWN
        if isinstance(target, BoundMethod):
            return self.walker.follow_method(target.instance, target.function, args, kwargs,
                                             self.graph)
        if isinstance(target, Instance):
            return self.walker.instance_method(target, "__call__", args, kwargs, position)
        if isinstance(target, LayerCall):
            created_here = type(node.func) is type(node)  # ``Dense(4)(x)``: a new layer
            applied = None
            if not created_here and self.walker.in_class:  # ``self.dense(x)`` in ``call``:
                applied, position = position[0], (target.line, target.col)  # at the constructor
            if target.kind == "Sequential" and args and isinstance(args[0], Tensor):
                self.sequential_applied(target, args[0])
            return self.graph.apply(target, args, position, None if created_here else target, applied)
        if isinstance(target, ModelRef):
            if args and isinstance(args[0], arrays.Array):
                return self.feed(target, "__call__", args, kwargs, position)
            if args and isinstance(args[0], Tensor):
                self.built_by_tensor(target.model, args[0])
            return self.graph.apply(as_layer(target, position), args, position)
        return UNKNOWN

    def arithmetic(self, operator: str, left, right, position):
        """``x * 2``, ``x + shortcut`` on tensors (see `ops.arithmetic`)."""
        result = ops.arithmetic(operator, left, right, self.graph, position)
        if result is UNKNOWN:
            return self.graph.opaque(_OPERATORS.get(operator, operator), (left, right), position)
        return result

    def sequential_applied(self, call: LayerCall, tensor: Tensor) -> None:
        """``self.encoder = keras.Sequential([...])`` applied in ``call`` (or a Sequential
        applied where it is made): its layers, built by the tensor, as a model of its own
        (judged, like any model built that way, by the model applying it)."""
        layers = call.args[0] if call.args else None
        shape = self.graph.shape_of(tensor)
        if shape is None or not isinstance(layers, tuple) or not layers \
                or not all(isinstance(layer, LayerCall) for layer in layers):
            return
        key = (id(call), shape)
        seen = self.walker.analysis.applied_sequentials
        if key in seen:
            return
        seen.add(key)
        model = ModelDescription(line=call.line, col=call.col, input_shape=shape,
                                 layers=list(layers), input_source=APPLIED)
        name = call.kwarg("name")
        model.name = name if isinstance(name, str) else None
        self.walker.analysis.found.append(model)

    def built_by_tensor(self, model: ModelDescription, tensor: Tensor) -> None:
        """A Sequential without an input, applied to a tensor of known shape, is built
        by it (as Keras builds it on its first call)."""
        if model.input_source is not None or model.kind != "Sequential" or model.truncated:
            return
        shape = self.graph.shape_of(tensor)
        if shape is not None:
            model.input_shape = shape
            model.input_source = APPLIED

    def with_values(self, values: dict) -> "Flow":
        """A comprehension's scope: its variables over this one."""
        return Flow(self, self.graph, self.walker, values)

    def feed(self, ref: ModelRef, method: str, args, kwargs, position):
        data = args[0] if args else dict(kwargs).get("x", UNKNOWN)
        model = ref.model
        if model.truncated:
            return UNKNOWN
        self.labels(model, method, args, kwargs, data, position)
        if isinstance(data, Samples) and data.batched and data.shape and model.input_source is None \
                and model.kind == "Sequential" and model.layers:
            model.input_shape = (None,) + data.shape  # Keras builds it on the first batch
            model.input_source = FED
            return UNKNOWN
        if not isinstance(data, Array):
            model.runs_on_unread_data = True
            return UNKNOWN
        if model.input_source is None and model.kind == "Sequential" and model.layers \
                and len(data.shape) >= 2:
            model.input_shape = (None,) + data.shape[1:]  # Keras builds it on this data
            model.input_source = FED
        model.feeds.append(Feed(position[0], position[1], method, data.shape, len(model.layers)))
        if method in _PREDICTING:
            return Prediction(model, data.shape, len(model.layers))
        return UNKNOWN


    def labels(self, model: ModelDescription, method: str, args, kwargs, data, position) -> None:
        """The labels ``fit``/``evaluate``/``*_on_batch`` get, and ``validation_data``'s."""
        if method not in _TRAINING:
            return
        named = dict(kwargs)
        pairs = [(data, args[1] if len(args) > 1 else named.get("y", UNKNOWN), method)]
        validation = named.get("validation_data")
        if method == "fit" and isinstance(validation, tuple) and len(validation) >= 2:
            pairs.append((validation[0], validation[1], "fit(validation_data)"))
        for x, y, how in pairs:
            if isinstance(y, Array):
                model.trainings.append(Training(position[0], position[1], how,
                                                x.shape if isinstance(x, Array) else None,
                                                y.shape, len(model.layers)))

    def compiled(self, model: ModelDescription, args, kwargs, position) -> None:
        """``model.compile(optimizer, loss, loss_weights, metrics, ...)`` (Keras 3's
        positional order) or with keywords."""
        named = dict(kwargs)
        loss = args[1] if len(args) > 1 else named.get("loss", UNKNOWN)
        metrics = named.get("metrics", args[3] if len(args) > 3 else None)
        model.compiles.append(Compile(position[0], position[1], loss, metrics, len(model.layers),
                                      self.walker.conditional))


#: How an operator on tensors is labelled when its result is opaque.
_OPERATORS = {"Add": "+", "Sub": "-", "Mult": "*", "Div": "/", "FloorDiv": "//", "Mod": "%",
              "Pow": "**", "MatMult": "@"}

#: Model methods that take labels.
_TRAINING = frozenset({"fit", "evaluate", "train_on_batch", "test_on_batch"})


def _calls_super(node, method: Optional[str] = None) -> bool:
    """``super().<method>(...)``.  ``super().__init__(inputs, outputs)`` in a class
    wrapping a functional graph is its ``Model(inputs, outputs)`` call."""
    func = node.func
    return isinstance(func, ast.Attribute) and (method is None or func.attr == method) \
        and isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name) \
        and func.value.func.id == "super"


def as_layer(ref: ModelRef, position) -> LayerCall:
    """A model called on a tensor: a Sequential or single-input, single-output
    functional model we know completely is one layer of known shape; anything else
    an unknown layer."""
    model = ref.model
    if model.kind == "Sequential" and model.layers and not model.truncated:
        return LayerCall("Sequential", (tuple(model.layers),), (), position[0], position[1])
    if model.kind == "Functional" and len(model.inputs) == 1 and len(model.outputs) == 1:
        graph = (model.inputs[0], tuple(model.layers), tuple(model.sources), model.outputs[0])
        return LayerCall("Functional", (graph,), (), position[0], position[1])
    return LayerCall(model.kind, line=position[0], col=position[1], is_keras=False)
