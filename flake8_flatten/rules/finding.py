"""A finding, as every front-end reports it, and flake8's ``# noqa`` for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List


@dataclass(frozen=True, order=True)
class Finding:
    line: int  # 1-based
    col: int  # 0-based, as flake8 plugins report it
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


#: flake8's own ``# noqa`` syntax (flake8.defaults, whose name differs across versions).
_NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)


def suppressed(lines: List[str], finding: Finding) -> bool:
    """flake8 would not report it: ``# noqa`` (bare, or naming its code or a prefix of it)
    on its line.  The standalone front-end and ``fix`` honour it as flake8 does."""
    line = lines[finding.line - 1] if 0 < finding.line <= len(lines) else ""
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = re.findall(r"[A-Z]+[0-9]+", (match.group("codes") or "").upper())
    return not codes or any(finding.code.startswith(code) for code in codes)
