"""What a rule is: its code, its documentation in Ruff's format and its check.

Each rule module ``rules/fltNNN.py`` holds one ``RULE = Rule(...)`` next to its
``check(model, run)``; `registry` finds them.  The documentation fields are the rule's
only documentation: ``docs/rules/FLTNNN.md``, the README's table, the SARIF rule
descriptions and the language server's links are made from them
(``scripts/gen_docs.py``), and the tests lint ``example`` (it must be reported with
this code) and ``use_instead`` (it must be clean).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field, fields
from typing import Callable, List, Optional

from .finding import Finding

#: The canonical repository (pyproject's [project.urls]).
REPOSITORY_URL = "https://github.com/flake8-flatten/flake8-flatten"
#: Where each rule's page is published: ``docs/rules/FLTNNN.md`` on the main branch.
DOCS_URL = f"{REPOSITORY_URL}/blob/main/docs/rules"


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and documentation; every field but the last three is required, so
    a rule without its documentation cannot be registered.  Text fields are Markdown."""

    code: str  # "FLT001"
    title: str  # its page's heading: "Dense on an unflattened rank>2 input"
    summary: str  # one sentence (SARIF shortDescription, the page's first line)
    catches: str  # the README table's "what" column
    keras_says: str  # the README table's "Keras would say, at run time" column
    what_it_does: str
    why_is_this_bad: str
    example: str  # Python source that `lint` reports with this code
    use_instead: str  # the same program written right: `lint` reports nothing
    notes: str = ""  # after the examples: the policy and decisions, with their own headings
    level: str = "error"  # SARIF level: every FLT finding is a shape bug, not a style note
    #: Bound by `registry` from the rule's module: ``check(model, run) -> [Finding]`` and,
    #: for a rule `flake8-flatten fix` can fix, ``diagnose(model, run) -> [(Finding, remedy)]``.
    check: Optional[Callable[..., List[Finding]]] = field(default=None, compare=False, repr=False)
    diagnose: Optional[Callable] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Written as indented triple-quoted strings in the rule modules: dedented here.
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, str):
                object.__setattr__(self, item.name, inspect.cleandoc(value))

    @property
    def help_uri(self) -> str:
        """The rule's page on the canonical repository."""
        return f"{DOCS_URL}/{self.code}.md"

    @property
    def short_description(self) -> str:
        return self.summary

    @property
    def full_description(self) -> str:
        """"What it does" and "Why is this bad", as one plain paragraph."""
        return " ".join(f"{self.what_it_does} {self.why_is_this_bad}".replace("**", "").split())
