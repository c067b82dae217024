"""How a test states the findings it expects (CONTRIBUTING.md, "Test layout").

Rule and discovery tests compare ``findings(source)``: the ``(line, col, code)`` of every
finding ``lint`` reports, in its order (``col`` 0-based, as flake8's column minus one), so a
missing, extra or moved finding fails.  ``messages`` gives the texts in the same order, for the
tests whose point is what a finding says.  Sources are dedented first, so a snippet may be
written indented inside a test.
"""

from __future__ import annotations

import textwrap
from typing import List, Optional, Tuple

from flake8_flatten.config import Options
from flake8_flatten.rules import lint


def _lint(source: str, codes: tuple, options: Optional[Options]) -> list:
    return [f for f in lint(textwrap.dedent(source), options=options) if not codes or f.code in codes]


def findings(source: str, *codes: str, options: Optional[Options] = None) -> List[Tuple[int, int, str]]:
    """``(line, col, code)`` of each finding on ``source``; only those of ``codes`` when given."""
    return [(f.line, f.col, f.code) for f in _lint(source, codes, options)]


def messages(source: str, *codes: str, options: Optional[Options] = None) -> List[str]:
    """The message of each finding on ``source``, in the order of ``findings``."""
    return [f.message for f in _lint(source, codes, options)]
