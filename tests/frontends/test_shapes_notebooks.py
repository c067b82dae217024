"""`flake8-flatten shapes` on notebooks: every position a person reads names the cell and the
line in it (``cell_N:L``), as `check` and nbQA print them; JSON adds ``cell``/``cell_line``."""

from __future__ import annotations

import json

import nbformat
from nbformat import v4

from flake8_flatten.cli import main
from flake8_flatten.discovery import discover
from flake8_flatten.notebooks import read_notebook
from flake8_flatten.summary import format_table, summarize

from .. import ROOT

#: cell 1: pip/matplotlib magics and imports; cell 2: the Sequential (5 lines); cell 3: model.add(Dense)
FIXTURE = ROOT / "fixtures" / "bad_notebook.ipynb"
EXAMPLE = ROOT / "fixtures" / "readme_example.py"


def shapes(capsys, *args) -> tuple:
    code = main(["shapes", *map(str, args)])
    return code, capsys.readouterr().out


def fixture_record() -> dict:
    notebook = read_notebook(FIXTURE.read_text(encoding="utf-8"))
    (model,) = discover(notebook.text)
    return summarize(model, str(FIXTURE), notebook)


def test_json_gives_cells_for_the_model_and_each_layer(capsys):
    code, out = shapes(capsys, "--format", "json", FIXTURE)
    assert code == 0
    (model,) = json.loads(out)["models"]
    assert (model["line"], model["cell"], model["cell_line"]) == (5, 2, 1)
    assert [(layer["class"], layer["line"], layer["cell"], layer["cell_line"], layer["col"])
            for layer in model["layers"]] == [
        ("Conv2D", 7, 2, 3, 5), ("MaxPooling2D", 8, 2, 4, 5), ("Dense", 10, 3, 1, 11)]
    assert model == fixture_record()


def test_the_table_shows_cell_positions_as_check_does(capsys):
    _, table = shapes(capsys, FIXTURE)
    assert table.splitlines()[0] == f"{FIXTURE}:cell_2:1: Sequential 'model', input (None, 28, 28, 1)"
    rows = [line.split() for line in table.splitlines()]
    assert ["conv2d", "(Conv2D)", "(None,", "26,", "26,", "32)", "320", "cell_2:3:5"] in rows
    assert ["dense", "(Dense)", "(None,", "13,", "13,", "10)", "330", "cell_3:1:11"] in rows
    # the Dense is where check reports it
    assert main(["check", str(FIXTURE)]) == 1
    assert capsys.readouterr().out.startswith(f"{FIXTURE}:cell_3:1:11: FLT001 ")


def test_scripts_keep_plain_lines_and_null_cells(capsys):
    code, out = shapes(capsys, "--format", "json", EXAMPLE)
    (model,) = json.loads(out)["models"]
    assert (model["line"], model["cell"], model["cell_line"]) == (5, None, None)
    assert all(layer["cell"] is None and layer["cell_line"] is None for layer in model["layers"])
    _, table = shapes(capsys, EXAMPLE)
    assert table.splitlines()[0].startswith(f"{EXAMPLE}:5: Sequential")
    assert "6:11" in table and "cell_" not in table


def test_empty_cells_and_a_model_spread_over_cells(tmp_path, capsys):
    """Empty code cells take no line; a layer is placed in the cell that holds it."""
    notebook = v4.new_notebook(cells=[
        v4.new_code_cell("import keras\nfrom keras import layers"),
        v4.new_code_cell(""),
        v4.new_markdown_cell("text"),
        v4.new_code_cell("inputs = keras.Input((8,))\nx = layers.Dense(4)(inputs)"),
        v4.new_code_cell(""),
        v4.new_code_cell("\n\nmodel = keras.Model(inputs, layers.Dense(2)(x))"),
    ])
    path = tmp_path / "spread.ipynb"
    nbformat.write(notebook, str(path))
    (model,) = json.loads(shapes(capsys, "--format", "json", path)[1])["models"]
    assert (model["cell"], model["cell_line"]) == (5, 3)
    assert [(layer["cell"], layer["cell_line"]) for layer in model["layers"]] == [(3, 2), (5, 3)]
    assert format_table([model]).splitlines()[0].startswith(f"{path}:cell_5:3: Functional")
