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
import json
import re
from dataclasses import dataclass
from json.decoder import scanstring
from typing import Dict, List, Optional, Tuple

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


# -- writing: one code cell's source replaced, every other byte of the file kept ----------


def replace_code_cells(text: str, sources: Dict[int, str]) -> str:
    """Notebook JSON ``text`` with the source of code cell ``i`` (from 0, as `code_cells`
    counts them) replaced by ``sources[i]``.  Only those values change: outputs,
    metadata, other cells, key order, indentation and line endings stay byte for byte.
    The new source is written as the old one was (a list of lines or one string, same
    indentation, non-ASCII escaped only if the file escapes it).  NotebookError if the
    cells cannot be found in the JSON text."""
    spans = code_cell_spans(text)
    if len(spans) != len(code_cells(text)):
        raise NotebookError("the code cells cannot be located in the notebook's JSON text")
    ascii_only = text.isascii()
    parts, at = [], 0
    for index in sorted(sources):
        node = spans[index]
        parts += [text[at:node.start], _source_json(text, node, sources[index], ascii_only)]
        at = node.end
    return "".join(parts) + text[at:]


@dataclass(frozen=True)
class _Node:
    """A JSON value's place in the text; ``items``: an object's members (last of a
    repeated key wins, as in ``json.loads``) or an array's elements; ``value``: a string's."""

    start: int
    end: int
    items: object = None
    value: Optional[str] = None


_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


def code_cell_spans(text: str) -> List[_Node]:
    """Where each code cell's source value is in notebook JSON (nbformat 4: ``cells``;
    nbformat 3: the ``input`` of each worksheet's cells), in `code_cells` order."""
    try:
        root = _parse(text, _SPACE.match(text, 1 if text.startswith("\ufeff") else 0).end())[0]
    except (ValueError, IndexError, RecursionError) as exc:
        raise NotebookError(f"not a readable notebook: {_first_line(exc)}") from exc
    if not isinstance(root.items, dict):
        raise NotebookError("not a readable notebook: not a JSON object")
    if "cells" in root.items:
        cells, key = _elements(root.items["cells"]), "source"
    else:
        cells = [cell for sheet in _elements(root.items.get("worksheets"))
                 for cell in _elements(_members(sheet).get("cells"))]
        key = "input"
    spans = []
    for cell in cells:
        members = _members(cell)
        kind = members.get("cell_type")
        if kind is not None and kind.value == "code" and key in members:
            spans.append(members[key])
    return spans


def _members(node) -> dict:
    return node.items if node is not None and isinstance(node.items, dict) else {}


def _elements(node) -> list:
    return node.items if node is not None and isinstance(node.items, list) else []


def _parse(text: str, at: int) -> Tuple[_Node, int]:
    """The JSON value at ``at`` (no space before it) and the index just after it."""
    char = text[at]
    if char == '"':
        value, end = scanstring(text, at + 1)
        return _Node(at, end, value=value), end
    if char in "[{":
        closing, items = ("]", []) if char == "[" else ("}", {})
        index = _SPACE.match(text, at + 1).end()
        while text[index] != closing:
            if isinstance(items, dict):
                key, index = scanstring(text, index + 1) if text[index] == '"' else _fail(index)
                index = _SPACE.match(text, index).end()
                index = _SPACE.match(text, index + 1).end() if text[index] == ":" else _fail(index)
                items[key], index = _parse(text, index)
            else:
                node, index = _parse(text, index)
                items.append(node)
            index = _SPACE.match(text, index).end()
            if text[index] == ",":
                index = _SPACE.match(text, index + 1).end()
            elif text[index] != closing:
                _fail(index)
        return _Node(at, index + 1, items=items), index + 1
    scalar = _SCALAR.match(text, at)
    if scalar is None:
        _fail(at)
    return _Node(at, scalar.end()), scalar.end()


def _fail(index: int):
    raise ValueError(f"unexpected JSON at character {index}")


def _source_json(text: str, node: _Node, source: str, ascii_only: bool) -> str:
    """``source`` as JSON laid out as the old value at ``node`` was."""
    if not isinstance(node.items, list) or not node.items:
        return json.dumps(source, ensure_ascii=ascii_only)
    old = node.items
    first, last = old[0], old[-1]
    opening, closing = text[node.start + 1:first.start], text[last.end:node.end - 1]
    separator = text[old[0].end:old[1].start] if len(old) > 1 else "," + opening
    written = {}  # an unchanged line keeps its exact old spelling
    for item in old:
        if item.value is not None:
            written.setdefault(item.value, text[item.start:item.end])
    lines = [written.get(line) or json.dumps(line, ensure_ascii=ascii_only)
             for line in source.splitlines(True)]
    return "[" + opening + separator.join(lines) + closing + "]"
