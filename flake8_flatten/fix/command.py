"""The ``flake8-flatten fix`` command: which files, reading and writing them, what
is said on stderr, the exit status.  The edits themselves come from `fix_source`."""

from __future__ import annotations

import difflib
import sys
from typing import List, Tuple

from ..sources import NOTEBOOK_SUFFIX, STDIN, UsageError, input_paths, read_python, report_error, \
    too_large
from .planning import fix_source
from .targets import CODE, FixResult, physical_lines


def fix_paths(paths: List[str], diff: bool = False, pooling: bool = False) -> int:
    """Fix files in place (``diff``: print a unified diff instead).  Exit 0 when
    nothing is left to fix, 1 with ``diff`` and changes or when a finding cannot be
    fixed, 2 when an input cannot be read or written (the others still are fixed)."""
    changed = unfixed = failed = False
    for path in input_paths(paths):
        if path.endswith(NOTEBOOK_SUFFIX):
            print(f"{path}: notebooks are not fixed", file=sys.stderr)
            continue
        if too_large(path):
            continue
        try:
            result = _fix_file(path, diff, pooling)
        except UsageError as exc:
            report_error(exc)
            failed = True
            continue
        except Exception as exc:  # never a traceback: say which file, keep going
            report_error(f"cannot fix {path}: {type(exc).__name__}: {exc}")
            failed = True
            continue
        changed = changed or bool(result.applied)
        unfixed = unfixed or bool(result.skipped)
    if failed:
        return 2
    return 1 if unfixed or (diff and changed) else 0


def _fix_file(path: str, diff: bool, pooling: bool) -> FixResult:
    source, encoding = _read(path)
    result = fix_source(source, pooling)
    for skip in result.skipped:
        print(f"{path}:{skip.finding.line}:{skip.finding.col + 1}: {CODE} not fixed: "
              f"{skip.reason}", file=sys.stderr)
    if not result.applied:
        return result
    if diff:
        sys.stdout.writelines(_diff(path, source, result.source))
        return result
    data = result.source.encode(encoding)  # before the file is truncated
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"{path}: fixed {len(result.applied)} {CODE}", file=sys.stderr)
    return result


def _read(path: str) -> Tuple[str, str]:
    """``(text, encoding)`` of a Python file, so it is written back as it was."""
    if path == STDIN:
        raise UsageError("fix rewrites files: give paths, not '-'")
    return read_python(path)


def _diff(path: str, before: str, after: str) -> List[str]:
    lines = difflib.unified_diff(physical_lines(before), physical_lines(after),
                                 f"{path} (before)", f"{path} (fixed)")
    return [line if line.endswith(("\n", "\r")) else line + "\n" for line in lines]
