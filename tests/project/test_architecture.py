"""The import graph of ``flake8_flatten`` has no new cycle, and imports stand at module top.

Every module's imports are read with ``ast`` — at module top and inside functions alike,
since a function-level import still closes a circle, only later — into a graph of
modules (``from pkg import mod`` is an edge to ``pkg.mod``; ``rules/registry.py`` loads
each ``rules/fltNNN.py`` by name, and ``verify/engine.py`` each family's
``verify/<family>.py``: each counts as an import).  Checked:

- file level and package level (each subpackage, and each module at the top, one node),
  every strongly connected component is one listed in `KNOWN_CYCLES` /
  `KNOWN_PACKAGE_CYCLES`, exactly: a new module in a circle, or a new circle, fails; a
  circle that was broken fails too, until its entry here is updated (the lists only
  shrink).  The listed ones are issue 13's, left for the owners of those files;
- an import inside a function names a module only where that is deliberate (`LAZY`:
  NumPy, libcst and the optional pygls stay unimported until needed, and flake8's cheap
  pre-check imports no analysis) or is listed in `KNOWN_LAZY`, to be moved to the top.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path
from typing import Dict, FrozenSet, List, Set, Tuple

from flake8_flatten.shapes.families import FAMILIES

from .. import ROOT

PACKAGE = "flake8_flatten"

#: Deliberate imports inside functions: (importer, imported) -> why.
LAZY: Dict[Tuple[str, str], str] = {
    ("verification", "verify"): "NumPy: imported only when a shape is to be confirmed "
                                "(tests/frontends/test_config.py: verify off never imports it)",
    ("fix.planning", "fix.codemod"): "libcst: linting never imports it "
                                     "(tests/frontends/test_flake8_plugin.py)",
    ("cli", "lsp.server"): "pygls is an optional extra ([lsp])",
    ("plugin", "rules"): "flake8 loads the plugin in every project: the analysis is imported "
                         "only for a file that may define a Keras model",
    ("discovery", "discovery.analysis"): "the cheap pre-check (may_define_models) imports no analysis",
    ("config", "shapes.families"): "flake8 parses the options in every project: the layer "
                                   "table is loaded only to check dense-like names",
}

#: Imports inside functions that are to move to the top (issue 13, item 3): each in a file
#: being reworked by its owner.  Remove an entry when its import moves.
KNOWN_LAZY: Set[Tuple[str, str]] = set()

#: The file-level circles left (issue 13, item 3), each exactly.
KNOWN_CYCLES: Set[FrozenSet[str]] = set()

#: The package-level circles left.
KNOWN_PACKAGE_CYCLES: Set[FrozenSet[str]] = set()


def modules() -> Dict[str, Path]:
    """Every module of the package by dotted name, without the package prefix ("" is
    the package itself, "rules" the rules package)."""
    found = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(ROOT / PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _targets(name: str, is_package: bool, node: ast.AST, known: Dict[str, Path]) -> List[str]:
    """The package's modules an import statement in module ``name`` loads."""
    if isinstance(node, ast.Import):
        return [alias.name[len(PACKAGE) + 1:] for alias in node.names
                if alias.name.startswith(PACKAGE + ".")]
    if node.level:
        base = name.split(".") if name else []
        if not is_package:
            base = base[:-1]
        base = base[:len(base) - (node.level - 1)] + ([node.module] if node.module else [])
        target = ".".join(base)
    elif node.module == PACKAGE or (node.module or "").startswith(PACKAGE + "."):
        target = node.module[len(PACKAGE) + 1:]
    else:
        return []  # another distribution's module
    return [f"{target}.{alias.name}".lstrip(".") if f"{target}.{alias.name}".lstrip(".") in known
            else target for alias in node.names]


def import_graph() -> Tuple[Dict[str, Set[str]], Set[Tuple[str, str]]]:
    """(module -> the modules it imports, the (importer, imported) pairs made inside a
    function or class body)."""
    known = modules()
    edges: Dict[str, Set[str]] = defaultdict(set)
    inner: Set[Tuple[str, str]] = set()
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        at_top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in _targets(name, path.name == "__init__.py", node, known):
                if target in known and target != name:
                    edges[name].add(target)
                    if id(node) not in at_top:
                        inner.add((name, target))
    # rules/registry.py imports every rule module by its name (importlib), verify/engine.py
    # each family's references (verify/<family>.py, the families of shapes/families.py)
    edges["rules.registry"].update(name for name in known if name.startswith("rules.flt"))
    edges["verify.engine"].update(f"verify.{family.name}" for family in FAMILIES)
    return edges, inner


def circles(nodes, edges: Dict[str, Set[str]]) -> Set[FrozenSet[str]]:
    """The strongly connected components of more than one node (Tarjan)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    found: Set[FrozenSet[str]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return found


def package_of(module: str) -> str:
    """A subpackage, or a module at the package's top, is one node of the package graph."""
    return module.split(".")[0]


def _described(cycle: FrozenSet[str], edges: Dict[str, Set[str]]) -> str:
    ties = [f"{a} -> {b}" for a in sorted(cycle) for b in sorted(edges.get(a, ())) if b in cycle]
    return "{" + ", ".join(sorted(cycle)) + "}: " + "; ".join(ties)


def test_no_new_import_cycle_between_files():
    edges, _ = import_graph()
    found = circles(modules(), edges)
    new = [_described(c, edges) for c in found - KNOWN_CYCLES]
    gone = [sorted(c) for c in KNOWN_CYCLES - found]
    assert not new, "import cycles (move the name that closes each to where it belongs):\n" + \
        "\n".join(new)
    assert not gone, f"broken or changed: update KNOWN_CYCLES in {__file__}: {gone}"


def test_no_new_import_cycle_between_packages():
    edges, _ = import_graph()
    between: Dict[str, Set[str]] = defaultdict(set)
    for importer, imported in edges.items():
        for target in imported:
            if package_of(importer) != package_of(target):
                between[package_of(importer)].add(package_of(target))
    found = circles({package_of(m) for m in modules()}, between)
    assert found == KNOWN_PACKAGE_CYCLES, [_described(c, between) for c in found]


def test_imports_inside_functions_are_deliberate():
    _, inner = import_graph()
    unexplained = sorted(inner - set(LAZY) - KNOWN_LAZY)
    assert not unexplained, f"imports inside functions (move them to the module's top): {unexplained}"
    stale = sorted((set(LAZY) | KNOWN_LAZY) - inner)
    assert not stale, f"no longer imported inside a function: remove from {__file__}: {stale}"


def test_the_graph_sees_both_kinds_of_import():
    """The reader itself: a relative import at the top, one in a function, the registry's."""
    edges, inner = import_graph()
    assert "rules.finding" in edges["rules.flt002"] and "shapes.engine" in edges["rules"]
    assert ("fix.planning", "fix.codemod") in inner and "fix.codemod" in edges["fix.planning"]
    assert "rules.flt001" in edges["rules.registry"]
