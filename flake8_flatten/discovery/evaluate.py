"""Evaluate the expressions that become model data, without executing anything.

The `ast` tree locates an expression; its source text is parsed with libcst and
walked here.  Only literals, names bound to constants, simple arithmetic,
tuple building/indexing and Keras layer constructor calls are understood; every
other expression is UNKNOWN.  Nothing from the linted file is ever executed.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import List, Optional, Tuple

import libcst as cst

from ..model import UNKNOWN, LayerCall
from .names import keras_class

#: Bounds that keep evaluation cheap whatever the code says.
MAX_INT = 2 ** 62
MAX_SEQUENCE = 4096


@lru_cache(maxsize=4096)
def _parse(text: str) -> Optional[cst.BaseExpression]:
    try:
        return cst.parse_expression("(" + text + "\n)")
    except Exception:  # libcst's parser errors, recursion limits: unknown, never a crash
        return None


def dotted_name(node: cst.CSTNode) -> Optional[str]:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
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


def _binary(op: cst.BaseBinaryOp, left, right):
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    if isinstance(left, tuple) and isinstance(right, tuple) and isinstance(op, cst.Add):
        return left + right if len(left) + len(right) <= MAX_SEQUENCE else UNKNOWN
    if isinstance(left, tuple) and isinstance(op, cst.Multiply) and isinstance(right, int) \
            and not isinstance(right, bool):
        return left * right if 0 <= len(left) * right <= MAX_SEQUENCE else UNKNOWN
    if not (_number(left) and _number(right)):
        return UNKNOWN
    if isinstance(op, cst.Add):
        return left + right
    if isinstance(op, cst.Subtract):
        return left - right
    if isinstance(op, cst.Multiply):
        return left * right
    if isinstance(op, cst.FloorDivide):
        return left // right if right else UNKNOWN
    if isinstance(op, cst.Modulo):
        return left % right if right else UNKNOWN
    if isinstance(op, cst.Divide):
        return left / right if right else UNKNOWN
    if isinstance(op, cst.Power):
        if isinstance(left, int) and isinstance(right, int) and 0 <= right <= 64 \
                and abs(left).bit_length() * right <= 64:
            return left ** right
        return UNKNOWN
    return UNKNOWN


_COMPARISONS = {
    cst.LessThan: lambda a, b: a < b,
    cst.LessThanEqual: lambda a, b: a <= b,
    cst.GreaterThan: lambda a, b: a > b,
    cst.GreaterThanEqual: lambda a, b: a >= b,
    cst.Equal: lambda a, b: a == b,
    cst.NotEqual: lambda a, b: a != b,
}


class Evaluator:
    """Turns expressions into Python values, `LayerCall`s, or UNKNOWN."""

    def __init__(self, lines: List[str]):
        self.lines = lines
        self._positions: dict = {}  # id(cst Call) -> its (line, col), while evaluating

    def source_of(self, node: ast.expr) -> Optional[str]:
        """The exact source text of an ast expression (ast.get_source_segment, without
        re-splitting the file for every call)."""
        try:
            first, last = node.lineno - 1, node.end_lineno - 1
            if first == last:
                return self.lines[first][node.col_offset:node.end_col_offset]
            parts = [self.lines[first][node.col_offset:]]
            parts.extend(self.lines[first + 1:last])
            parts.append(self.lines[last][:node.end_col_offset])
            return "".join(parts)
        except (AttributeError, IndexError, TypeError):
            return None

    def evaluate(self, node: Optional[ast.expr], scope, position: Optional[Tuple[int, int]] = None,
                 exact: bool = False):
        """Evaluate an ast expression in ``scope``; layer calls get ``position``
        (default: the expression's own start), or with ``exact`` each call its own."""
        if node is None:
            return UNKNOWN
        text = self.source_of(node)
        tree = _parse(text) if text is not None else None
        if tree is None:
            return UNKNOWN
        if position is None:
            position = (node.lineno, node.col_offset)
        saved = self._positions
        self._positions = _call_positions(node, tree) if exact else {}
        try:
            return self._eval(tree, scope, position)
        except RecursionError:
            return UNKNOWN
        finally:
            self._positions = saved

    def _eval(self, node: cst.CSTNode, scope, position):
        ev = lambda n: self._eval(n, scope, position)  # noqa: E731
        if isinstance(node, cst.Integer):
            return _bounded(int(node.value.replace("_", ""), 0))
        if isinstance(node, cst.Float):
            return _bounded(float(node.value.replace("_", "")))
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            value = node.evaluated_value
            return value if isinstance(value, str) else UNKNOWN
        if isinstance(node, cst.Name):
            if node.value in ("True", "False", "None"):
                return {"True": True, "False": False, "None": None}[node.value]
            return scope.value(node.value)
        if isinstance(node, (cst.Tuple, cst.List)):
            if any(isinstance(e, cst.StarredElement) for e in node.elements) \
                    or len(node.elements) > MAX_SEQUENCE:
                return UNKNOWN
            return tuple(ev(e.value) for e in node.elements)
        if isinstance(node, cst.UnaryOperation):
            value = ev(node.expression)
            if not _number(value):
                return UNKNOWN
            if isinstance(node.operator, cst.Minus):
                return -value
            return value if isinstance(node.operator, cst.Plus) else UNKNOWN
        if isinstance(node, cst.BinaryOperation):
            return _bounded(_binary(node.operator, ev(node.left), ev(node.right)))
        if isinstance(node, cst.Comparison):
            return self._compare(node, scope, position)
        if isinstance(node, cst.BooleanOperation):
            left, right = ev(node.left), ev(node.right)
            if not (isinstance(left, bool) and isinstance(right, bool)):
                return UNKNOWN
            return (left and right) if isinstance(node.operator, cst.And) else (left or right)
        if isinstance(node, cst.Subscript):
            return self._subscript(node, scope, position)
        if isinstance(node, cst.Call):
            return self._call(node, scope, position)
        if isinstance(node, cst.Attribute):
            return self._attribute(node, scope, position)
        if isinstance(node, cst.Dict):
            return self._dict(node, scope, position)
        if isinstance(node, cst.ListComp):
            return self._comprehension(node, scope, position)
        if isinstance(node, cst.IfExp):
            test = ev(node.test)
            if not isinstance(test, bool):
                return UNKNOWN
            return ev(node.body if test else node.orelse)
        return UNKNOWN

    def _comprehension(self, node: cst.ListComp, scope, position):
        """``[branch(x, k) for k in SIZES]`` over a known sequence (one ``for``, no
        ``if``), where tensors flow (a scope that can bind the variable)."""
        loop = node.for_in
        bind = getattr(scope, "with_values", None)
        if bind is None or loop.inner_for_in is not None or loop.ifs or loop.asynchronous \
                or not isinstance(loop.target, cst.Name):
            return UNKNOWN
        values = self._eval(loop.iter, scope, position)
        if not isinstance(values, tuple):
            return UNKNOWN
        return tuple(self._eval(node.elt, bind({loop.target.value: v}), position) for v in values)

    def _attribute(self, node: cst.Attribute, scope, position):
        """``x.shape`` of a known array, ``model.output_shape``, ``y.shape`` of a
        prediction: the values claims and feeds are made of."""
        if not isinstance(node.value, (cst.Name, cst.Attribute, cst.Call)):
            return UNKNOWN
        hook = getattr(scope, "attribute", None)
        if hook is None:
            return UNKNOWN
        return hook(self._eval(node.value, scope, position), node.attr.value)

    def _dict(self, node: cst.Dict, scope, position):
        result = {}
        for element in node.elements:
            if not isinstance(element, cst.DictElement) or len(result) >= MAX_SEQUENCE:
                return UNKNOWN
            key = self._eval(element.key, scope, position)
            if not isinstance(key, str):
                return UNKNOWN
            result[key] = self._eval(element.value, scope, position)
        return result

    def _compare(self, node: cst.Comparison, scope, position):
        """Chained numeric comparisons (``i < N - 1``), e.g. for ``return_sequences``."""
        left = self._eval(node.left, scope, position)
        for target in node.comparisons:
            right = self._eval(target.comparator, scope, position)
            test = _COMPARISONS.get(type(target.operator))
            if test is None or not (_number(left) and _number(right)):
                return UNKNOWN
            if not test(left, right):
                return False
            left = right
        return True

    def _subscript(self, node: cst.Subscript, scope, position):
        container = self._eval(node.value, scope, position)
        if not isinstance(container, tuple) or len(node.slice) != 1:
            return UNKNOWN
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            i = self._eval(index.value, scope, position)
            if isinstance(i, int) and not isinstance(i, bool) and -len(container) <= i < len(container):
                return container[i]
            return UNKNOWN
        bounds = [None if part is None else self._eval(part, scope, position)
                  for part in (index.lower, index.upper, index.step)]
        if all(b is None or (isinstance(b, int) and not isinstance(b, bool)) for b in bounds) \
                and bounds[2] != 0:
            return container[slice(*bounds)]
        return UNKNOWN

    def _call(self, node: cst.Call, scope, position):
        callee = dotted_name(node.func)
        qualname = scope.qualified_name(callee) if callee else None
        kind = keras_class(qualname) if qualname else None
        position = self._positions.get(id(node), position)
        arguments = self._arguments(node, scope, position)
        if kind is None:
            if qualname is not None and qualname.startswith("numpy."):
                from . import arrays

                return UNKNOWN if arguments is None else arrays.construct(qualname[6:], *arguments)
            if qualname is not None and qualname.split(".")[0] in ("tensorflow", "keras"):
                from .arrays import SHAPED, construct_tensor

                function = qualname.partition(".")[2]
                if function in SHAPED:
                    return UNKNOWN if arguments is None else construct_tensor(function, *arguments)
            if callee == "tuple" and scope.binding("tuple")[0] == "free" and arguments is not None \
                    and len(arguments[0]) == 1 and not arguments[1]:
                from .functional import ObservedShape

                value = arguments[0][0]  # ``tuple(y.shape)``: a shape is a tuple already
                return value if isinstance(value, (tuple, ObservedShape)) else UNKNOWN
            hook = getattr(scope, "call", None)  # the functional API, in a FlowScope
            if hook is None or arguments is None:
                return UNKNOWN
            return hook(node, callee, qualname, arguments, position)
        if arguments is None:
            return LayerCall(kind, line=position[0], col=position[1], is_keras=False)
        return LayerCall(kind, arguments[0], arguments[1], position[0], position[1])

    def _arguments(self, node: cst.Call, scope, position):
        """``(args, kwargs)`` evaluated, or None for ``*args``/``**kwargs`` calls."""
        args, kwargs = [], []
        for arg in node.args:
            if arg.star:
                return None
            value = self._eval(arg.value, scope, position)
            if arg.keyword is None:
                args.append(value)
            else:
                kwargs.append((arg.keyword.value, value))
        return tuple(args), tuple(kwargs)

    def callee(self, node: cst.Call, scope, position):
        """The value a call's callee evaluates to (a layer, a model...)."""
        return self._eval(node.func, scope, position)


def _call_positions(node: ast.expr, tree: cst.CSTNode) -> dict:
    """Each libcst Call's source position, from the ast Calls of the same text: both
    trees list calls in source order, an outer call before the callee it starts with.
    The pairing is cached per parsed text (loops and helpers re-evaluate the same
    expressions) as offsets from the expression's start."""
    relative = _relative_positions(tree, node)
    if not relative:
        return {}
    line, col = node.lineno, node.col_offset
    return {key: (line + dl, (col + dc) if dl == 0 else dc) for key, (dl, dc) in relative.items()}


_RELATIVE: dict = {}


def _relative_positions(tree: cst.CSTNode, node: ast.expr) -> dict:
    key = id(tree)
    cached = _RELATIVE.get(key)
    if cached is not None and cached[0] is tree:
        return cached[1]
    ast_calls = sorted((n for n in ast.walk(node) if isinstance(n, ast.Call)),
                       key=lambda n: (n.lineno, n.col_offset, -n.end_lineno, -n.end_col_offset))
    relative = {}
    if len(ast_calls) >= 2:
        cst_calls = list(_calls_in_order(tree))
        if len(cst_calls) == len(ast_calls):
            for call, found in zip(cst_calls, ast_calls):
                dl = found.lineno - node.lineno
                relative[id(call)] = (dl, found.col_offset - node.col_offset if dl == 0 else found.col_offset)
    if len(_RELATIVE) > 4096:
        _RELATIVE.clear()
    _RELATIVE[key] = (tree, relative)  # the tree is kept alive with its entry
    return relative


def _calls_in_order(node: cst.CSTNode):
    """libcst Call nodes in source (pre-)order.  The node types expressions are made
    of are walked by hand: libcst's generic ``children`` runs its visitor machinery,
    which costs more than the evaluation itself."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Call):
            yield current
            stack.extend(reversed([arg.value for arg in current.args]))
            stack.append(current.func)
        elif isinstance(current, (cst.Name, cst.Integer, cst.Float, cst.SimpleString)):
            continue
        elif isinstance(current, cst.Attribute):
            stack.append(current.value)
        elif isinstance(current, (cst.Tuple, cst.List)):
            stack.extend(reversed([element.value for element in current.elements]))
        elif isinstance(current, cst.BinaryOperation):
            stack.extend((current.right, current.left))
        else:
            stack.extend(reversed(current.children))
