"""Diagnostics: model descriptions + shapes -> findings.  Messages are data.

Each rule is one module, ``fltNNN.py``, holding its ``RULE`` (code, documentation) and
its ``check``; `registry.RULES` lists them for `lint`, the catalog and the docs.
"""

from __future__ import annotations

import ast
from typing import List, Optional

from ..config import Options, using
from ..discovery import discover
from ..shapes.engine import run_model
from .finding import Finding, suppressed
from .registry import RULES

__all__ = ["Finding", "lint", "suppressed"]


def lint(source: str, tree: Optional[ast.Module] = None, lines: Optional[List[str]] = None,
         options: Optional[Options] = None) -> List[Finding]:
    """Every finding in one file's source, sorted by position, under ``options``
    (None: the active ones, by default `Options()`)."""
    with using(options):
        models = discover(source, tree, lines)
        if not models:
            return []
        findings = []
        for model in models:
            run = run_model(model)  # inferred once; FLT002/FLT003 run the model on other data too
            for rule in RULES:
                findings.extend(rule.check(model, run))
        return sorted(set(findings))
