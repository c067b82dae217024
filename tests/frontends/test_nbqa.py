"""The nbqa route: `nbqa flake8 nb.ipynb --select FLT` runs the plugin on a notebook.

nbqa joins the code cells into one Python file (IPython magics and `!` shell lines replaced by
placeholders) and maps flake8's positions back as `nb.ipynb:cell_N:LINE:COL`, where N counts
code cells only (1-based) and LINE is the line within that cell. Since the plugin sees the
whole notebook, a model whose imports sit in an earlier cell is still read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Tuple

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .. import ROOT

FIXTURES = ROOT / "fixtures"
MAGIC_CELLS = ["%matplotlib inline", "!pip install keras"]


def write_notebook(path: Path, fixture: str) -> str:
    """The fixture as a notebook (a markdown cell, then code cells: magic + its imports, a shell
    line, its model); returns where its first Dense call is, as 'cell_N:LINE:COL' in nbQA's
    numbering (code cells only, from 1; the line within the cell; 1-based column)."""
    imports, model_code = split_imports((FIXTURES / fixture).read_text())
    cells = [new_markdown_cell("# A Keras model"),
             new_code_cell(f"{MAGIC_CELLS[0]}\n{imports}"),
             new_code_cell(MAGIC_CELLS[1]),
             new_code_cell(model_code)]
    nbformat.write(new_notebook(cells=cells), str(path))
    model_cell = sum(cell.cell_type == "code" for cell in cells)
    line, text = next((n, t) for n, t in enumerate(model_code.splitlines(), start=1) if "Dense(" in t)
    return f"cell_{model_cell}:{line}:{text.index('Dense(') + 1}"


def split_imports(source: str) -> Tuple[str, str]:
    """(import lines, the rest) of a fixture, to put them in different cells."""
    lines = source.splitlines()
    is_import = [line.startswith(("import ", "from ")) for line in lines]
    imports = [line for line, flag in zip(lines, is_import) if flag]
    rest = [line for line, flag in zip(lines, is_import) if not flag]
    return "\n".join(imports), "\n".join(rest).strip("\n")


def nbqa_flake8(notebook: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nbqa", "flake8", notebook.name, "--select", "FLT"],
                          cwd=notebook.parent, capture_output=True, text=True, timeout=300)


def test_a_bad_model_is_reported_at_its_cell_line_and_column(tmp_path):
    notebook = tmp_path / "nb.ipynb"
    where = write_notebook(notebook, "readme_example.py")
    proc = nbqa_flake8(notebook)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.startswith(f"nb.ipynb:{where}: FLT001 Dense(16) "), proc.stdout + proc.stderr
    assert proc.stdout.count("FLT") == 1  # one finding per root cause, as in a .py file


def test_a_clean_model_passes(tmp_path):
    notebook = tmp_path / "nb.ipynb"
    write_notebook(notebook, "clean_cnn_classifier.py")
    proc = nbqa_flake8(notebook)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr
