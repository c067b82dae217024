"""Model building: Sequential models grown statement by statement.

``Sequential([...])``, ``model.add(...)``, ``model.build(shape)`` and ``model.pop()`` as
the walker meets them; a model changed where straight-line code cannot follow it is
marked truncated (its start known, its end not).
"""

from __future__ import annotations

import ast
from typing import Optional

from ..model import APPLIED, DECLARED, UNKNOWN, LayerCall, ModelDescription
from ..shapes.engine import infer_chain
from .declarations import fixed_axes_of, input_shape_of
from .evaluate import dotted_name
from .functional import ModelRef, Tensor, as_layer
from .names import INPUT_KINDS, SEQUENTIAL, keras_class
from .subclassed import Instance


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


class SequentialBuilding:
    """The walker's part that builds Sequential models (a mixin of `walker.ScopeWalker`:
    it uses the walker's ``analysis``, ``scope``, ``flow``, ``models`` and ``depth``)."""

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
