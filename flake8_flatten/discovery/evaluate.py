"""Evaluate the expressions that become model data, without executing anything.

The expressions are the `ast` nodes of the tree flake8 already built (no second
parse).  Only literals, names bound to constants, simple arithmetic, tuple
building/indexing and Keras layer constructor calls are understood; every other
expression is UNKNOWN.  Nothing from the linted file is ever executed.
"""

from __future__ import annotations

import ast
import operator
from typing import List, Optional, Tuple

from ..model import UNKNOWN, LayerCall, Loss
from . import arrays, data, pipelines
from .names import keras_class, keras_path
from .markers import SEQUENTIAL
from .values import LayerFactory, ObservedShape

#: Bounds that keep evaluation cheap whatever the code says.
MAX_INT = 2 ** 62
MAX_SEQUENCE = 4096


def dotted_name(node: ast.AST) -> Optional[str]:
    """``keras.layers.Dense`` for a chain of names and attributes, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _bounded(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, int) and abs(value) > MAX_INT:
        return UNKNOWN
    if isinstance(value, float) and value != value:  # NaN
        return UNKNOWN
    return value


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _power(left, right):
    if isinstance(left, int) and isinstance(right, int) and 0 <= right <= 64 \
            and abs(left).bit_length() * right <= 64:
        return left ** right
    return UNKNOWN


def _nonzero(op):
    return lambda a, b: op(a, b) if b else UNKNOWN


_ARITHMETIC = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.FloorDiv: _nonzero(operator.floordiv), ast.Mod: _nonzero(operator.mod),
    ast.Div: _nonzero(operator.truediv), ast.Pow: _power,
}


def _plain(value) -> bool:
    """A value `_binary` computes with (numbers, tuples, arrays, unknowns)."""
    return value is UNKNOWN or value is None or isinstance(value, (int, float, str, tuple, arrays.Array))


def _binary(op: ast.operator, left, right):
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    if isinstance(left, arrays.Array) or isinstance(right, arrays.Array):
        return arrays.broadcast(left, right) if type(op) in _ARITHMETIC else UNKNOWN
    if isinstance(left, tuple) and isinstance(right, tuple) and isinstance(op, ast.Add):
        return left + right if len(left) + len(right) <= MAX_SEQUENCE else UNKNOWN
    if isinstance(left, tuple) and isinstance(op, ast.Mult) and isinstance(right, int) \
            and not isinstance(right, bool):
        return left * right if 0 <= len(left) * right <= MAX_SEQUENCE else UNKNOWN
    if not (_number(left) and _number(right)):
        return UNKNOWN
    function = _ARITHMETIC.get(type(op))
    return UNKNOWN if function is None else function(left, right)


def _loss(qualname: Optional[str], kwargs: tuple, called: bool):
    """A `Loss` for ``keras.losses.<Name>`` (a class called, or a function named), else
    UNKNOWN.  Arguments of a loss class are kept when they are all evaluated."""
    path = keras_path(qualname) if qualname else None
    if not path or len(path) < 2 or path[-2] != "losses" or path[0] not in ("losses", "src"):
        return UNKNOWN
    name = path[-1]
    if called != name[:1].isupper():
        return UNKNOWN  # ``CategoricalCrossentropy`` named but not called: not a loss yet
    return Loss(name, tuple(kwargs), called)


def _constant_node(name: str, scope) -> Optional[ast.expr]:
    """The expression ``name`` is bound to once, as a constant of its scope."""
    how = scope.binding(name)
    return how[1] if how[0] == "const" and isinstance(how[1], ast.expr) else None


def _unpacked(target: ast.expr, value) -> Optional[dict]:
    """The names a ``for`` target binds to ``value`` (``name, shape`` unpacks a pair)."""
    if isinstance(target, ast.Name):
        return {target.id: value}
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, tuple) \
            and len(value) == len(target.elts):
        names = {}
        for element, item in zip(target.elts, value):
            inner = _unpacked(element, item)
            if inner is None:
                return None
            names.update(inner)
        return names
    return None


_DICT_VIEWS = {"items": lambda d: tuple(d.items()), "values": lambda d: tuple(d.values()),
               "keys": lambda d: tuple(d)}


def _range(args: tuple, kwargs: tuple):
    if kwargs or not 1 <= len(args) <= 3 or not all(
            isinstance(a, int) and not isinstance(a, bool) for a in args) or args[-1] == 0 and len(args) == 3:
        return UNKNOWN
    values = range(*args)
    return tuple(values) if len(values) <= MAX_SEQUENCE else UNKNOWN


def _length(args: tuple, kwargs: tuple):
    """``len(x)`` of an array of known shape or a known tuple."""
    if len(args) != 1 or kwargs:
        return UNKNOWN
    value = args[0]
    if isinstance(value, arrays.Array):
        return value.shape[0] if value.shape else UNKNOWN
    return len(value) if isinstance(value, tuple) else UNKNOWN


def _as_tuple(args: tuple, kwargs: tuple):
    """``tuple(y.shape)``, ``list(inputs.values())``: a sequence we know is a tuple
    already."""
    if len(args) != 1 or kwargs:
        return UNKNOWN
    return args[0] if isinstance(args[0], (tuple, ObservedShape)) else UNKNOWN


#: Builtins whose result we can know (when the file does not rebind their names).
_BUILTINS = {"len": _length, "tuple": _as_tuple, "list": _as_tuple, "range": _range}
_MISSING = object()

_COMPARISONS = {
    ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
}


class Evaluator:
    """Turns expressions into Python values, `LayerCall`s, or UNKNOWN."""

    def __init__(self, lines: List[str]):
        self.lines = lines
        self._exact = False  # while evaluating: each call gets its own position

    def source_of(self, node: ast.expr) -> Optional[str]:
        """The exact source text of an ast expression (ast.get_source_segment, without
        re-splitting the file for every call)."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                return _chars(self.lines[first], node.col_offset, node.end_col_offset)
            parts = [_chars(self.lines[first], node.col_offset, None)]
            parts.extend(self.lines[first + 1:last])
            parts.append(_chars(self.lines[last], 0, node.end_col_offset))
            return "".join(parts)
        except (AttributeError, IndexError, TypeError):
            return None

    def evaluate(self, node: Optional[ast.expr], scope, position: Optional[Tuple[int, int]] = None,
                 exact: bool = False):
        """Evaluate an ast expression in ``scope``; layer calls get ``position``
        (default: the expression's own start), or with ``exact`` each call its own."""
        if node is None:
            return UNKNOWN
        if position is None:
            position = (node.lineno, node.col_offset)
        saved = self._exact
        self._exact = exact
        try:
            return self._eval(node, scope, position)
        except RecursionError:
            return UNKNOWN
        finally:
            self._exact = saved

    def _eval(self, node: ast.AST, scope, position):
        kind = type(node)
        if kind is ast.Constant:
            value = node.value
            if isinstance(value, (bool, str)) or value is None:
                return value
            return _bounded(value) if isinstance(value, (int, float)) else UNKNOWN
        if kind is ast.Name:
            value = scope.value(node.id)
            if value is UNKNOWN and scope.binding(node.id)[0] == "import":
                return _loss(scope.qualified_name(node.id), (), False)  # ``loss=categorical_crossentropy``
            return value
        if kind is ast.Call:
            return self._call(node, scope, position)
        if kind is ast.Tuple or kind is ast.List:
            if len(node.elts) > MAX_SEQUENCE or any(type(e) is ast.Starred for e in node.elts):
                return UNKNOWN
            return tuple(self._eval(e, scope, position) for e in node.elts)
        if kind is ast.Attribute:
            return self._attribute(node, scope, position)
        if kind is ast.UnaryOp:
            value = self._eval(node.operand, scope, position)
            if not _number(value):
                return UNKNOWN
            if isinstance(node.op, ast.USub):
                return -value
            return value if isinstance(node.op, ast.UAdd) else UNKNOWN
        if kind is ast.BinOp:
            left = self._eval(node.left, scope, position)
            right = self._eval(node.right, scope, position)
            hook = getattr(scope, "arithmetic", None)  # tensors, in a FlowScope
            if hook is not None and not (_plain(left) and _plain(right)):
                if self._exact:
                    position = (node.lineno, node.col_offset)
                return hook(type(node.op).__name__, left, right, position)
            return _bounded(_binary(node.op, left, right))
        if kind is ast.Compare:
            return self._compare(node, scope, position)
        if kind is ast.BoolOp:
            values = [self._eval(v, scope, position) for v in node.values]
            if not all(isinstance(v, bool) for v in values):
                return UNKNOWN
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if kind is ast.Subscript:
            return self._subscript(node, scope, position)
        if kind is ast.Dict:
            return self._dict(node, scope, position)
        if kind is ast.ListComp or kind is ast.DictComp:
            return self._comprehension(node, scope, position)
        if kind is ast.IfExp:
            test = self._eval(node.test, scope, position)
            if not isinstance(test, bool):
                return UNKNOWN
            return self._eval(node.body if test else node.orelse, scope, position)
        return UNKNOWN

    def _comprehension(self, node, scope, position):
        """``[branch(x, k) for k in SIZES]`` / ``{name: Input(s) for name, s in specs.items()}``
        over a known sequence (one ``for``, no ``if``), where tensors flow (a scope that
        can bind the variables).  Each ``Input(...)`` it makes is a tensor of its own."""
        bind = getattr(scope, "with_values", None)
        if bind is None or len(node.generators) != 1:
            return UNKNOWN
        loop = node.generators[0]
        if loop.ifs or loop.is_async:
            return UNKNOWN
        values = self._eval(loop.iter, scope, position)
        if not isinstance(values, tuple):
            return UNKNOWN
        results = []
        for value in values:
            names = _unpacked(loop.target, value)
            if names is None:
                return UNKNOWN
            inner = bind(names)
            if type(node) is ast.DictComp:
                key = self._eval(node.key, inner, position)
                if not isinstance(key, str):
                    return UNKNOWN
                results.append((key, scope.graph.fresh(self._eval(node.value, inner, position))))
            else:
                results.append(scope.graph.fresh(self._eval(node.elt, inner, position)))
        return dict(results) if type(node) is ast.DictComp else tuple(results)

    def _attribute(self, node: ast.Attribute, scope, position):
        """``x.shape`` of a known array, ``iris.data`` of a dataset, ``np.newaxis``,
        ``model.output_shape``, ``y.shape`` of a prediction: the values claims, feeds
        and declared inputs are made of."""
        if not isinstance(node.value, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
            return UNKNOWN
        dotted = dotted_name(node)
        qualname = scope.qualified_name(dotted) if dotted is not None else None
        if qualname in ("numpy.newaxis", "tensorflow.newaxis"):
            return None
        loss = _loss(qualname, (), False)
        if loss is not UNKNOWN:
            return loss  # ``loss=keras.losses.categorical_crossentropy``
        return self._member(self._eval(node.value, scope, position), node.attr, scope)

    def _member(self, base, attr: str, scope):
        """``base.attr`` for a value already evaluated."""
        if isinstance(base, arrays.Array):
            if attr == "shape":
                return base.shape
            if attr == "ndim":
                return len(base.shape)
            if attr == "T":
                return arrays.Array(base.shape[::-1])
        if isinstance(base, dict) and attr in base and isinstance(base[attr], arrays.Array):
            return base[attr]  # a scikit-learn Bunch: ``iris.data``
        hook = getattr(scope, "attribute", None)
        if hook is None:
            return UNKNOWN
        return hook(base, attr)

    def _dict(self, node: ast.Dict, scope, position):
        if len(node.keys) > MAX_SEQUENCE:
            return UNKNOWN
        result = {}
        for key_node, value_node in zip(node.keys, node.values):
            key = self._eval(key_node, scope, position) if key_node is not None else UNKNOWN
            if not isinstance(key, str):  # ``**other`` has no key node
                return UNKNOWN
            result[key] = self._eval(value_node, scope, position)
        return result

    def _compare(self, node: ast.Compare, scope, position):
        """Chained numeric comparisons (``i < N - 1``), e.g. for ``return_sequences``."""
        left = self._eval(node.left, scope, position)
        for op, comparator in zip(node.ops, node.comparators):
            right = self._eval(comparator, scope, position)
            test = _COMPARISONS.get(type(op))
            if test is None or not (_number(left) and _number(right)):
                return UNKNOWN
            if not test(left, right):
                return False
            left = right
        return True

    def _subscript(self, node: ast.Subscript, scope, position):
        container = self._eval(node.value, scope, position)
        index = node.slice
        if isinstance(container, arrays.Identity) and not isinstance(index, (ast.Tuple, ast.Slice)):
            ids = self._eval(index, scope, position)
            if isinstance(ids, arrays.Array):
                return arrays.rows(container, ids)  # ``np.eye(10)[y]``
        if isinstance(container, arrays.Array):
            items = index.elts if isinstance(index, ast.Tuple) else [index]
            values = tuple(self._index_item(item, scope, position) for item in items)
            if any(v is UNKNOWN for v in values):
                return UNKNOWN
            return arrays.index(container, values)
        if isinstance(container, dict):
            key = self._eval(index, scope, position)
            return container.get(key, UNKNOWN) if isinstance(key, str) else UNKNOWN
        if not isinstance(container, tuple):
            return UNKNOWN
        if isinstance(index, ast.Slice):
            bounds = [None if part is None else self._eval(part, scope, position)
                      for part in (index.lower, index.upper, index.step)]
            if all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds) \
                    and bounds[2] != 0:
                return container[slice(*bounds)]
            return UNKNOWN
        if isinstance(index, ast.Tuple):
            return UNKNOWN  # ``a[1, 2]``: not a tuple index
        i = self._eval(index, scope, position)
        if isinstance(i, int) and not isinstance(i, bool) and -len(container) <= i < len(container):
            return container[i]
        return UNKNOWN

    def _index_item(self, item: ast.expr, scope, position):
        """One item of an array index: a ``slice``, an int, None (new axis) or Ellipsis."""
        if isinstance(item, ast.Slice):
            bounds = [None if part is None else self._eval(part, scope, position)
                      for part in (item.lower, item.upper, item.step)]
            if all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds) \
                    and bounds[2] != 0:
                return slice(*bounds)
            return UNKNOWN
        if isinstance(item, ast.Constant) and item.value is Ellipsis:
            return arrays.ELLIPSIS
        value = self._eval(item, scope, position)
        if value is None or (isinstance(value, int) and not isinstance(value, bool)):
            return value
        return UNKNOWN

    def _call(self, node: ast.Call, scope, position):
        callee = dotted_name(node.func)
        qualname = scope.qualified_name(callee) if callee else None
        kind = keras_class(qualname) if qualname else None
        if self._exact:
            position = (node.lineno, node.col_offset)
        arguments = self._arguments(node, scope, position)
        if kind is not None:
            if arguments is None:
                return LayerCall(kind, line=position[0], col=position[1], is_keras=False)
            return LayerCall(kind, arguments[0], arguments[1], position[0], position[1],
                             fixed=self._declared_fixed(node, kind, scope))
        factory = self._factory(node, scope) if kind is None and qualname is None else None
        if factory is not None and arguments is not None:  # ``DefaultConv2D(filters=64)``
            args, kwargs = factory.layer_arguments(*arguments)
            return LayerCall(factory.kind, args, kwargs, position[0], position[1],
                             fixed=self._declared_fixed(node, factory.kind, scope))
        if qualname == "functools.partial" and arguments is not None and node.args:
            bound = dotted_name(node.args[0])
            bound = scope.qualified_name(bound) if bound else None
            layer_kind = keras_class(bound) if bound else None
            if layer_kind is not None and layer_kind not in (SEQUENTIAL, "Input"):
                return LayerFactory(layer_kind, arguments[0][1:], arguments[1])
        if qualname is not None:
            if data.known_function(qualname):
                return UNKNOWN if arguments is None else data.call(qualname, *arguments)
            loss = _loss(qualname, arguments[1] if arguments else (), True)
            if loss is not UNKNOWN:
                return loss if arguments is not None and not arguments[0] else UNKNOWN
        elif callee in _BUILTINS and scope.binding(callee)[0] == "free":
            return UNKNOWN if arguments is None else _BUILTINS[callee](*arguments)
        target = _MISSING
        if qualname is None and type(node.func) is ast.Attribute:
            base = self._eval(node.func.value, scope, position)
            if isinstance(base, arrays.Array):
                return UNKNOWN if arguments is None else arrays.method(base, node.func.attr, *arguments)
            if isinstance(base, pipelines.Samples):
                return UNKNOWN if arguments is None else pipelines.method(base, node.func.attr, *arguments)
            if isinstance(base, data.Scaler) and node.func.attr in ("fit_transform", "transform") \
                    and arguments is not None and len(arguments[0]) == 1 \
                    and isinstance(arguments[0][0], arrays.Array):
                return arguments[0][0]
            if isinstance(base, dict) and node.func.attr in _DICT_VIEWS and arguments == ((), ()):
                return _DICT_VIEWS[node.func.attr](base)
            target = self._member(base, node.func.attr, scope)
        hook = getattr(scope, "call", None)  # the functional API, in a FlowScope
        if hook is None or arguments is None:
            return UNKNOWN
        return hook(node, callee, qualname, arguments, position,
                    *(() if target is _MISSING else (target,)))

    @staticmethod
    def _factory(node: ast.Call, scope) -> Optional[LayerFactory]:
        """The `LayerFactory` a call's plain-name callee is bound to, if it is one."""
        if type(node.func) is not ast.Name or scope.binding(node.func.id)[0] != "const":
            return None
        value = scope.value(node.func.id)
        return value if isinstance(value, LayerFactory) else None

    def _declared_fixed(self, node: ast.Call, kind: str, scope) -> Tuple[int, ...]:
        """The positions of the input shape a layer call declares (as `input_shape_of`
        reads it) whose sizes are fixed but unknown to us."""
        named = {k.arg: k.value for k in node.keywords if k.arg}
        batch = named.get("batch_input_shape")
        if kind in ("Input", "InputLayer"):
            batch = named.get("batch_shape", batch)
            shape = node.args[0] if node.args else named.get("shape", named.get("input_shape"))
        elif "input_dim" in named and kind != "Embedding":
            return (0,) if self.fixed_size(named["input_dim"], scope) else ()
        else:
            shape = named.get("input_shape")
        if batch is not None:
            return tuple(p - 1 for p in self.fixed_positions(batch, scope) if p > 0)
        return self.fixed_positions(shape, scope) if shape is not None else ()

    def fixed_positions(self, node: ast.expr, scope) -> Tuple[int, ...]:
        """In a shape written as a tuple (or a name bound once to one), the positions
        whose size is fixed but unknown: ``(X.shape[1], X.shape[2])``."""
        for _ in range(8):  # a name bound to a name bound to the tuple
            if not isinstance(node, ast.Name):
                break
            node = _constant_node(node.id, scope)
        if not isinstance(node, (ast.Tuple, ast.List)):
            return ()
        return tuple(i for i, element in enumerate(node.elts) if self.fixed_size(element, scope))

    def fixed_size(self, node: ast.expr, scope, depth: int = 0) -> bool:
        """Is ``node`` an integer Python fixes when it runs, whose value we do not know?
        ``X.shape[1]`` of data that is not a Keras tensor, ``len(x)``, arithmetic on
        them, a name bound once to one.  A parameter, which may be None, is not."""
        if depth > 8 or any(isinstance(sub, ast.Call) and not (
                isinstance(sub.func, ast.Name) and sub.func.id in ("len", "int"))
                for sub in ast.walk(node)):
            return False  # evaluating other calls could run a model on data twice
        if self._eval(node, scope, (0, 0)) is not UNKNOWN:
            return False
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "shape":
            index = self._eval(node.slice, scope, (0, 0))
            base = self._eval(node.value.value, scope, (0, 0))
            return isinstance(index, int) and not isinstance(index, bool) and base is UNKNOWN
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("len", "int") and len(node.args) == 1 and not node.keywords \
                and scope.binding(node.func.id)[0] == "free":
            return node.func.id == "len" or self.fixed_size(node.args[0], scope, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv)):
            parts = (node.left, node.right)
            return all(self.fixed_size(p, scope, depth + 1) or isinstance(
                self._eval(p, scope, (0, 0)), int) for p in parts)
        if isinstance(node, ast.Name):
            bound = _constant_node(node.id, scope)
            return bound is not None and self.fixed_size(bound, scope, depth + 1)
        return False

    def _arguments(self, node: ast.Call, scope, position):
        """``(args, kwargs)`` evaluated, or None for ``*args``/``**kwargs`` calls."""
        args = []
        for arg in node.args:
            if type(arg) is ast.Starred:
                return None
            args.append(self._eval(arg, scope, position))
        kwargs = []
        for keyword in node.keywords:
            if keyword.arg is None:
                if isinstance(node.func, ast.Attribute) and node.func.attr == "__init__":
                    continue  # ``super().__init__(inputs, outputs, **kwargs)``: config only
                return None
            kwargs.append((keyword.arg, self._eval(keyword.value, scope, position)))
        return tuple(args), tuple(kwargs)

    def callee(self, node: ast.Call, scope, position):
        """The value a call's callee evaluates to (a layer, a model...)."""
        return self._eval(node.func, scope, position)


def _chars(line: str, start: int, end: Optional[int]) -> str:
    """``line[start:end]`` for ast's UTF-8 byte offsets."""
    if line.isascii():
        return line[start:end]
    return line.encode("utf-8")[start:end].decode("utf-8", "replace")
