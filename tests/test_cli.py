"""The standalone front-end: `flake8-flatten shapes` and `check`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "readme_example.py"


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
    assert proc.returncode == 0 and "(None, 3, 16)" in proc.stdout and "Output: (None, 3, 4)" in proc.stdout


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
