"""Build cases and models in real Keras (used by the golden recorder and live tests).

Only imported where Keras is installed; it runs our own test data, never linted code.
"""

from __future__ import annotations

import os

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import warnings  # noqa: E402

import keras  # noqa: E402

from flake8_flatten.model import LayerCall  # noqa: E402

warnings.filterwarnings("ignore")


def keras_layer(call: LayerCall):
    def convert(value):
        return keras_layer(value) if isinstance(value, LayerCall) else value

    if call.kind in ("Sequential", "Functional"):  # a model called as a layer
        from tests.cases import keras_model

        return keras_model(keras, call, keras_layer)
    cls = getattr(keras.layers, call.kind)
    return cls(*[convert(a) for a in call.args], **{k: convert(v) for k, v in call.kwargs})


def case_outcome(case) -> dict:
    """``{"shape": [...], "params": layer.count_params()}`` from Keras, or
    ``{"error": "..."}`` where Keras refuses."""
    try:
        layer = keras_layer(case.call)
        if case.multiple:
            xs = [keras.Input(batch_shape=shape) for shape in case.input_shape]
            y = layer(*xs) if case.call.kind == "MultiHeadAttention" else layer(xs)
        else:
            y = layer(keras.Input(batch_shape=case.input_shape))
    except Exception as exc:  # any refusal by Keras is the fact we record
        return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"}
    if isinstance(y, (list, tuple)):
        return {"error": "multiple outputs"}
    return {"shape": list(y.shape), "params": layer.count_params()}


# -- whole models: execute a corpus file of tests/models/ and record every Sequential --

import ast  # noqa: E402
import contextlib  # noqa: E402
import inspect  # noqa: E402
import runpy  # noqa: E402
import sys  # noqa: E402
import types  # noqa: E402
from pathlib import Path  # noqa: E402

#: What ``tensorflow.keras...`` spellings import while a corpus file runs.
_TF_SUBMODULES = ("layers", "models", "optimizers", "losses", "activations", "regularizers",
                  "initializers", "callbacks", "utils")


@contextlib.contextmanager
def tensorflow_shim():
    """A fake ``tensorflow`` whose ``.keras`` is Keras 3, installed only while the
    block runs (and always, so a real TensorFlow's bundled Keras cannot interfere)."""
    fake = types.ModuleType("tensorflow")
    fake.__path__ = []  # a package, so ``tensorflow.keras.layers`` resolves in sys.modules
    fake.keras = keras
    fake.zeros, fake.ones = keras.ops.zeros, keras.ops.ones  # the few tensor constructors
    fake.random = types.SimpleNamespace(normal=keras.random.normal, uniform=keras.random.uniform)
    modules = {"tensorflow": fake, "tensorflow.keras": keras}
    for sub in _TF_SUBMODULES:
        modules[f"tensorflow.keras.{sub}"] = getattr(keras, sub)
    try:  # Keras probes for TensorFlow lazily: let it conclude before the fake appears
        from keras.src.utils.module_utils import tensorflow as probe

        probe.available
    except ImportError:
        pass
    saved = {name: sys.modules.get(name) for name in modules}
    sys.modules.update(modules)
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def _sequential_calls(path: Path) -> list:
    """(lineno, col_offset, end_lineno, end_col_offset) of every call whose callee
    is spelled ``...Sequential`` in the file, as ast reports them."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name.endswith("Sequential"):
                found.append((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset))
    return found


def _call_site(path: Path, calls: list) -> tuple:
    """(line, col) where the ``Sequential(`` call now executing in ``path`` starts:
    the position of the caller's current instruction, matched to the ast Call."""
    frame = inspect.currentframe()
    target = str(path)
    while frame is not None and frame.f_code.co_filename != target:
        frame = frame.f_back
    if frame is None:
        raise RuntimeError(f"Sequential created outside {path}")
    positions = getattr(inspect.getframeinfo(frame, context=0), "positions", None)
    if positions is not None and positions.lineno is not None:  # Python 3.11+
        start = (positions.lineno, positions.col_offset)
        for call in calls:
            if call[:2] == start:
                return start
        raise RuntimeError(f"{path}:{start}: instruction position is not a Sequential call start")
    line = frame.f_lineno  # older Pythons: the innermost Sequential call spanning the line
    spanning = [c for c in calls if c[0] <= line <= c[2]]
    if not spanning:
        raise RuntimeError(f"{path}:{line}: no Sequential call spans this line")
    return max(spanning)[:2]


def _model_record(site: tuple, model) -> dict:
    record = {"line": site[0], "col": site[1],
              "layers": [type(layer).__name__ for layer in model.layers]}
    if not model.built:
        record["input_shape"] = record["shapes"] = "unbuilt"
        return record
    record["input_shape"] = list(model.inputs[0].shape)
    record["shapes"] = [list(layer.output.shape) for layer in model.layers]
    return record


@contextlib.contextmanager
def _shapes_only():
    """Build models without initializing their weights (under JAX each initializer
    compiles once per shape: seconds per model) and with ``compile()`` a no-op (it
    creates optimizer state).  Layer output shapes are exactly those of a normal run."""
    from keras.src.backend.common import global_state

    pending = global_state.get_global_attribute("uninitialized_variables", [],
                                                set_to_default=True)
    before = len(pending)
    compile_ = keras.Model.compile
    keras.Model.compile = lambda self, *args, **kwargs: None
    try:
        with keras.StatelessScope(initialize_variables=False):
            yield
    finally:
        keras.Model.compile = compile_
        del pending[before:]  # never initialize the corpus's weights later


def run_model_file(path) -> list:
    """Execute one corpus file (our own test data) as ``__main__`` and return a record
    per Sequential it created, in source order: its call's 1-based line and 0-based
    column (as ast's Call has them), its layers' classes, and for built models the
    input shape and ``list(layer.output.shape)`` of every layer ("unbuilt" otherwise).
    A builder called twice yields one record per call site."""
    return run_corpus_file(path)[0]


KERAS_DIR = str(Path(keras.__file__).resolve().parent)
SEQUENTIAL_SOURCE = str(Path("models", "sequential.py"))


def _model_calls(path: Path) -> set:
    """(line, col) of every call spelled ``...Model(``, or naming a class of the file
    whose base is spelled so (``CustomModel(inputs, outputs)``), in the file."""
    tree = ast.parse(path.read_text(), str(path))
    models = {"Model", "Functional"}
    models |= {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
               and any((b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "")) == "Model"
                       for b in node.bases)}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in models:
                found.add((node.lineno, node.col_offset))
    return found


def _position_in(path: Path, frame) -> tuple:
    """(line, col) of the start of the call ``frame`` is executing (Python 3.11+)."""
    positions = inspect.getframeinfo(frame, context=0).positions
    return (positions.lineno, positions.col_offset)


def run_corpus_file(path) -> tuple:
    """``(sequential records, functional record)`` of one corpus file, from one run.

    The functional record has ``models``: the sites of the ``Model(`` calls that
    built functional models, and ``applications``: for every layer (or model) the
    file itself calls on symbolic tensors, ``"line:col"`` of the call -> the output
    shapes produced there, in execution order (a helper called twice adds two)."""
    path = Path(path).resolve()
    target = str(path)
    calls = _sequential_calls(path)
    model_sites = _model_calls(path)
    created, applications, functional = [], {}, set()
    sequential_init = keras.Sequential.__init__
    layer_call = keras.layers.Layer.__call__
    from keras.src.models.functional import Functional

    functional_init = Functional.__init__

    def init(self, *args, **kwargs):
        site = _call_site(path, calls)
        sequential_init(self, *args, **kwargs)
        created.append((site, self))

    depth = [0]  # layer calls in progress: only the outermost one is the file's own

    def apply(self, *args, **kwargs):
        caller = sys._getframe(1)
        while caller is not None and caller.f_code.co_filename.startswith(KERAS_DIR):
            if caller.f_code.co_filename.endswith(SEQUENTIAL_SOURCE):
                caller = None  # a Sequential building itself: its records are the Sequential's
                break
            caller = caller.f_back  # layers.concatenate(...), preprocessing layers' __call__
        depth[0] += 1
        try:
            outputs = layer_call(self, *args, **kwargs)
        finally:
            depth[0] -= 1
        if depth[0] == 0 and caller is not None and caller.f_code.co_filename == target \
                and isinstance(outputs, keras.KerasTensor):
            line, col = _position_in(path, caller)
            applications.setdefault(f"{line}:{col}", []).append(list(outputs.shape))
        return outputs

    def functional_init_recorded(self, *args, **kwargs):
        functional_init(self, *args, **kwargs)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != target:
            frame = frame.f_back
        if frame is not None and not isinstance(self, keras.Sequential):
            site = _position_in(path, frame)
            if site in model_sites:
                functional.add(site)

    keras.Sequential.__init__ = init
    keras.layers.Layer.__call__ = apply
    Functional.__init__ = functional_init_recorded
    try:
        with tensorflow_shim(), _shapes_only(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            runpy.run_path(str(path), run_name="__main__")
    finally:
        keras.Sequential.__init__ = sequential_init
        keras.layers.Layer.__call__ = layer_call
        Functional.__init__ = functional_init
    records = {}
    for site, model in created:
        record = _model_record(site, model)
        if site in records and records[site] != record:
            raise RuntimeError(f"{path}:{site[0]}: one call site built different models")
        records[site] = record
    sequential = [records[site] for site in sorted(records)]
    return sequential, {"models": [list(site) for site in sorted(functional)],
                        "applications": applications}


def layer_aliases() -> dict:
    """Keras layer names that are aliases of a differently named class
    (``MaxPool2D`` -> ``MaxPooling2D``), for comparing discovered kinds with classes."""
    aliases = {}
    for name in dir(keras.layers):
        value = getattr(keras.layers, name)
        if isinstance(value, type) and value.__name__ != name:
            aliases[name] = value.__name__
    return aliases


# -- diagnostic cases: run a script of tests/diagnostics/ and say where Keras failed --


def run_diagnostic_file(path) -> dict:
    """Execute one diagnostics case (our own test data) with real Keras.

    Returns ``{"outcome": "ok"}`` when the script runs to the end, else
    ``{"outcome": "error", "type": ..., "message": ..., "line": L}`` where ``L`` is
    the line, in the script itself, of the innermost frame the exception passed
    through (the statement of the script that failed).
    """
    import traceback

    path = Path(path).resolve()
    try:
        with tensorflow_shim(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            runpy.run_path(str(path), run_name="__main__")
    except BaseException as exc:  # any failure of the script is the fact we record
        if isinstance(exc, KeyboardInterrupt):
            raise
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == str(path)]
        message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
        return {"outcome": "error", "type": type(exc).__name__, "message": message,
                "line": frames[-1].lineno if frames else None}
    return {"outcome": "ok"}
