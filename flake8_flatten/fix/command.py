"""The ``flake8-flatten fix`` command: which files, reading and writing them, what
is said on stderr, the exit status.  The edits themselves come from `fix_source`
(Python files) and `fix_notebook` (notebooks)."""

from __future__ import annotations

import difflib
import sys
from typing import List, Optional

from ..notebooks import NotebookError, NotebookSource
from ..rules import lint, suppressed
from ..sources import (NOTEBOOK_SUFFIX, STDIN, UsageError, input_paths, read_bytes, read_python,
                       report_error, too_large)
from .notebook import fix_notebook
from .planning import fix_source
from .targets import CODE, FixResult, physical_lines

_BOM = b"\xef\xbb\xbf"


def fix_paths(paths: List[str], diff: bool = False, pooling: bool = False) -> int:
    """Fix files and notebooks in place (``diff``: print a unified diff instead).  Exit 0
    when nothing is left to fix, 1 with ``diff`` and changes or when a finding is left
    unfixed, 2 when an input cannot be read or written (the others still are fixed)."""
    changed = unfixed = failed = False
    for path in input_paths(paths):
        if too_large(path):
            continue
        try:
            if path == STDIN:
                raise UsageError("fix rewrites files: give paths, not '-'")
            fixed, left = _fix_file(path, diff, pooling)
        except UsageError as exc:
            report_error(exc)
            failed = True
            continue
        except BrokenPipeError:  # ``fix --diff | head``: the reader left; the CLI ends quietly
            raise
        except Exception as exc:  # never a traceback: say which file, keep going
            report_error(f"cannot fix {path}: {type(exc).__name__}: {exc}")
            failed = True
            continue
        changed = changed or fixed
        unfixed = unfixed or left
    if failed:
        return 2
    return 1 if unfixed or (diff and changed) else 0


def _fix_file(path: str, diff: bool, pooling: bool):
    """``(anything fixed, any FLT001 left)`` for one file, written or diffed."""
    if path.endswith(NOTEBOOK_SUFFIX):
        data = read_bytes(path)
        try:
            before = data.decode("utf-8-sig")  # nbformat: UTF-8 JSON
            fix = fix_notebook(before, pooling)
        except (UnicodeDecodeError, NotebookError) as exc:
            raise UsageError(f"cannot read {path}: {exc}") from exc
        result, after, notebook = fix.result, fix.text, fix.notebook
        encoded = (_BOM if data.startswith(_BOM) else b"") + after.encode("utf-8")
    else:
        before, encoding = read_python(path)
        result = fix_source(before, pooling)
        after, notebook = result.source, None
        encoded = after.encode(encoding)  # before the file is truncated
    for skip in result.skipped:
        print(f"{_position(path, skip.finding, notebook)}: {CODE} not fixed: {skip.reason}",
              file=sys.stderr)
    left = bool(result.skipped) or (bool(result.applied) and _still_reported(result))
    if not result.applied:
        return False, left
    if diff:
        sys.stdout.writelines(_diff(path, before, after))
        return True, left
    try:
        with open(path, "wb") as handle:
            handle.write(encoded)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"{path}: fixed {len(result.applied)} {CODE}", file=sys.stderr)
    return True, left


def _still_reported(result: FixResult) -> bool:
    """Does the fixed source still have an FLT001 (not suppressed) the fix did not name?"""
    lines = result.source.splitlines()
    return any(f.code == CODE and not suppressed(lines, f) for f in lint(result.source))


def _position(path: str, finding, notebook: Optional[NotebookSource]) -> str:
    """``path:L:C``, or in a notebook ``path:cell_N:L:C`` (as `check` reports it)."""
    if notebook is None:
        return f"{path}:{finding.line}:{finding.col + 1}"
    cell, line = notebook.locate(finding.line)
    return f"{path}:cell_{cell}:{line}:{finding.col + 1}"


def _diff(path: str, before: str, after: str) -> List[str]:
    lines = difflib.unified_diff(physical_lines(before), physical_lines(after),
                                 f"{path} (before)", f"{path} (fixed)")
    return [line if line.endswith(("\n", "\r")) else line + "\n" for line in lines]
