"""Notebooks: code cells joined in order, IPython syntax neutralised, positions mapped to cells."""

from __future__ import annotations

import ast
import json

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbformat import v3, v4

from flake8_flatten.cli import main
from flake8_flatten.notebooks import (MAGIC_PLACEHOLDER, NotebookError, code_cells, join_cells,
                                      python_lines, read_notebook)
from flake8_flatten.rules import lint

from .. import ROOT

IMPORTS = "import numpy as np\nfrom keras.models import Sequential\nfrom keras.layers import Dense\n"
DEFINE = "model = Sequential()\n"
UNFLATTENED = "model.add(Dense(16, input_shape=(3, 2)))\nmodel.add(Dense(4))\n"


def write(tmp_path, notebook, name="model.ipynb", version=4):
    path = tmp_path / name
    nbformat.write(notebook, str(path), version=version)
    return path


def line_of(cell_source: str, text: str) -> int:
    """The 1-based line of the cell that contains text (what a Jupyter user counts)."""
    return next(number for number, line in enumerate(cell_source.splitlines(), 1) if text in line)


def check_json(capsys, *args):
    code = main(["check", "--format", "json", *map(str, args)])
    return code, json.loads(capsys.readouterr().out)


def test_a_model_split_across_cells_is_reported_in_the_cell_that_adds_the_layer(tmp_path, capsys):
    third = "%matplotlib inline\n" + UNFLATTENED
    notebook = v4.new_notebook(cells=[
        v4.new_code_cell(IMPORTS), v4.new_markdown_cell("## The model\n`Dense` below"),
        v4.new_code_cell(DEFINE), v4.new_code_cell(third)])
    code, (finding,) = check_json(capsys, write(tmp_path, notebook))
    assert code == 1 and finding["code"] == "FLT001"
    assert (finding["cell"], finding["cell_line"]) == (3, line_of(third, "Dense(16"))
    joined = (IMPORTS + DEFINE + third).splitlines()
    assert "Dense(16" in joined[finding["line"] - 1]
    assert finding["column"] == joined[finding["line"] - 1].index("Dense(16") + 1


def test_text_format_names_the_cell_as_nbqa_does(tmp_path, capsys):
    notebook = v4.new_notebook(cells=[v4.new_raw_cell("raw"), v4.new_code_cell(IMPORTS + DEFINE),
                                      v4.new_code_cell(UNFLATTENED)])
    path = write(tmp_path, notebook)
    assert main(["check", str(path)]) == 1
    column = UNFLATTENED.index("Dense(16") + 1
    assert capsys.readouterr().out.startswith(f"{path}:cell_2:1:{column}: FLT001 ")


def test_an_nbformat_3_notebook_is_converted(tmp_path, capsys):
    cells = [v3.new_code_cell(input=IMPORTS), v3.new_text_cell("markdown", source="text"),
             v3.new_code_cell(input=DEFINE + UNFLATTENED)]
    notebook = v3.new_notebook(worksheets=[v3.new_worksheet(cells=cells)])
    path = write(tmp_path, notebook, version=3)
    assert json.loads(path.read_text())["nbformat"] == 3
    code, (finding,) = check_json(capsys, path)
    expected = (2, line_of(DEFINE + UNFLATTENED, "Dense(16"))
    assert code == 1 and (finding["cell"], finding["cell_line"]) == expected


def test_a_broken_cell_is_blanked_and_does_not_hide_the_others(tmp_path, capsys):
    broken = "def broken(:\n    pass\n"
    notebook = v4.new_notebook(cells=[v4.new_code_cell(IMPORTS + DEFINE), v4.new_code_cell(broken),
                                      v4.new_code_cell(UNFLATTENED)])
    source = read_notebook(nbformat.writes(notebook))
    assert source.text.splitlines()[4:6] == ["", ""]
    code, (finding,) = check_json(capsys, write(tmp_path, notebook))
    assert code == 1 and (finding["cell"], finding["cell_line"]) == (3, 1)


@pytest.mark.parametrize("magic", [
    "%matplotlib inline", "%load_ext autoreload", "!pip install keras", "files = !ls",
    "out = %sx ls", "model.summary?", "Dense??", "?Dense", "%pip install numpy \\\n    keras",
])
def test_line_magics_become_one_placeholder_per_line(magic):
    lines = ["import keras", *magic.split("\n"), "x = 1"]
    replaced = python_lines(lines)
    assert len(replaced) == len(lines)
    assert replaced[0] == lines[0] and replaced[-1] == lines[-1]
    assert all(line.strip() == MAGIC_PLACEHOLDER for line in replaced[1:-1])


def test_an_indented_magic_keeps_the_block_valid():
    lines = ["for i in range(3):", "    %time f(i)", "    g(i)"]
    replaced = python_lines(lines)
    assert replaced[1] == "    " + MAGIC_PLACEHOLDER
    ast.parse("\n".join(replaced))


def test_a_cell_that_parses_is_left_alone_even_if_a_line_looks_like_a_magic():
    lines = ['text = """', "!important", '"""', "y = (x", "% 2)"]
    assert python_lines(lines) == lines


def test_python_cell_magics_keep_their_body_and_others_are_skipped(tmp_path, capsys):
    timed = "%%time\n" + UNFLATTENED
    written = "%%writefile other.py\n" + UNFLATTENED
    for cell, expected in ((timed, [(3, line_of(timed, "Dense(16"))]), (written, [])):
        notebook = v4.new_notebook(cells=[v4.new_code_cell(IMPORTS), v4.new_code_cell(DEFINE),
                                          v4.new_code_cell(cell)])
        code, findings = check_json(capsys, write(tmp_path, notebook))
        assert [(f["cell"], f["cell_line"]) for f in findings] == expected
        assert code == (1 if expected else 0)


cell_lines = st.lists(st.sampled_from([
    "x = 1", "%matplotlib inline", "!ls", "y = !ls", "def f(:", "", "    ", "print(x)",
    "%%time", "%%bash", "model.fit?", "if x:", "    pass", "a = 1 \\"]), max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(cell_lines, max_size=5))
def test_every_cell_line_keeps_its_place_and_the_joined_source_parses(cells):
    texts = ["\n".join(lines) for lines in cells]
    cells = [text.splitlines() for text in texts]  # a cell's last empty line is not a line
    source = join_cells(texts)
    joined = source.text.splitlines()
    assert len(joined) == sum(map(len, cells))
    ast.parse(source.text)
    line = 1
    for cell_number, lines in enumerate(cells, 1):
        for cell_line, original in enumerate(lines, 1):
            assert source.locate(line) == (cell_number, cell_line)
            assert joined[line - 1] in (original, "", MAGIC_PLACEHOLDER) or (
                joined[line - 1].strip() == MAGIC_PLACEHOLDER)
            line += 1


def test_lint_on_the_joined_text_matches_lint_on_the_equivalent_script():
    cells = [IMPORTS, "%matplotlib inline\n" + DEFINE, UNFLATTENED]
    source = join_cells(cells)
    script = "".join(cells).replace("%matplotlib inline", MAGIC_PLACEHOLDER)
    assert lint(source.text) == lint(script) != []


@pytest.mark.parametrize("text", ["{", "[]", "{}", '{"nbformat": 4}', '{"nbformat": 99, "cells": []}',
                                  '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, '
                                  '"cells": [{"cell_type": "code", "source": 3}]}'])
def test_not_a_notebook_is_a_notebook_error(text):
    with pytest.raises(NotebookError):
        read_notebook(text)


def test_a_bad_notebook_is_one_line_on_stderr_and_exit_2(tmp_path, capsys):
    path = tmp_path / "bad.ipynb"
    path.write_text("{not json")
    assert main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and str(path) in captured.err


FIXTURE = ROOT / "fixtures" / "bad_notebook.ipynb"


def test_the_notebook_fixture_is_reported_in_the_cell_that_adds_the_dense(capsys):
    assert main(["check", "--format", "json", str(FIXTURE)]) == 1
    (record,) = json.loads(capsys.readouterr().out)
    cells = code_cells(FIXTURE.read_text())
    assert record["code"] == "FLT001" and record["cell"] == len(cells)
    assert record["cell_line"] == line_of(cells[-1], "model.add(layers.Dense(")
    assert "outputs (None, 13, 13, 10)" in record["message"]


def test_the_notebook_fixture_really_has_the_bug_in_keras():
    """Run the fixture's joined cells (magics neutralised as the linter sees them) in real
    Keras: the model outputs exactly what the finding says."""
    from tests.conftest import keras_live

    keras_live()
    namespace: dict = {}
    exec(compile(read_notebook(FIXTURE.read_text()).text, str(FIXTURE), "exec"), namespace)
    assert tuple(namespace["model"].output_shape) == (None, 13, 13, 10)
