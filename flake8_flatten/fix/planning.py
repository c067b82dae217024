"""Which edits to make: each FLT001 finding becomes a target, the codemod plans its
insertion, and the re-lint of the edited source decides whether it is kept.

Each edit is re-linted before it is kept: the Dense must no longer be reported, its
output must be the shape the finding promised (confirmed by the NumPy references), no
other model of the file may change and no other finding may appear.  An edit that fails
any of these is declined, with the reason.  Nothing here reads or writes files: the
language server and the ``fix`` command both call `fix_source`.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Tuple

from ..config import Options, using
from ..discovery import discover
from ..model import APPLIED, format_shape
from ..rules import Finding, flt001, lint, suppressed
from ..shapes.engine import run_model
from ..verification import verified
from .targets import Applied, FixResult, Skipped, Target, Unfixable, physical_lines

#: libcst's concrete tree takes about 1.5 kB of memory per character of source (measured:
#: 160 MB for a 105 kB file): past this size a rewrite would break the 200 MB bound.  It is
#: above the largest Keras file of our 559-file real-code corpus (46 kB).
MAX_REWRITE_CHARS = 64_000
#: libcst's native parser recurses once per operand of a boolean chain and kills the
#: process (a segfault, not an exception) somewhere past 6,000 operands (libcst 1.9).
MAX_BOOLEAN_OPERANDS = 2000


def fix_source(source: str, pooling: bool = False) -> FixResult:
    """``source`` with every FLT001 it can fix safely fixed, and each other finding
    declined with its reason.  ``pooling``: insert GlobalAveragePoolingND() rather than
    Flatten() after conv/pool feature maps.  Pure: no file is read or written."""
    with using(Options()):  # the NumPy references confirm every shape, whatever is configured
        return _fix(source, pooling)


def _fix(source: str, pooling: bool) -> FixResult:
    models = discover(source)
    targets, skipped = _targets(source, models, pooling)
    if not targets:
        return FixResult(source, [], skipped)
    findings = lint(source)
    other = {(f.line, f.col): f for f in findings if f.code != flt001.CODE}
    for target in [t for t in targets if t.position in other]:  # e.g. FLT004: weights shared
        targets.remove(target)                                    # with another input
        skipped.append(Skipped(target.finding, f"the Dense also has {other[target.position].code} "
                                               f"there: fix that first"))
    if not targets:
        return FixResult(source, [], sorted(skipped, key=_by_finding))
    if len(source) > MAX_REWRITE_CHARS:
        reason = f"the file is over {MAX_REWRITE_CHARS // 1000} kB, too large to rewrite within bounds"
        return FixResult(source, [], skipped + [Skipped(t.finding, reason) for t in targets])
    try:
        if _crashes_libcst(source):
            raise Unfixable("libcst cannot parse this file")
        from .codemod import Codemod  # libcst: only when there is something to fix

        codemod = Codemod(source)
    except Unfixable as exc:
        return FixResult(source, [], skipped + [Skipped(t.finding, str(exc)) for t in targets])
    baseline = _Baseline([_outputs(model)[0] for model in models], Counter(f.code for f in findings))
    groups: Dict[Tuple[int, int], List[Target]] = {}
    for target in targets:  # a Dense in a helper may be reported once per model it builds
        groups.setdefault(target.position, []).append(target)
    accepted, outcome = [], None
    for group in groups.values():
        plan = None
        try:
            plan = codemod.plan(group)
            outcome = _accept(codemod, [plan], baseline)
        except Unfixable as exc:
            skipped.extend(Skipped(t.finding, str(exc)) for t in group)
            if plan is not None:
                codemod.release(plan)  # its attribute name (self.flatten) is free again
            continue
        accepted.append((plan, group))
    if not accepted:
        return FixResult(source, [], sorted(skipped, key=_by_finding))
    try:  # each fix passed alone; together they must pass again (one alone already has)
        fixed, placed = _accept(codemod, [plan for plan, _ in accepted], baseline) \
            if len(accepted) > 1 else outcome
    except Unfixable as exc:
        skipped.extend(Skipped(t.finding, f"the fixes conflict: {exc}")
                       for _, group in accepted for t in group)
        return FixResult(source, [], sorted(skipped, key=_by_finding))
    applied = {}  # one per finding's place, as lint reports it (several models may state it)
    for plan, group in accepted:
        for t in group:
            key = (t.finding.line, t.finding.col, t.finding.code)
            applied.setdefault(key, Applied(t.finding, t.layer, *placed[plan], t.promised))
    return FixResult(fixed, sorted(applied.values(), key=_by_finding), sorted(skipped, key=_by_finding))


def _crashes_libcst(source: str) -> bool:
    """Would handing ``source`` to libcst crash the process?  (It was linted: it parses.)"""
    if " and " not in source and " or " not in source:
        return False
    return any(isinstance(node, ast.BoolOp) and len(node.values) > MAX_BOOLEAN_OPERANDS
               for node in ast.walk(ast.parse(source)))


def _by_finding(record) -> Finding:
    return record.finding


def _targets(source: str, models: list, pooling: bool) -> Tuple[List[Target], List[Skipped]]:
    lines = physical_lines(source)
    targets, skipped = [], []
    for index, model in enumerate(models):
        for finding, remedy in flt001.diagnose(model, run_model(model)):
            if suppressed(lines, finding):
                continue
            pools = [layer for layer in remedy.layers if layer != "Flatten"]
            layer = pools[0] if pooling and pools else remedy.layers[0]
            promised = flt001.fixed_shape(remedy.given, remedy.dense, layer)
            if promised is None:
                skipped.append(Skipped(finding, f"the Dense's output after {layer}() is not known"))
            else:
                targets.append(Target(index, model.sources is not None, finding, layer, promised,
                                      remedy.applied))
    return targets, skipped


@dataclass
class _Baseline:
    """What the file's models output and which findings it has, before the fix."""

    outputs: List[tuple]
    codes: Counter


def _outputs(model):
    """``(the model's output shapes, its run, every layer's verified output)``."""
    run = run_model(model)
    checked = verified(run)
    return tuple(run.shape_of(ref, checked) for ref in run.outputs), run, checked


def _accept(codemod, plans: list, baseline: _Baseline):
    """``(fixed source, plan -> the Dense's new position)``, or Unfixable with what
    the re-lint of the fixed source found wrong."""
    fixed, placed = codemod.apply(plans)
    models = discover(fixed)
    runs = [_outputs(model) for model in models]
    _one_width_per_class_dense(plans, placed, models, runs)  # before the re-lint: it says why
    findings = lint(fixed)
    added = Counter(f.code for f in findings) - baseline.codes
    if added:
        first = next(f for f in findings if f.code in added)
        raise Unfixable(f"the fixed file would get {first.code} at line {first.line}: "
                        f"{first.message}")
    targets = [t for plan in plans for t in plan.targets]
    position = {t.position: placed[plan] for plan in plans for t in plan.targets}
    if len(models) != len(baseline.outputs):
        raise Unfixable("the fixed file would define other models")
    for index, (model, (outputs, run, checked)) in enumerate(zip(models, runs)):
        mine = [t for t in targets if t.model == index]
        if not mine and outputs != baseline.outputs[index] and model.input_source != APPLIED:
            # (a model applied inside another is judged there: a class's own Dense fixed
            # changes its output, and the model applying it is checked for that)
            raise Unfixable(f"the model at line {model.line} would change too")
        reported = {(f.line, f.col) for f in flt001.check(model, run)}
        for target in mine:
            where = position[target.position]
            if where in reported:
                raise Unfixable(f"FLT001 would still be reported after {target.layer}()")
            shapes = [output for _, output in _layers_at(model, run, checked, where)]
            if target.promised not in shapes:
                found = ", ".join(format_shape(s) for s in shapes) or "nothing"
                raise Unfixable(f"after {target.layer}() the Dense would output {found}, "
                                f"not {format_shape(target.promised)}")
    return fixed, placed


def _one_width_per_class_dense(plans: list, placed: dict, models: list, runs: list) -> None:
    """Unfixable when a class's Dense (``self.head``) would get inputs of several sizes:
    one model object applied to several input shapes, one weight matrix."""
    widths: Dict[tuple, set] = {}
    classes = {placed[plan] for plan in plans if plan.wrapper is not None}
    for model, (_, run, checked) in zip(models, runs):
        for where in classes:
            widths.setdefault((where, model.line, model.col), set()).update(
                shape[-1] for shape, _ in _layers_at(model, run, checked, where)
                if shape is not None and shape[-1] is not None)
    for (where, _, _), found in widths.items():
        if len(found) > 1:
            plan = next(plan for plan in plans if placed[plan] == where)
            raise Unfixable(f"after {plan.name}() the Dense would get "
                            f"{' or '.join(map(str, sorted(found)))} inputs: one weight "
                            f"matrix cannot take both"
                            + (" (global pooling could: --pooling)" if plan.name == "Flatten" else ""))


def _layers_at(model, run, checked, where) -> list:
    """``(input shape, verified output)`` of each application of the layers constructed at
    ``where``: in ``run``, or else inside the custom layers and nested models of ``model``
    (a class's ``self.head = Dense(..)``), which FLT001 judges layer by layer as well."""
    found = [(result.input_shape, checked[i]) for i, result in enumerate(run.results)
             if (result.call.line, result.call.col) == where]
    if found:
        return found
    expanded = flt001._expanded(model)  # what flt001.diagnose judges
    if expanded is model:
        return []
    run = run_model(expanded)
    checked = verified(run)
    return [(result.input_shape, checked[i]) for i, result in enumerate(run.results)
            if (result.call.line, result.call.col) == where]
