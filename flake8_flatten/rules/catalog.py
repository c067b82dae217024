"""What each code means, for reports that describe their rules (SARIF, JSON readers).

The descriptions are read from the rule modules' docstrings ("FLT00N: <summary>",
"What it does", "Why is this bad"), so the text lives in one place.
"""

from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict

#: Where the rules are documented (the canonical repository's README, as in pyproject's
#: [project.urls]); each rule's help is a section of this README.
README_URL = "https://github.com/flake8-flatten/flake8-flatten"

#: Each code's README section anchor (GitHub's slug of the "## FLT00N — ..." heading).
_README_ANCHORS = {
    "FLT001": "flt001--dense-on-an-unflattened-rank2-input",
    "FLT002": "flt002--a-claimed-shape-disagrees-with-the-models",
    "FLT003": "flt003--data-the-model-cannot-take",
    "FLT004": "flt004--a-model-keras-would-refuse-to-build",
}

_SECTION_TITLES = ("What it does", "Why is this bad")


@dataclass(frozen=True)
class Rule:
    code: str
    short_description: str  # one sentence, the docstring's first line
    full_description: str  # "What it does" and "Why is this bad", as one paragraph
    help_uri: str
    level: str = "error"  # SARIF level: every FLT finding is a shape bug, not a style note


@lru_cache(maxsize=None)
def rules() -> Dict[str, Rule]:
    """Every rule by code, in code order."""
    return {code: _rule(code) for code in sorted(_README_ANCHORS)}


def _rule(code: str) -> Rule:
    module = importlib.import_module(f"{__package__}.{code.lower()}")
    doc = inspect.getdoc(module) or ""
    first, _, rest = doc.partition("\n")
    summary = first.split(":", 1)[1].strip() if first.startswith(code + ":") else first
    sections = _sections(rest)
    full = " ".join(sections[title] for title in _SECTION_TITLES if title in sections)
    summary = summary[:1].upper() + summary[1:]
    return Rule(code, summary, full or summary, f"{README_URL}#{_README_ANCHORS[code]}")


def _sections(text: str) -> Dict[str, str]:
    """'Title\\n    indented body' blocks of a docstring, each body on one line."""
    found: Dict[str, str] = {}
    for title, body in re.findall(r"^(\S[^\n]*)\n((?:[ \t]+\S[^\n]*\n?)+)", text, re.M):
        found[title.strip()] = _plain(" ".join(body.split()))
    return found


def _plain(text: str) -> str:
    """reST ``literal`` as Markdown `literal`, readable as plain text too."""
    return text.replace("``", "`")
