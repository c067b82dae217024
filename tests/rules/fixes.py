"""How a test of ``fix`` states what it expects (CONTRIBUTING.md, "Test layout"): the exact
text it writes (`assert_fixes`), or that it leaves the text alone and says why (`assert_leaves`).
Shared by the tests of ``fix`` on scripts and on subclassed models."""

from __future__ import annotations

import textwrap

from flake8_flatten.fix import fix_source

from ..expect import findings


def code(text: str) -> str:
    """A snippet written indented in a test, as a file has it."""
    return textwrap.dedent(text).lstrip("\n")


def assert_fixes(before: str, after: str, pooling: bool = False) -> None:
    """``before`` has an FLT001 and becomes exactly ``after``, which has no FLT001 and no
    finding that ``before`` did not have, and which a second fix leaves as it is."""
    assert findings(before, "FLT001"), "the snippet must have a finding to fix"
    result = fix_source(before, pooling)
    assert result.skipped == [], result.skipped
    assert result.source == after, result.source
    assert findings(after, "FLT001") == []
    assert len(findings(after)) == len(findings(before)) - len(result.applied)
    assert fix_source(after, pooling).source == after


def assert_leaves(source: str, reason: str) -> None:
    """``source`` has an FLT001 that fix declines: the text stays, and every finding it
    skips gives ``reason``."""
    assert findings(source, "FLT001"), "the snippet must have a finding to decline"
    result = fix_source(source)
    assert result.source == source
    assert result.skipped and all(reason in s.reason for s in result.skipped), result.skipped
