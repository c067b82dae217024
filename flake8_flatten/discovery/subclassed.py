"""Subclassed models and custom layers: ``class Net(keras.Model)`` / ``class Block(layers.Layer)``.

A class of the file that derives (directly or through other classes of the file)
from Keras's ``Model`` or ``Layer`` is a `KerasClass`.  Instantiating it follows
``__init__`` with ``self`` bound to an `Instance` whose attributes collect the
layers it creates; applying the instance to a tensor or to data follows ``call``
the way helper functions are followed, on a graph of its own whose input has that
shape.  The walker's `calls.CallFollowing` does the following; this module holds the
values and the class recognition.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional

from .evaluate import dotted_name
from .names import keras_path

#: ``keras.Model`` / ``keras.layers.Layer`` path ends, after the Keras root.
_MODEL_PATHS = frozenset({("Model",), ("models", "Model"), ("engine", "training", "Model"),
                          ("src", "models", "Model")})
_LAYER_PATHS = frozenset({("layers", "Layer"), ("Layer",), ("engine", "base_layer", "Layer"),
                          ("src", "layers", "Layer")})
MODEL, LAYER = "model", "layer"


def keras_base(qualname: Optional[str]) -> Optional[str]:
    """MODEL or LAYER for Keras's ``Model``/``Layer`` classes, else None."""
    path = keras_path(qualname) if qualname else None
    if not path:
        return None
    if path in _MODEL_PATHS:
        return MODEL
    if path in _LAYER_PATHS:
        return LAYER
    return None


@dataclass(eq=False)
class KerasClass:
    """A class of the file deriving from Keras's Model or Layer; ``methods`` include
    those inherited from the file's own base classes (the nearest definition wins)."""

    node: ast.ClassDef
    kind: str  # MODEL or LAYER
    methods: Dict[str, ast.FunctionDef]
    owner: object  # the scope the class is defined in (its methods' enclosing scope)
    parent: Optional["KerasClass"] = None  # its first base that is a class of the file

    def defining(self, method: ast.FunctionDef) -> "KerasClass":
        """The class (this one or a file base) whose body defines ``method``."""
        cls: Optional[KerasClass] = self
        while cls is not None:
            if any(stmt is method for stmt in cls.node.body):
                return cls
            cls = cls.parent
        return self


@dataclass(eq=False)
class Instance:
    """``Net(...)``: the attributes ``__init__`` set, and the descriptions built for
    each input shape it was applied to (Keras builds it once per shape)."""

    cls: KerasClass
    line: int
    col: int
    attrs: Dict[str, object] = field(default_factory=dict)
    name: Optional[str] = None
    built: Dict[object, object] = field(default_factory=dict)  # input shape -> result


@dataclass(frozen=True)
class BoundMethod:
    """``self.helper``: a method of a followed instance, to be followed when called."""

    instance: Instance
    function: ast.FunctionDef


def keras_classes(body, scope, redefined: FrozenSet[str] = frozenset()) -> Dict[str, KerasClass]:
    """The module-level classes deriving from Keras's Model/Layer, by name: those bound
    once, and the ``redefined`` ones (`redefined_functional_models`, by their last
    definition)."""
    found: Dict[str, KerasClass] = {}
    nodes = {node.name: node for node in body if isinstance(node, ast.ClassDef)}

    def resolve(name: str, seen: frozenset) -> Optional[KerasClass]:
        if name in found:
            return found[name]
        node = nodes.get(name)
        if node is None or name in seen or node.decorator_list or node.keywords:
            return None  # metaclasses and decorators: we cannot follow the class
        kind, methods, first = None, {}, None
        for base in node.bases:
            dotted = dotted_name(base)
            if dotted is None:
                return None
            parent = resolve(dotted, seen | {name}) if dotted in nodes else None
            if parent is not None:
                kind, first = kind or parent.kind, first or parent
                for key, value in parent.methods.items():
                    methods.setdefault(key, value)
                continue
            qualified = scope.qualified_name(dotted) if dotted not in nodes else None
            kind = kind or keras_base(qualified)
        if kind is None:
            return None
        own = {stmt.name: stmt for stmt in node.body if isinstance(stmt, ast.FunctionDef)}
        methods = {**methods, **own}
        found[name] = KerasClass(node, kind, methods, scope, first)
        return found[name]

    for name in nodes:
        if scope.binding(name)[0] == "class" or name in redefined:  # bound once, by this class
            resolve(name, frozenset())
    return found


def snake_case(name: str) -> str:
    """Keras's default name for an instance of a class (``ConvBlock`` -> ``conv_block``)."""
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def redefined_functional_models(body, scope) -> FrozenSet[str]:
    """Names a notebook binds to several classes (one per cell), each deriving directly
    from Keras's ``Model`` without its own ``__init__`` or ``call`` (``class
    CustomModel(keras.Model)`` overriding ``train_step``, redefined cell after cell):
    whichever one a call meets, ``CustomModel(inputs, outputs)`` is a functional model."""
    definitions: Dict[str, List[ast.ClassDef]] = {}
    for node in body:
        if isinstance(node, ast.ClassDef):
            definitions.setdefault(node.name, []).append(node)

    def functional(node: ast.ClassDef) -> bool:
        own = {stmt.name for stmt in node.body if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))}
        return not node.decorator_list and not node.keywords and len(node.bases) == 1 \
            and keras_base(scope.qualified_name(dotted_name(node.bases[0]) or "")) == MODEL \
            and not own & {"__init__", "__new__", "call"}

    return frozenset(name for name, nodes in definitions.items()
                     if len(nodes) > 1 and all(functional(node) for node in nodes))
