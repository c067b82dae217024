"""Shape claims the code states: ``assert y.shape == (1, 4)``, ``assertEqual(...)``.

A claim on a model's observed shape becomes a `Claim` on that model (FLT002 judges it).
"""

from __future__ import annotations

import ast

from ..model import Claim
from .values import ObservedShape

#: unittest / numpy.testing spellings of a claim ``assertEqual(y.shape, (1, 4))``.
_ASSERT_EQUAL = frozenset({"assertEqual", "assertEquals", "assertTupleEqual",
                           "assert_equal", "assert_array_equal"})


class ShapeClaims:
    """The walker's part that reads claims (a mixin of `walker.ScopeWalker`)."""

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
