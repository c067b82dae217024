"""What the corpus tests share: each corpus folder's recorder (``record.py``, which runs
its files in real Keras) loaded once, and the FLT001 lines the linter reports on a file."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

from flake8_flatten.rules import lint


@functools.lru_cache(maxsize=None)
def recorder(folder: Path):
    """``folder/record.py`` as a module (stdlib + NumPy at import; Keras only when a file
    runs), one module object per folder."""
    spec = importlib.util.spec_from_file_location(f"{folder.name}_record", folder / "record.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def flt001_lines(path: Path):
    """The lines of the FLT001 findings on ``path``, or the exception lint() raised (an
    escaped exception is a miss, shown in the corpus's table)."""
    try:
        return sorted({f.line for f in lint(path.read_text()) if f.code == "FLT001"})
    except Exception as exc:  # noqa: BLE001
        return exc
