"""The rules' documentation is made from the rules, and the examples in it are real.

Each rule's text lives once, in ``RULE`` of its module (``flake8_flatten/rules/fltNNN.py``);
``docs/rules/FLTNNN.md`` and the README's table of codes are rendered from it by
``scripts/gen_docs.py``.  These tests fail when a written file has drifted from what the
script would write (run ``python scripts/gen_docs.py`` and commit the result), when a
rule's Example is not reported with its code or its Use instead is not clean, and when a
rule module does not declare its rule.
"""

from __future__ import annotations

import types

import pytest

from flake8_flatten.config import Options
from flake8_flatten.report import Reported, render_github, sarif_log
from flake8_flatten.rules import lint
from flake8_flatten.rules.docs import TABLE_BEGIN, TABLE_END, page_path, rule_page, rules_table
from flake8_flatten.rules.registry import BY_CODE, RULES, RuleError, _bound, rule_modules
from flake8_flatten.rules.rule import Rule

from .. import ROOT

RULES_DIR = ROOT / "flake8_flatten" / "rules"
REGENERATE = "stale: run `python scripts/gen_docs.py` and commit what it writes"
BY_ID = [rule.code for rule in RULES]


@pytest.mark.parametrize("rule", RULES, ids=BY_ID)
def test_rule_page_is_generated_from_the_rule(rule):
    path = ROOT / page_path(rule)
    assert path.is_file(), f"{path} is missing: {REGENERATE}"
    assert path.read_text(encoding="utf-8") == rule_page(rule), f"{path.name} {REGENERATE}"


def test_readme_table_is_generated_from_the_rules():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(TABLE_BEGIN) == readme.count(TABLE_END) == 1
    begin, end = readme.index(TABLE_BEGIN), readme.index(TABLE_END) + len(TABLE_END)
    assert readme[begin:end] == rules_table(), f"README.md's table of codes is {REGENERATE}"


def test_every_page_belongs_to_a_rule():
    pages = {path.name for path in (ROOT / "docs" / "rules").glob("*.md")}
    assert pages == {f"{rule.code}.md" for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=BY_ID)
def test_the_example_is_reported_and_the_fixed_version_is_clean(rule):
    for options in (Options(keras_version="3"), Options(keras_version="2")):
        assert rule.code in {finding.code for finding in lint(rule.example, options=options)}
        assert lint(rule.use_instead, options=options) == []


def test_every_rule_module_is_registered_in_code_order():
    modules = sorted(path.stem for path in RULES_DIR.glob("flt*.py"))
    assert list(rule_modules()) == modules
    assert [rule.code for rule in RULES] == sorted(BY_CODE) == [m.upper() for m in modules]


@pytest.mark.parametrize("rule", RULES, ids=BY_ID)
def test_every_rule_is_fully_documented_and_bound(rule):
    for name in ("title", "summary", "catches", "keras_says", "what_it_does", "why_is_this_bad",
                 "example", "use_instead"):
        assert getattr(rule, name).strip(), f"{rule.code}: empty {name}"
    assert callable(rule.check)
    compile(rule.example, f"{rule.code} example", "exec")
    compile(rule.use_instead, f"{rule.code} use instead", "exec")


def test_a_rule_module_without_its_rule_cannot_be_registered():
    module = types.ModuleType("flake8_flatten.rules.flt999")
    module.check = lambda model, run=None: []
    with pytest.raises(RuleError, match="defines no RULE"):
        _bound(module)
    module.RULE = Rule(code="FLT998", title="t", summary="s.", catches="c", keras_says="k",
                       what_it_does="w", why_is_this_bad="y", example="e", use_instead="u")
    with pytest.raises(RuleError, match="named by its code"):
        _bound(module)
    with pytest.raises(TypeError):
        Rule(code="FLT999", title="no documentation")  # the documentation fields are required


def test_every_output_format_describes_every_registered_rule():
    findings = [Reported("m.py", 1, 1, rule.code, "message") for rule in RULES]
    driver = sarif_log(findings)["runs"][0]["tool"]["driver"]
    assert [described["id"] for described in driver["rules"]] == BY_ID
    assert len(render_github(findings).splitlines()) == len(RULES)
