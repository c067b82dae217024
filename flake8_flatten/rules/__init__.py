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
    (None: the active ones, by default `Options()`).  Two models can state the same
    finding (a subclassed model is judged as a model and, through its layers, by the
    functional model applying it): one per line, column and code."""
    with using(options):
        models = discover(source, tree, lines)
        if not models:
            return []
        findings = {}
        for model in models:
            run = run_model(model)  # inferred once; FLT002/FLT003 run the model on other data too
            for rule in RULES:
                for finding in rule.check(model, run):
                    key = (finding.line, finding.col, finding.code)
                    if key not in findings or len(finding.message) > len(findings[key].message):
                        findings[key] = finding  # one finding per place: the fuller message
        return sorted(findings.values())
