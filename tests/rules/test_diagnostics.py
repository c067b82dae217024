"""FLT002/FLT003/FLT004 on realistic cases, each checked against what real Keras does.

Every script of ``tests/diagnostics/`` (our own test data, see its README) marks
the line where a finding is due with ``# expect: FLT00N``; a script without a
marker must be clean.  Three checks:

* the markers are true: Keras fails on exactly the marked statement (recorded in
  ``tests/golden/diagnostics.json`` by ``scripts/record_goldens.py``, and re-run
  live), and clean scripts run to the end;
* the linter reports exactly the marked (line, code) pairs (FLT001 is its own
  business here and not compared);
* precision and recall per code over the whole set meet the issue's bars.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from flake8_flatten.rules import lint

from .. import TESTS
from ..conftest import keras_live

CASES = TESTS / "diagnostics"
FILES = sorted(path.name for path in CASES.glob("*.py"))
GOLDEN = json.loads((TESTS / "golden" / "diagnostics.json").read_text())["files"]
CODES = ("FLT002", "FLT003", "FLT004", "FLT005")
MARKER = re.compile(r"# expect: (FLT00\d)")
MIN_PRECISION, MIN_RECALL = 0.95, 0.85


def expected(name: str) -> set:
    lines = (CASES / name).read_text().splitlines()
    return {(number, match.group(1)) for number, line in enumerate(lines, 1)
            for match in [MARKER.search(line)] if match}


def reported(name: str) -> set:
    return {(f.line, f.code) for f in lint((CASES / name).read_text()) if f.code in CODES}


def statement_span(name: str, line: int) -> range:
    """The lines of the innermost statement that starts on ``line``."""
    tree = ast.parse((CASES / name).read_text())
    spans = [range(node.lineno, node.end_lineno + 1) for node in ast.walk(tree)
             if isinstance(node, ast.stmt) and node.lineno == line]
    return min(spans, key=len) if spans else range(line, line + 1)


def assert_marker_is_true(name: str, outcome: dict) -> None:
    markers = expected(name)
    if not markers:
        assert outcome["outcome"] == "ok", f"a clean case fails in Keras: {outcome}"
        return
    assert len(markers) == 1, "a bad case marks exactly one finding"
    (line, code), = markers
    assert outcome["outcome"] == "error", "Keras runs a case marked bad to the end"
    assert line in statement_span(name, outcome["line"]), (
        f"Keras fails at line {outcome['line']} ({outcome['type']}: {outcome['message']}), "
        f"not at the statement holding the marker (line {line})")
    if code == "FLT002":
        assert outcome["type"] == "AssertionError"
    else:
        assert outcome["type"] not in ("AssertionError", "NameError", "ImportError", "SyntaxError")


def test_goldens_cover_the_cases():
    assert sorted(GOLDEN) == FILES, "cases changed: run python scripts/record_goldens.py --only diagnostics"


@pytest.mark.parametrize("name", FILES)
def test_markers_agree_with_keras_golden(name):
    assert_marker_is_true(name, GOLDEN[name])


@pytest.mark.parametrize("name", FILES)
def test_lint_reports_exactly_the_marked_findings(name):
    assert reported(name) == expected(name)


def test_precision_and_recall_per_code():
    for code in CODES:
        want = {(n, f) for n in FILES for f in expected(n) if f[1] == code}
        got = {(n, f) for n in FILES for f in reported(n) if f[1] == code}
        assert want, f"no {code} cases"
        precision = len(want & got) / len(got) if got else 0.0
        recall = len(want & got) / len(want)
        assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (code, precision, recall)


@pytest.mark.parametrize("name", FILES)
def test_live_keras_agrees(name):
    outcome = keras_live().run_diagnostic_file(CASES / name)
    assert_marker_is_true(name, outcome)
    golden = GOLDEN[name]
    assert (outcome["outcome"], outcome.get("line")) == (golden["outcome"], golden.get("line")), \
        "golden is stale: run python scripts/record_goldens.py --only diagnostics"
