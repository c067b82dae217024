"""Discovery: source code -> `ModelDescription`s, without executing anything."""

from __future__ import annotations

import ast
import re
from typing import List, Optional

from ..config import Options, active, using
from ..model import ModelDescription
from .markers import MODEL_MARKERS

#: Every Keras spelling contains this text; files without it cost one substring scan.
KERAS_MARKER = "keras"
#: Larger sources are not analysed: five times the largest Keras file of our real-code
#: corpus (46 kB), and small enough that a whole flake8 run on one stays under 200 MB
#: (flake8 alone takes 164 MB on 500 kB of dense layer calls, our analysis 66 MB more).
MAX_SOURCE_CHARS = 250_000


#: Without the word "keras" a file can still be a snippet pasted without its imports.
_BARE_MODEL = re.compile(r"\b(?:Sequential|Model|Input)\s*\(")


def may_define_models(source: str, assume_keras: Optional[bool] = None) -> bool:
    """The cheap pre-check: can this text define a Keras model we analyse?  Text
    without "keras" must call ``Sequential(``/``Model(``/``Input(`` by a bare name,
    unless the options say bare names are not Keras's."""
    if len(source) > MAX_SOURCE_CHARS:
        return False
    if KERAS_MARKER in source:
        return any(marker in source for marker in MODEL_MARKERS)
    if assume_keras is None:
        assume_keras = active().assume_keras
    return assume_keras and _BARE_MODEL.search(source) is not None


def discover(source: str, tree: Optional[ast.Module] = None, lines: Optional[List[str]] = None,
             options: Optional[Options] = None) -> List[ModelDescription]:
    """All Keras models defined in ``source``; [] for files that cannot be parsed.
    ``options`` (None: the active ones) say which user classes are Dense-like."""
    with using(options):
        return _discover(source, tree, lines)


def _discover(source: str, tree: Optional[ast.Module],
              lines: Optional[List[str]]) -> List[ModelDescription]:
    if not may_define_models(source):
        return []
    from .analysis import Analysis

    if tree is None:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return []
    if lines is None:
        lines = source.splitlines(keepends=True)
    try:
        return Analysis(tree, lines).run()
    except RecursionError:
        return []
