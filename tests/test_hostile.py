"""Hostile and odd input: bounded time and memory, no exception, nothing executed."""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc

import pytest

from flake8_flatten.discovery import discover
from flake8_flatten.rules import lint
from flake8_flatten.summary import summarize

HEADER = "import keras\nfrom keras import layers\n"


def bounded(source: str, seconds: float = 5.0, megabytes: float = 200.0):
    """Lint and summarise ``source`` within the time and peak-memory bounds."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        findings = lint(source)
        records = [summarize(m, "x.py") for m in discover(source)]
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.1f}s"
    assert peak < megabytes, f"peak {peak:.0f} MB"
    return findings, records


def test_enormous_declared_sizes_allocate_nothing():
    source = HEADER + (
        "m = keras.Sequential([layers.Input((100000, 100000, 3)), layers.Conv2D(8, 3),"
        " layers.MaxPooling2D(), layers.Dense(10**15)])\n"
        "n = keras.Sequential([layers.Dense(16, input_shape=(10**12, 10**12)), layers.Dense(10**15)])\n"
    )
    findings, records = bounded(source, megabytes=50)
    assert [f.code for f in findings] == ["FLT001", "FLT001"]
    # Shapes NumPy can still represent (with a 0 batch) are verified and printed ...
    assert records[0]["layers"][1]["output_shape"] == [None, 49999, 49999, 8]
    # ... a shape beyond NumPy's addressable size cannot be checked, so it is not claimed.
    assert records[0]["layers"][2]["output_shape"] is None
    assert records[1]["output_shape"] is None


def test_five_thousand_layers():
    body = ",\n".join(["    layers.Dense(8)"] * 5000)
    source = HEADER + f"m = keras.Sequential([\n    layers.Input((4, 4, 3)),\n    layers.Conv2D(8, 3),\n{body}\n])\n"
    findings, records = bounded(source, seconds=20)
    assert len(findings) == 1 and len(records[0]["layers"]) == 5001


def test_five_thousand_adds():
    source = HEADER + "m = keras.Sequential()\nm.add(layers.Input((10, 3)))\n" + "m.add(layers.Dense(4))\n" * 5000
    findings, records = bounded(source, seconds=20)
    assert records[0]["output_shape"] == [None, 10, 4]


def test_deeply_nested_expressions():
    nested = "(" * 300 + "3" + ")" * 300
    listed = "[" * 300 + "]" * 300
    source = HEADER + f"m = keras.Sequential([layers.Dense({nested}, input_shape=(3, {listed}))])\n"
    bounded(source)


@pytest.mark.parametrize("expr", [
    "-3", "0", "2.5", "'wide'", "None", "True", "[1, 2]", "(1, 'a')", "10**100", "1/0", "1//0",
    "-(10**18)", "float('nan')",
])
def test_non_int_negative_and_zero_sizes_never_crash(expr):
    source = HEADER + (f"m = keras.Sequential([layers.Input(({expr}, 4, 3)), layers.Conv2D({expr}, {expr}),"
                       f" layers.Reshape(({expr}, -1)), layers.Dense({expr})])\n")
    bounded(source)


def test_recursive_constants():
    source = HEADER + "A = B\nB = A\nC = C + 1\nm = keras.Sequential([layers.Dense(A, input_shape=(B, C))])\n"
    (record,) = bounded(source)[1]
    assert record["input_shape"] == [None, None, None]


def test_code_in_a_shape_is_never_executed(tmp_path):
    marker = tmp_path / "executed"
    source = HEADER + (
        f"N = __import__('os').system('touch {marker}')\n"
        f"m = keras.Sequential([layers.Dense(N, input_shape=(__import__('os').system('touch {marker}'), 2)),"
        " layers.Dense(4)])\n"
    )
    findings, records = bounded(source)
    assert not marker.exists()
    assert records[0]["input_shape"] == [None, None, 2]


def test_python2_code_and_nul_bytes_through_flake8(tmp_path):
    (tmp_path / "py2.py").write_text(HEADER + "m = keras.Sequential()\nprint y.shape\n")
    (tmp_path / "nul.py").write_bytes(HEADER.encode() + b"x = 1\x00\n")
    (tmp_path / "latin.py").write_bytes(HEADER.encode() + "s = 'caf\xe9'\n".encode("latin-1"))
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "FLT", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr and "FLT" not in proc.stdout


def test_large_file_without_models_is_cheap():
    source = "import keras\n" + "x = [1, 2, 3]\n" * 200_000
    start = time.perf_counter()
    assert lint(source) == []
    assert time.perf_counter() - start < 0.5
