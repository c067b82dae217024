"""Configuration: each option changes what is reported, from every place it can be set."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flake8_flatten import config
from flake8_flatten.config import ConfigError, Options, active, load_pyproject, using
from flake8_flatten.discovery import discover
from flake8_flatten.rules import lint
from flake8_flatten.summary import summarize

from .. import ROOT
from ..expect import findings
from .test_flake8_plugin import flake8

#: A declared input of rank 3 reaches Dense (policy F2): FLT001 at 6:11.
README = (ROOT / "fixtures" / "readme_example.py").read_text()


def keras_model(*layers: str, imports: str = "") -> str:
    body = "".join(f"    {layer},\n" for layer in layers)
    return (f"import keras\nfrom keras import layers\n{imports}\n"
            f"model = keras.Sequential([\n    keras.Input(shape=(28, 28, 1)),\n{body}])\n")


CONV = ("layers.Conv2D(32, 3)", "layers.MaxPooling2D()")  # -> (None, 13, 13, 32)
FEATURE_MAP = keras_model(*CONV, "layers.Dense(10)")  # F1
RESHAPED = keras_model(*CONV, "layers.Reshape((169, 32))", "layers.Dense(10)")  # F2
CUSTOM = keras_model(*CONV, "NoisyDense(10, stddev=0.1)",
                     imports="from mypkg.layers import NoisyDense")
CUSTOM_BY_MODULE = keras_model(*CONV, "custom.NoisyDense(units=10)",
                               imports="import mypkg.layers as custom")


def findings_with(source: str, **options) -> list:
    """``findings`` (tests/expect.py) under ``Options(**options)``."""
    return findings(source, options=Options(**options))


# -- defaults ----------------------------------------------------------------------


def test_defaults_are_the_documented_ones_and_active_outside_a_lint():
    assert Options() == Options(sequence_axes=False, verify=True, dense_like=())
    assert active() == Options()
    assert lint(README) == lint(README, options=Options()) and findings_with(README) == [(6, 10, "FLT001")]


def test_options_are_active_only_while_their_lint_runs():
    assert findings_with(CUSTOM, dense_like=("NoisyDense",)) == [(8, 4, "FLT001")]
    assert active() == Options() and findings(CUSTOM) == []
    with pytest.raises(RuntimeError), using(Options(verify=False)):
        raise RuntimeError("the block fails")
    assert active() == Options()


# -- sequence-axes -----------------------------------------------------------------


@pytest.mark.parametrize("source, line, col", [(README, 6, 10), (RESHAPED, 9, 4)], ids=["declared input", "Reshape"])
def test_sequence_axes_silences_declared_and_reshaped_layouts(source, line, col):
    assert findings_with(source) == [(line, col, "FLT001")]
    assert findings_with(source, sequence_axes=True) == []


def test_sequence_axes_still_reports_feature_maps():
    assert findings_with(FEATURE_MAP, sequence_axes=True) == findings_with(FEATURE_MAP) == [(8, 4, "FLT001")]


# -- dense-like --------------------------------------------------------------------


@pytest.mark.parametrize("entry, reported", [
    ("NoisyDense", True), ("mypkg.layers.NoisyDense", True),
    ("other.NoisyDense", False), ("Noisy", False), ("mypkg.layers", False),
])
def test_dense_like_matches_class_name_or_whole_qualified_name(entry, reported):
    assert findings_with(CUSTOM) == []
    assert findings_with(CUSTOM, dense_like=(entry,)) == ([(8, 4, "FLT001")] if reported else [])


@pytest.mark.parametrize("source", [CUSTOM, CUSTOM_BY_MODULE], ids=["imported", "module attribute"])
def test_dense_like_message_names_the_users_class_with_verified_shapes(source):
    (finding,) = lint(source, options=Options(dense_like=("mypkg.layers.NoisyDense",)))
    assert finding.message.startswith(
        "NoisyDense(10) gets input (None, 13, 13, 32) of rank 4; it acts on the last axis only "
        "and outputs (None, 13, 13, 10)")
    assert "connect all 5408 inputs (it then outputs (None, 10))" in finding.message


def test_dense_like_layers_run_through_the_numpy_dense_reference():
    options = Options(dense_like=("NoisyDense",))
    (model,) = discover(CUSTOM, options=options)
    with using(options):
        record = summarize(model, "m.py")
    assert [(layer["class"], layer["output_shape"]) for layer in record["layers"]][-1] == \
        ("NoisyDense", [None, 13, 13, 10])
    assert summarize(model, "m.py")["layers"][-1]["output_shape"] is None  # unknown otherwise


def test_dense_like_inside_time_distributed_stays_silent():
    source = keras_model("layers.Reshape((28, 28))", "layers.TimeDistributed(NoisyDense(8))",
                         imports="from mypkg.layers import NoisyDense")
    assert findings_with(source, dense_like=("NoisyDense",)) == []


@pytest.mark.parametrize("entry", ["My Dense", "1Dense", "", "a..b", "mypkg.", 3])
def test_dense_like_entries_must_be_python_names(entry):
    with pytest.raises(ConfigError, match="dense-like entries must be class names"):
        config.dense_like_names([entry], "here")


def test_dense_like_cannot_take_another_keras_layers_name():
    with pytest.raises(ConfigError, match="'mypkg.Conv2D' has the name of the Keras layer Conv2D"):
        config.dense_like_names(["mypkg.Conv2D"], "here")
    assert config.dense_like_names(["mypkg.Dense", "A", "A"], "here") == ("mypkg.Dense", "A")


# -- verify ------------------------------------------------------------------------


@pytest.mark.parametrize("source, dense_like", [(README, ()), (CUSTOM, ("NoisyDense",))])
def test_verify_off_never_runs_the_numpy_references(monkeypatch, source, dense_like):
    verified = lint(source, options=Options(dense_like=dense_like))

    def refuse(*args):
        raise AssertionError("NumPy verification ran")

    monkeypatch.setattr("flake8_flatten.verify.engine.reference_graph", refuse)
    with pytest.raises(AssertionError, match="NumPy verification ran"):
        lint(source, options=Options(dense_like=dense_like))
    assert lint(source, options=Options(verify=False, dense_like=dense_like)) == verified


def test_verify_off_does_not_even_import_the_references():
    code = ("import sys; from flake8_flatten.rules import lint; from flake8_flatten.config import "
            "Options; import pathlib; source = pathlib.Path(sys.argv[1]).read_text(); "
            "assert lint(source, options=Options(verify=False)); "
            "print('flake8_flatten.verify' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT / "fixtures" / "readme_example.py")],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.stdout.strip() == "False", proc.stderr


# -- pyproject.toml (the standalone front-end) -------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))
    return path


def test_pyproject_table_gives_every_option(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.flake8-flatten]
        sequence-axes = true
        verify = false
        dense-like = ["MyDense", "mypkg.layers.NoisyDense"]
    """)
    assert load_pyproject(start=str(tmp_path)) == Options(
        sequence_axes=True, verify=False, dense_like=("MyDense", "mypkg.layers.NoisyDense"))


def test_nearest_pyproject_with_the_table_wins_searching_upward(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.flake8-flatten]\nsequence-axes = true\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'a'\n")  # no table: skipped
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert load_pyproject(start=str(deep)) == Options(sequence_axes=True)
    write(tmp_path / "a" / "b" / "pyproject.toml", "[tool.flake8-flatten]\nverify = false\n")
    assert load_pyproject(start=str(deep)) == Options(verify=False)


def test_named_config_file_is_read_even_without_the_table(tmp_path):
    named = write(tmp_path / "lint.toml", "[tool.flake8-flatten]\ndense-like = ['X']\n")
    assert load_pyproject(str(named)) == Options(dense_like=("X",))
    assert load_pyproject(str(write(tmp_path / "empty.toml", ""))) == Options()


@pytest.mark.parametrize("table, error", [
    ("sequnce-axes = true", "unknown key 'sequnce-axes' in [tool.flake8-flatten] "
                            "(known: assume-keras, dense-like, keras-version, sequence-axes, verify)"),
    ("verify = 'no'", "verify in [tool.flake8-flatten] must be true or false, not 'no'"),
    ("sequence-axes = 1", "sequence-axes in [tool.flake8-flatten] must be true or false, not 1"),
    ("dense-like = 'MyDense'", "dense-like in [tool.flake8-flatten] must be a list of class names"),
    ("dense-like = [1]", "dense-like entries must be class names"),
    ("dense-like = ['keras.layers.Flatten']",
     "dense-like entry 'keras.layers.Flatten' has the name of the Keras layer Flatten"),
])
def test_pyproject_mistakes_are_one_line_errors_naming_the_file(tmp_path, table, error):
    path = write(tmp_path / "pyproject.toml", f"[tool.flake8-flatten]\n{table}\n")
    with pytest.raises(ConfigError) as caught:
        load_pyproject(str(path))
    assert str(caught.value).startswith(f"{path}: {error}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text, error", [
    ("[tool.flake8-flatten\n", "invalid TOML"),
    ("[tool]\nflake8-flatten = 3\n", "[tool.flake8-flatten] must be a table"),
])
def test_broken_pyproject_is_an_error(tmp_path, text, error):
    path = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError, match=error.replace("[", r"\[")):
        load_pyproject(str(path))


def test_missing_named_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read .*nothing.toml"):
        load_pyproject(str(tmp_path / "nothing.toml"))


# -- flake8's config files ---------------------------------------------------------


def project(tmp_path: Path, config_file: str = "", text: str = "") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "readme_example.py").write_text(README)
    (tmp_path / "custom.py").write_text(CUSTOM)
    if config_file:
        write(tmp_path / config_file, text)
    return tmp_path


FILES = ["readme_example.py", "custom.py"]


@pytest.mark.parametrize("config_file", ["setup.cfg", "tox.ini", ".flake8"])
def test_flake8_reads_the_options_from_its_config_files(tmp_path, config_file):
    project(tmp_path, config_file, """
        [flake8]
        max-complexity = 10
        some-other-plugin-option = 1
        flatten-sequence-axes = true
        flatten-dense-like =
            NoisyDense
            mypkg.layers.Other
    """)
    found, proc = flake8(*FILES, cwd=tmp_path)
    assert found == [("custom.py", 8, 5, "FLT001")], proc.stdout + proc.stderr
    assert "NoisyDense(10) gets input (None, 13, 13, 32)" in proc.stdout


def test_flake8_without_configuration_keeps_the_defaults(tmp_path):
    found, _ = flake8(*FILES, cwd=project(tmp_path))
    assert found == [("readme_example.py", 6, 11, "FLT001")]


def test_flake8_command_line_flags_override_the_config_file(tmp_path):
    project(tmp_path, "setup.cfg", "[flake8]\nflatten_dense_like = Unused\n")  # "_" works too
    found, proc = flake8("--flatten-sequence-axes", "--flatten-no-verify",
                         "--flatten-dense-like=mypkg.layers.NoisyDense", "--jobs", "2", *FILES,
                         cwd=tmp_path)
    assert found == [("custom.py", 8, 5, "FLT001")], proc.stdout + proc.stderr


def test_flake8_isolated_ignores_the_config_file(tmp_path):
    project(tmp_path, ".flake8", "[flake8]\nflatten-sequence-axes = true\nflatten-sequnce = 1\n")
    found, _ = flake8("--isolated", *FILES, cwd=tmp_path)
    assert found == [("readme_example.py", 6, 11, "FLT001")]


KNOWN = ("(known: flatten-dense-like, flatten-keras-version, flatten-no-assume-keras, "
         "flatten-no-verify, flatten-sequence-axes)")
#: Something for flake8's own checks (pyflakes, pycodestyle) in every run below.
MESSY = "import os\nx=1  \n"  # F401, E225, W291


@pytest.mark.parametrize("text, warning", [
    ("flatten-sequnce-axes = true",
     f"setup.cfg: unknown key 'flatten-sequnce-axes' in [flake8] {KNOWN}"),
    ("flatten-no-verify = maybe", "flatten-no-verify must be true or false, not 'maybe'"),
    ("flatten-dense-like = keras.layers.Conv2D",
     "flatten-dense-like: dense-like entry 'keras.layers.Conv2D' has the name of the "
     "Keras layer Conv2D; only Dense's own name may be reused"),
])
def test_flake8_config_mistakes_warn_once_and_flake8_goes_on_with_the_defaults(tmp_path, text, warning):
    """A typo must not blank the editor: flake8's own checks and FLT (with the default
    options: the valid sequence-axes line of the same file is not applied either) still report."""
    project(tmp_path, "setup.cfg", f"[flake8]\nflatten-sequence-axes = true\n{text}\n")
    found, stderr = flake8_all(tmp_path)
    assert found == {("messy.py", "F401"), ("messy.py", "E225"), ("messy.py", "W291"),
                     ("readme_example.py", "FLT001")}
    assert stderr == f"flake8-flatten: warning: {warning}; the FLT checks use the default options\n"


def flake8_all(cwd: Path, *args: str, runner=("-m", "flake8")) -> tuple:
    """Every code flake8 reports (no --select) on FILES and MESSY, and its stderr."""
    (cwd / "messy.py").write_text(MESSY)
    proc = subprocess.run([sys.executable, *runner, *args, *FILES, "messy.py"],
                          capture_output=True, text=True, cwd=cwd, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stdout + proc.stderr
    assert "critical error" not in proc.stdout, proc.stdout
    return {(line.split(":")[0], line.split()[1]) for line in proc.stdout.splitlines()}, proc.stderr


def test_the_documented_warning_is_the_one_flake8_prints(tmp_path):
    """The README (or the docs page the section moved to) quotes the warning word for word."""
    project(tmp_path, "setup.cfg", "[flake8]\nflatten-sequnce-axes = true\n")
    _, stderr = flake8_all(tmp_path)
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    documented = " ".join(" ".join(page.read_text(encoding="utf-8") for page in pages).split())
    assert " ".join(stderr.split()) in documented, stderr


def test_flake8_checks_the_keys_of_the_config_file_it_was_told_to_read(tmp_path):
    project(tmp_path, "setup.cfg", "[flake8]\nflatten-sequence-axes = true\n")
    write(tmp_path / "ci" / "lint.cfg", "[flake8]\nflatten-dense_like = A\nflatten-verify = no\n")
    found, stderr = flake8_all(tmp_path, "--config", "ci/lint.cfg")
    assert ("readme_example.py", "FLT001") in found and ("messy.py", "F401") in found
    assert stderr == (f"flake8-flatten: warning: ci/lint.cfg: unknown key 'flatten-verify' in "
                      f"[flake8] {KNOWN}; the FLT checks use the default options\n")


def test_flake8_warns_once_even_when_each_parallel_worker_reads_the_options_again(tmp_path):
    """With the spawn start method (macOS, Windows) every worker of ``--jobs`` parses the
    options again; still one warning, and the workers use the defaults too."""
    project(tmp_path, "setup.cfg", "[flake8]\nflatten-sequnce-axes = true\n")
    for index in range(3):
        (tmp_path / f"copy{index}.py").write_text(README)
    spawn = ("import multiprocessing, sys; multiprocessing.set_start_method('spawn'); "
             "from flake8.main.cli import main; sys.exit(main())")
    found, stderr = flake8_all(tmp_path, "--jobs", "2", "copy0.py", "copy1.py", "copy2.py",
                               runner=("-c", spawn))
    assert {("copy0.py", "FLT001"), ("copy1.py", "FLT001"), ("copy2.py", "FLT001"),
            ("messy.py", "E225")} <= found
    assert stderr.count("flake8-flatten: warning:") == 1 and len(stderr.splitlines()) == 1, stderr


# -- the standalone front-end ------------------------------------------------------


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flake8_flatten", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=120)


def test_cli_reads_the_nearest_pyproject_and_flags_override_it(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.flake8-flatten]\nsequence-axes = true\n")
    src = project(tmp_path / "src" / "pkg")
    assert cli(src, "check", "readme_example.py").returncode == 0
    overridden = cli(src, "check", "--no-sequence-axes", "--no-verify", "readme_example.py")
    assert overridden.returncode == 1
    assert overridden.stdout.startswith("readme_example.py:6:11: FLT001 Dense(16) gets input (None, 3, 2)")


def test_cli_dense_like_reaches_shapes_and_check(tmp_path):
    src = project(tmp_path)
    (model,) = json.loads(cli(src, "shapes", "--format", "json", "--dense-like", "NoisyDense",
                              "custom.py").stdout)["models"]
    assert (model["layers"][-1]["class"], model["output_shape"]) == ("NoisyDense", [None, 13, 13, 10])
    write(tmp_path / "ci.toml", "[tool.flake8-flatten]\ndense-like = ['mypkg.layers.NoisyDense']\n")
    assert cli(src, "check", "custom.py").returncode == 0
    assert cli(src, "check", "--config", "ci.toml", "custom.py").stdout.startswith(
        "custom.py:8:5: FLT001 NoisyDense(10) ")


@pytest.mark.parametrize("args, toml, error", [
    ((), "[tool.flake8-flatten]\nsequnce-axes = true\n",
     "pyproject.toml: unknown key 'sequnce-axes' in [tool.flake8-flatten] "
     "(known: assume-keras, dense-like, keras-version, sequence-axes, verify)"),
    ((), "[tool.flake8-flatten]\nverify = 'off'\n",
     "pyproject.toml: verify in [tool.flake8-flatten] must be true or false, not 'off'"),
    (("--dense-like", "a.b.Flatten"), "",
     "--dense-like: dense-like entry 'a.b.Flatten' has the name of the Keras layer Flatten; "
     "only Dense's own name may be reused"),
    (("--config", "missing.toml"), "", "cannot read missing.toml: No such file or directory"),
])
def test_cli_configuration_mistakes_are_one_line_and_exit_2(tmp_path, args, toml, error):
    src = project(tmp_path)
    if toml:
        write(src / "pyproject.toml", toml)
    for command in ("check", "shapes"):
        proc = cli(src, command, *args, "readme_example.py")
        assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"flake8-flatten: error: {error}\n")


LOCAL_DENSE = """
import keras
from keras import layers


class MyDense(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units


def head(x):
    return MyDense(10)(x)


inputs = keras.Input((28, 28, 1))
x = layers.Conv2D(8, 3)(inputs)
model = keras.Model(inputs, head(x))
"""


def test_a_dense_like_class_defined_in_the_linted_file():
    """A class of the file itself (bare name) is Dense-like when configured, also inside
    a helper whose text mentions no Keras layer by name."""
    from flake8_flatten.config import Options
    from flake8_flatten.rules import lint

    assert lint(LOCAL_DENSE.replace("layers.Conv2D(8, 3)(inputs)", "inputs")) == []
    assert lint(LOCAL_DENSE) == []
    (finding,) = lint(LOCAL_DENSE, options=Options(dense_like=("MyDense",)))
    assert finding.code == "FLT001" and finding.message.startswith("MyDense(10) gets input (None, 26, 26, 8)")
    line = LOCAL_DENSE.splitlines().index("    return MyDense(10)(x)") + 1
    assert (finding.line, finding.col) == (line, 11)


# -- keras-version -----------------------------------------------------------------

#: AveragePooling2D() without pool_size: Keras 3 refuses it (FLT004), Keras 2 pools by 2.
POOL = keras_model("layers.AveragePooling2D()", "layers.Flatten()", "layers.Dense(10)")


def test_keras_version_defaults_to_auto_and_changes_what_is_reported():
    assert Options().keras_version == "auto"
    assert findings_with(POOL, keras_version="3") == [(6, 4, "FLT004")]
    assert findings_with(POOL, keras_version="2") == []
    (finding,) = lint(POOL, options=Options(keras_version="3"))
    assert finding.message.endswith("missing required argument pool_size; Keras 3 raises here")


@pytest.mark.parametrize("value, expected", [(2, "2"), ("3", "3"), ("auto", "auto"), ("AUTO", "auto")])
def test_pyproject_keras_version(tmp_path, value, expected):
    write(tmp_path / "pyproject.toml", f"[tool.flake8-flatten]\nkeras-version = {value!r}\n"
          .replace("'", '"'))
    assert load_pyproject(start=str(tmp_path)) == Options(keras_version=expected)


@pytest.mark.parametrize("value", ["4", "2.15", "true", "[2]"])
def test_pyproject_keras_version_mistakes(tmp_path, value):
    path = write(tmp_path / "pyproject.toml", f"[tool.flake8-flatten]\nkeras-version = {value}\n")
    with pytest.raises(ConfigError) as caught:
        load_pyproject(str(path))
    assert str(caught.value).startswith(f"{path}: keras-version in [tool.flake8-flatten] must be "
                                        f"2, 3 or auto, not ")


def test_cli_keras_version_flag_overrides_pyproject(tmp_path):
    (tmp_path / "pool.py").write_text(POOL)
    write(tmp_path / "pyproject.toml", "[tool.flake8-flatten]\nkeras-version = 2\n")
    assert cli(tmp_path, "check", "pool.py").returncode == 0
    three = cli(tmp_path, "check", "--keras-version", "3", "pool.py")
    assert three.returncode == 1 and "FLT004 AveragePooling2D()" in three.stdout
    bad = cli(tmp_path, "check", "--keras-version", "4", "pool.py")
    assert bad.returncode == 2 and "invalid choice: '4'" in bad.stderr


def test_flake8_keras_version_option_and_config(tmp_path):
    (tmp_path / "pool.py").write_text(POOL)
    found, proc = flake8("--flatten-keras-version=3", "pool.py", cwd=tmp_path)
    assert found == [("pool.py", 6, 5, "FLT004")], proc.stdout + proc.stderr
    write(tmp_path / "setup.cfg", "[flake8]\nflatten-keras-version = 2\n")
    assert flake8("pool.py", cwd=tmp_path)[0] == []
    write(tmp_path / "setup.cfg", "[flake8]\nflatten-keras-version = 4\n")
    found, proc = flake8("--flatten-keras-version=4", "pool.py", cwd=tmp_path)
    assert "flake8-flatten: warning: flatten-keras-version must be 2, 3 or auto, not '4'; the FLT " \
           "checks use the default options" in proc.stderr


K3, K2, TF221, TF215 = "3.15.1", "2.21.0", "2.21.0", "2.15.1"


@pytest.mark.parametrize("versions, legacy, version, warns", [
    ({"keras": K3}, None, 3, False),
    ({}, None, 3, False),  # nothing installed: the default, nothing to say
    ({"keras": "2.15.0", "tensorflow": TF215}, None, 2, False),  # tf.keras bundles Keras 2
    ({"tensorflow": TF215}, None, 2, False),
    ({"keras": "2.3.1"}, None, 2, False),  # standalone Keras 2
    ({"keras": K3, "tensorflow": TF221, "tf-keras": K2}, "1", 2, False),
    ({"keras": K3, "tensorflow": TF221, "tf-keras": K2}, "true", 2, False),
    ({"keras": K3, "tensorflow": TF221, "tf-keras": K2}, None, 3, True),  # both, none selected
    ({"keras": K3, "tensorflow": TF221, "tf-keras": K2}, "0", 3, True),
    ({"keras": K3, "tensorflow": TF221}, "1", 3, False),  # legacy asked, no tf-keras to give it
    ({"keras": K3, "tensorflow": TF215}, None, 3, True),  # TF 2.15 with Keras 3 over it
    ({"keras": "garbage"}, None, 3, True),  # a version we cannot read
])
def test_auto_reads_the_installed_versions(versions, legacy, version, warns):
    environ = {} if legacy is None else {"TF_USE_LEGACY_KERAS": legacy}
    detected = config.detect_keras(versions, environ)
    assert (detected.version, detected.warning is not None) == (version, warns), detected
    if warns:
        assert "following Keras 3" in detected.warning and "\n" not in detected.warning


def test_auto_never_imports_keras_or_tensorflow():
    code = ("import sys; from flake8_flatten.config import detect_keras, installed_versions; "
            "print(installed_versions()); detect_keras(); "
            "assert not {'keras', 'tensorflow', 'tf_keras', 'jax'} & set(sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def fake_distributions(root: Path, **versions: str) -> Path:
    """A directory of ``NAME-VERSION.dist-info`` metadata only: put first on the path, its
    versions are the ones importlib.metadata reads."""
    for name, version in versions.items():
        info = root / f"{name.replace('-', '_')}-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    return root


@pytest.mark.parametrize("legacy, finding, warning", [
    (None, True, True),  # both installed, none selected: Keras 3, said once
    ("1", False, False),  # TF_USE_LEGACY_KERAS=1 with tf-keras: Keras 2
])
def test_cli_auto_with_both_installed_falls_back_to_3_and_says_so_once(tmp_path, legacy, finding,
                                                                       warning):
    import os

    site = fake_distributions(tmp_path / "site", **{"keras": "3.15.1", "tf-keras": "2.21.0",
                                                    "tensorflow": "2.21.0"})
    (tmp_path / "a.py").write_text(POOL)
    (tmp_path / "b.py").write_text(POOL)
    env = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), str(ROOT)])
    if legacy:
        env["TF_USE_LEGACY_KERAS"] = legacy
    proc = subprocess.run([sys.executable, "-m", "flake8_flatten", "check", "a.py", "b.py"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120, env=env)
    assert (proc.returncode == 1) == finding, proc.stdout + proc.stderr
    assert proc.stdout.count("FLT004") == (2 if finding else 0)
    if warning:
        assert proc.stderr.count("flake8-flatten: warning:") == 1, proc.stderr
        assert "both Keras 3 (keras 3.15.1) and Keras 2 (tf-keras 2.21.0) are installed" in proc.stderr
    else:
        assert proc.stderr == ""
