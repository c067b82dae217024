"""Record, in real Keras, the shapes every layer of the subclassed corpus receives and makes.

Usage (writes tests/subclassed/golden.json)::

    KERAS_BACKEND=jax JAX_PLATFORMS=cpu .venv/bin/python tests/subclassed/record.py [--check] [FILE...]

Each corpus file (our own test data, never linted code) runs as ``__main__`` with:

- ``tensorflow`` the shim of ``tests/keras_live.tensorflow_shim`` (its ``.keras`` is Keras 3),
  extended here with the few ``tf.*`` operations the corpus writes (``tf.nn.relu``,
  ``tf.reshape``, ``tf.reduce_mean``, ``tf.concat``, ``tf.newaxis`` ...) mapped to ``keras.ops``;
- ``Model.fit/evaluate/predict`` and ``model(array)`` only building the model on the data's shape
  (``model(array)`` runs on a KerasTensor of the array's shape, ``predict`` returns zeros of the
  output shape), weights never initialized and ``compile()`` a no-op, so a file runs in about a
  second and computes nothing.

Per layer CONSTRUCTOR line (1-based line where the constructor call expression starts, found by
hooking ``keras.layers.Layer.__new__`` and reading the caller frame), the ``[input shape, output
shape]`` of every application of that layer object (first input; ``tuple(x.shape)``, a symbolic
(batch) size written ``None``).  An application counts when the file's own code makes it (a
``call`` method of the file included) or a Sequential / functional graph replays the file's layer;
applications a built-in layer makes of its sublayers (``TimeDistributed(Dense)``, MHA's
projections) are that layer's business and not recorded.  ``applications`` maps the line of each
application the file writes to its output shapes; ``models`` the output shape of every
``keras.Model`` the file constructs that got built (Keras's summary-level output), at the line
of its constructor call and, for a functional graph, also at the line of the ``Model(...)`` /
``super().__init__(inputs, outputs)`` call that made it.  ``values`` maps ``"line:col"`` (ast's
1-based line, 0-based column) of every call, operator and subscript the file writes to the
shapes of the tensors it produced there (the file runs with each such expression wrapped in a
recording call: ``a + b``, ``ops.concatenate(...)``, ``x[:, 0]``, ``self.conv(x)`` ...).

``Model.build(shape)`` of a subclassed model (no ``build`` of its own): Keras 3 only marks the
model built (a warning: "does not have a `build()` method implemented and it looks like it has
unbuilt state"), leaving its layers unbuilt and ``summary()`` without shapes.  The recorder
gives it tf.keras 2's meaning, the one the TF tutorials rely on: the model is called on a
symbolic input of that shape (``compute_output_spec(model.call, KerasTensor(shape))``).

A file is a valid member (``problems``) when it ran to the end with every Dense applied; a bad
file's ``# FLT001`` mark is on a Dense constructor line whose Dense received rank > 2 input; a
clean file has no mark and no Dense on rank > 2 input unless it is named ``_seq``/``_perpos``
(a deliberate per-position Dense: transformer FFN, tagger, attention projections).
"""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import json
import os
import re
import sys
import time
import tokenize
import types
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from tests.patching import patched  # noqa: E402

GOLDEN = HERE / "golden.json"
HERE_FILE = str(Path(__file__).resolve())
#: How the model gets its input (the second word of a file's name).
STYLES = ("build", "data", "input", "custom", "wrapped")
MIN_FILES = {"build": (8, 8), "data": (8, 8), "input": (8, 8), "custom": (6, 6),
             "wrapped": (3, 3)}
#: Clean files allowed a Dense on rank>2 input (deliberate per-position Dense).
PER_POSITION = re.compile(r"_(seq|perpos)(_|\.py$)")


def style_of(name: str) -> str:
    return name.split("_")[1]


def corpus_files():
    return sorted(p for p in HERE.glob("*.py") if p.name.startswith(("bad_", "clean_")))


def marked(path: Path):
    marks = []
    with open(path, "rb") as handle:
        for tok in tokenize.tokenize(handle.readline):
            if tok.type == tokenize.COMMENT and tok.string.strip() == "# FLT001":
                marks.append(tok.start[0])
    if len(marks) > 1:
        raise ValueError(f"{path.name}: more than one '# FLT001' mark: {marks}")
    return marks[0] if marks else None


def dense_lines(path: Path) -> set:
    """Lines where a call spelled ``...Dense(`` starts (constructor lines)."""
    found = set()
    for node in ast.walk(ast.parse(Path(path).read_text())):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "Dense":
                found.add(node.lineno)
    return found


# -- running a file ----------------------------------------------------------------------

#: The name the instrumented file calls to record a value (bound only while it runs).
VALUE_HOOK = "__subclassed_corpus_value__"


class _Values(ast.NodeTransformer):
    """Wrap every call, operator and subscript the file evaluates as
    ``VALUE_HOOK(expr, line, col)`` (the expression's own position: 1-based line, 0-based
    column, as ast has it), so the shape of every tensor an operation or layer produces is
    recorded where it is written.  The wrapped expression runs in the file's own frame."""

    def _wrap(self, node):
        node = self.generic_visit(node)
        wrapped = ast.Call(func=ast.Name(VALUE_HOOK, ast.Load()),
                           args=[node, ast.Constant(node.lineno), ast.Constant(node.col_offset)],
                           keywords=[])
        return ast.copy_location(wrapped, node)

    def visit_Call(self, node):
        return self._wrap(node)

    def visit_BinOp(self, node):
        return self._wrap(node)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, ast.Load):
            return self._wrap(node)
        return self.generic_visit(node)


def instrumented(path: Path):
    tree = _Values().visit(ast.parse(path.read_text(), str(path)))
    return compile(ast.fix_missing_locations(tree), str(path), "exec")


def _is_tensor(value) -> bool:
    module = type(value).__module__ or ""
    return hasattr(value, "shape") and module.split(".")[0] in ("keras", "jax", "jaxlib", "numpy")



def _keras():
    import keras

    return keras


def _shape(x):
    """``tuple(x.shape)`` with every size that is not a plain int (None, JAX's symbolic
    ``dynamic_dimension``) written None; None when ``x`` has no shape."""
    shape = getattr(x, "shape", None)
    if shape is None:
        return None
    return [int(d) if isinstance(d, (int, np.integer)) else None for d in tuple(shape)]


def _first_tensor(args, kwargs):
    for value in list(args) + list(kwargs.values()):
        if isinstance(value, (list, tuple)) and value:
            value = value[0]
        if hasattr(value, "shape"):
            return value
    return None


def _symbolic(x):
    keras = _keras()
    if not isinstance(x, np.ndarray):  # a KerasTensor, a traced JAX array: as it is
        return x
    dtype = x.dtype.name if hasattr(x.dtype, "name") else str(np.dtype(x.dtype))
    return keras.KerasTensor(tuple(x.shape), dtype=dtype)


def _tf_extras(keras):
    """The ``tf.*`` operations the corpus writes, as ``keras.ops``."""
    ops = keras.ops

    def concat(values, axis):
        return ops.concatenate(values, axis=axis)

    def reduce(fn):
        return lambda x, axis=None, keepdims=False: fn(x, axis=axis, keepdims=keepdims)

    nn = types.SimpleNamespace(relu=ops.relu, softmax=ops.softmax, gelu=ops.gelu,
                               sigmoid=ops.sigmoid, tanh=ops.tanh, silu=ops.silu)
    math = types.SimpleNamespace(reduce_mean=reduce(ops.mean), reduce_sum=reduce(ops.sum),
                                 reduce_max=reduce(ops.max), add=ops.add,
                                 multiply=ops.multiply, abs=ops.abs, square=ops.square,
                                 sqrt=ops.sqrt, l2_normalize=keras.utils.normalize)
    return {"nn": nn, "math": math, "reshape": ops.reshape, "reduce_mean": reduce(ops.mean),
            "reduce_sum": reduce(ops.sum), "reduce_max": reduce(ops.max), "concat": concat,
            "transpose": ops.transpose, "expand_dims": ops.expand_dims, "squeeze": ops.squeeze,
            "matmul": ops.matmul, "abs": ops.abs, "square": ops.square, "sqrt": ops.sqrt,
            "add": ops.add, "multiply": ops.multiply, "stack": ops.stack,
            "newaxis": None, "float32": "float32", "cast": ops.cast,
            "executing_eagerly": lambda: True}  # asked by preprocessing layers (Rescaling)


@contextlib.contextmanager
def environment():
    """tf shim, build-only training and symbolic calls, no weights, for one run."""
    keras = _keras()
    from keras.src.backend.common import global_state

    from tests.keras_live import tensorflow_shim

    def build_only(self, x=None, y=None, *args, **kwargs):
        data = x[0] if isinstance(x, (list, tuple)) and x and hasattr(x[0], "shape") else x
        if not self.built and hasattr(data, "shape"):
            self.build((None,) + tuple(np.shape(data))[1:])
        history = keras.callbacks.History()
        history.history = {}
        return history

    def evaluate(self, x=None, y=None, *args, **kwargs):
        build_only(self, x)
        return 0.0

    def predict(self, x, *args, **kwargs):
        self(x)  # what predict_step does first: call the model on a batch
        return np.zeros(self.compute_output_spec(_symbolic(x)).shape)

    model_call = keras.Model.__call__

    def call(self, *args, **kwargs):
        return model_call(self, *[_symbolic(a) for a in args], **kwargs)

    layer_build = keras.layers.Layer.build
    from keras.src.backend import compute_output_spec

    def model_build(self, input_shape=None):
        """tf.keras 2's ``Model.build(shape)`` of a subclassed model: call it on a symbolic
        input of that shape (Keras 3 only marks it built, its layers left unbuilt)."""
        explicit = sys._getframe(2).f_code.co_name != "_maybe_build"
        if explicit and input_shape is not None and not self.built:
            compute_output_spec(self.call, keras.KerasTensor(tuple(input_shape)))
        return layer_build(self, input_shape)

    model_build._is_default = True  # Keras's own automatic build path stays as it is

    pending = global_state.get_global_attribute("uninitialized_variables", [],
                                                set_to_default=True)
    before = len(pending)
    with contextlib.ExitStack() as stack:
        stack.enter_context(tensorflow_shim())
        fake = sys.modules["tensorflow"]
        for name, value in _tf_extras(keras).items():
            setattr(fake, name, value)
        stack.enter_context(patched(keras.Model, "fit", build_only))
        stack.enter_context(patched(keras.Model, "train_on_batch", build_only))
        stack.enter_context(patched(keras.Model, "evaluate", evaluate))
        stack.enter_context(patched(keras.Model, "predict", predict))
        stack.enter_context(patched(keras.Model, "__call__", call))
        stack.enter_context(patched(keras.Model, "build", model_build))
        stack.enter_context(patched(keras.Model, "compile", lambda self, *a, **k: None))
        stack.enter_context(keras.StatelessScope(initialize_variables=False))
        stack.callback(lambda: pending.__delitem__(slice(before, None)))
        yield


def run_file(path) -> dict:
    """One file's record: per constructor line the [input, output] shape of each
    application of its layer(s); applications per line; built models' output shapes."""
    keras = _keras()
    path = Path(path).resolve()
    target = str(path)
    keras_dir = str(Path(keras.__file__).resolve().parent)
    replayers = (os.path.join("models", "sequential.py"), os.path.join("models", "functional.py"))
    layer_cls = keras.layers.Layer
    original_new, original_call = layer_cls.__new__, layer_cls.__call__
    constructed, alive = {}, []
    layers, applications = {}, {}
    models = []

    def line_of(frame):
        positions = inspect.getframeinfo(frame, context=0).positions
        return positions.lineno if positions and positions.lineno else frame.f_lineno

    def new(cls, *args, **kwargs):
        obj = original_new(cls, *args, **kwargs)
        caller = sys._getframe(1)
        while caller.f_code.co_name == "__new__" and caller.f_code.co_filename.startswith(keras_dir):
            caller = caller.f_back  # Model.__new__ -> Layer.__new__
        if caller.f_code.co_filename == target:
            constructed[id(obj)] = line_of(caller)
            alive.append(obj)
        if isinstance(obj, keras.Model):
            models.append(obj)
        return obj

    def call(self, *args, **kwargs):
        caller = sys._getframe(1)
        while caller.f_code.co_filename == HERE_FILE or (  # the Model.__call__ of environment()
                caller.f_code.co_name == "__call__"  # a layer's own __call__ (Rescaling's)
                and caller.f_code.co_filename.startswith(keras_dir)):
            caller = caller.f_back
        name = caller.f_code.co_filename
        by_file = name == target
        by_replay = name.startswith(keras_dir) and name.endswith(replayers)
        outputs = original_call(self, *args, **kwargs)
        if (by_file or by_replay) and id(self) in constructed:
            pair = [_shape(_first_tensor(args, kwargs)), _shape(outputs)]
            seen = layers.setdefault(str(constructed[id(self)]), [])
            if pair not in seen:
                seen.append(pair)
        if by_file:
            seen = applications.setdefault(str(line_of(caller)), [])
            if _shape(outputs) not in seen:
                seen.append(_shape(outputs))
        return outputs

    from keras.src.models.functional import Functional

    functional_init = Functional.__init__
    graph_sites = {}  # functional models: the line of the file's call that made the graph

    def graph_init(self, *args, **kwargs):
        functional_init(self, *args, **kwargs)
        frame = sys._getframe(1)  # the file's call, through Model.__init__/__new__ only
        while frame.f_code.co_filename != target and frame.f_code.co_name in (
                "__init__", "__new__") and frame.f_back is not None:
            frame = frame.f_back
        if frame.f_code.co_filename == target and not isinstance(self, keras.Sequential):
            graph_sites[id(self)] = line_of(frame)

    values = {}

    def value(result, line, col):
        if _is_tensor(result):
            seen = values.setdefault(f"{line}:{col}", [])
            if _shape(result) not in seen:
                seen.append(_shape(result))
        return result

    error = None
    start = time.perf_counter()
    saved_argv = sys.argv
    layer_cls.__new__, layer_cls.__call__ = new, call
    Functional.__init__ = graph_init
    try:
        sys.argv = [target]
        with environment(), warnings.catch_warnings(), \
                contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            try:
                exec(instrumented(path), {"__name__": "__main__", "__file__": target,
                                          "__builtins__": __builtins__, VALUE_HOOK: value})
            except Exception as exc:  # noqa: BLE001 - what Keras refused is the fact recorded
                text = str(exc).strip()
                error = f"{type(exc).__name__}: {text.splitlines()[0][:200] if text else ''}"
    finally:
        layer_cls.__new__, layer_cls.__call__ = original_new, original_call
        Functional.__init__ = functional_init
        sys.argv = saved_argv
    outputs = {}
    for model in models:
        sites = {constructed.get(id(model)), graph_sites.get(id(model))} - {None}
        if not sites or not model.built:
            continue
        try:
            shape = _model_output(keras, model)
        except Exception:  # noqa: BLE001 - a model Keras cannot state stays unstated
            shape = None
        for site in sites if shape is not None else ():
            outputs.setdefault(str(site), [])
            if shape not in outputs[str(site)]:
                outputs[str(site)].append(shape)
    unbuilt = sorted(int(line) for line in {str(v) for v in constructed.values()}
                     if line not in layers and int(line) in dense_lines(path))
    record = {"layers": {k: layers[k] for k in sorted(layers, key=int)},
              "applications": {k: applications[k] for k in sorted(applications, key=int)},
              "models": {k: outputs[k] for k in sorted(outputs, key=int)},
              "values": {k: values[k] for k in sorted(values, key=lambda k: tuple(
                  map(int, k.split(":"))))},
              "marked": marked(path),
              "builds": error is None and not unbuilt}
    if error:
        record["error"] = error
    if unbuilt:
        record["unapplied_dense"] = unbuilt
    record["seconds"] = round(time.perf_counter() - start, 2)
    return record


def _model_output(keras, model):
    """The model's output shape as ``model.summary()`` states it after build."""
    if getattr(model, "outputs", None):
        out = model.outputs[0]
        return _shape(out)
    shape = getattr(model, "_build_shapes_dict", None) or {}
    if len(shape) == 1:
        (input_shape,) = shape.values()
        spec = model.compute_output_spec(keras.KerasTensor(tuple(input_shape)))
        return _shape(spec[0] if isinstance(spec, (list, tuple)) else spec)
    return None


# -- validity ----------------------------------------------------------------------------


def max_rank(pairs) -> int:
    return max((len(p[0]) for p in pairs if p[0] is not None), default=0)


def problems(name: str, record: dict, path: Path = None) -> list:
    """Why a file is not a valid corpus member (empty: valid)."""
    path = path or HERE / name
    out = []
    if style_of(name) not in STYLES:
        out.append(f"unknown style {style_of(name)!r}")
    if not record["builds"]:
        out.append(f"Keras did not build it: {record.get('error') or 'unapplied Dense at '}"
                   f"{record.get('unapplied_dense', '')}")
    dense = {str(line) for line in dense_lines(path)}
    ranks = {line: max_rank(pairs) for line, pairs in record["layers"].items() if line in dense}
    if name.startswith("bad_"):
        mark = record["marked"]
        if mark is None:
            out.append("bad file without '# FLT001' mark")
        elif str(mark) not in dense:
            out.append(f"mark (line {mark}) is not a Dense constructor line")
        elif ranks.get(str(mark), 0) <= 2:
            out.append(f"marked Dense (line {mark}) got rank {ranks.get(str(mark))}, not > 2")
    else:
        if record["marked"] is not None:
            out.append("clean file with a '# FLT001' mark")
        deep = {k: v for k, v in ranks.items() if v > 2}
        if deep and not PER_POSITION.search(name):
            out.append(f"Dense on rank>2 input in a clean file not named _seq/_perpos: {deep}")
        if not ranks:
            out.append("no Dense applied at all")
    return out


def record_all(files=None) -> dict:
    return {p.name: run_file(p) for p in (files or corpus_files())}


def stable(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "seconds"}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("-")]
    files = [HERE / Path(n).name for n in names] if names else corpus_files()
    golden = record_all(files)
    old = json.loads(GOLDEN.read_text()) if GOLDEN.exists() else {}
    bad = 0
    for name, record in golden.items():
        why = problems(name, record)
        if check and name in old and stable(record) != old[name]:
            why.append("differs from golden.json")
        bad += bool(why)
        flag = "INVALID " + "; ".join(why) if why else "ok"
        print(f"{name:50s} {record['seconds']:5.2f}s mark={record['marked']} {flag}")
        if "-v" in argv:
            print("   ", json.dumps(stable(record)))
    if not names and not check:
        GOLDEN.write_text(json.dumps({n: stable(r) for n, r in golden.items()}, indent=1,
                                     sort_keys=True) + "\n")
        print(f"wrote {GOLDEN} ({len(golden)} files, {bad} invalid)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
