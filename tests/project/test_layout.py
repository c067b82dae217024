"""The suite stays laid out by what it tests (CONTRIBUTING.md, "Test layout"): every test module
sits in one of the kinds' folders, each a package, and none lies loose in ``tests/`` or in a data
folder (where pytest would still collect it, but nobody would look for it)."""

from __future__ import annotations

from .. import TESTS

#: kind -> what its tests are about (the table in CONTRIBUTING.md)
KINDS = {
    "rules": "FLT001-FLT005 findings on scripts and snippets, and fix",
    "layers": "each layer shape rule, the family table, parameter counts, Keras 2 goldens",
    "discovery": "finding models in code, the reach and subclassed corpora, datasets, hostile input, fuzzing",
    "frontends": "CLI, flake8 plugin, language server, notebooks, nbQA, pre-commit, report formats, configuration",
    "project": "import architecture, documentation, packaging, this layout",
}


def misplaced(tests=TESTS) -> list:
    """Test modules (``test_*.py``, ``*_test.py``) that are not directly in a kind's folder."""
    found = set(tests.rglob("test_*.py")) | set(tests.rglob("*_test.py"))
    return sorted(str(path.relative_to(tests)) for path in found
                  if "__pycache__" not in path.parts
                  and not (path.parent.parent == tests and path.parent.name in KINDS))


def test_every_test_module_is_in_a_kinds_folder():
    assert not misplaced(), (f"test modules outside {sorted(KINDS)}: {misplaced()}; "
                             "move each into the folder of what it tests (CONTRIBUTING.md)")


def test_each_kind_is_a_package_with_tests_and_documented():
    contributing = (TESTS.parent / "CONTRIBUTING.md").read_text()
    for kind in KINDS:
        folder = TESTS / kind
        assert (folder / "__init__.py").is_file(), f"{folder} is not a package"
        assert list(folder.glob("test_*.py")), f"{folder} holds no tests"
        assert f"`tests/{kind}/`" in contributing, f"CONTRIBUTING.md does not describe tests/{kind}/"


def test_the_check_sees_a_stray_module(tmp_path):
    """The check can fail: a module at the top, one in a data folder, one nested in a kind."""
    for kind in KINDS:
        (tmp_path / kind).mkdir()
        (tmp_path / kind / "test_ok.py").write_text("")
    for stray in ("test_top.py", "golden/test_data.py", "rules/deeper/test_nested.py", "cli_test.py"):
        (tmp_path / stray).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / stray).write_text("")
    assert misplaced(tmp_path) == ["cli_test.py", "golden/test_data.py", "rules/deeper/test_nested.py",
                                   "test_top.py"]
