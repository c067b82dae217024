"""What one statement or expression contains, computed once per node.

Loops that are unrolled and helpers followed from many call sites revisit the same nodes
many times; the walker's questions about them (does this use a tensor? change a model?
call a Keras class?) are set lookups on these facts instead of fresh tree walks.
"""

from __future__ import annotations

import ast

from .evaluate import dotted_name
from .functional import FEED_METHODS
from .scope import mutated_name

_EXTENDING = frozenset({"add", "pop", "build"})

#: What makes a mention of a model matter: it runs on data or states its shape.
_MODEL_USES = FEED_METHODS | {"output_shape", "output", "compile"}


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
