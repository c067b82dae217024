"""Operations between layers: ``tf.nn.relu(x)``, ``x * 2``, ``keras.ops.reshape(x, s)``.

An operation whose result shape a Keras layer already describes becomes that layer
in the graph (``reshape`` -> ``Reshape``, ``concatenate`` -> ``Concatenate``, ``+`` of
two tensors of one known shape -> ``Add``), so its shape rule and NumPy reference are
the layer's; an elementwise function of one tensor is that tensor's shape.  Any
other operation is unknown: its result is never guessed.
"""

from __future__ import annotations

from typing import Optional

from ..model import UNKNOWN, LayerCall
from ..shapes.spec import product
from .names import keras_path

#: Elementwise functions of one tensor (the rest of the path after tf/keras).
_ELEMENTWISE = frozenset({
    "relu", "relu6", "elu", "selu", "gelu", "sigmoid", "tanh", "softmax", "log_softmax",
    "leaky_relu", "silu", "swish", "softplus", "softsign", "hard_sigmoid", "exponential",
    "abs", "exp", "log", "sqrt", "square", "negative", "rsqrt", "sin", "cos", "erf",
    "identity", "stop_gradient", "dropout", "l2_normalize", "cast", "clip_by_value", "clip",
})
#: Modules those functions come from.
_ELEMENTWISE_MODULES = frozenset({(), ("nn",), ("math",), ("activations",), ("ops",),
                                  ("backend",), ("ops", "nn")})


def _function(qualname: Optional[str]):
    """``("nn", "relu")``-like path of a TensorFlow/Keras function, or None."""
    if not qualname:
        return None
    parts = tuple(qualname.split("."))
    if parts[0] == "tensorflow" and "keras" not in parts:
        return parts[1:]
    path = keras_path(qualname)
    return path if path else None


def known_operation(qualname: Optional[str]) -> bool:
    path = _function(qualname)
    return bool(path) and (
        (path[-1] in _ELEMENTWISE and path[:-1] in _ELEMENTWISE_MODULES)
        or path[-1] in ("reshape", "concat", "concatenate"))


def operation(qualname: Optional[str], args: tuple, kwargs: tuple, graph, position):
    """The tensor an operation returns, or None when ``qualname`` is no operation we
    know (UNKNOWN: a known operation whose result we cannot say)."""
    path = _function(qualname)
    if not path:
        return None
    name, module = path[-1], path[:-1]
    if name in _ELEMENTWISE and module in _ELEMENTWISE_MODULES:
        return args[0] if args and graph.holds(args[0]) else UNKNOWN
    if name == "reshape" and module in ((), ("ops",), ("numpy",)):
        target = args[1] if len(args) > 1 else dict(kwargs).get("shape", dict(kwargs).get("newshape"))
        if not args or not graph.holds(args[0]) or not isinstance(target, tuple) \
                or not target or target[0] not in (-1, None) or not all(
                    isinstance(d, int) and not isinstance(d, bool) for d in target[1:]):
            return UNKNOWN  # the batch axis must stay where it is
        if target[0] == -1 and not _keeps_samples(graph.shape_of(args[0]), target[1:]):
            return UNKNOWN  # ``(-1, 32, 32, 3)`` of (None, 5, 32, 32, 3): the batch axis grows
        return graph.apply(LayerCall("Reshape", (tuple(target[1:]),), (), *position), args[:1],
                           position)
    if name in ("concat", "concatenate") and module in ((), ("ops",)):
        tensors = args[0] if args else dict(kwargs).get("values", dict(kwargs).get("xs"))
        axis = args[1] if len(args) > 1 else dict(kwargs).get("axis", 0 if name == "concat" else 0)
        if not isinstance(tensors, tuple) or not isinstance(axis, int) or isinstance(axis, bool) \
                or axis == 0:
            return UNKNOWN  # axis 0 is the batch axis: not a layer's concatenation
        layer = LayerCall("Concatenate", (), (("axis", axis),), *position)
        return graph.apply(layer, (tensors,), position)
    return None


def _keeps_samples(shape, target) -> bool:
    """Does a reshape to ``(-1,) + target`` keep each sample whole (a ``Reshape`` layer),
    rather than folding axes into the batch?  True when the input's size is unknown:
    the static shape Keras states is then ``(None,) + target`` either way."""
    if shape is None or None in shape[1:] or -1 in target:
        return True
    return product(shape[1:]) == product(target)


#: Python operators between two tensors of one shape, as the merge layer doing the same.
_MERGES = {"Add": "Add", "Sub": "Subtract", "Mult": "Multiply"}


def arithmetic(operator: str, left, right, graph, position):
    """``x * 2``: the tensor's shape; ``x + y`` of two tensors whose static shapes are
    known and equal: an ``Add`` (``Subtract``, ``Multiply``); anything else UNKNOWN
    (broadcasting of other shapes is not a merge layer's)."""
    number = (int, float)
    if operator in ("Add", "Sub", "Mult", "Div"):
        if graph.holds(left) and isinstance(right, number) and not isinstance(right, bool):
            return left
        if graph.holds(right) and isinstance(left, number) and not isinstance(left, bool):
            return right
    if graph.holds(left) and graph.holds(right) and operator in _MERGES:
        a, b = graph.shape_of(left), graph.shape_of(right)
        if a is not None and b is not None and len(a) == len(b) and None not in a[1:] + b[1:] \
                and all(x == y or 1 in (x, y) for x, y in zip(a[1:], b[1:])):
            layer = LayerCall(_MERGES[operator], (), (), *position)  # equal, or broadcast over 1s
            return graph.apply(layer, ((left, right),), position)
    return UNKNOWN
