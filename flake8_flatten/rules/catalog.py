"""What each code means, for reports that describe their rules (SARIF, GitHub, the
language server): the registered rules by code.  Their text lives in the rule modules
(`Rule`); a finding's code is always one of them, since only registered rules run."""

from __future__ import annotations

from typing import Dict

from .registry import BY_CODE
from .rule import REPOSITORY_URL, Rule

__all__ = ["README_URL", "Rule", "rules"]

#: The project's home (SARIF informationUri): the canonical repository, as in pyproject's
#: [project.urls].  Each rule's own page is its `Rule.help_uri`.
README_URL = REPOSITORY_URL


def rules() -> Dict[str, Rule]:
    """Every rule by code, in code order."""
    return dict(BY_CODE)
