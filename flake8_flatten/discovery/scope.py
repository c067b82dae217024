"""What each name means in a scope: a Keras import, a constant we can evaluate, or unknown.

Bindings come from the `ast` tree flake8 already built (cheap); a name is a
constant only if its scope binds it exactly once, by a plain assignment at the top
level of the scope body.  Anything else (loops, augmented assignment, conditional
assignment, parameters) makes it unknown: never a guess.
"""

from __future__ import annotations

import ast
from typing import Dict, List, Optional, Tuple

from ..config import active
from ..model import UNKNOWN
from .evaluate import dotted_name
from .names import bare_keras, keras_class, not_keras_module

_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _match_names(pattern) -> List[str]:
    """Names a ``case`` pattern captures."""
    return [n.name for n in ast.walk(pattern) if getattr(n, "name", None) and isinstance(n.name, str)] + \
        [n.rest for n in ast.walk(pattern) if isinstance(getattr(n, "rest", None), str)]


#: List methods that change a list in place.
MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort"})


def mutated_name(node: ast.expr) -> Optional[str]:
    """``heads`` for ``heads.append(...)``-like calls, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name):
        return node.func.value.id
    return None


class Scope:
    """A module, function or class body; bindings are collected on first lookup."""

    def __init__(self, body: List[ast.stmt], parent: Optional["Scope"], evaluator,
                 params: Tuple[str, ...] = (), walrus: bool = True):
        self.body = body
        self.walrus = walrus  # the file contains ":=" somewhere
        self.parent = parent
        self.evaluator = evaluator
        self.params = params
        self._bindings: Optional[Dict[str, list]] = None
        self._stars: List[str] = []
        self._values: Dict[str, object] = {}
        self._evaluating: set = set()
        self._qualified: Dict[str, Optional[str]] = {}  # bindings never change: cache
        self._aliasing: set = set()

    # -- binding collection -------------------------------------------------------

    def _collect(self) -> Dict[str, list]:
        if self._bindings is None:
            self._bindings = {}
            for name in self.params:
                self._bind(name, ("other",))
            for stmt in self.body:
                self._visit(stmt, top=True)
        return self._bindings

    def _bind(self, name: str, how: tuple) -> None:
        self._bindings.setdefault(name, []).append(how)

    def _bind_target(self, target: ast.expr, how: tuple) -> None:
        if isinstance(target, ast.Name):
            self._bind(target.id, how)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self._bind_target(elt, ("other",))
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, ("other",))

    def _visit(self, node: ast.stmt, top: bool) -> None:
        """Record what a statement binds, then the statements nested in it.  Expressions
        bind nothing (comprehensions and lambdas are their own scopes) except ``:=``,
        which `Scope` looks for only in files that contain it."""
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self._bind_import(node)
        elif isinstance(node, _NESTED):
            if top and isinstance(node, ast.FunctionDef):
                self._bind(node.name, ("function", node))
            elif isinstance(node, ast.ClassDef):  # a class of the file: its bare name
                self._bind(node.name, ("class", node.name))
            else:
                self._bind(node.name, ("other",))
            return
        elif isinstance(node, ast.Assign):
            self._bind_assign(node.targets, node.value, top)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self._bind_assign([node.target], node.value, top)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            self._bind_target(node.target, ("other",))
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            self._bind_target(node.target, ("other",))
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    self._bind_target(item.optional_vars, ("other",))
        elif isinstance(node, ast.Expr) and mutated_name(node.value):
            self._bind(mutated_name(node.value), ("other",))  # heads.append(...): not a constant
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                self._bind(name, ("other",))
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                self._bind_target(target, ("other",))
        if self.walrus:
            for child in ast.walk(node):
                if isinstance(child, ast.NamedExpr):
                    self._bind_target(child.target, ("other",))
        for field in ("body", "orelse", "finalbody"):
            for child in getattr(node, field, ()):
                self._visit(child, top=False)
        for handler in getattr(node, "handlers", ()):
            if handler.name:
                self._bind(handler.name, ("other",))
            for child in handler.body:
                self._visit(child, top=False)
        for case in getattr(node, "cases", ()):
            for name in _match_names(case.pattern):
                self._bind(name, ("other",))
            for child in case.body:
                self._visit(child, top=False)

    def _bind_assign(self, targets, value, top: bool) -> None:
        if top and len(targets) == 1 and isinstance(targets[0], ast.Name):
            self._bind(targets[0].id, ("const", value))
            return
        target = targets[0] if len(targets) == 1 else None
        if (top and isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List))
                and len(target.elts) == len(value.elts)
                and all(isinstance(e, ast.Name) for e in target.elts)):
            for name, elt in zip(target.elts, value.elts):
                self._bind(name.id, ("const", elt))
            return
        for t in targets:
            self._bind_target(t, ("other",))

    def _bind_import(self, node) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self._bind(alias.asname, ("import", alias.name))
                else:
                    top = alias.name.split(".")[0]
                    self._bind(top, ("import", top))
            return
        if node.level or not node.module:
            for alias in node.names:
                self._bind(alias.asname or alias.name, ("other",))
            return
        for alias in node.names:
            if alias.name == "*":
                self._stars.append(node.module)
            else:
                self._bind(alias.asname or alias.name, ("import", f"{node.module}.{alias.name}"))

    # -- lookups ------------------------------------------------------------------

    def binding(self, name: str) -> tuple:
        """``("import", qualname)``, ``("const", ast_node)``, ``("class", name)``,
        ``("function", node)``, ``("other",)`` or ``("free",)``."""
        how = self._collect().get(name)
        if how:
            if len(how) == 1:
                return how[0]
            if all(h[0] == "import" for h in how) and len({h[1] for h in how}) == 1:
                return how[0]
            return ("other",)
        if self.parent is not None:
            return self.parent.binding(name)
        return ("free",)

    def bound_once(self, name: str) -> bool:
        """Does this scope bind ``name`` exactly once?"""
        return len(self._collect().get(name, ())) == 1

    def qualified_name(self, dotted: str) -> Optional[str]:
        """The imported thing ``a.b.c`` refers to, or None when ``a`` is not an import."""
        cache = self._qualified
        if dotted not in cache:
            cache[dotted] = self._qualify(dotted)
        return cache[dotted]

    def _qualify(self, dotted: str) -> Optional[str]:
        head, _, rest = dotted.partition(".")
        how = self.binding(head)
        if how[0] in ("import", "class"):  # a local class qualifies only as Dense-like
            return how[1] + ("." + rest if rest else "")
        if how[0] == "const":
            return self._alias(head, rest)
        if how[0] == "free":
            stars = self.star_modules()
            for module in stars:  # the star import that provides it
                if keras_class(f"{module}.{dotted}") is not None:
                    return f"{module}.{dotted}"
            if active().assume_keras and not any(not_keras_module(m) for m in stars):
                return bare_keras(dotted)
        return None

    def _alias(self, head: str, rest: str) -> Optional[str]:
        """``L = tf.keras.layers`` / ``Dense = layers.Dense``: a name assigned once a
        dotted name qualifies as that name (in the scope that assigns it)."""
        owner = self._owner(head)
        how = owner.binding(head) if owner is not None else ("free",)
        target = dotted_name(how[1]) if how[0] == "const" and how[1] is not None else None
        if target is None or head in owner._aliasing:
            return None
        owner._aliasing.add(head)  # ``a = b; b = a`` ends
        try:
            qualified = owner.qualified_name(target)
        finally:
            owner._aliasing.discard(head)
        return None if qualified is None else qualified + ("." + rest if rest else "")

    def _owner(self, name: str) -> Optional["Scope"]:
        scope: Optional[Scope] = self
        while scope is not None:
            if name in scope._collect():
                return scope
            scope = scope.parent
        return None

    def function(self, name: str):
        """``(FunctionDef, defining scope)`` when ``name`` is a function defined once
        at the top level of a scope (a helper we may follow into), else None."""
        scope: Optional[Scope] = self
        while scope is not None:
            how = scope._collect().get(name)
            if how:
                if len(how) == 1 and how[0][0] == "function":
                    return how[0][1], scope
                return None
            scope = scope.parent
        return None

    def star_modules(self) -> List[str]:
        scope: Optional[Scope] = self
        found = []
        while scope is not None:
            scope._collect()
            found.extend(scope._stars)
            scope = scope.parent
        return found

    def value(self, name: str):
        """The evaluated constant bound to ``name``, or UNKNOWN (an enclosing flow
        scope answers with the value its straight-line code reached)."""
        if self._collect().get(name):
            return self._own_value(name)
        return UNKNOWN if self.parent is None else self.parent.value(name)

    def _own_value(self, name: str):
        if name in self._values:
            return self._values[name]
        how = self.binding(name)
        if how[0] != "const" or name in self._evaluating:
            return UNKNOWN  # not a constant, or a recursive definition (A = B; B = A)
        self._evaluating.add(name)
        try:
            result = self.evaluator.evaluate(how[1], self, exact=True)
        finally:
            self._evaluating.discard(name)
        self._values[name] = result
        return result
