"""Turn a directory of .py and .ipynb files into a directory of plain .py files.

Used to measure flake8-flatten on real code: flake8 only reads Python source, so
notebooks are converted first.

* ``.py`` files are copied unchanged.
* ``.ipynb`` files become one ``.py`` file: their code cells, in order, joined by
  blank lines.  Each cell loses its first line's indentation (as in IPython), and lines that are
  IPython syntax rather than Python (``%magic``, ``!shell``, ``obj?`` help) become
  a bare ``#`` comment line, so the line count stays the same.  Where that
  leaves a block empty (``try:`` holding only ``%tensorflow_version 2.x``), those
  lines become ``...`` instead; no ``pass`` statements are ever inserted.  A cell
  that still is not valid Python (a ``%%bash`` cell) is commented out whole, so
  one such cell cannot make the whole file unparseable.

Every output file starts with a header comment recording its source path, and
keeps the relative layout of the input (``a/b.ipynb`` -> ``a/b.ipynb.py``).

Usage::

    python scripts/corpus_extract.py SRC_DIR OUT_DIR
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path
from typing import List, Tuple

import nbformat

#: ``%magic``, ``%%cell_magic``, ``!shell``, and ``name?`` / ``name??`` help.
_IPYTHON_LINE = re.compile(r"^\s*(?:[%!]|[\w.\[\]()]+\?{1,2}\s*$)")


def _neutralise(line: str, placeholder: str = "#") -> str:
    """Replace an IPython-only line by ``placeholder`` at the same indentation."""
    if _IPYTHON_LINE.match(line):
        indent = line[: len(line) - len(line.lstrip())]
        return indent + placeholder
    return line


def _strip_leading_indent(lines: List[str]) -> List[str]:
    """Remove the first line's indentation from every line that starts with it,
    as IPython does before running a cell."""
    if not lines:
        return lines
    prefix = lines[0][: len(lines[0]) - len(lines[0].lstrip())]
    if not prefix:
        return lines
    return [line[len(prefix):] if line.startswith(prefix) else line for line in lines]


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def cell_to_source(source: str) -> str:
    """One code cell as Python source with the same number of lines."""
    lines = _strip_leading_indent(source.splitlines())
    text = "\n".join(lines)
    if _parses(text):  # plain Python: leave e.g. a ``% args`` continuation line alone
        return text
    for placeholder in ("#", "..."):  # "..." keeps a block non-empty
        text = "\n".join(_neutralise(line, placeholder) for line in lines)
        if _parses(text):
            return text
    return "\n".join("# " + line if line.strip() else line for line in lines)


def notebook_to_source(path: Path) -> str:
    """The code cells of the notebook at ``path``, in order, as Python source."""
    notebook = nbformat.read(str(path), as_version=nbformat.NO_CONVERT)
    cells = []
    for cell in notebook.cells:
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if isinstance(source, list):  # very old notebook formats
            source = "".join(source)
        cells.append(cell_to_source(source))
    return "\n\n".join(cells) + "\n"


def convert(src: Path, out: Path) -> Tuple[int, List[str]]:
    """Convert every .py/.ipynb file under ``src`` into ``out``.

    Returns the number of files written and a list of ``path: error`` strings for
    notebooks that could not be read.
    """
    written, errors = 0, []
    for path in sorted(src.rglob("*")):
        if not path.is_file() or path.suffix not in (".py", ".ipynb"):
            continue
        if ".ipynb_checkpoints" in path.parts:
            continue
        relative = path.relative_to(src)
        try:
            if path.suffix == ".py":
                body = path.read_text(encoding="utf-8", errors="replace")
                target = out / relative
            else:
                body = notebook_to_source(path)
                target = out / relative.with_name(relative.name + ".py")
        except Exception as exc:  # a malformed notebook must not stop the run
            errors.append(f"{relative}: {type(exc).__name__}: {exc}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# source: {path}\n{body}", encoding="utf-8")
        written += 1
    return written, errors


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("src", type=Path, help="directory to read .py/.ipynb files from")
    parser.add_argument("out", type=Path, help="directory to write .py files to")
    args = parser.parse_args(argv)
    if not args.src.is_dir():
        parser.error(f"not a directory: {args.src}")
    written, errors = convert(args.src, args.out)
    for error in errors:
        print(f"skipped {error}", file=sys.stderr)
    print(f"wrote {written} files to {args.out} ({len(errors)} skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
