"""What a stranger gets: the sdist and the wheel as `python -m build` makes them, the sdist's
own test suite run from an empty folder (no checkout, no ``../shared`` beside it), the licence
and project URLs, ``--help``, and the README's demo set-up (quiet, and only what it needs).

Building uses `build` (test extra) with build isolation: it installs setuptools from the
package index, as pip does for any install from source.
"""

from __future__ import annotations

import email
import os
import re
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

from flake8_flatten.cli import COMMANDS

from .. import ROOT

URL = "https://github.com/flake8-flatten/flake8-flatten"
#: The sdist's suite is run in part, in about 25 s: the tests that read every kind of test data
#: (fixtures, tests/diagnostics, tests/golden, tests/data, tests/cases through conftest), without
#: the live-Keras ones (-k "not live"); the whole suite is collected (every module imports, no
#: collection error).  The full run (~3 min, live Keras) is scripts/test.sh in the checkout.
SDIST_SUBSET = ["tests/frontends/test_report_formats.py", "tests/rules/test_diagnostics.py",
                "tests/frontends/test_flake8_plugin.py", "tests/frontends/test_shapes_notebooks.py",
                "tests/layers/test_layer_rules.py"]


def tracked(*folders: str) -> set:
    """Files git would put in a commit (tracked or new, not ignored) under ``folders``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                             *folders], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {name for name in listed.split("\0") if name and (ROOT / name).is_file()}


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict:
    """The sdist, and the wheel built from it (so the sdist is known to build)."""
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def unpacked(dists, tmp_path_factory) -> Path:
    """The sdist unpacked into an empty folder that has no ``shared`` beside it."""
    where = tmp_path_factory.mktemp("unpacked")
    assert list(where.iterdir()) == [] and not (where.parent / "shared").exists()
    with tarfile.open(dists["sdist"]) as archive:
        archive.extractall(where)
    (top,) = where.iterdir()
    return top


def sdist_names(dists) -> set:
    with tarfile.open(dists["sdist"]) as archive:
        return {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}


def test_the_sdist_ships_the_whole_test_suite_and_its_data(dists):
    shipped = sdist_names(dists)
    suite = tracked("tests", "fixtures", "docs")  # docs: the rule pages the docs tests compare
    assert {"tests/conftest.py", "tests/cases/__init__.py", "tests/data/sarif-schema-2.1.0.json",
            "fixtures/readme_example.py"} <= suite  # what the suite needs is in it
    missing = sorted(suite - shipped)
    assert not missing, f"the sdist leaves out {len(missing)} test files: {missing[:10]}"
    for folder in ("cases", "golden", "diagnostics", "models", "data"):
        assert any(name.startswith(f"tests/{folder}/") for name in shipped), folder
    assert {"LICENSE", "README.md", "pyproject.toml", "CONTRIBUTING.md"} <= shipped
    assert not [name for name in shipped if "__pycache__" in name or name.endswith(".pyc")]


def run_suite(cwd: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    # PYTHONPATH: subprocesses the tests start (flake8, the CLI) import the code under test too
    env = {**os.environ, "PYTHONPATH": str(cwd), "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu"}
    for required in ("FLAKE8_FLATTEN_REQUIRE_KERAS", "FLAKE8_FLATTEN_REQUIRE_KERAS2"):
        env.pop(required, None)  # the part run here leaves out the live tests
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def collected(proc: subprocess.CompletedProcess) -> int:
    match = re.search(r"(\d+) tests? collected", proc.stdout)
    assert proc.returncode == 0 and match, proc.stdout[-3000:] + proc.stderr[-3000:]
    return int(match.group(1))


def test_the_unpacked_sdist_collects_its_whole_suite_without_errors(unpacked):
    """Every test module of the sdist imports (conftest, cases, data present) and yields tests.
    (That the sdist holds every test file of the checkout is the test above.)"""
    from_sdist = run_suite(unpacked, "--collect-only", "-q")
    summary = from_sdist.stdout.strip().splitlines()[-1]  # "N tests collected[, M errors] in ..."
    assert "error" not in summary, from_sdist.stdout[-3000:]
    assert collected(from_sdist) > 1000
    modules = {line.split("::")[0] for line in from_sdist.stdout.splitlines() if "::" in line}
    test_files = {str(path.relative_to(unpacked)) for path in (unpacked / "tests").rglob("test_*.py")}
    assert test_files and test_files <= modules, sorted(test_files - modules)


def test_the_unpacked_sdist_runs_its_tests_on_its_own_code_and_data(unpacked):
    proc = run_suite(unpacked, "-q", "-x", "-k", "not live", *SDIST_SUBSET)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert re.search(r"\d+ passed", proc.stdout) and "failed" not in proc.stdout
    check = subprocess.run([sys.executable, "-c", "import flake8_flatten; print(flake8_flatten.__file__)"],
                           cwd=unpacked, env={**os.environ, "PYTHONPATH": str(unpacked)},
                           capture_output=True, text=True, timeout=60)
    assert Path(check.stdout.strip()).resolve().is_relative_to(unpacked.resolve()), check.stdout


def test_the_wheel_is_the_package_with_licence_urls_and_entry_points(dists):
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        names = wheel.namelist()
        (metadata_name,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(wheel.read(metadata_name))
        entry_points = wheel.read(metadata_name.replace("METADATA", "entry_points.txt")).decode()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"flake8_flatten", metadata_name.split("/")[0]}, tops
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert metadata["License-Expression"] == "MIT"
    urls = dict(value.split(", ", 1) for value in metadata.get_all("Project-URL"))
    assert urls["Repository"] == URL and urls["Issues"] == f"{URL}/issues"
    assert "FLT = flake8_flatten.plugin:FlattenChecker" in entry_points
    assert "flake8-flatten = flake8_flatten.cli:main" in entry_points


def test_the_licence_is_the_mit_licence_pyproject_declares():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "flake8-flatten contributors" in text
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert URL in readme


def test_help_names_every_command():
    proc = subprocess.run([sys.executable, "-m", "flake8_flatten", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    description, _, listing = proc.stdout.partition("positional arguments:")
    prose = " ".join(description.split())
    for command in COMMANDS:
        assert re.search(rf"\b{command} \(", prose), f"--help's description leaves out {command}"
        assert re.search(rf"^\s+{command}\s+\S", listing, re.M), f"--help does not list {command}"


def test_the_demo_sets_up_only_what_it_needs_quietly(tmp_path):
    """scripts/demo.sh in a copy of the checkout with no .venv: no test tools, no Keras, no
    setuptools warning; it shows the README's FLT001 and the static summary."""
    copy = tmp_path / "checkout"
    for name in tracked():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    base = getattr(sys, "_base_executable", sys.executable)  # a venv made from the real interpreter
    proc = subprocess.run(["bash", "scripts/demo.sh"], cwd=copy, env={**os.environ, "PYTHON": base},
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # (pip's own notes about this machine's package-index configuration are not the project's)
    noise = [line for line in (proc.stdout + proc.stderr).splitlines()
             if re.search(r"warning|!!|\*\*\*\*|deprecat|setuptools", line, re.I)
             and not line.startswith("WARNING: Location '")]
    assert noise == [], "\n".join(noise)
    assert "fixtures/readme_example.py:6:11: FLT001 Dense(16)" in proc.stdout
    assert "Total params: 116" in proc.stdout
    installed = subprocess.run([str(copy / ".venv" / "bin" / "python"), "-m", "pip", "list",
                                "--format", "freeze", "--disable-pip-version-check"],
                               capture_output=True, text=True, timeout=120).stdout.lower()
    names = {line.split("==")[0] for line in installed.splitlines()}
    assert {"flake8-flatten", "flake8", "libcst", "numpy", "nbformat"} <= names
    assert not names & {"pytest", "hypothesis", "keras", "jax", "pre-commit", "nbqa", "build"}, names


# -- the README's set-up facts ---------------------------------------------------------


def readme_blocks(language: str) -> list:
    """The README's ``language`` code blocks, and those of docs/ (where README sections move)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    return [textwrap.dedent(block)  # a block inside a list item is indented as a whole
            for block in re.findall(rf"^ *```{language}\n(.*?)^ *```", text, re.S | re.M)]


def test_readme_pre_commit_revs_are_refs_that_exist():
    """A rev must be a tag this repository has, or the placeholder for a commit SHA."""
    import yaml

    tags = set(subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True).stdout.split())
    ours = [repo for block in readme_blocks("yaml") for repo in (yaml.safe_load(block) or {}).get("repos", [])
            if repo.get("repo") == URL]
    assert ours, "the README shows no pre-commit hook from the canonical repository"
    for repo in ours:
        assert repo["rev"] == "<commit SHA>" or repo["rev"] in tags, repo["rev"]


def test_readme_code_scanning_workflow_uploads_the_sarif_even_when_check_fails():
    import yaml

    (workflow,) = [yaml.safe_load(block) for block in readme_blocks("yaml") if "upload-sarif" in block]
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    (check,) = [step for step in steps if "flake8-flatten check" in step.get("run", "")]
    (upload,) = [step for step in steps if "upload-sarif" in step.get("uses", "")]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["if"] == "always()" and steps.index(upload) > steps.index(check)
    written = re.fullmatch(r"flake8-flatten check --format sarif \S+ > (\S+)", check["run"].strip())
    assert written and upload["with"]["sarif_file"] == written.group(1)


def test_readme_vscode_severity_setting_maps_flt_codes():
    """The extension takes a code's longest prefix found in flake8.severity, so FLT001 would
    match "F" (Error) unless "FLT" is given."""
    import json

    (setting,) = [block for block in readme_blocks("json") if "flake8.severity" in block]
    severity = json.loads("{" + setting.strip() + "}")["flake8.severity"]

    def resolved(code: str) -> str:
        while code and code not in severity:
            code = code[:-1]
        return severity.get(code, "Error")

    assert resolved("FLT001") == "Warning"
    assert (resolved("F401"), resolved("E225"), resolved("W291")) == ("Error", "Error", "Warning")
