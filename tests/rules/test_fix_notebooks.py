"""`flake8-flatten fix` on notebooks (issue 12, item 5): the fix of the joined code cells
goes back into the cell it belongs to, and nothing else of the file changes."""

from __future__ import annotations

import difflib
import json

import nbformat
from nbformat import v3, v4

from flake8_flatten.cli import main
from flake8_flatten.fix.notebook import fix_notebook
from flake8_flatten.notebooks import code_cells, read_notebook

from .. import ROOT
from ..conftest import keras_live
from ..expect import findings


SETUP = "!pip install -q keras\n%matplotlib inline\nimport keras\nfrom keras import layers\n"
FEATURES = ("model = keras.Sequential([\n    keras.Input(shape=(28, 28, 1)),\n"
            "    layers.Conv2D(8, 3, activation=\"relu\"),\n    layers.MaxPooling2D(),\n])")
HEAD = ("%load_ext autoreload\nmodel.add(layers.Dense(32, activation=\"relu\"))\nmodel.add(layers.Dense(10))\n"
        "model.summary()")
FIXED_HEAD = HEAD.replace("model.add(layers.Dense(32", "model.add(layers.Flatten())\nmodel.add(layers.Dense(32")


def notebook(*cells):
    made = v4.new_notebook(cells=list(cells), metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    return made


def executed(source: str):
    cell = v4.new_code_cell(source, execution_count=3)
    cell.outputs = [v4.new_output("stream", name="stdout", text="Model: \"sequential\"\n")]
    return cell


def changed_lines(before: str, after: str) -> list:
    """The lines of the file a diff changes, '-'/'+' prefixed."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("---", "+++"))]


def test_the_cell_with_the_finding_is_the_only_change_and_keras_builds_the_fixed_model(tmp_path, capsys):
    path = tmp_path / "analysis.ipynb"
    nbformat.write(notebook(v4.new_markdown_cell("# A CNN, café"), v4.new_code_cell(SETUP),
                            v4.new_code_cell(FEATURES), executed(HEAD)), str(path))
    before = path.read_text()
    assert findings(read_notebook(before).text, "FLT001") == [(11, 10, "FLT001")]  # the Dense of HEAD, cell 3
    assert main(["fix", str(path)]) == 0
    assert capsys.readouterr().err == f"{path}: fixed 1 FLT001\n"
    after = path.read_text()
    assert changed_lines(before, after) == ['+    "model.add(layers.Flatten())\\n",']
    old, new = json.loads(before), json.loads(after)
    assert new["cells"][:3] == old["cells"][:3]
    assert {k: v for k, v in new["cells"][3].items() if k != "source"} == \
        {k: v for k, v in old["cells"][3].items() if k != "source"}  # outputs, count, id kept
    assert "".join(new["cells"][3]["source"]) == FIXED_HEAD  # its magic kept
    nbformat.validate(nbformat.read(str(path), as_version=4))
    assert findings(read_notebook(after).text) == []
    assert main(["fix", "--diff", str(path)]) == 0 and capsys.readouterr().out == ""
    live = keras_live()
    joined = tmp_path / "joined.py"
    joined.write_text(read_notebook(after).text)
    (record,) = live.run_corpus_file(joined)[0]
    assert record["layers"] == ["Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dense"]
    assert record["shapes"][-1] == [None, 10] and record["shapes"][-3] == [None, 1352]


def test_json_layout_key_order_escapes_and_a_missing_final_newline_are_kept():
    """A notebook not written by nbformat: 2-space indentation, its own key order,
    non-ASCII escaped, sources as one string, no newline at the end."""
    model = FEATURES.replace("])", "])  # naïve") + "\n" + HEAD.replace("%load_ext autoreload\n", "")
    document = {"metadata": {"language_info": {"name": "python"}}, "nbformat_minor": 2, "nbformat": 4,
                "cells": [{"source": "import keras\nfrom keras import layers", "cell_type": "code",
                           "outputs": [], "metadata": {"id": "x"}, "execution_count": None},
                          {"source": model, "cell_type": "code", "outputs": [], "metadata": {},
                           "execution_count": None}]}
    before = json.dumps(document, indent=2)
    fixed = fix_notebook(before)
    assert [a.finding.line for a in fixed.result.applied] == [8]
    expected = model.replace("model.add(layers.Dense(32", "model.add(layers.Flatten())\nmodel.add(layers.Dense(32")
    assert changed_lines(before, fixed.text) == [f'-      "source": {json.dumps(model)},',
                                                 f'+      "source": {json.dumps(expected)},']
    assert "\\u00ef" in json.dumps(expected) and not fixed.text.endswith("\n")
    assert fix_notebook(fixed.text).text == fixed.text


def test_a_from_import_in_another_cell_gets_the_name_and_magic_cells_keep_their_magics():
    text = v4.writes(notebook(
        v4.new_code_cell("%%capture\n!pip install keras\nfrom keras.layers import Conv2D, Dense\n"
                         "from keras.models import Sequential"),
        v4.new_code_cell("%%time\nmodel = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)),\n"
                         "                    Dense(2)])")))
    fixed = fix_notebook(text)
    assert len(fixed.result.applied) == 1 and fixed.result.skipped == []
    assert code_cells(fixed.text) == [
        "%%capture\n!pip install keras\nfrom keras.layers import Conv2D, Dense, Flatten\n"
        "from keras.models import Sequential",
        "%%time\nmodel = Sequential([Conv2D(4, 3, input_shape=(8, 8, 3)),\n"
        "                    Flatten(),\n                    Dense(2)])"]
    nbformat.validate(nbformat.reads(fixed.text, as_version=4))


def test_an_nbformat_3_notebook_is_fixed_in_its_worksheet():
    old = v3.new_notebook(worksheets=[v3.new_worksheet(cells=[
        v3.new_code_cell(input=SETUP), v3.new_code_cell(input=FEATURES), v3.new_code_cell(input=HEAD)])])
    before = nbformat.writes(old, version=3)
    fixed = fix_notebook(before)
    assert len(fixed.result.applied) == 1
    assert json.loads(fixed.text)["nbformat"] == 3
    assert "".join(json.loads(fixed.text)["worksheets"][0]["cells"][2]["input"]) == FIXED_HEAD
    assert findings(read_notebook(fixed.text).text, "FLT001") == []


def test_fix_of_a_py_file_and_a_notebook_left_unfixed_exits_1_and_names_the_cell(tmp_path, capsys):
    """``fix model.py analysis.ipynb`` exited 0 while FLT001 was still in the notebook."""
    py = tmp_path / "model.py"
    py.write_bytes((ROOT / "fixtures" / "readme_example.py").read_bytes())
    shared = ROOT / "tests" / "diagnostics" / "clean_flt004_shared_tower_same_width.py"
    nb = tmp_path / "analysis.ipynb"
    nbformat.write(notebook(v4.new_code_cell("%matplotlib inline"), v4.new_code_cell(shared.read_text())),
                   str(nb))
    before = nb.read_bytes()
    assert findings(read_notebook(before.decode()).text, "FLT001")
    assert main(["fix", str(py), str(nb)]) == 1
    err = capsys.readouterr().err
    assert f"{py}: fixed 1 FLT001" in err
    assert f"{nb}:cell_2:" in err and "FLT001 not fixed: the fixed file would get FLT004" in err
    assert nb.read_bytes() == before


def test_diff_of_a_notebook_shows_the_json_change_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "nb.ipynb"
    path.write_bytes((ROOT / "fixtures" / "bad_notebook.ipynb").read_bytes())
    before = path.read_bytes()
    assert main(["fix", "--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert path.read_bytes() == before
    assert [line for line in out.splitlines() if line.startswith(("+ ", "- ", "+\t", '+  '))] == \
        ['+    "model.add(layers.Flatten())\\n",']
