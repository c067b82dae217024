"""What a fix is about and what became of it: the records planning and the codemod share."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from ..model import Shape
from ..rules import Finding

CODE = "FLT001"


@dataclass(frozen=True)
class Applied:
    """A fixed finding: ``layer`` was inserted, and the Dense, now at ``line``/``col``
    (col 0-based, as flake8 plugins report it), outputs ``output`` (NumPy-verified)."""

    finding: Finding
    layer: str
    line: int
    col: int
    output: Shape


@dataclass(frozen=True)
class Skipped:
    """A finding left as it is, and why."""

    finding: Finding
    reason: str


@dataclass
class FixResult:
    """The source with every accepted fix made, and what became of each finding."""

    source: str
    applied: List[Applied] = field(default_factory=list)
    skipped: List[Skipped] = field(default_factory=list)


class Unfixable(Exception):
    """A finding the codemod leaves alone; the message says why."""


@dataclass(frozen=True)
class Target:
    """One FLT001 finding to fix, in the model ``model`` (index in discovery order)."""

    model: int
    functional: bool
    finding: Finding
    layer: str
    promised: Shape  # the Dense's output once ``layer`` is before it
    #: the line where a Dense reported at its constructor (``self.head = Dense(..)`` in a
    #: class's ``__init__``) is applied, when the finding names it
    applied: Optional[int] = None

    @property
    def position(self) -> Tuple[int, int]:
        return self.finding.line, self.finding.col


def physical_lines(source: str) -> List[str]:
    """Lines as Python counts them (\\n, \\r\\n or \\r), endings kept."""
    return io.StringIO(source, newline="").readlines()


def char_col(line: str, byte_col: int) -> int:
    """ast's UTF-8 byte offset as a character offset (libcst's columns)."""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", "ignore"))


def byte_col(line: str, char_col: int) -> int:
    return len(line[:char_col].encode("utf-8"))
