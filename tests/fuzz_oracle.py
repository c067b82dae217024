"""The checks the fuzzers run, shared by ``tests/discovery/test_fuzz.py`` and ``scripts/fuzz_long.py``.

* `escaped`: every front-end path (``lint()``, the flake8 plugin's path with a
  prebuilt tree, ``shapes`` summaries, optionally the CLI) on one source; any
  exception is returned, never swallowed.
* `check_numpy`: the static engine's shapes against the NumPy references.  The
  verifier drops a claim in two cases that `verified_graph` does not tell apart:
  the reference computed another shape (a *disagreement*, a bug) or could not run
  (*unconfirmed*: the claim is just not printed).  Here they are counted apart.
* `check_keras_layers` / `check_refusals`: a generated file's static shapes and FLT004
  findings against what real Keras does when the file runs (`keras_run`, needs Keras).
"""

from __future__ import annotations

import ast
import io
import re
import sys
import traceback
import warnings
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from flake8_flatten.discovery import discover
from flake8_flatten.model import ModelDescription
from flake8_flatten.rules import Finding, lint
from flake8_flatten.shapes.engine import run_model

Site = Tuple[int, int]  # (1-based line, 0-based column) of a call, as ast reports it


@dataclass
class Tally:
    """Counters plus the first few examples of each kind of problem."""

    counts: Counter = field(default_factory=Counter)
    examples: Dict[str, List[str]] = field(default_factory=dict)
    keep: int = 5

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    def note(self, key: str, example: str) -> None:
        """Count a problem and keep its example (the first ``keep`` of each kind)."""
        self.counts[key] += 1
        kept = self.examples.setdefault(key, [])
        if len(kept) < self.keep:
            kept.append(example)


# --- no exception escapes -----------------------------------------------------------


def escaped(source: str, cli: bool = False) -> List[str]:
    """Tracebacks of the exceptions any front-end path raised on ``source``."""
    from flake8_flatten.plugin import FlattenChecker
    from flake8_flatten.summary import summarize

    lines = source.splitlines(keepends=True)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None  # flake8 reports E999 and never calls plugins
    paths = [lambda: lint(source),
             lambda: [summarize(model, "fuzz.py") for model in discover(source)]]
    if tree is not None:
        paths += [lambda: lint(source, tree, lines),
                  lambda: list(FlattenChecker(tree, lines).run())]
    if cli:
        paths += [lambda: _cli(["check", "-"], source),
                  lambda: _cli(["shapes", "--format", "json", "-"], source)]
    errors = []
    for path in paths:
        try:
            path()
        except Exception:
            errors.append(traceback.format_exc())
    return errors


def _cli(argv: List[str], source: str) -> None:
    """Run the CLI in-process on ``source`` as stdin; a crash or an odd status raises."""
    from flake8_flatten.cli import main

    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(source.encode("utf-8", "surrogatepass")))
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as err:
            status = main(argv)
    finally:
        sys.stdin = stdin
    if status not in (0, 1) and not (status == 2 and err.getvalue().count("\n") == 1):
        raise AssertionError(f"flake8-flatten {' '.join(argv)} exited {status}: {err.getvalue()!r}")


def kerasify(source: str, seed: int) -> Optional[str]:
    """``source`` with some names replaced by Keras spellings (``layers.Dense``,
    ``keras.Sequential``, ``Model``, ``Input``...), so discovery meets Keras calls in
    arbitrary positions; None when it does not parse."""
    import random

    rng = random.Random(seed)
    spellings = ("keras.Sequential", "Sequential", "keras.Model", "Model", "keras.Input", "Input",
                 "layers.Dense", "layers.Conv2D", "layers.Flatten", "layers.Add", "layers.add",
                 "layers.Reshape", "layers.LSTM", "layers.Bidirectional", "layers.TimeDistributed",
                 "layers.Concatenate", "layers.MaxPooling2D", "layers.Embedding", "model",
                 "model.add", "model.predict", "np.zeros")

    class Rename(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name):
            if isinstance(node.ctx, ast.Load) and rng.random() < 0.5:
                return ast.copy_location(ast.parse(rng.choice(spellings), mode="eval").body, node)
            return node

    try:
        tree = Rename().visit(ast.parse(source))
        return KERAS_HEADER + ast.unparse(ast.fix_missing_locations(tree)) + "\n"
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


#: Odd values for a layer's arguments, beside the donor program's own expressions.
HOSTILE = ("-1", "0", "10 ** 12", "2.5", "'same'", "None", "True", "()", "[]", "(3, None)", "[-1, 4]",
           "((1, 2), (3,))", "undefined_name", "lambda x: x", "*args", "x[0]", "layers.Dense",
           "keras.Input((4,))", "f(1)", "(1, 2) * 3", "-(-4)", "3 // 0", "'a' * 3", "{1: 2}")


def splice(model_source: str, donor: str, seed: int) -> Optional[str]:
    """A generated model with 1-3 of its expressions replaced by expressions of the
    ``donor`` program or by odd values: discovery meets Keras code that is almost
    right; None when the result does not parse."""
    import random

    rng = random.Random(seed)
    try:
        tree = ast.parse(model_source)
        donors = [node for node in ast.walk(ast.parse(donor)) if isinstance(node, ast.expr)]
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    donors += [ast.parse(f"f({text})", mode="eval").body.args[0] for text in HOSTILE]
    parents = (ast.Call, ast.Tuple, ast.List, ast.keyword, ast.Assign)
    slots = [(parent, name, index) for parent in ast.walk(tree) if isinstance(parent, parents)
             for name, value in ast.iter_fields(parent)
             for index, node in (enumerate(value) if isinstance(value, list) else [(None, value)])
             if isinstance(node, ast.expr) and name not in ("func", "targets")]
    for parent, name, index in rng.sample(slots, min(len(slots), rng.randint(1, 3))):
        replacement = rng.choice(donors)
        if isinstance(replacement, ast.Starred) and name not in ("args", "elts"):
            continue  # *x only where Python allows it
        if index is None:
            setattr(parent, name, replacement)
        else:
            getattr(parent, name)[index] = replacement
    try:
        text = ast.unparse(ast.fix_missing_locations(tree)) + "\n"
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return text


#: Makes any program pass the cheap pre-check and resolve Keras names.
KERAS_HEADER = ("import keras\nimport numpy as np\nfrom keras import layers\n"
                "from keras import Sequential, Model, Input\n")


def with_keras_header(source: str) -> str:
    """The header inserted after any ``from __future__`` imports (they must come first)."""
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return KERAS_HEADER + source
    future = [node for node in body if isinstance(node, ast.ImportFrom) and node.module == "__future__"]
    if not future:
        return KERAS_HEADER + source
    lines = source.splitlines(keepends=True)
    end = future[-1].end_lineno
    return "".join(lines[:end]) + "\n" + KERAS_HEADER + "".join(lines[end:])


# --- static engine vs the NumPy references ----------------------------------------------


def static_facts(model: ModelDescription):
    """``(run, raw static shapes, verified shapes)`` of one model."""
    from flake8_flatten.verification import verified

    run = run_model(model)
    return run, [r.output_shape for r in run.results], verified(run)


def check_numpy(run, raw, checked, tally: Tally, where: str) -> List[Optional[tuple]]:
    """Count every static claim as confirmed, unconfirmed or a disagreement; returns
    the reference's own shapes for comparison with Keras: the sizes that came out the
    same under both stand-ins, the others None."""
    from flake8_flatten.verify import reference_graph
    from flake8_flatten.verify.engine import FILLS

    concrete = [reference_graph(run.inputs, run.calls, run.sources, fill) for fill in FILLS]
    for i, shape in enumerate(raw):
        if shape is None:
            continue
        tally.add("numpy: static claims")
        if checked[i] is not None:
            tally.add("numpy: confirmed")
        elif all(c[i] is not None for c in concrete):
            tally.note("numpy: DISAGREEMENTS", f"{where}: {run.calls[i].kind} (line {run.calls[i].line}): "
                                               f"static {shape}, NumPy {[c[i] for c in concrete]}")
        else:
            tally.add("numpy: unconfirmed (reference cannot run)")
    return [None if a is None or b is None or len(a) != len(b) else
            tuple(x if x == y else None for x, y in zip(a, b)) for a, b in zip(*concrete)]


# --- real Keras -------------------------------------------------------------------


@dataclass
class KerasRun:
    """What real Keras did with one file: the output shapes produced at each call
    site, and where (if anywhere) and how it failed."""

    shapes: Dict[Site, List[tuple]]  # in application order (a loop applies one site often)
    failure: Optional[str] = None  # "Type: message"
    failure_site: Optional[Site] = None
    failure_index: Optional[int] = None  # which application at failure_site failed
    #: "build": a layer's build/call refused its input (what FLT004 is about);
    #: "arguments": Keras refused a layer's arguments; "code": the file's own code
    #: failed (a name a splice left undefined, ...), which says nothing of shapes.
    failure_kind: Optional[str] = None


def keras_run(source: str, filename: str) -> KerasRun:
    """Execute one generated file (our own test data) with real Keras.

    Every layer object the file constructs is tied to its constructor call's site,
    every layer application the file makes to the application's site, and each
    records its output shape.  Layers a Sequential applies while it builds (again at
    each ``add``) count once per layer object, at their constructor's site.  When
    the file raises, the failure's site is the layer that failed inside a Sequential
    build, else the file's failing call.

    Classes the file defines (subclassed models, custom layers): their sublayers are
    the file's, and a layer applied from a method of such a class (``call``, a helper
    method) counts once per layer object at its constructor's site, where discovery
    states it.  A subclassed model's ``build(shape)`` calls it on a symbolic input of
    that shape (Keras 3 only marks it built), and NumPy data given to it (a call,
    ``predict``) is given as a symbolic tensor of the same non-batch shape.
    """
    import inspect

    import numpy as np

    from tests import keras_live

    keras = keras_live.keras
    layer_cls = keras.layers.Layer
    from keras.src.models import sequential as sequential_module

    original_new, original_call = layer_cls.__new__, layer_cls.__call__
    alive: List[object] = []  # the constructed layers, kept so their ids stay unique
    constructed: Dict[int, Site] = {}
    result = KerasRun({})
    depth = [0]
    failed: List[Tuple[Optional[Site], int]] = []  # the layer application that raised
    slots: Dict[int, int] = {}  # layer object built by a Sequential -> its index at its site
    ours: Dict[type, bool] = {}

    def position(frame) -> Site:
        positions = inspect.getframeinfo(frame, context=0).positions
        return positions.lineno, positions.col_offset

    def defined_here(cls: type) -> bool:
        """Whether ``cls`` (or a base of it) is a class of the file."""
        if cls not in ours:
            ours[cls] = any(getattr(getattr(value, "__code__", None), "co_filename", None) == filename
                            for klass in cls.__mro__ for value in vars(klass).values())
        return ours[cls]

    def new(cls, *args, **kwargs):
        obj = original_new(cls, *args, **kwargs)
        caller = sys._getframe(1)
        while caller.f_code.co_name == "__new__" and caller.f_code.co_filename.startswith(keras_live.KERAS_DIR):
            caller = caller.f_back  # Model.__new__ -> Layer.__new__
        if caller.f_code.co_filename == filename:
            constructed[id(obj)] = position(caller)
            alive.append(obj)
        return obj

    def application_site(layer) -> Tuple[Optional[Site], str]:
        """Where the file applies ``layer``, and who does: "sequential" (a Sequential
        build), "member" (a method of a class of the file) or "" (the file's code)."""
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_filename.startswith(keras_live.KERAS_DIR):
            if frame.f_code.co_filename == sequential_module.__file__:
                return constructed.get(id(layer)), "sequential"
            frame = frame.f_back
        in_file = frame is not None and frame.f_code.co_filename == filename
        if in_file and frame.f_code.co_argcount and frame.f_code.co_varnames[0] == "self":
            owner = frame.f_locals.get("self")
            if isinstance(owner, layer_cls) and defined_here(type(owner)):
                return constructed.get(id(layer)), "member"
        return (position(frame) if in_file else None), ""

    def symbolic(value):
        if isinstance(value, np.ndarray) and value.ndim >= 1:
            return keras.KerasTensor((None,) + value.shape[1:], dtype=str(value.dtype))
        return value

    def call(self, *args, **kwargs):
        if depth[0]:
            return original_call(self, *args, **kwargs)
        own_class = defined_here(type(self))
        if own_class and isinstance(self, keras.Model):
            args = tuple(symbolic(a) for a in args)
        site, by = application_site(self)
        by_sequential = by == "sequential"
        applied = result.shapes.setdefault(site, []) if site is not None else []
        index = slots.get(id(self), len(applied)) if by else len(applied)
        # a Sequential's own layers are the file's (built at their constructors' sites
        # when it is first called), and so are a class of the file's; any other
        # layer's sublayers are its own business
        inner = 0 if isinstance(self, keras.Sequential) or own_class else 1
        depth[0] += inner
        try:
            outputs = original_call(self, *args, **kwargs)
        except Exception:
            if not failed:
                failed.append((site, index))
            elif site is not None and (
                    (isinstance(self, keras.Sequential) and not by_sequential)
                    or (own_class and not isinstance(self, keras.Model))):
                # a Sequential the file applies fails where applied; a custom layer
                # fails where it is used (discovery judges it as one layer there)
                failed[:] = [(site, index)]
            raise
        finally:
            depth[0] -= inner
        shape = None
        if by == "member" and hasattr(outputs, "shape"):  # maybe traced inside a call
            shape = tuple(d if isinstance(d, int) else None for d in outputs.shape)
        elif isinstance(outputs, keras.KerasTensor):
            shape = tuple(outputs.shape)
        if site is not None and shape is not None:
            if index < len(applied):
                applied[index] = shape  # a Sequential rebuilt on add()
            else:
                applied.append(shape)
            if by:
                slots[id(self)] = index
        return outputs

    original_build = keras.Model.build

    def build(self, *args, **kwargs):
        """A class of the file's ``build(shape)``, asked by the file: called on a
        symbolic input of that shape, as tf.keras 2 did."""
        shape = args[0] if args else kwargs.get("input_shape")
        caller = sys._getframe(1)  # through Layer.__new__'s build wrapper
        while caller is not None and caller.f_code.co_filename.startswith(keras_live.KERAS_DIR):
            caller = caller.f_back
        if (defined_here(type(self)) and not self.built and isinstance(shape, (tuple, list))
                and caller is not None and caller.f_code.co_filename == filename):
            self(keras.KerasTensor(tuple(shape)))
            return None
        return original_build(self, *args, **kwargs)

    build._is_default = True  # Keras's own build path (``utils.is_default``) stays as it is
    original_predict = keras.Model.predict

    def predict(self, x, *args, **kwargs):
        if defined_here(type(self)):
            return self(x)
        return original_predict(self, x, *args, **kwargs)

    layer_cls.__new__, layer_cls.__call__ = new, call
    keras.Model.build, keras.Model.predict = build, predict
    try:
        with keras_live.tensorflow_shim(), keras_live._shapes_only(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(source, filename, "exec"), _namespace(source, filename))
    except Exception as exc:
        _record_failure(result, exc, filename, failed, keras_live.KERAS_DIR)
    finally:
        layer_cls.__new__, layer_cls.__call__ = original_new, original_call
        del keras.Model.build, keras.Model.predict
    return result


def _namespace(source: str, filename: str) -> dict:
    """The globals a generated file runs in: a snippet written without imports (as
    pasted from a question) gets the names its missing imports would bind."""
    import keras
    import keras.layers
    import keras.models

    namespace = {"__name__": "__main__", "__file__": filename}
    if "import " not in source:
        namespace.update({name: getattr(keras.layers, name) for name in dir(keras.layers)
                          if not name.startswith("_")})
        namespace.update(keras=keras, Sequential=keras.models.Sequential, Model=keras.models.Model,
                         Input=keras.Input, layers=keras.layers, models=keras.models)
    return namespace


def _record_failure(result: KerasRun, exc: Exception, filename: str, failed: list, keras_dir: str) -> None:
    message = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    result.failure = f"{type(exc).__name__}: {message}"
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename == filename]
    if failed:
        result.failure_kind = "build"
        result.failure_site, result.failure_index = failed[0]
    else:
        in_keras = frames[-1].filename.startswith(keras_dir)
        bad_call = isinstance(exc, TypeError) and "__init__()" in str(exc)
        result.failure_kind = "arguments" if in_keras or bad_call else "code"
    if result.failure_site is None and ours:
        result.failure_site = (ours[-1].lineno, ours[-1].colno)
        used = _custom_layer_constructed(exc, filename, frames)
        if used is not None:
            result.failure_site = used


def _custom_layer_constructed(exc: Exception, filename: str, frames) -> Optional[Site]:
    """Where the file constructs the custom layer (a ``Layer`` subclass of the file, not
    a model) whose ``__init__`` raised: discovery judges a custom layer as one layer
    where it is used (the outermost such constructor, if they nest)."""
    import keras

    tracebacks = []
    tb = exc.__traceback__
    while tb is not None:
        tracebacks.append(tb.tb_frame)
        tb = tb.tb_next
    for index, (frame, summary) in enumerate(zip(tracebacks, frames)):
        owner = frame.f_locals.get("self") if frame.f_code.co_name == "__init__" else None
        if (summary.filename == filename and isinstance(owner, keras.layers.Layer)
                and not isinstance(owner, keras.Model)):
            callers = [f for f in frames[:index] if f.filename == filename]
            if callers:
                return (callers[-1].lineno, callers[-1].colno)
    return None


def _consistent(static: tuple, keras: tuple) -> bool:
    """Keras's rank, and every size the static shape states is Keras's."""
    return len(static) == len(keras) and all(s is None or s == k for s, k in zip(static, keras))


def enclosing(site: Optional[Site], sites: List[Site]) -> Optional[Site]:
    """The layer call whose text holds ``site`` (a wrapped layer's constructor is inside
    its wrapper's call); generated files write one layer call per line."""
    if site is None:
        return None
    on_line = [s for s in sites if s[0] == site[0] and s[1] <= site[1]]
    return max(on_line) if on_line else site


def check_keras_layers(model: ModelDescription, raw, checked, concrete, live: KerasRun,
                       failure: Optional[Site], tally: Tally, where: str,
                       shared: Optional[Counter] = None, in_class=lambda site: False) -> None:
    """Every static claim of one model against Keras (``failure``: the layer site
    where Keras failed, if it did).  The k-th layer at a site (a loop, a helper called
    twice) is Keras's k-th application there.  A site inside a class of the file (a
    layer made in ``__init__``) is counted in ``shared`` across the file's models: each
    instance of a custom layer is a model of its own, and Keras records the layer
    objects of every instance, in order, at the one constructor site."""
    seen: Counter = Counter()
    for call, raw_shape, shape, reference in zip(model.layers, raw, checked, concrete):
        site = (call.line, call.col)
        counter = shared if shared is not None and in_class(site) else seen
        k, applied = counter[site], live.shapes.get(site, [])
        counter[site] += 1
        failing = live.failure_index if live.failure_index is not None else len(applied)
        _check_layer(f"{where}: {call.kind} at {site[0]}:{site[1]}", raw_shape, shape, reference,
                     applied[k] if k < len(applied) else None, live,
                     site == failure and k == failing, tally)


def check_refusals(sites: List[Site], failure: Optional[Site], findings: List[Finding],
                   live: KerasRun, tally: Tally, where: str) -> None:
    """One file's FLT004 findings exactly where Keras refuses (``sites``: the layer
    calls of every model discovered in it)."""
    flagged = {(f.line, f.col) for f in findings if f.code == "FLT004"}
    for site in flagged:
        tally.add("flt004: reported")
        if site == failure:
            tally.add("flt004: confirmed (Keras refuses there)")
        elif live.failure is None or live.shapes.get(site):
            tally.note("flt004: FALSE (Keras builds it)", f"{where}: FLT004 at {site}, Keras built "
                                                          f"{'the model' if live.failure is None else 'this layer'}")
        else:
            tally.add("flt004: beyond Keras's first refusal")
    if live.failure is None:
        tally.add("keras: files built")
        return
    tally.add(f"keras: files failing ({live.failure_kind})")
    if failure not in sites:
        tally.note(f"keras: {live.failure_kind} failures not at a discovered layer",
                   f"{where}: {live.failure} at {live.failure_site}")
    elif failure not in flagged and live.failure_kind != "code":
        tally.note(f"flt004: missed {live.failure_kind} refusals (gaps)",
                   f"{where}: {live.failure} at {live.failure_site}")


def _check_layer(label: str, raw, checked, concrete, built: Optional[tuple], live: KerasRun,
                 failed_here: bool, tally: Tally) -> None:
    """One layer's static shapes (as inferred, and as reported after NumPy) and the
    NumPy reference's against the shape Keras built there (None: it built none)."""
    for kind, shape in (("raw static", raw), ("reported", checked)):
        if shape is None:
            continue
        if built is not None:
            tally.add(f"keras: {kind} shapes compared")
            if shape == built:
                tally.add(f"keras: {kind} shapes exact")
            elif not _consistent(shape, built):
                tally.note(f"keras: WRONG {kind} shapes", f"{label}: static {shape}, Keras {built}")
        elif failed_here:
            tally.note(f"keras: {kind} shapes claimed where Keras refuses ({live.failure_kind})",
                       f"{label}: static {shape}; {live.failure}")
        elif live.failure is not None:
            tally.add(f"keras: {kind} shapes after Keras's failure (unverifiable)")
        else:
            tally.note(f"keras: WRONG {kind} shapes", f"{label}: static {shape}, Keras never built it")
    if built is None:
        return
    tally.add("keras: layer shapes Keras built")
    if checked is None:
        tally.add("keras: layer shapes left unknown statically")
    if concrete is not None:  # the NumPy reference itself, on the sizes both know
        tally.add("numpy vs keras: compared")
        if len(concrete) != len(built) or any(
                k is not None and c is not None and k != c for k, c in zip(built[1:], concrete[1:])):
            tally.note("numpy vs keras: DISAGREEMENTS", f"{label}: NumPy {concrete}, Keras {built}")


def check_source(source: str, where: str, tally: Tally, live: bool, models: Optional[int]) -> None:
    """Every check on one model file: nothing escapes, discovery finds ``models``
    models (when given), the NumPy references agree, and (``live``) Keras agrees."""
    errors = escaped(source)
    for error in errors:
        tally.note("ESCAPED exceptions", f"{where}: {error.strip().splitlines()[-1]}")
    if errors:
        return  # the checks below would meet the same exception
    found = discover(source)
    if models is not None and len(found) != models:
        tally.note("UNDISCOVERED: not the models generated", f"{where}: {len(found)} models, not {models}")
        return
    keras = keras_run(source, f"<fuzz {where}>") if live and found else None
    sites = [(call.line, call.col) for model in found for call in model.layers]
    failure = enclosing(keras.failure_site, sites) if keras is not None and keras.failure else None
    classes = [(node.lineno, node.end_lineno) for node in ast.walk(ast.parse(source))
               if isinstance(node, ast.ClassDef)]
    shared: Counter = Counter()
    for model in found:
        tally.add("models checked")
        if model.kind in ("Subclassed", "CustomLayer"):
            tally.add(f"models checked: {model.kind}")
        run, raw, checked = static_facts(model)
        concrete = check_numpy(run, raw, checked, tally, where)
        if keras is not None:
            check_keras_layers(model, raw, checked, concrete, keras, failure, tally, where, shared,
                               lambda site: any(a <= site[0] <= b for a, b in classes))
    if keras is not None:
        check_refusals(sites, failure, lint(source), keras, tally, where)


def check_hidden_input(seed: int, tally: Tally) -> None:
    """A generated model Keras builds, described again with its input unknown (as a
    model fed from ``tf.data`` or from files is): every shape ``summarize`` still states
    (the probed ones, `shapes.engine.probed_runs`) must be the one Keras built there,
    since a shape stated without the input holds for any input the model takes."""
    from dataclasses import replace

    from flake8_flatten.summary import summarize
    from .model_generator import generate

    source = generate(seed).source
    where = f"hidden-input seed {seed}"
    if escaped(source):
        return
    found = discover(source)
    keras = keras_run(source, f"<fuzz {where}>") if found else None
    if keras is None or keras.failure is not None:
        return  # a model Keras refuses says nothing of the shapes after the refusal
    for model in found:
        hidden = replace(model, input_shape=None, fixed_axes=None, input_source=None, runs_on_unread_data=True,
                         inputs=None if model.inputs is None else [None] * len(model.inputs))
        seen: Counter = Counter()
        for layer in summarize(hidden, "<fuzz>")["layers"]:
            site = (layer["line"], layer["col"] - 1)
            k, applied = seen[site], keras.shapes.get(site, [])
            seen[site] += 1
            if layer["output_shape"] is None:
                continue
            stated = tuple(layer["output_shape"])
            built = applied[k] if k < len(applied) else None
            if built is None:  # a model without an input Keras never built
                tally.add("hidden input: shapes stated where Keras built none (unverifiable)")
                continue
            tally.add("hidden input: shapes stated")
            if stated == built:
                tally.add("hidden input: shapes exact")
            elif not _consistent(stated, built):
                tally.note("hidden input: WRONG shapes",
                           f"{where}: {layer['class']} at {site[0]}:{site[1]}: stated {stated}, Keras {built}")


def check_generated(seed: int, tally: Tally, live: bool) -> None:
    from .model_generator import generate

    generated = generate(seed)
    check_source(generated.source, f"seed {seed}", tally, live, generated.models)


def check_class_model(seed: int, kind: str, tally: Tally, live: bool, imports: Optional[str] = None) -> None:
    """A generated subclassed model or model with custom layers (``kind`` of the
    generator's `CLASS_STYLES`): every check of `check_source`, and how many of the
    generated classes discovery followed (a recall figure, not a failure)."""
    from .model_generator import generate

    generated = generate(seed, imports=imports, kind=kind)
    where = f"{kind} seed {seed} ({generated.detail}, {generated.imports})"
    check_source(generated.source, where, tally, live, models=None)
    tally.add(f"{kind}: files")
    tally.add(f"{kind}: classes generated", generated.classes)
    if not escaped(generated.source):
        wanted = "Subclassed" if kind == "subclassed" else "CustomLayer"
        found = sum(model.kind == wanted for model in discover(generated.source))
        tally.add(f"{kind}: classes followed by discovery", min(found, generated.classes))


def check_spliced(seed: int, donor: str, tally: Tally, live: bool) -> None:
    """A generated model with odd expressions spliced in (see `splice`)."""
    from .model_generator import generate

    source = splice(generate(seed).source, donor, seed)
    if source is not None:
        check_source(source, f"spliced seed {seed}", tally, live, models=None)


#: Words that mark a tally key as a failure (the others are counts or gaps).
FAILURE_WORDS = ("ESCAPED", "HUNG", "WRONG", "DISAGREEMENTS", "FALSE", "UNDISCOVERED")


def failures(tally: Tally) -> Dict[str, List[str]]:
    """The examples of every failure the tally holds."""
    return {key: examples for key, examples in tally.examples.items()
            if any(word in key for word in FAILURE_WORDS)}


# --- fix: the codemod on generated models, in .py files and notebooks ----------------------

_FLATTEN_ELEMENT = re.compile(r"^\s+(?:[\w.]+\.)?Flatten\(\),\n", re.MULTILINE)
_FLATTEN_ADD = re.compile(r"^\w+\.add\((?:[\w.]+\.)?Flatten\(\)\)\n", re.MULTILINE)
_FLATTEN_APPLIED = re.compile(r"^(\s*)(\w+) = (?:[\w.]+\.)?Flatten\(\)\((\w+)\)$", re.MULTILINE)
_FLATTEN_INLINE = re.compile(r"(?:[\w.]+\.)?Flatten\(\), |, (?:[\w.]+\.)?Flatten\(\)(?=\])")


def without_flatten(source: str) -> str:
    """A generated model with its ``Flatten()`` layers taken out: the bug ``fix`` repairs
    (a Flatten carrying the model's ``input_shape=`` stays)."""
    source = _FLATTEN_ELEMENT.sub("", source)
    source = _FLATTEN_ADD.sub("", source)
    source = _FLATTEN_APPLIED.sub(r"\1\2 = \3", source)
    return _FLATTEN_INLINE.sub("", source)


MAGICS = ("%matplotlib inline", "!pip install -q keras", "%load_ext autoreload")


def as_notebook(source: str, seed: int) -> str:
    """``source`` as nbformat 4 JSON: cut into 2-4 code cells at top-level statements,
    with markdown between them and IPython magics (a line magic, a shell line, a
    ``%%time`` cell) that must survive a fix."""
    import random

    import nbformat
    from nbformat import v4

    rng = random.Random(seed)
    lines = source.splitlines(keepends=True)
    starts = sorted({node.lineno - 1 for node in ast.parse(source).body} - {0})
    cuts = sorted(rng.sample(starts, min(len(starts), rng.randint(1, 3))))
    pieces = ["".join(lines[a:b]) for a, b in zip([0] + cuts, cuts + [len(lines)])]
    cells = []
    for index, piece in enumerate(pieces):
        roll = rng.random()
        if roll < 0.3:
            piece = rng.choice(MAGICS) + "\n" + piece
        elif roll < 0.4:
            piece = "%%time\n" + piece
        cells.append(v4.new_code_cell(piece.rstrip("\n") if rng.random() < 0.7 else piece))
        if rng.random() < 0.3:
            cells.append(v4.new_markdown_cell(f"Part {index + 1}"))
    return nbformat.writes(v4.new_notebook(cells=cells))


def _flt001(source: str) -> List[Finding]:
    return [f for f in lint(source) if f.code == "FLT001"]


def _reason(text: str) -> str:
    """A decline's reason without its particulars (line numbers, shapes, names)."""
    return re.sub(r"\d+|\(.*?\)|'.*?'|\w+\(\)", "_", text.split(":")[0])[:90]


def check_fix(source: str, where: str, tally: Tally, live: bool = False, notebook_seed: Optional[int] = None,
              every_dense_flat: bool = False) -> None:
    """``fix`` on one model file (or, with ``notebook_seed``, on it as a notebook): no
    exception; every FLT001 is fixed or declined with a reason, and the declined ones
    are exactly what is left; no other finding appears; the file still parses; a second
    fix changes nothing; in a notebook the magics survive and nbformat validates.
    ``live``: real Keras builds the fixed file, and each fixed Dense outputs the promised
    shape (``every_dense_flat``: every Dense of the file gets a rank-2 input)."""
    from flake8_flatten.fix import fix_source
    from flake8_flatten.fix.notebook import fix_notebook
    from flake8_flatten.notebooks import read_notebook

    kind = "notebook" if notebook_seed is not None else "file"
    text = as_notebook(source, notebook_seed) if notebook_seed is not None else source
    try:
        if notebook_seed is not None:
            before = read_notebook(text).text
            fixed_notebook = fix_notebook(text)
            result, after = fixed_notebook.result, read_notebook(fixed_notebook.text).text
        else:
            before = source
            result = fix_source(source)
            after = result.source
    except Exception:
        tally.note(f"fix ({kind}): escaped exception", f"{where}\n{traceback.format_exc()}")
        return
    found = _flt001(before)
    tally.add(f"fix ({kind}): files")
    tally.add(f"fix ({kind}): FLT001 found", len(found))
    tally.add(f"fix ({kind}): FLT001 fixed", len(result.applied))
    for skip in result.skipped:
        tally.add(f"fix ({kind}): declined: {_reason(skip.reason)}")
    if len(result.applied) + len(result.skipped) != len(found):
        tally.note(f"fix ({kind}): findings neither fixed nor declined", where)
    left = _flt001(after)
    if len(left) != len(result.skipped):
        tally.note(f"fix ({kind}): FLT001 left that was not declined", f"{where}: {left}")
    codes = Counter(f.code for f in lint(after)) - Counter(f.code for f in lint(before))
    if codes:
        tally.note(f"fix ({kind}): new findings", f"{where}: {dict(codes)}")
    if not result.applied and after != before:
        tally.note(f"fix ({kind}): changed without a fix", where)
    if result.applied and not left:
        tally.add(f"fix ({kind}): files fixed clean")
    if notebook_seed is not None:
        _check_notebook(text, fixed_notebook, where, tally)
        again = fix_notebook(fixed_notebook.text).text == fixed_notebook.text
    else:
        again = fix_source(after).source == after
    if not again:
        tally.note(f"fix ({kind}): a second fix changes the file", where)
    if live and result.applied:
        _check_fix_in_keras(after, result, where, tally, every_dense_flat)


def _check_notebook(text: str, fixed, where: str, tally: Tally) -> None:
    import nbformat

    from flake8_flatten.notebooks import code_cells

    try:
        nbformat.validate(nbformat.reads(fixed.text, as_version=4))
    except Exception as exc:
        tally.note("fix (notebook): nbformat refuses the fixed notebook", f"{where}: {exc}")
    magics = [[line for line in cell.splitlines() if line.startswith(("%", "!"))] for cell in code_cells(text)]
    if magics != [[line for line in cell.splitlines() if line.startswith(("%", "!"))]
                  for cell in code_cells(fixed.text)]:
        tally.note("fix (notebook): magics changed", where)
    changed = sum(a != b for a, b in zip(code_cells(text), code_cells(fixed.text)))
    tally.add("fix (notebook): cells rewritten", changed)


def _check_fix_in_keras(source: str, result, where: str, tally: Tally, every_dense_flat: bool) -> None:
    run = keras_run(source, f"<fuzz fix {where}>")
    if run.failure is not None:
        tally.note("fix (keras): the fixed file fails", f"{where}: {run.failure} at {run.failure_site}")
        return
    tally.add("fix (keras): fixed files built")
    for applied in result.applied:
        shapes = run.shapes.get((applied.line, applied.col), [])
        if tuple(applied.output) not in shapes:
            tally.note("fix (keras): a fixed Dense outputs another shape",
                       f"{where}:{applied.line}: promised {applied.output}, Keras {shapes}")
        else:
            tally.add("fix (keras): fixed Dense outputs confirmed")
    if every_dense_flat:
        dense = [(node.lineno, node.col_offset) for node in ast.walk(ast.parse(source))
                 if isinstance(node, ast.Call) and (getattr(node.func, "attr", None) == "Dense"
                                                    or getattr(node.func, "id", None) == "Dense")]
        ranks = {len(shape) for site in dense for shape in run.shapes.get(site, [])}
        if ranks - {2}:
            tally.note("fix (keras): a Dense still gets a rank>2 input", f"{where}: ranks {ranks}")
        else:
            tally.add("fix (keras): files with every Dense on rank 2")


def fuzz_fix(seed: int, tally: Tally, live: bool, notebook: bool = True) -> None:
    """One seed of the ``fix`` fuzzer, the seed choosing the import spelling and the
    style (consecutive seeds go through every combination): a model with the Flatten
    forgotten, as a file and (``notebook``) as a notebook, and a generated model in that
    spelling with its Flatten layers taken out."""
    from .model_generator import BUGGY_STYLES, EVERY_IMPORT_STYLE, MODEL_STYLES, buggy, generate

    imports = EVERY_IMPORT_STYLE[seed % len(EVERY_IMPORT_STYLE)].name
    kind = BUGGY_STYLES[(seed // len(EVERY_IMPORT_STYLE)) % len(BUGGY_STYLES)]
    model = buggy(seed, imports, kind)
    where = f"buggy seed {seed} ({kind}, {imports})"
    check_fix(model.source, where, tally, live, every_dense_flat=True)
    if notebook:
        check_fix(model.source, where + " as a notebook", tally, notebook_seed=seed)
    style = MODEL_STYLES[seed % len(MODEL_STYLES)]
    generated = generate(seed, invalid_rate=0.0, imports=imports, kind=style)
    check_fix(without_flatten(generated.source), f"generated seed {seed} ({style}, {imports}, "
              "Flatten taken out)", tally, live)
