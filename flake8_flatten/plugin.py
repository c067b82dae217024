"""The flake8 front-end: thin, and it never raises into flake8."""

from __future__ import annotations

import ast
from typing import Iterator, List, Tuple

from . import __version__
from .discovery import may_define_models


class FlattenChecker:
    name = "flake8-flatten"
    version = __version__

    def __init__(self, tree: ast.Module, lines: List[str]):
        self.tree = tree
        self.lines = lines

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        source = "".join(self.lines)
        if not may_define_models(source):  # the cheap pre-check: no Keras model, no cost
            return
        from .rules import lint

        try:
            findings = lint(source, self.tree, self.lines)
        except Exception:  # never crash flake8; tests call lint() directly and see errors
            return
        for finding in findings:
            yield finding.line, finding.col, str(finding), type(self)
