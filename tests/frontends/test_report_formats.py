"""check's output formats: JSON fields, SARIF 2.1.0 (validated against the OASIS schema),
GitHub workflow commands, coloured text; rule metadata from the rule modules."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
from dataclasses import fields

import jsonschema
import pytest

from flake8_flatten.cli import main
from flake8_flatten.report import (Reported, artifact_location, render, render_github,
                                   render_text, sarif_log, wants_color)
from flake8_flatten.rules.catalog import rules
from flake8_flatten.rules.registry import RULES

from .. import ROOT, TESTS

EXAMPLE = ROOT / "fixtures" / "readme_example.py"
#: The OASIS schema, vendored in the test data (its source: tests/data/README.md).
SARIF_SCHEMA = TESTS / "data" / "sarif-schema-2.1.0.json"

SCRIPT = Reported("src/model.py", 6, 11, "FLT001", "Dense(16) gets input (None, 3, 2)")
NOTEBOOK = Reported("notebooks/a b.ipynb", 9, 3, "FLT003", "predict() gets data of shape (3, 2)",
                    cell=4, cell_line=2)


@pytest.fixture(scope="module")
def sarif_validator():
    if not SARIF_SCHEMA.is_file():
        pytest.fail(f"the SARIF schema is missing: {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    if "properties" not in schema:  # this copy keeps the log's schema in definitions/Root only:
        schema = {**schema, "$ref": "#/definitions/Root"}  # without this nothing is checked
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def run(capsys, *args):
    code = main(["check", *map(str, args)])
    return code, capsys.readouterr().out


def test_json_lists_exactly_the_documented_fields(capsys):
    listed = json.loads(render("json", [SCRIPT, NOTEBOOK]))
    assert [list(item) for item in listed] == [
        ["path", "line", "column", "code", "message", "cell", "cell_line"]] * 2
    assert listed[0]["cell"] is None and listed[0]["cell_line"] is None
    assert [Reported(**item) for item in listed] == [SCRIPT, NOTEBOOK]
    assert [field.name for field in fields(Reported)] == list(listed[0])


def test_json_and_text_give_the_same_positions(capsys):
    code, text = run(capsys, EXAMPLE)
    assert code == 1
    _, listed = run(capsys, "--format", "json", EXAMPLE)
    assert text.splitlines() == [f"{item['path']}:{item['line']}:{item['column']}: {item['code']} "
                                 f"{item['message']}" for item in json.loads(listed)]


def test_sarif_is_valid_and_locates_each_result(sarif_validator, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    outside = Reported(str(tmp_path.parent / "elsewhere.py"), 2, 1, "FLT004", "cannot be built")
    log = json.loads(render("sarif", [SCRIPT, NOTEBOOK, outside]))
    sarif_validator.validate(log)
    (run_,) = log["runs"]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    driver_rules = run_["tool"]["driver"]["rules"]
    for result, finding in zip(run_["results"], [SCRIPT, NOTEBOOK, outside]):
        assert driver_rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        assert result["message"]["text"] == finding.message
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_["results"]]
    assert uris[0] == {"uri": "src/model.py", "uriBaseId": "%SRCROOT%"}
    assert uris[1] == {"uri": "notebooks/a%20b.ipynb", "uriBaseId": "%SRCROOT%"}
    assert uris[2] == {"uri": (tmp_path.parent / "elsewhere.py").as_uri()}
    assert run_["results"][1]["properties"] == {"notebookCell": 4, "notebookCellLine": 2}


def test_sarif_from_the_command_line_is_valid(sarif_validator, capsys):
    code, out = run(capsys, "--format", "sarif", EXAMPLE)
    log = json.loads(out)
    sarif_validator.validate(log)
    (result,) = log["runs"][0]["results"]
    _, text = run(capsys, EXAMPLE)
    region = result["locations"][0]["physicalLocation"]["region"]
    assert code == 1 and text.startswith(f"{EXAMPLE}:{region['startLine']}:{region['startColumn']}: ")


def test_the_schema_rejects_a_0_based_column(sarif_validator):
    log = sarif_log([SCRIPT])
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(jsonschema.ValidationError):
        sarif_validator.validate(log)


def test_sarif_with_no_findings_still_describes_the_rules(sarif_validator):
    log = sarif_log([])
    sarif_validator.validate(log)
    assert [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]] == list(rules())


def test_every_registered_rule_is_described():
    """SARIF/GitHub/LSP read the registry's rules: their text is the rule modules' `RULE`."""
    assert list(rules()) == [rule.code for rule in RULES] == sorted(rules())
    assert {"FLT001", "FLT002", "FLT003", "FLT004"} <= set(rules())
    for code, rule in rules().items():
        assert importlib.import_module(f"flake8_flatten.rules.{code.lower()}").RULE.code == code
        assert rule.short_description == rule.summary and rule.summary.endswith(".")
        flat = " ".join(f"{rule.what_it_does} {rule.why_is_this_bad}".split()).replace("**", "")
        assert rule.full_description == flat


def test_each_rule_links_to_its_page():
    """helpUri: the rule's page in docs/rules/ on the canonical repository; the page exists."""
    for code, rule in rules().items():
        assert rule.help_uri.endswith(f"/blob/main/docs/rules/{code}.md")
        assert (ROOT / "docs" / "rules" / f"{code}.md").is_file()


def test_sarif_links_point_at_the_projects_canonical_readme():
    """informationUri and each rule's helpUri: the repository named in pyproject's URLs (the
    package has no release, so a package-index page would not exist)."""
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        import tomli as tomllib
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    driver = sarif_log([SCRIPT])["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == urls["Repository"] == urls["Homepage"]
    for rule in driver["rules"]:
        assert rule["helpUri"] == f"{urls['Repository']}/blob/main/docs/rules/{rule['id']}.md"


def test_github_commands_escape_data_and_properties():
    odd = Reported("dir,x/a:b.py", 3, 5, "FLT002", "100% wrong\r\nsecond line")
    (line,) = render_github([odd]).splitlines()
    assert line == ("::error file=dir%2Cx/a%3Ab.py,line=3,col=5,title=FLT002"
                    "::100%25 wrong%0D%0Asecond line")
    (cell_line,) = render_github([NOTEBOOK]).splitlines()
    assert "title=FLT003 (cell 4%2C line 2)::" in cell_line and ",line=9,col=3," in cell_line


def test_text_names_notebook_cells_and_colours_only_when_asked():
    plain = render_text([SCRIPT, NOTEBOOK], color=False).splitlines()
    assert plain == [f"src/model.py:6:11: FLT001 {SCRIPT.message}",
                     f"notebooks/a b.ipynb:cell_4:2:3: FLT003 {NOTEBOOK.message}"]
    coloured = render_text([SCRIPT, NOTEBOOK], color=True).splitlines()
    assert all("\033[" in line for line in coloured)
    assert [re.sub(r"\033\[[0-9;]*m", "", line) for line in coloured] == plain


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("choice, tty, environ, expected", [
    ("auto", True, {}, True), ("auto", False, {}, False), ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"NO_COLOR": ""}, True), ("always", False, {"NO_COLOR": "1"}, True),
    ("never", True, {}, False)])
def test_color_choice(choice, tty, environ, expected):
    assert wants_color(choice, _Stream(tty), environ) is expected


def test_color_always_on_the_command_line(capsys):
    _, out = run(capsys, "--color", "always", EXAMPLE)
    assert "\033[" in out
    _, out = run(capsys, EXAMPLE)  # captured output is not a terminal
    assert "\033[" not in out


def test_artifact_location_of_a_relative_path(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert artifact_location(os.path.join("sub", "m.py")) == {"uri": "sub/m.py", "uriBaseId": "%SRCROOT%"}
