"""Jupyter notebooks as one Python source, with positions that map back to cells.

A notebook runs its code cells in order in one namespace (a model defined in one cell
gets ``model.add(...)`` in the next), so the code cells are joined into one source and
linted as a whole.  Every line of every code cell keeps its place in the joined text:
IPython syntax is replaced line for line by ``pass  # magic``, and a cell that still
does not parse is blanked (one empty line per line), so one broken cell does not hide
the models in the others.  Cells are numbered as nbQA numbers them: code cells only,
from 1 (markdown and raw cells are not counted).
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from typing import List, Tuple

#: Cell magics whose body is Python run in the notebook's own namespace; the body of any
#: other cell magic (%%bash, %%html, %%writefile, and %%python, which runs in a separate
#: process) is not part of the notebook's Python.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun"})

MAGIC_PLACEHOLDER = "pass  # magic"

_ESCAPED_LINE = re.compile(r"\s*[%!?]")  # %magic, %%magic, !shell, ?help, ??help
_ASSIGNED_FROM_MAGIC = re.compile(r"\s*[\w.,\s()\[\]*]+=\s*[%!]")  # files = !ls, out = %sx ls
_HELP_SUFFIX = re.compile(r"\s*[\w.*\[\]]+\?{1,2}\s*$")  # model.summary?  keras.layers.*??


class NotebookError(ValueError):
    """The file is not a notebook nbformat can read."""


@dataclass(frozen=True)
class NotebookSource:
    """The code cells joined into one source, and where each cell starts in it."""

    text: str
    cell_starts: Tuple[int, ...]  # joined line (1-based) of each code cell's first line

    def locate(self, line: int) -> Tuple[int, int]:
        """(code cell number from 1, line in that cell from 1) of a joined-source line."""
        index = bisect.bisect_right(self.cell_starts, line) - 1
        if index < 0:
            raise ValueError(f"line {line} is before the first code cell")
        return index + 1, line - self.cell_starts[index] + 1


def read_notebook(text: str) -> NotebookSource:
    """Parse notebook JSON of any nbformat version; NotebookError if it is not one."""
    return join_cells(code_cells(text))


def code_cells(text: str) -> List[str]:
    """The source of each code cell, in order, from notebook JSON of any version."""
    import nbformat
    from nbformat import reader

    try:  # nbformat raises ValueError, jsonschema's ValidationError, KeyError, ...
        notebook = nbformat.convert(reader.reads(text), 4)
        cells = notebook["cells"]
        sources = [cell["source"] for cell in cells if cell["cell_type"] == "code"]
    except Exception as exc:  # noqa: BLE001 -- any failure here means "not a notebook"
        raise NotebookError(f"not a readable notebook: {_first_line(exc)}") from exc
    if not all(isinstance(source, (str, list)) for source in sources):
        raise NotebookError("not a readable notebook: a code cell's source is not text")
    return ["".join(source) for source in sources]


def join_cells(cells: List[str]) -> NotebookSource:
    """One source from the cells' sources; each cell keeps exactly its own lines."""
    parts, starts, next_line = [], [], 1
    for cell in cells:
        lines = python_lines(_split_lines(cell))
        starts.append(next_line)
        next_line += len(lines)
        parts.extend(line + "\n" for line in lines)
    return NotebookSource("".join(parts), tuple(starts))


def python_lines(lines: List[str]) -> List[str]:
    """A cell's lines as plain Python, the same number of them (see the module docstring)."""
    if _parses("\n".join(lines)):
        return lines
    replaced = _without_magics(lines)
    return replaced if _parses("\n".join(replaced)) else [""] * len(lines)


def _without_magics(lines: List[str]) -> List[str]:
    if lines and lines[0].startswith("%%"):
        header = lines[0][2:].split()
        if not header or header[0] not in PYTHON_CELL_MAGICS:
            return [MAGIC_PLACEHOLDER] + [""] * (len(lines) - 1)
        return [MAGIC_PLACEHOLDER] + _without_magics(lines[1:])
    result: List[str] = []
    continued_indent = None  # the indentation of a magic line ending in a backslash
    for line in lines:
        if continued_indent is not None:
            result.append(continued_indent + MAGIC_PLACEHOLDER)
        elif _is_magic(line):
            continued_indent = line[: len(line) - len(line.lstrip())]
            result.append(continued_indent + MAGIC_PLACEHOLDER)
        else:
            result.append(line)
            continue
        if not line.rstrip().endswith("\\"):
            continued_indent = None
    return result


def _split_lines(text: str) -> List[str]:
    """Lines as Python counts them (only \\n, \\r\\n and \\r end a line, unlike splitlines)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def _is_magic(line: str) -> bool:
    return bool(_ESCAPED_LINE.match(line) or _ASSIGNED_FROM_MAGIC.match(line)
                or _HELP_SUFFIX.match(line))


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):  # ValueError: a NUL byte
        return False
    return True


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
