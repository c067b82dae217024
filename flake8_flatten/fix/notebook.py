"""Fixing a notebook: the code cells are joined as `check` joins them, the joined source
is fixed and re-linted as a ``.py`` file is, and each edited line goes back into the
cell it belongs to.  Only the edited cells' sources are rewritten in the JSON text;
a line with IPython syntax (``%magic``, ``!cmd``), which the linter saw as
``pass  # magic``, is written back as it was."""

from __future__ import annotations

import bisect
import difflib
import json
from dataclasses import dataclass
from typing import Dict, List

from ..notebooks import (NotebookError, NotebookSource, code_cells, join_cells, read_notebook,
                         replace_code_cells)
from .planning import fix_source
from .targets import FixResult, Skipped, Unfixable, physical_lines


@dataclass
class NotebookFix:
    """The notebook's JSON text with the accepted fixes made; ``result`` is the fix of
    the joined cells (positions in ``notebook``, the joined cells before the fix)."""

    text: str
    result: FixResult
    notebook: NotebookSource


def fix_notebook(text: str, pooling: bool = False) -> NotebookFix:
    """Notebook JSON ``text`` (any nbformat version) with every FLT001 it can fix safely
    fixed.  NotebookError if it is not a notebook.  Pure: no file is read or written."""
    cells = code_cells(text)
    notebook = join_cells(cells)
    result = fix_source(notebook.text, pooling)
    if not result.applied:
        return NotebookFix(text, result, notebook)
    try:
        sources = _cell_sources(cells, notebook, result.source)
        fixed = replace_code_cells(text, sources)
        _check_written(text, fixed, sources, result.source)
    except (Unfixable, NotebookError) as exc:
        reason = f"the fix cannot be written back into the cells: {exc}"
        skipped = result.skipped + [Skipped(a.finding, reason) for a in result.applied]
        return NotebookFix(text, FixResult(notebook.text, [], sorted(skipped, key=_by_finding)),
                           notebook)
    return NotebookFix(fixed, result, notebook)


def _by_finding(record):
    return record.finding


def _cell_sources(cells: List[str], notebook: NotebookSource, fixed: str) -> Dict[int, str]:
    """The new source of each code cell the fix of the joined cells edits (by index)."""
    before, after = physical_lines(notebook.text), physical_lines(fixed)
    raw = [physical_lines(cell) for cell in cells]  # the cells' own lines, magics and all
    starts = [start - 1 for start in notebook.cell_starts]
    owner = [bisect.bisect_right(starts, line) - 1 for line in range(len(before))]
    written: Dict[int, List[str]] = {index: [] for index in range(len(cells))}
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for line in range(i1, i2):
                cell = owner[line]
                written[cell].append(raw[cell][line - starts[cell]])
            continue
        if tag == "delete" or i1 == len(before):
            raise Unfixable("it would remove lines or add them after the last cell")
        cell = owner[i1]
        if any(owner[line] != cell for line in range(i1, i2)):
            raise Unfixable("it would edit lines of two cells at once")
        own = raw[cell]
        ending = next((_ending(line) for line in own if _ending(line)), "\n")
        new = [line[:len(line) - len(_ending(line))] for line in after[j1:j2]]
        for line in range(i1, i2):  # a replaced line must be the cell's own, unneutralised
            if own[line - starts[cell]].rstrip("\r\n") != before[line].rstrip("\r\n"):
                raise Unfixable("it would edit a line with IPython syntax")
        endings = [ending] * len(new)
        if i2 > i1 and i2 - starts[cell] == len(own):  # the cell's last line keeps its end
            endings[-1] = _ending(own[-1])
        written[cell].extend(line + end for line, end in zip(new, endings))
    sources = {index: "".join(lines) for index, lines in written.items()}
    return {index: source for index, source in sources.items() if source != cells[index]}


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")):]


def _check_written(before: str, after: str, sources: Dict[int, str], fixed: str) -> None:
    """The written notebook is the old one with those sources, and it reads back (magics
    neutralised) as exactly the fixed source that was re-linted."""
    old, new = json.loads(before), json.loads(after)
    cells = _code_cells_json(old)
    for index, source in sources.items():
        cell, key = cells[index]
        cell[key] = _code_cells_json(new)[index][0][key]
    if old != new or code_cells(after) != [sources.get(i, s) for i, s in enumerate(code_cells(before))]:
        raise Unfixable("the JSON outside the edited cells would change")
    if read_notebook(after).text != fixed:
        raise Unfixable("the cells would not read back as the fixed code")


def _code_cells_json(document) -> list:
    """``(cell dict, source key)`` of each code cell of a parsed notebook."""
    if "cells" in document:
        cells, key = document["cells"], "source"
    else:
        cells = [c for sheet in document.get("worksheets", []) for c in sheet.get("cells", [])]
        key = "input"
    return [(cell, key) for cell in cells if cell.get("cell_type") == "code" and key in cell]
