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


# -- whole front-ends in a fresh process: wall time and peak resident memory ----------

#: Runs one front-end in this interpreter and reports its peak RSS: VmHWM, the high-water
#: mark of the child's own address space (getrusage's ru_maxrss would carry over the
#: forking test process's peak across exec).
_DRIVER = """
import sys
kind, argv = sys.argv[1], sys.argv[2:]
try:
    if kind == "flake8":
        from flake8.main.cli import main
        code = main(argv)
    else:
        from flake8_flatten.cli import main
        code = main(argv)
except SystemExit as exc:
    code = exc.code
except Exception:  # flake8's own failures; the test looks at whose code raised
    import traceback
    traceback.print_exc()
    code = 70
sys.stdout.flush()
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print("PEAK_KB", peak, file=sys.stderr)
sys.exit(code)
"""


def run_bounded(kind: str, *argv, seconds: float = 20.0, megabytes: float = 200.0, stdin=None):
    """Run ``flake8-flatten ARGV`` (kind "cli") or ``flake8 ARGV`` in a fresh process;
    assert no traceback, the time bound and the peak-memory bound."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _DRIVER, kind, *map(str, argv)], input=stdin,
                          capture_output=True, timeout=seconds * 3)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.decode("utf-8", "replace")
    if kind == "cli":
        assert "Traceback" not in stderr, stderr[-2000:]
    else:  # flake8's own parse may die (RecursionError on 100,000 terms): never in our code
        assert "flake8_flatten" not in stderr, stderr[-2000:]
    peak_kb = int(stderr.rsplit("PEAK_KB", 1)[1].split()[0])
    assert elapsed < seconds, f"took {elapsed:.1f}s"
    assert peak_kb / 1024 < megabytes, f"peak {peak_kb / 1024:.0f} MB"
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), stderr


MODEL = HEADER + ("m = keras.Sequential([layers.Input((28, 28, 1)), layers.Conv2D(8, 3),"
                  " layers.Dense(10)])\n")


def test_fifty_megabyte_files_are_not_analysed(tmp_path):
    """Files past the size cap are neither parsed nor joined, through the CLI and flake8;
    the CLI says so on stderr.  (A 50 MB file costs flake8 itself gigabytes, so the
    flake8 case hands the plugin the lines directly.)"""
    big = tmp_path / "big.py"
    filler = "x = [1, 2, 3]  # keras Sequential Model Input\n"
    big.write_text(MODEL + filler * (50_000_000 // len(filler)))
    assert big.stat().st_size > 50_000_000
    for command in ("check", "shapes", "fix"):
        code, out, err = run_bounded("cli", command, big, seconds=10, megabytes=100)
        assert code == 0 and "not analysed: larger than 250 kB" in err
    plugin_run = (
        "import sys, tracemalloc\n"
        "from flake8_flatten.plugin import FlattenChecker\n"
        "lines = open(sys.argv[1]).readlines()\n"
        "tracemalloc.start()\n"
        "assert list(FlattenChecker(None, lines).run()) == []\n"
        "print(tracemalloc.get_traced_memory()[1] // 2**20)\n")
    proc = subprocess.run([sys.executable, "-c", plugin_run, str(big)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) < 5  # MB the plugin added to what flake8 already holds


def test_a_file_just_under_the_cap_is_analysed_within_bounds(tmp_path):
    """The worst case the cap admits: ~250 kB of dense layer calls (one 10,000-layer
    model), parsed by us, and by flake8 with the plugin."""
    from flake8_flatten.discovery import MAX_SOURCE_CHARS

    path = tmp_path / "dense.py"
    line = "m.add(layers.Dense(4))\n"
    body = HEADER + "m = keras.Sequential()\nm.add(layers.Input((3, 2)))\n"
    path.write_text(body + line * ((MAX_SOURCE_CHARS - len(body) - 100) // len(line)))
    code, out, err = run_bounded("cli", "check", path, seconds=30)
    assert code == 1 and out.count("FLT001") == 1
    code, out, err = run_bounded("flake8", "--select", "FLT", path, seconds=60)
    assert code == 1 and out.count("FLT001") == 1


@pytest.mark.parametrize("front_end", ["cli", "flake8"])
def test_five_thousand_layer_model_in_a_fresh_process(tmp_path, front_end):
    path = tmp_path / "deep.py"
    body = ",\n".join(["    layers.Dense(8)"] * 5000)
    path.write_text(HEADER + f"m = keras.Sequential([\n    layers.Input((4, 4, 3)),\n"
                             f"    layers.Conv2D(8, 3),\n{body}\n])\n")
    argv = ("check", path) if front_end == "cli" else ("--select", "FLT", path)
    code, out, err = run_bounded(front_end, *argv, seconds=30)
    assert code == 1 and out.count("FLT001") == 1


HOSTILE_SOURCES = {
    "nested_parentheses": HEADER + "m = keras.Sequential([layers.Dense(" + "(" * 180 + "3"
                          + ")" * 180 + ", input_shape=(3, 2))])\n",
    "too_deep_for_python": HEADER + "m = keras.Sequential([layers.Dense(" + "(" * 5000 + "3"
                           + ")" * 5000 + ")])\n",
    "long_sum": HEADER + "N = " + "+".join(["1"] * 2000) + "\nm = keras.Sequential([layers.Dense(N,"
                " input_shape=(3, 2)), layers.Dense(4)])\n",
    "sum_too_deep_for_python": HEADER + "N = " + "+".join(["1"] * 100_000) + "\n"
                               "m = keras.Sequential([layers.Dense(N)])\n",
    "nested_lists": HEADER + "S = " + "[" * 180 + "]" * 180 + "\n"
                    "m = keras.Sequential([layers.Dense(4, input_shape=S)])\n",
    "huge_sizes": HEADER + "m = keras.Sequential([layers.Dense(10**15, input_shape=(10**12, 10**12)),"
                  " layers.Conv2D(10**15, 10**12)])\n",
    "strings_for_ints": HEADER + "m = keras.Sequential([layers.Dense('4', input_shape=('3', 2.5)),"
                        " layers.Reshape(('a', -1)), layers.Conv2D(None, 'same')])\n",
    "recursive_constants": HEADER + "A = B\nB = A\nC = C + 1\n"
                           "m = keras.Sequential([layers.Dense(A, input_shape=(B, C))])\n",
    "python2": HEADER + "m = keras.Sequential()\nm.add(layers.Dense(4, input_shape=(3, 2)))\n"
               "print m.predict(x).shape\n",
    "long_boolean_chain": MODEL + "flag = (" + " or ".join(["a"] * 12_000) + ")\n",
    "long_string_concatenation": MODEL + "s = (" + " ".join(['"a"'] * 20_000) + ")\n",
    "python_3_12_syntax": MODEL + "type Shape = tuple[int, ...]\n",
    # the readings of issue 11's second round, in odd forms
    "partial_factories": HEADER + "from functools import partial\nP = partial(layers.Dense)\n"
                         "Q = partial(partial(layers.Conv2D, 3), 3)\nR = partial(keras.Sequential, [])\n"
                         "S = partial(layers.Dense, units=2, units2=3)\nT = partial()\n"
                         "m = keras.Sequential([P(4, input_shape=(3,)), P(), Q(padding='same'), R(), S(7),"
                         " P(*[1]), P(**{})])\n",
    "augmented_tensors": HEADER + "x = keras.Input((4,))\ny = x\ny += 1\ny *= y\ny @= y\n"
                         "y -= undefined\ny //= 0\ny **= -1\nx.shape += (1,)\nz = [x]\nz[0] += x\n"
                         "m = keras.Model(x, y)\nn = 0\nn += 'a'\n",
    "opaque_operations": HEADER + "import tensorflow as tf\nx = keras.Input((4, 4))\n"
                         "b = tf.shape(x)[0]\nr = tf.reshape(x, (b, -1))\nq = tf.reshape(x, (-1, 3, 3))\n"
                         "outs = [keras.ops.max(x, axis=1)] * 3\nw = layers.Dense(2)(r) - x\n"
                         "m = keras.Model(x, outs + [w, q, {'a': x}])\nk = keras.Model(x, tf.unknown(x)(x))\n",
    "pipelines": HEADER + "import numpy as np\nimport tensorflow as tf\n"
                 "a = tf.data.Dataset.from_tensor_slices({'a': np.zeros((3, 2))}).batch(2)\n"
                 "b = tf.data.Dataset.from_tensor_slices((np.zeros((3, 2)), np.zeros(4))).batch(2)\n"
                 "c = tf.data.Dataset.from_tensor_slices(np.zeros((0,))).batch(0).batch(2)\n"
                 "d = keras.utils.image_dataset_from_directory(image_size=(0, -1), color_mode='cmyk')\n"
                 "e, f = keras.utils.image_dataset_from_directory('x', subset='both', batch_size=None)\n"
                 "m = keras.Sequential([layers.Flatten(), layers.Dense(4)])\n"
                 "for ds in (a, b, c, d, e, f):\n    m.fit(ds)\nm.fit(x=e.batch(1))\n",
    "redefined_model_classes": HEADER + "class CustomModel(keras.Model):\n    pass\n"
                               "class CustomModel(keras.Model):\n    def train_step(self, d):\n"
                               "        return {}\n"
                               "i = keras.Input((3,))\nm = CustomModel(i, layers.Dense(2)(i))\n"
                               "n = CustomModel(i)\no = CustomModel(*[i, i])\np = CustomModel(inputs=i, outputs=None)\n"
                               "q = CustomModel()\nq(np.zeros((2, 3)))\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SOURCES))
def test_hostile_sources_through_every_front_end(tmp_path, name):
    """Each case through ``check``, ``shapes``, ``fix --diff`` and flake8: bounded time
    and memory, no traceback, a meaningful exit code.  ``long_boolean_chain`` and
    ``long_string_concatenation`` are files Python parses but libcst cannot (the
    first crashes libcst's parser outright): ``fix`` must decline, not die."""
    path = tmp_path / f"{name}.py"
    path.write_text(HOSTILE_SOURCES[name])
    for argv in (("check", path), ("shapes", path), ("fix", "--diff", path)):
        code, out, err = run_bounded("cli", *argv)
        assert code in (0, 1), (argv, err)
    code, out, err = run_bounded("flake8", "--select", "FLT", path)
    assert "FLT" not in out or name in ("long_sum", "long_boolean_chain",
                                        "long_string_concatenation", "nested_parentheses",
                                        "nested_lists")


def test_fix_declines_a_file_libcst_would_crash_on(tmp_path):
    path = tmp_path / "chain.py"
    path.write_text(HOSTILE_SOURCES["long_boolean_chain"])
    code, out, err = run_bounded("cli", "fix", path)
    assert code == 1 and "libcst cannot parse this file" in err
    assert path.read_text() == HOSTILE_SOURCES["long_boolean_chain"]


@pytest.mark.parametrize("content", [
    b"import keras\nm = keras.Sequential()\nx = 1\x00\n",  # a NUL byte
    "import keras\nm = keras.Sequential()\ns = 'caf\xe9'\n".encode("latin-1"),  # not UTF-8
    b"\xff\xfe" + "import keras\n".encode("utf-16-le"),  # UTF-16
    b"# -*- coding: no-such-codec -*-\nimport keras\n",
])
def test_undecodable_and_binary_files(tmp_path, content):
    """flake8 reports these itself (E902/E999); the CLI says so in one line, exit 2 —
    or, for a NUL byte in valid UTF-8, lints nothing; never a traceback."""
    path = tmp_path / "odd.py"
    path.write_bytes(content)
    code, out, err = run_bounded("cli", "check", path)
    assert code in (0, 2) and out == ""
    if code == 2:
        assert err.count("flake8-flatten: error:") == 1
    code, out, err = run_bounded("flake8", "--select", "FLT", path)
    assert "FLT" not in out


def test_shape_code_is_never_executed_by_any_front_end(tmp_path):
    marker = tmp_path / "executed"
    path = tmp_path / "evil.py"
    call = f"__import__('os').system('touch {marker}')"
    path.write_text(HEADER + f"N = {call}\nm = keras.Sequential([layers.Dense(N, input_shape=({call}, 2)),"
                             f" layers.Dense(4)])\nm.predict(np.zeros(({call}, 2)))\n")
    for argv in (("check", path), ("shapes", "--format", "json", path), ("fix", "--diff", path)):
        run_bounded("cli", *argv)
    run_bounded("flake8", "--select", "FLT", path)
    assert not marker.exists()


def test_fix_declines_a_file_too_large_to_rewrite_within_bounds(tmp_path):
    """libcst's tree costs ~1.5 kB per source character: a 5,000-layer file (105 kB) is
    checked by ``check`` but not rewritten by ``fix``, which says why."""
    path = tmp_path / "deep.py"
    body = ",\n".join(["    layers.Dense(8)"] * 5000)
    source = HEADER + f"m = keras.Sequential([\n    layers.Input((4, 4, 3)),\n    layers.Conv2D(8, 3),\n{body}\n])\n"
    path.write_text(source)
    code, out, err = run_bounded("cli", "fix", path, seconds=10)
    assert code == 1 and "too large to rewrite within bounds" in err
    assert path.read_text() == source
