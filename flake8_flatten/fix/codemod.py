"""The libcst codemod: where the new layer goes, in the style the Dense is written in,
and the rewrite that puts it there.

libcst keeps every byte it has no reason to touch (comments, layout, quotes, line
endings).  Where the new layer goes:

- ``model.add(Dense(..))``: a ``model.add(Flatten())`` statement on the line before; in
  a ``for`` loop whose body adds that Dense first, the statement goes before the loop,
  once (the first iteration is the one that needs it, the re-lint checks the others);
- ``Sequential([.., Dense(..)])``: an element before the Dense, on a line of its own
  when the list has one element per line;
- ``Dense(..)(x)`` / ``dense(x)``: ``Dense(..)(Flatten()(x))``.  Only the Dense's
  input changes, so a name other layers also read (``x``) keeps its meaning; in a
  ``for`` loop whose body starts with ``x = Dense(..)(x)``, ``x = Flatten()(x)`` goes
  before the loop, once;
- ``self.head = Dense(..)`` in a class's ``__init__`` (a subclassed model or custom layer,
  reported at that constructor): ``self.flatten = Flatten()`` on the line before it, and
  the one ``self.head(x)`` of the class (its ``call`` or a helper method, base classes and
  subclasses of the file included) becomes ``self.head(self.flatten(x))``.

The layer is spelled as the Dense is (``layers.Flatten``, ``tf.keras.layers.Flatten``);
a bare ``Dense`` gets ``Flatten`` added to the ``from ... import`` line that binds it
(a star import already binds it).  An ``input_shape=`` given to the Dense moves to the
new layer, which now comes first.
"""

from __future__ import annotations

import ast
import bisect
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

from ..discovery.names import keras_path
from .targets import Target, Unfixable, byte_col, char_col, physical_lines

#: Keyword arguments that declare a Sequential's input: they belong to its first layer.
_INPUT_ARGUMENTS = ("input_shape", "input_dim", "batch_input_shape", "batch_size")




@dataclass(eq=False)
class _Plan:
    """One insertion.  ``site`` is the node the finding points at (the Dense, or its
    application in the functional API); ``anchor`` the statement or list element the
    ``inserted`` node goes before (None: the application's input is wrapped)."""

    targets: List[Target]
    name: str  # the layer class inserted
    layer: object  # libcst expression spelling it, without arguments
    dense: object
    site: object
    anchor: object = None
    inserted: object = None
    moved: Tuple[int, ...] = ()  # indexes of the Dense's input declarations, which move
    imports: tuple = ()  # from-imports that get ``name`` added
    #: a subclassed model's or custom layer's ``self.flatten``: the application ``site``
    #: gets its input wrapped in it (the ``inserted`` statement defines it), and the
    #: Dense's new position is its constructor's
    wrapper: object = None
    attribute: str = ""


class Codemod:
    """Plans insertions on one parsed file and applies any set of them."""

    def __init__(self, source: str):
        self.source = source
        try:
            module = cst.parse_module(source)
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True)  # ours alone
            metadata = wrapper.resolve_many([ParentNodeProvider, PositionProvider])
        except (cst.ParserSyntaxError, RecursionError) as exc:  # deep nesting: 2,000-term sums
            raise Unfixable("libcst cannot parse this file") from exc
        self.module = wrapper.module
        self.parents = metadata[ParentNodeProvider]
        self.lines = physical_lines(source)
        self.positions = metadata[PositionProvider]
        self.calls: Dict[Tuple[int, int], list] = {}
        self.reserved: Dict[object, tuple] = {}  # plan -> (its classes, the attribute name)
        for node, where in self.positions.items():
            if isinstance(node, cst.Call):
                self.calls.setdefault((where.start.line, where.start.column), []).append(node)

    def plan(self, targets: List[Target]) -> _Plan:
        target = targets[0]
        if len({t.layer for t in targets}) > 1:
            raise Unfixable("the models sharing this Dense need different layers")
        line, col = target.position
        starts = self.calls.get((line, char_col(self.lines[line - 1], col)), [])
        constructor = next((c for c in starts if not isinstance(c.func, cst.Call)), None)
        method = self._init_method(constructor) if constructor is not None else None
        if method is not None:  # ``self.head = Dense(..)`` in a class's ``__init__``
            attribute = self._self_attribute(constructor, method)
            if attribute is not None:
                return self._subclassed(targets, constructor, method, attribute)
        if target.functional:
            try:
                return self._wrap_input(targets, starts)
            except Unfixable:
                if method is None or constructor is None or self._in_layer_list_or_add(constructor):
                    raise
                raise Unfixable("the Dense in __init__ is not assigned to an attribute of its "
                                "own (self.<name> = Dense(...)) nor applied there: the new "
                                "layer has no application to go before") from None
        dense = next((c for c in starts if not isinstance(c.func, cst.Call)), None)
        if dense is None:
            raise Unfixable("the Dense call is not at the reported position")
        layer, imports = self._spelling(dense, target.layer)
        moved = tuple(i for i, arg in enumerate(dense.args)
                      if arg.keyword is not None and arg.keyword.value in _INPUT_ARGUMENTS)
        call = cst.Call(func=layer.deep_clone(), args=_arguments([dense.args[i] for i in moved]))
        element = self.parents.get(dense)
        if isinstance(element, cst.Element) and isinstance(self.parents.get(element), cst.List):
            anchor, inserted = element, cst.Element(call)
        else:
            statement, anchor = self._add_statement(dense)
            inserted = statement.deep_replace(dense, call).with_changes(
                leading_lines=anchor.leading_lines,
                trailing_whitespace=cst.TrailingWhitespace()).deep_clone()
        return _Plan(targets, target.layer, layer, dense, dense, anchor, inserted, moved, imports)

    def _wrap_input(self, targets: List[Target], starts: list) -> _Plan:
        """The functional API: ``Dense(..)(x)`` or ``dense(x)`` -> ``..(Flatten()(x))``."""
        # ``Dense(..)(x)`` and its ``Dense(..)`` start at one position: the application
        # is the call of a call, or else a layer's name called (``dense(x)``)
        site = next((c for c in starts if isinstance(c.func, cst.Call)),
                    next((c for c in starts if isinstance(c.func, cst.Name)), None))
        if site is None:
            raise Unfixable("the Dense application is not at the reported position")
        if not site.args or site.args[0].keyword is not None or site.args[0].star:
            raise Unfixable("the Dense is not applied to a single tensor")
        loop = self._reassigning_loop(site)
        self._outside_loops(loop or site)
        dense = site.func if isinstance(site.func, cst.Call) else self._constructor(site)
        layer, imports = self._spelling(dense, targets[0].layer)
        if loop is None:
            return _Plan(targets, targets[0].layer, layer, dense, site, imports=imports)
        tensor = site.args[0].value  # ``x = Flatten()(x)`` before the loop, once
        flattened = cst.Call(func=cst.Call(func=layer.deep_clone()), args=[cst.Arg(tensor.deep_clone())])
        inserted = cst.SimpleStatementLine(
            body=[cst.Assign(targets=[cst.AssignTarget(tensor.deep_clone())], value=flattened)],
            leading_lines=loop.leading_lines)
        return _Plan(targets, targets[0].layer, layer, dense, site, loop, inserted, imports=imports)

    # -- subclassed models and custom layers: ``self.head = Dense(..)`` in ``__init__`` --

    def _init_method(self, node):
        """The ``__init__`` of a class that ``node`` is written in (directly, not in a
        nested function or class), or None."""
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (cst.Lambda, cst.ClassDef)):
                return None
            if isinstance(node, cst.FunctionDef):
                block = self.parents.get(node)
                owner = self.parents.get(block)
                if node.name.value == "__init__" and isinstance(owner, cst.ClassDef):
                    return node
                return None
        return None

    def _self_attribute(self, dense, method):
        """``head`` when ``dense`` is the whole value of ``self.head = Dense(..)``, else None."""
        assign = self.parents.get(dense)
        if not (isinstance(assign, cst.Assign) and assign.value is dense and len(assign.targets) == 1):
            return None
        target = assign.targets[0].target
        this = _self_name(method)
        if (isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name)
                and this is not None and target.value.value == this):
            return target.attr.value
        return None

    def _in_layer_list_or_add(self, dense) -> bool:
        """Is ``dense`` an element of a list or the argument of ``.add(..)`` (handled as in
        Sequential models: ``self.body = Sequential([.., Dense(..)])``)?"""
        parent = self.parents.get(dense)
        if isinstance(parent, cst.Element):
            return isinstance(self.parents.get(parent), cst.List)
        call = self.parents.get(parent)
        return (isinstance(parent, cst.Arg) and isinstance(call, cst.Call)
                and isinstance(call.func, cst.Attribute) and call.func.attr.value == "add")

    def _subclassed(self, targets: List[Target], dense, method, attribute: str) -> _Plan:
        """``self.flatten = Flatten()`` before ``self.head = Dense(..)`` in ``__init__``,
        and ``self.head(x)`` -> ``self.head(self.flatten(x))`` where the class applies it."""
        layer_name = targets[0].layer
        assign = self.parents[dense]
        statement = self.parents.get(assign)
        block = self.parents.get(statement)
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
                and isinstance(block, cst.IndentedBlock) and self.parents.get(block) is method):
            raise Unfixable(f"self.{attribute} = Dense(...) is not a statement of its own "
                            f"directly in __init__")
        cls = self.parents[self.parents[method]]
        family = self._family(cls)
        assigned, applied, other, owners = self._uses(family, attribute)
        if len(assigned) > 1:
            raise Unfixable(f"self.{attribute} is assigned more than once: which Dense it holds "
                            f"depends on the order")
        if other:
            raise Unfixable(f"self.{attribute} is used other than by calling it (line "
                            f"{self.positions[other[0]].start.line}): the new layer cannot "
                            f"follow it there")
        if not applied:
            has_call = any(isinstance(m, cst.FunctionDef) and m.name.value == "call"
                           for c in family for m in c.body.body)
            raise Unfixable(f"self.{attribute} is never applied in the class"
                            + ("" if has_call else " (it has no call method)"))
        if len(applied) > 1:
            lines = ", ".join(str(self.positions[c].start.line) for c in applied)
            raise Unfixable(f"self.{attribute} is applied more than once (lines {lines}): "
                            f"the new layer would have to go before each")
        site = applied[0]
        where = {t.applied for t in targets} - {None}
        if where and where != {self.positions[site].start.line}:
            raise Unfixable(f"self.{attribute} is applied on line "
                            f"{self.positions[site].start.line}, not on line "
                            f"{', '.join(map(str, sorted(where)))} as reported")
        if not site.args or site.args[0].keyword is not None or site.args[0].star:
            raise Unfixable(f"self.{attribute}(...) is not applied to a single tensor")
        self._outside_loops(site)
        layer, imports = self._spelling(dense, layer_name)
        this = _self_name(method)
        name = self._free_attribute("global_pool" if layer_name != "Flatten" else "flatten", family)
        attr = cst.Attribute(value=cst.Name(this), attr=cst.Name(name))
        inserted = cst.SimpleStatementLine(
            body=[cst.Assign(targets=[cst.AssignTarget(attr)],
                             value=cst.Call(func=layer.deep_clone()))],
            leading_lines=statement.leading_lines)
        wrapper = cst.Attribute(value=cst.Name(owners[site]), attr=cst.Name(name))
        plan = _Plan(targets, layer_name, layer, dense, site, statement, inserted,
                     imports=imports, wrapper=wrapper, attribute=name)
        self.reserved[plan] = (frozenset(family), name)
        return plan

    def release(self, plan: _Plan) -> None:
        """A plan that was declined gives its attribute name back."""
        self.reserved.pop(plan, None)

    def _family(self, cls) -> list:
        """``cls`` and the classes of the file it derives from or that derive from it
        (by name, transitively): any of them may read an attribute ``cls`` sets."""
        classes = [n for n in self.parents if isinstance(n, cst.ClassDef)]
        bases = {c: {get_full_name_for_node(arg.value) for arg in c.bases} for c in classes}
        family, changed = {cls}, True
        while changed:
            changed = False
            for c in classes:
                if c in family:
                    continue
                parents_in = any(f.name.value in bases[c] for f in family)
                children_in = any(c.name.value in bases[f] for f in family)
                if parents_in or children_in:
                    family.add(c)
                    changed = True
        return sorted(family, key=lambda c: (self.positions[c].start.line, self.positions[c].start.column))

    def _uses(self, family: list, attribute: str):
        """``(assignments, applications, other uses, application -> the name of its
        method's self)`` of ``self.<attribute>`` in the methods of ``family`` (``self``
        being each method's first parameter, also in functions nested in the method)."""
        assigned, applied, other, owners = [], [], [], {}
        for cls in family:
            for method in cls.body.body:
                this = _self_name(method) if isinstance(method, cst.FunctionDef) else None
                if this is None:
                    continue
                for node in _descendants(method):
                    if not (isinstance(node, cst.Attribute) and node.attr.value == attribute
                            and isinstance(node.value, cst.Name) and node.value.value == this):
                        continue
                    parent = self.parents.get(node)
                    if isinstance(parent, cst.AssignTarget) and parent.target is node:
                        assigned.append(node)
                    elif isinstance(parent, cst.Call) and parent.func is node:
                        applied.append(parent)
                        owners[parent] = this
                    else:
                        other.append(node)
        return assigned, applied, other, owners

    def _free_attribute(self, base: str, family: list) -> str:
        """``base``, ``base_1``, ..: the first name that the classes of ``family`` neither
        use as an attribute (of ``self`` or of anything else) nor define, and that no other
        plan took for them."""
        used = set()
        for cls in family:
            for node in _descendants(cls):
                if isinstance(node, cst.Attribute):
                    used.add(node.attr.value)
                elif isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                    used.add(node.name.value)
                elif isinstance(node, cst.AssignTarget) and isinstance(node.target, cst.Name):
                    used.add(node.target.value)  # class attributes (and locals: harmless)
        used |= {name for classes, name in self.reserved.values() if classes & set(family)}
        name, count = base, 0
        while name in used:
            count += 1
            name = f"{base}_{count}"
        return name

    def _reassigning_loop(self, site):
        """The ``for`` loop whose body starts with ``x = Dense(..)(x)`` (``site`` being the
        application), or None when ``site`` is not that statement of a loop's body."""
        assign = self.parents.get(site)
        statement = self.parents.get(assign)
        if not (isinstance(assign, cst.Assign) and assign.value is site and len(assign.targets) == 1
                and isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            return None
        target, tensor = assign.targets[0].target, site.args[0].value
        if not (isinstance(target, cst.Name) and isinstance(tensor, cst.Name)
                and target.value == tensor.value):
            return None
        return self._loop_adding_first(statement)

    def _constructor(self, site):
        """The ``dense = Dense(..)`` call last assigned to the name ``site`` calls."""
        start = self.positions[site].start
        found = None
        for node, where in self.positions.items():
            if (isinstance(node, cst.Assign) and (where.start.line, where.start.column)
                    < (start.line, start.column) and len(node.targets) == 1
                    and isinstance(node.targets[0].target, cst.Name)
                    and node.targets[0].target.value == site.func.value
                    and isinstance(node.value, cst.Call)):
                found = node.value
        if found is None:
            raise Unfixable(f"{site.func.value} is not assigned a layer call before it is applied")
        return found

    def _add_statement(self, dense):
        """``(the model.add(Dense(..)) statement the Dense is alone in, the statement the
        new one goes before)``: itself, or the ``for`` loop whose body adds the Dense
        first (its first iteration gets the Flatten, which then flattens nothing more)."""
        arg = self.parents.get(dense)
        call = self.parents.get(arg)
        if not (isinstance(arg, cst.Arg) and isinstance(call, cst.Call) and len(call.args) == 1
                and isinstance(call.func, cst.Attribute) and call.func.attr.value == "add"):
            raise Unfixable("the Dense is neither an element of a layer list, nor the argument "
                            "of model.add(...), nor applied to a tensor")
        expression = self.parents.get(call)
        statement = self.parents.get(expression)
        if not (isinstance(expression, cst.Expr) and isinstance(statement, cst.SimpleStatementLine)
                and len(statement.body) == 1
                and isinstance(self.parents.get(statement), (cst.IndentedBlock, cst.Module))):
            raise Unfixable("model.add(...) shares its line with other statements")
        loop = self._loop_adding_first(statement)
        self._outside_loops(loop or statement)
        return statement, loop or statement

    def _loop_adding_first(self, statement):
        """The ``for`` loop whose body runs ``statement`` before any other call, or None
        when ``statement`` is not directly in a loop's body."""
        block = self.parents.get(statement)
        loop = self.parents.get(block)
        if not (isinstance(block, cst.IndentedBlock) and isinstance(loop, cst.For)
                and loop.body is block):
            return None
        for before in block.body[:block.body.index(statement)]:
            if any(isinstance(node, cst.Call) for node in _descendants(before)):
                raise Unfixable("the Dense is inside a loop that calls something before it: "
                                "the new layer cannot go before the loop")
        return loop

    def _outside_loops(self, node) -> None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, (cst.For, cst.While, cst.CompFor)):
                raise Unfixable("the Dense is inside a loop: the new layer would be added "
                                "on every iteration")
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                return

    def _spelling(self, dense, layer: str):
        """``(how to spell the layer, from-imports to add it to)``, as the Dense is spelled."""
        func = dense.func
        if isinstance(func, cst.Attribute):
            return cst.Attribute(value=func.value.deep_clone(), attr=cst.Name(layer)), ()
        if not isinstance(func, cst.Name):
            raise Unfixable("the Dense is not called by a name")
        imports = [n for n in self.parents if isinstance(n, cst.ImportFrom) and _from_keras(n)]
        for node in imports:
            for alias in () if isinstance(node.names, cst.ImportStar) else node.names:
                if alias.name.value == layer:
                    return cst.Name(_bound(alias)), ()
        binding = tuple(n for n in imports if not isinstance(n.names, cst.ImportStar)
                        and any(_bound(alias) == func.value for alias in n.names))
        if not binding:
            if any(isinstance(n.names, cst.ImportStar) and _layers_module(n) for n in imports):
                if layer in _names_in_use(self.source, reads=False):  # the star's name is hidden
                    raise Unfixable(f"the name {layer} is bound to something else in this file")
                return cst.Name(layer), ()  # ``from keras.layers import *`` binds it already
            bound = _names_in_use(self.source, reads=False)
            if func.value not in bound and layer not in bound:  # a snippet without its imports:
                return cst.Name(layer), ()  # what provides Dense provides Flatten
            raise Unfixable(f"{func.value} is not imported by a 'from ... import' line "
                            f"to add {layer} to")
        if layer in _names_in_use(self.source):
            raise Unfixable(f"the name {layer} is already used in this file")
        return cst.Name(layer), binding

    def apply(self, plans: List[_Plan]):
        """``(the fixed source, plan -> the (line, col) of its site there)``."""
        inserter = _Inserter(plans)
        try:
            module = self.module.visit(inserter)
            positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
            fixed = module.code
        except RecursionError as exc:  # as when parsing: nesting deeper than libcst recurses
            raise Unfixable("libcst cannot rewrite this file") from exc
        lines = physical_lines(fixed)
        placed = {}
        for plan, node in inserter.placed.items():
            start = positions[node].start
            placed[plan] = (start.line, byte_col(lines[start.line - 1], start.column))
        return fixed, placed


class _Inserter(cst.CSTTransformer):
    """Applies plans: removes moved arguments, inserts statements and elements, wraps
    inputs, extends imports.  Children are matched to plans by their original node."""

    def __init__(self, plans: List[_Plan]):
        super().__init__()
        self.by_dense = {plan.dense: plan for plan in plans}
        self.by_site = {plan.site: plan for plan in plans}
        self.by_anchor = {plan.anchor: plan for plan in plans if plan.anchor is not None}
        self.names: Dict[object, List[str]] = {}
        for plan in plans:
            for node in plan.imports:
                names = self.names.setdefault(node, [])
                if plan.name not in names:
                    names.append(plan.name)
        self.placed: Dict[_Plan, object] = {}

    def leave_Call(self, original, updated):
        plan = self.by_dense.get(original)
        if plan is not None and plan.moved:
            updated = updated.with_changes(args=_without(updated.args, plan.moved))
        if plan is not None and plan.wrapper is not None:  # reported at its constructor
            self.placed[plan] = updated
        plan = self.by_site.get(original)
        if plan is None:
            return updated
        if plan.anchor is None or plan.wrapper is not None:
            # the functional API: the Dense's input goes through the layer (in a loop, the
            # ``x = Flatten()(x)`` statement before it does: anchor is the loop); a class's
            # ``self.head(x)``: through ``self.flatten``, which the anchor statement defines
            first = updated.args[0]
            layer = (plan.wrapper.deep_clone() if plan.wrapper is not None
                     else cst.Call(func=plan.layer.deep_clone()))
            wrapped = first.with_changes(value=cst.Call(func=layer, args=[cst.Arg(first.value)]))
            updated = updated.with_changes(args=[wrapped, *updated.args[1:]])
        if plan.wrapper is None:
            self.placed[plan] = updated
        return updated

    def _with_statements(self, original, updated):
        body = list(updated.body)
        for index in reversed(range(len(original.body))):
            plan = self.by_anchor.get(original.body[index])
            if plan is not None:  # the new statement takes over the comments above
                body[index] = body[index].with_changes(leading_lines=())
                body.insert(index, plan.inserted)
        return updated.with_changes(body=body)

    leave_IndentedBlock = _with_statements
    leave_Module = _with_statements

    def leave_List(self, original, updated):
        elements = list(updated.elements)
        opening = updated.lbracket.whitespace_after
        for index in reversed(range(len(original.elements))):
            plan = self.by_anchor.get(original.elements[index])
            if plan is not None:
                elements = _insert_item(elements, plan.inserted, index, opening)
        return updated.with_changes(elements=elements)

    def leave_ImportFrom(self, original, updated):
        if original not in self.names:  # (a star import has no names to extend)
            return updated
        aliases = list(updated.names)
        opening = updated.lpar.whitespace_after if updated.lpar else updated.whitespace_after_import
        for name in self.names.get(original, ()):
            present = [alias.name.value for alias in aliases]
            at = bisect.bisect(present, name) if present == sorted(present) else len(present)
            aliases = _insert_item(aliases, cst.ImportAlias(cst.Name(name)), at, opening)
        return updated.with_changes(names=aliases)


def _insert_item(items: list, new, at: int, opening) -> list:
    """``items`` (list elements or import names) with ``new`` at index ``at``, laid out
    like its neighbours; ``opening`` is the whitespace after the opening bracket."""
    items = list(items)
    gap = _gap(items, at, opening)
    if at < len(items):
        items.insert(at, new.with_changes(comma=cst.Comma(whitespace_after=gap)))
    else:  # appended: the last item's comma (or its absence) passes to the new one
        last = items[-1]
        items[-1] = last.with_changes(comma=cst.Comma(whitespace_after=gap))
        items.append(new.with_changes(comma=last.comma))
    return items


def _gap(items: list, at: int, opening):
    """What separates a new item from the next one: a new line at the same indentation
    when the items are one per line, else the separator the items already use."""
    index = min(at, len(items) - 1)
    before = items[index - 1].comma.whitespace_after if index > 0 else opening
    if isinstance(before, cst.ParenthesizedWhitespace):  # without the comments of that line
        return cst.ParenthesizedWhitespace(indent=before.indent, last_line=before.last_line)
    if index > 0:
        return before
    first = items[0].comma
    return first.whitespace_after if len(items) > 1 else cst.SimpleWhitespace(" ")


def _without(args: Sequence, indexes: Tuple[int, ...]) -> list:
    """``args`` without those at ``indexes``; a removed last argument's comma (or its
    absence) passes to the argument that becomes last."""
    args = list(args)
    for index in sorted(indexes, reverse=True):
        removed = args.pop(index)
        if index == len(args) and args:
            args[-1] = args[-1].with_changes(comma=removed.comma)
    return args


def _arguments(args: list) -> list:
    """Arguments moved to a new call, as ``a=1, b=2``."""
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    tight = cst.SimpleWhitespace("")
    moved = [arg.deep_clone().with_changes(comma=separator, whitespace_after_arg=tight) for arg in args]
    if moved:
        moved[-1] = moved[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return moved


def _from_keras(node) -> bool:
    if node.relative or node.module is None:
        return False
    return keras_path(get_full_name_for_node(node.module)) is not None


def _self_name(function):
    """The name of a method's first parameter (``self``), or None."""
    params = function.params
    first = (list(params.posonly_params) + list(params.params))[:1]
    return first[0].name.value if first else None


def _descendants(node):
    yield node
    for child in node.children:
        yield from _descendants(child)


def _layers_module(node) -> bool:
    """Is ``node`` an import from Keras's layers module (``tensorflow.keras.layers``)?"""
    return keras_path(get_full_name_for_node(node.module)) == ("layers",)


def _bound(alias) -> str:
    """The name an import alias binds."""
    return alias.asname.name.value if alias.asname is not None else alias.name.value


def _names_in_use(source: str, reads: bool = True) -> set:
    """Every name the file binds or (``reads``) reads, attribute names excepted."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            if reads or not isinstance(node.ctx, ast.Load):
                names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names
