"""The standalone front-end: `flake8-flatten shapes` and `check`."""

from __future__ import annotations

import json
import subprocess
import sys

from .. import ROOT

EXAMPLE = ROOT / "fixtures" / "readme_example.py"


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "flake8_flatten", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_shapes_json_on_the_readme_example():
    proc = cli("shapes", "--format", "json", str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    (model,) = json.loads(proc.stdout)["models"]
    assert model["line"] == 5 and model["name"] == "model" and model["input_shape"] == [None, 3, 2]
    assert [(l["class"], l["line"], l["col"], l["output_shape"]) for l in model["layers"]] == [
        ("Dense", 6, 11, [None, 3, 16]), ("Activation", 7, 11, [None, 3, 16]), ("Dense", 8, 11, [None, 3, 4])]
    assert model["output_shape"] == [None, 3, 4]


def test_shapes_table_reads_like_a_summary():
    proc = cli("shapes", str(EXAMPLE))
    assert proc.returncode == 0 and "Output: (None, 3, 4)" in proc.stdout
    rows = [line.split() for line in proc.stdout.splitlines()]
    assert ["Layer", "(type)", "Output", "Shape", "Param", "#", "Line"] in rows
    # the counts Keras 3's model.summary() prints for this model
    assert ["dense", "(Dense)", "(None,", "3,", "16)", "48", "6:11"] in rows
    assert ["activation", "(Activation)", "(None,", "3,", "16)", "0", "7:11"] in rows
    assert ["dense_1", "(Dense)", "(None,", "3,", "4)", "68", "8:11"] in rows
    assert ["Total", "params:", "116"] in rows


def test_missing_path_is_one_line_and_exit_2():
    proc = cli("shapes", "no/such/file.py")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip().count("\n") == 0 and "no/such/file.py" in proc.stderr


def test_bad_usage_is_one_line_and_exit_2():
    proc = cli("shapes", "--format", "xml", str(EXAMPLE))
    assert proc.returncode == 2 and proc.stderr.strip().count("\n") == 0


def test_check_reports_like_flake8_and_exits_1():
    proc = cli("check", str(EXAMPLE))
    assert proc.returncode == 1 and proc.stdout.startswith(f"{EXAMPLE}:6:11: FLT001 ")
    assert cli("check", "-", stdin="import keras\n").returncode == 0


def notebook_json(*cells: str) -> str:
    import nbformat
    from nbformat import v4

    return nbformat.writes(v4.new_notebook(cells=[v4.new_code_cell(cell) for cell in cells]))


def test_check_directories_pick_up_scripts_and_notebooks(tmp_path):
    example = EXAMPLE.read_text()
    (tmp_path / "a.py").write_text(example)
    (tmp_path / "b.ipynb").write_text(notebook_json(example))
    (tmp_path / "c.txt").write_text(example)
    proc = cli("check", "--format", "json", str(tmp_path))
    assert proc.returncode == 1, proc.stderr
    assert [(f["path"], f["cell"]) for f in json.loads(proc.stdout)] == [
        (str(tmp_path / "a.py"), None), (str(tmp_path / "b.ipynb"), 1)]


def test_check_clean_input_exits_0_with_no_output(tmp_path):
    (tmp_path / "clean.py").write_text("import keras\n")
    proc = cli("check", str(tmp_path / "clean.py"))
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_a_bad_input_among_good_ones_is_reported_and_the_others_still_checked(tmp_path):
    (tmp_path / "bad.py").write_bytes(b"# -*- coding: utf-8 -*-\nx = '\xff'\n")
    (tmp_path / "bad.ipynb").write_text("[1, 2]")
    missing = tmp_path / "missing.py"
    proc = cli("check", str(tmp_path / "bad.py"), str(missing), str(EXAMPLE), str(tmp_path / "bad.ipynb"))
    assert proc.returncode == 2
    errors = proc.stderr.splitlines()
    assert len(errors) == 3 and all(line.startswith("flake8-flatten: error: ") for line in errors)
    assert [name in line for name, line in zip(("bad.py", "missing.py", "bad.ipynb"), errors)] == [True] * 3
    assert proc.stdout.startswith(f"{EXAMPLE}:6:11: FLT001 ")


def test_stdin_filename_names_the_input_and_can_say_it_is_a_notebook():
    example = EXAMPLE.read_text()
    proc = cli("check", "--stdin-filename", "src/model.py", "-", stdin=example)
    assert proc.returncode == 1 and proc.stdout.startswith("src/model.py:6:11: FLT001 ")
    split = example.split("model = ")
    proc = cli("check", "--stdin-filename", "nb.ipynb", "-",
               stdin=notebook_json(split[0], "model = " + split[1]))
    assert proc.returncode == 1 and proc.stdout.startswith("nb.ipynb:cell_2:2:11: FLT001 "), proc.stderr


def test_an_internal_error_on_one_file_is_one_line_and_the_others_still_checked(
        monkeypatch, capsys, tmp_path):
    import flake8_flatten.rules
    from flake8_flatten.cli import main

    real_lint = flake8_flatten.rules.lint
    crashing = tmp_path / "crash.py"
    crashing.write_text("import keras  # crash\n")

    def lint(source, *args, **kwargs):
        if "# crash" in source:
            raise RuntimeError("a bug\nwith two lines")
        return real_lint(source, *args, **kwargs)

    monkeypatch.setattr(flake8_flatten.rules, "lint", lint)
    assert main(["check", str(crashing), str(EXAMPLE)]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "RuntimeError: a bug with two lines" in captured.err
    assert captured.out.startswith(f"{EXAMPLE}:6:11: FLT001 ")


def test_a_closed_pipe_is_not_a_traceback(tmp_path):
    """``flake8-flatten shapes --format json ... | head -1``: the reader goes away."""
    many = tmp_path / "many.py"
    many.write_text(EXAMPLE.read_text() * 200)
    proc = subprocess.run(f"{sys.executable} -m flake8_flatten shapes --format json {many} | head -1",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "{" and "Traceback" not in proc.stderr, proc.stderr


def test_check_honours_noqa_as_flake8_does(tmp_path):
    source = EXAMPLE.read_text().splitlines(keepends=True)
    bad = next(i for i, line in enumerate(source) if "Dense(16" in line)
    for comment, reported in (("  # noqa", False), ("  # noqa: FLT001", False), ("  # noqa: FLT", False),
                              ("  # noqa: E501", True), ("  # no qa", True)):
        edited = source[:bad] + [source[bad].rstrip("\n") + comment + "\n"] + source[bad + 1:]
        path = tmp_path / "model.py"
        path.write_text("".join(edited))
        proc = cli("check", str(path))
        assert (proc.returncode == 1) == reported and ("FLT001" in proc.stdout) == reported, comment


def test_numpy_warnings_of_the_verification_never_reach_the_users_output():
    """Keras 2 lets a global pooling run on an axis cropped to nothing: its NumPy reference
    takes a mean of an empty slice, and NumPy warns.  The user sees the finding only."""
    path = ROOT / "tests" / "diagnostics" / "flt004_cropping_too_much.py"
    proc = cli("check", "--keras-version", "2", str(path))
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.count("FLT004") == 1
