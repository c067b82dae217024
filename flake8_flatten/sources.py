"""Reading inputs, shared by every command: which paths, their bytes, their text.

Errors are `UsageError` (one line on stderr, exit 2, see `report_error`); nothing here
analyses anything, so the commands (`cli`) and `fix` both read files through it and
data flows one way: ``sources`` <- ``fix`` <- ``cli``.
"""

from __future__ import annotations

import io
import os
import sys
import tokenize
from typing import Iterator, List, Optional, Tuple

from .discovery import MAX_SOURCE_CHARS

#: What directories are searched for; named files are read whatever their suffix.
SOURCE_SUFFIXES = (".py", ".ipynb")
NOTEBOOK_SUFFIX = ".ipynb"
STDIN = "-"
#: A notebook's size is mostly its outputs (images): its code is capped when joined.
MAX_NOTEBOOK_BYTES = 25_000_000


class UsageError(Exception):
    """Bad input to the CLI: reported as one line, exit code 2."""


def report_error(error: object) -> None:
    """One line on stderr, whatever the error's text."""
    text = " ".join(str(error).split())
    print(f"flake8-flatten: error: {text}", file=sys.stderr)


def input_paths(paths: List[str]) -> Iterator[str]:
    """The named paths, with each directory replaced by its .py/.ipynb files, sorted."""
    for path in paths:
        if not os.path.isdir(path):
            yield path  # a missing file is reported when it is read
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    yield os.path.join(root, name)


def read_python(path: str, name: Optional[str] = None) -> Tuple[str, str]:
    """``(text, encoding)`` of a Python file decoded as Python does (PEP 263); the
    encoding lets ``fix`` write it back as it was.  UsageError if it cannot be read."""
    data = read_bytes(path)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding), encoding
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        raise UsageError(f"cannot read {name or path}: {exc}") from exc


def too_large(path: str) -> bool:
    """Is ``path`` a file over the size we analyse?  Then it is not even read (a note
    on stderr says so): bounded memory whatever the input."""
    limit = MAX_NOTEBOOK_BYTES if path.endswith(NOTEBOOK_SUFFIX) else MAX_SOURCE_CHARS
    if path == STDIN or not os.path.isfile(path) or os.path.getsize(path) <= limit:
        return False
    print(f"flake8-flatten: note: {path} not analysed: larger than {limit // 1000:,} kB",
          file=sys.stderr)
    return True


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` ('-': stdin); UsageError if it cannot be read."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    if not os.path.exists(path):
        raise UsageError(f"no such file or directory: {path}")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
