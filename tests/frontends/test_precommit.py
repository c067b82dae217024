"""Real pre-commit: this repository used directly as a hook, and flake8 with flake8-flatten as an
additional dependency (the route of the PyCQA flake8 hook), both on a throwaway git project.

The hook repository is a git snapshot of the working tree as it is now (uncommitted edits
included), so the test checks the code under test, not the last commit. pre-commit installs both
hook environments from the package registry once per module; if it cannot, the tests fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .. import ROOT
from .test_nbqa import write_notebook

REPO = ROOT
FIXTURES = REPO / "fixtures"
DIRECT_HOOK = "flake8-flatten"
FLAKE8_HOOK = "flake8-with-flake8-flatten"
INSTALL_TIMEOUT = 900


def _is_git_checkout() -> bool:
    proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=REPO, capture_output=True,
                          text=True)
    return proc.returncode == 0 and Path(proc.stdout.strip()).resolve() == REPO


#: The hook repository is a git snapshot of this checkout: an unpacked sdist (tests/project/test_packaging.py)
#: has no git history to snapshot.  In a git checkout (CI, scripts/test.sh) these always run.
pytestmark = pytest.mark.skipif(not _is_git_checkout(),
                                reason="not a git checkout (an unpacked sdist): no hook repository")


def _environment() -> dict:
    """An isolated run: no GIT_* from an enclosing git hook, no user or system git config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    return env


def _git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, env=_environment(), capture_output=True,
                          text=True, check=True)
    return proc.stdout


def _commit_all(directory: Path) -> str:
    _git(directory, "init", "-q")
    _git(directory, "add", "-A")
    _git(directory, "commit", "-q", "-m", "snapshot")
    return _git(directory, "rev-parse", "HEAD").strip()


def snapshot_working_tree(destination: Path) -> str:
    """Copy the files git would see (tracked or new, not ignored) into a fresh repo; its sha."""
    listed = _git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for relative in filter(None, listed.split("\0")):
        source = REPO / relative
        if source.is_file():  # a tracked file deleted in the working tree stays deleted
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return _commit_all(destination)


def hooks_config(snapshot: Path, sha: str) -> dict:
    return {"repos": [
        {"repo": str(snapshot), "rev": sha, "hooks": [{"id": DIRECT_HOOK}]},
        {"repo": "local", "hooks": [{
            "id": FLAKE8_HOOK, "name": "flake8 + flake8-flatten", "entry": "flake8 --select FLT",
            "language": "python", "types": ["python"],
            "additional_dependencies": ["flake8", str(snapshot)],
        }]},
    ]}


def pre_commit(project: Path, *args: str, home: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """pre-commit in ``project``, its store (hook environments, caches) in ``home``: always a
    pytest temporary directory, never a place outside it (a test writes nothing beside the
    checkout)."""
    env = {**_environment(), "PRE_COMMIT_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A git project with bad.py and clean.py whose hook environments are installed (once)."""
    root = tmp_path_factory.mktemp("precommit")
    snapshot, project = root / "hook-repo", root / "project"
    snapshot.mkdir()
    project.mkdir()
    sha = snapshot_working_tree(snapshot)
    shutil.copy(FIXTURES / "bad_cnn_classifier.py", project / "bad.py")
    shutil.copy(FIXTURES / "clean_cnn_classifier.py", project / "clean.py")
    # JSON is YAML, and it quotes any temporary path safely.
    (project / ".pre-commit-config.yaml").write_text(json.dumps(hooks_config(snapshot, sha), indent=2))
    _commit_all(project)
    proc = pre_commit(project, "install-hooks", home=root / "pre-commit-home", timeout=INSTALL_TIMEOUT)
    if proc.returncode != 0:
        pytest.fail(f"pre-commit could not install the hook environments:\n{proc.stdout}\n{proc.stderr}")
    return project


def first_dense_position(path: Path) -> str:
    """'line:col' (1-based, as flake8 prints) of the fixture's Dense call, read from its text."""
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        if "layers.Dense(" in text:
            return f"{number}:{text.index('layers.Dense(') + 1}"
    raise AssertionError(f"no layers.Dense( in {path}")


def run_hook(project: Path, *args: str) -> subprocess.CompletedProcess:
    return pre_commit(project, "run", *args, home=project.parent / "pre-commit-home")


def test_the_hook_manifest_is_valid_and_nothing_is_written_beside_the_checkout(tmp_path):
    beside = REPO.parent / "pre-commit-home"  # where an earlier version put pre-commit's store
    existed = beside.exists()
    proc = pre_commit(REPO, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml"),
                      home=tmp_path / "pre-commit-home")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "pre-commit-home").is_dir()  # the store went where it was told
    assert beside.exists() == existed


@pytest.mark.parametrize("hook", [DIRECT_HOOK, FLAKE8_HOOK])
def test_a_bad_file_fails_the_hook_with_its_position(project, hook):
    proc = run_hook(project, hook, "--files", "bad.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"bad.py:{first_dense_position(project / 'bad.py')}: FLT001 " in proc.stdout, proc.stdout
    assert "Failed" in proc.stdout


@pytest.mark.parametrize("hook", [DIRECT_HOOK, FLAKE8_HOOK])
def test_a_clean_file_passes_the_hook(project, hook):
    proc = run_hook(project, hook, "--files", "clean.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout and "FLT" not in proc.stdout


def test_the_hook_reads_notebooks(project):
    where = write_notebook(project / "bad.ipynb", "readme_example.py")
    proc = run_hook(project, DIRECT_HOOK, "--files", "bad.ipynb")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"bad.ipynb:{where}: FLT001 " in proc.stdout, proc.stdout
