"""The plugin through the real flake8, used the way people use it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .. import ROOT

FIXTURES = ROOT / "fixtures"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text())
README_EXAMPLE = (FIXTURES / "readme_example.py").read_text()
LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) ")


def flake8(*args, stdin=None, cwd=None):
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "FLT", *args],
        input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    found = []
    for line in proc.stdout.splitlines():
        match = LINE.match(line)
        assert match, f"unexpected flake8 output: {line!r}"
        found.append((Path(match["path"]).name, int(match["line"]), int(match["col"]), match["code"]))
    return sorted(found), proc


def expected_all():
    return sorted((name, line, col, code) for name, rows in EXPECTED.items()
                  if not name.startswith("_") for line, col, code in rows)


def test_every_fixture_file_has_expectations():
    names = {p.name for p in FIXTURES.glob("*.py")}
    assert names == {n for n in EXPECTED if not n.startswith("_")}


def test_fixture_directory_gives_exactly_the_expected_findings():
    found, proc = flake8(str(FIXTURES))
    assert found == expected_all()
    assert proc.returncode == 1


def test_jobs_2_gives_the_same_findings():
    found, _ = flake8("--jobs", "2", str(FIXTURES))
    assert found == expected_all()


def test_stdin_mode_as_editors_call_it():
    found, _ = flake8("-", stdin=README_EXAMPLE)
    assert found == [("stdin", 6, 11, "FLT001")]


def test_message_names_layer_shapes_fix_and_opt_out():
    _, proc = flake8("-", stdin=README_EXAMPLE)
    message = proc.stdout
    assert "Dense(16)" in message and "(None, 3, 2)" in message and "(None, 3, 16)" in message
    assert "(None, 3, 4)" in message and "Flatten()" in message and "TimeDistributed" in message
    assert "6 inputs" in message


def test_noqa_silences_it():
    source = README_EXAMPLE.replace("input_shape=(3, 2)))", "input_shape=(3, 2)))  # noqa: FLT001")
    assert flake8("-", stdin=source)[0] == []


def test_noqa_for_another_code_does_not():
    source = README_EXAMPLE.replace("input_shape=(3, 2)))", "input_shape=(3, 2)))  # noqa: E501")
    assert flake8("-", stdin=source)[0] == [("stdin", 6, 11, "FLT001")]


def test_extend_ignore_on_the_command_line():
    assert flake8("--extend-ignore", "FLT001", "-", stdin=README_EXAMPLE)[0] == []


@pytest.mark.parametrize("config", ["setup.cfg", "tox.ini", ".flake8"])
def test_configuration_files(tmp_path, config):
    (tmp_path / "model.py").write_text(README_EXAMPLE)
    found, _ = flake8("model.py", cwd=tmp_path)
    assert found == [("model.py", 6, 11, "FLT001")]
    (tmp_path / config).write_text("[flake8]\nextend-ignore = FLT001\n")
    assert flake8("model.py", cwd=tmp_path)[0] == []


def test_syntax_error_file_gives_no_traceback(tmp_path):
    bad = tmp_path / "broken.py"
    bad.write_text("import keras\nmodel = keras.Sequential([\n")
    found, proc = flake8(str(bad))
    assert found == []


def test_linting_never_imports_libcst():
    """The analysis reads flake8's own ast tree; libcst (a second, heavier parse) is for
    `fix` alone.  A regression here costs every Keras file a libcst parse."""
    code = ("import ast, sys\n"
            "from flake8_flatten.plugin import FlattenChecker\n"
            f"source = open({str(FIXTURES / 'bad_functional_cnn.py')!r}).read()\n"
            "assert list(FlattenChecker(ast.parse(source), source.splitlines(True)).run())\n"
            "print('libcst' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "False", proc.stderr
