"""Every rule, found by its module: each ``rules/fltNNN.py`` holds ``RULE = Rule(...)`` and
``check(model, run)``.  `lint`, the catalog, every output format and the docs read
`RULES`; adding a rule is adding its module (and its cases)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
from dataclasses import replace
from types import ModuleType
from typing import Dict, Tuple

from .rule import Rule

#: A rule module's name: its code in lower case.
RULE_MODULE = re.compile(r"flt\d{3}")


class RuleError(TypeError):
    """A rule module that does not declare its rule: raised when the rules are loaded,
    so a rule without its metadata cannot run (nor be looked up and missed)."""


def _bound(module: ModuleType) -> Rule:
    name = module.__name__.rpartition(".")[2]
    rule = getattr(module, "RULE", None)
    if not isinstance(rule, Rule):
        raise RuleError(f"{module.__name__} defines no RULE = Rule(...)")
    if rule.code.lower() != name:
        raise RuleError(f"{module.__name__} declares {rule.code}: a rule module is named by its code")
    check = getattr(module, "check", None)
    if not callable(check):
        raise RuleError(f"{module.__name__} defines no check(model, run)")
    return replace(rule, check=check, diagnose=getattr(module, "diagnose", None))


def rule_modules() -> Tuple[str, ...]:
    """The names of this package's rule modules, in code order."""
    return tuple(sorted(info.name for info in pkgutil.iter_modules([os.path.dirname(__file__)])
                        if RULE_MODULE.fullmatch(info.name)))


def _load() -> Tuple[Rule, ...]:
    return tuple(_bound(importlib.import_module(f"{__package__}.{name}")) for name in rule_modules())


#: Every rule, in code order.
RULES: Tuple[Rule, ...] = _load()
#: The same, by code.
BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in RULES}
