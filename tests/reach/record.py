"""Record, in real Keras, what every Dense of the reach corpus (tests/reach/) receives.

Usage (writes tests/reach/golden.json)::

    KERAS_BACKEND=jax JAX_PLATFORMS=cpu .venv/bin/python tests/reach/record.py [--check]

Each corpus file is executed as ``__main__`` (our own test data; never linted code):

- a file with no ``import`` at all (a pasted snippet) runs with the names of ``PRELUDE``
  already bound (the prelude lives here, never in the file, so line numbers are the file's);
- ``tensorflow`` is a shim whose ``.keras`` is Keras 3, and the old module paths
  (``keras.layers.core``, ``keras.layers.convolutional``, ``tensorflow.python.keras...``)
  resolve to Keras 3's ``keras.layers`` / ``keras.models``;
- ``keras.datasets.<name>.load_data`` returns zero arrays with the per-sample shapes and dtypes
  Keras documents (see ``DATASETS``), with tiny sample counts (no download is possible here;
  the model only ever sees per-sample shapes);
- ``Model.fit/evaluate/train_on_batch/predict`` and ``model(array)`` only build the model on
  the data's shape (as the first step of a real fit does) and compute nothing: weights are
  never initialized and ``compile()`` is a no-op (``predict`` returns zeros of the output
  shape, ``model(array)`` a KerasTensor), so a file runs in well under a second.

For every ``Dense(`` constructed, the 1-based line of the call in the file (where the call
expression starts) maps to the rank of the input its ``build`` received (the largest, if one
line builds several).  ``marked`` is the line carrying the ``# FLT001`` comment.
"""

from __future__ import annotations

import ast
import contextlib
import importlib.util
import inspect
import io
import json
import re
import os
import runpy
import sys
import time
import tokenize
import types
import unittest
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
_UNITTEST_MAIN = unittest.main
STYLES = ("noimports", "alias", "oldpaths", "data", "datasets", "keepdims", "listbuild",
          "builder", "infunction")

#: Bound for snippets pasted without imports (only here, never in a corpus file).
PRELUDE = """
import numpy as np
import tensorflow as tf
import keras
from keras import layers, models, optimizers
from keras.models import *
from keras.layers import *
from keras.datasets import mnist, fashion_mnist, cifar10, cifar100, boston_housing
"""

#: keras.datasets: (x_train, y_train), (x_test, y_test) per-sample shapes and dtypes, as the
#: docstrings of keras/src/datasets/<name>.py document them; sample counts are tiny here
#: (documented: mnist/fashion_mnist 60000/10000, cifar10/100 50000/10000,
#: boston_housing 404/102 with the default test_split=0.2, california_housing 16512/4128).
DATASETS = {
    "mnist": ((28, 28), "uint8", (), "uint8"),
    "fashion_mnist": ((28, 28), "uint8", (), "uint8"),
    "cifar10": ((32, 32, 3), "uint8", (1,), "uint8"),
    "cifar100": ((32, 32, 3), "uint8", (1,), "uint8"),
    "boston_housing": ((13,), "float64", (), "float64"),
    "california_housing": ((8,), "float64", (), "float64"),
}
TRAIN, TEST = 64, 16
#: imdb / reuters: ``x`` is an object array of variable-length lists of word indexes, ``y``
#: integer labels (documented: imdb 25000/25000, reuters 8982/2246 with test_split=0.2).
SEQUENCE_DATASETS = ("imdb", "reuters")

#: Old (Keras 2 / tf.keras 1.x) module paths, and what they resolve to in Keras 3.
OLD_PATHS = {
    "keras.layers.core": "layers", "keras.layers.convolutional": "layers",
    "keras.layers.pooling": "layers", "keras.layers.recurrent": "layers",
    "keras.layers.normalization": "layers", "keras.layers.embeddings": "layers",
    "keras.layers.wrappers": "layers", "keras.layers.merge": "layers",
    "keras.engine": "engine", "keras.engine.topology": "layers",
    "keras.engine.input_layer": "layers", "keras.engine.sequential": "models",
    "keras.engine.training": "models",
    "tensorflow.python": "python", "tensorflow.python.keras": "keras",
    "tensorflow.python.keras.layers": "layers", "tensorflow.python.keras.models": "models",
    "tensorflow.python.keras.layers.core": "layers",
    "tensorflow.python.keras.layers.convolutional": "layers",
    "tensorflow.python.keras.layers.pooling": "layers",
    "tensorflow.keras.layers.experimental": "experimental",
    "tensorflow.keras.layers.experimental.preprocessing": "layers",
}


def _keras():
    """Keras, imported only when a file is run (the offline test reads this module
    for its validity rules without Keras installed)."""
    import keras

    return keras


def _fake_load_data(name):
    sample, dtype, label, label_dtype = DATASETS[name]

    def load_data(*args, **kwargs):
        return ((np.zeros((TRAIN,) + sample, dtype), np.zeros((TRAIN,) + label, label_dtype)),
                (np.zeros((TEST,) + sample, dtype), np.zeros((TEST,) + label, label_dtype)))

    return load_data


def _symbolic(x):
    """A concrete array as the KerasTensor of its shape (anything else unchanged)."""
    keras = _keras()
    if isinstance(x, keras.KerasTensor) or not hasattr(x, "shape") or not hasattr(x, "dtype"):
        return x
    return keras.KerasTensor(tuple(x.shape), dtype=str(np.dtype(x.dtype)) if not hasattr(
        x.dtype, "name") else x.dtype.name)


@contextlib.contextmanager
def _shapes_only():
    """Build models without initializing their weights (under JAX each initializer compiles
    once per shape) and with ``compile()`` a no-op; shapes are those of a normal run."""
    keras = _keras()
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
        del pending[before:]


def _fake_sequences(name):
    def load_data(*args, **kwargs):
        def split(count):
            x = np.empty(count, dtype=object)
            for i in range(count):
                x[i] = [1] + [2 + (i + j) % 50 for j in range(10 + 7 * (i % 5))]
            return x, np.arange(count) % 2
        return split(TRAIN), split(TEST)

    return load_data


@contextlib.contextmanager
def environment(shapes_only=True):
    """Old module paths, fake dataset downloads, build-only training, for one run."""
    keras = _keras()
    from tests.keras_live import tensorflow_shim

    engine = types.ModuleType("keras.engine")
    engine.__path__ = []
    experimental = types.ModuleType("tensorflow.keras.layers.experimental")
    experimental.__path__ = []
    experimental.preprocessing = keras.layers
    python = types.ModuleType("tensorflow.python")
    python.__path__ = []
    python.keras = keras
    targets = {"layers": keras.layers, "models": keras.models, "engine": engine,
               "python": python, "keras": keras, "experimental": experimental}
    for attr in ("topology", "input_layer", "sequential", "training"):
        setattr(engine, attr, keras.layers if attr in ("topology", "input_layer")
                else keras.models)
    modules = {name: targets[kind] for name, kind in OLD_PATHS.items()}

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
        build_only(self, x)
        return np.zeros(self.compute_output_spec(_symbolic(x)).shape)

    model_call = keras.Model.__call__

    def call(self, *args, **kwargs):  # model(array): the shapes only, as a KerasTensor
        return model_call(self, *[_symbolic(a) for a in args], **kwargs)

    stack = contextlib.ExitStack()
    with stack:
        stack.enter_context(tensorflow_shim())
        sys.modules["tensorflow"].newaxis = None  # x[..., tf.newaxis], as the TF tutorials write
        saved = {name: sys.modules.get(name) for name in modules}
        sys.modules.update(modules)
        stack.callback(lambda: [sys.modules.pop(n, None) if m is None
                                else sys.modules.__setitem__(n, m) for n, m in saved.items()])
        for name in DATASETS:
            stack.enter_context(patched(getattr(keras.datasets, name), "load_data",
                                         _fake_load_data(name)))
        for name in SEQUENCE_DATASETS:
            stack.enter_context(patched(getattr(keras.datasets, name), "load_data",
                                         _fake_sequences(name)))
        stack.enter_context(patched(unittest, "main", _unittest_main))
        stack.enter_context(patched(keras.Model, "fit", build_only))
        stack.enter_context(patched(keras.Model, "train_on_batch", build_only))
        stack.enter_context(patched(keras.Model, "evaluate", evaluate))
        if shapes_only:
            stack.enter_context(patched(keras.Model, "predict", predict))
            stack.enter_context(patched(keras.Model, "__call__", call))
            stack.enter_context(_shapes_only())
        yield


def _unittest_main(*args, **kwargs):
    """``unittest.main()`` without exiting: a failed assertion is an AssertionError, an
    error in a test is re-raised as RuntimeError (so Keras refusing is never hidden)."""
    kwargs["exit"] = False
    program = _UNITTEST_MAIN(*args, argv=[sys.argv[0]], **kwargs)
    result = program.result
    if result.errors:
        raise RuntimeError(result.errors[0][1].strip().splitlines()[-1])
    if result.failures:
        raise AssertionError(result.failures[0][1].strip().splitlines()[-1])
    if not result.testsRun:
        raise RuntimeError("unittest.main() ran no test")
    return program


#: Libraries whose bare ``Dense``/``Sequential`` are not Keras's (never faked).
NOT_KERAS = {"torch", "flax", "trax", "haiku", "sonnet", "tflearn", "jax", "equinox"}


def _star_modules(source: str, namespace: dict) -> dict:
    """Fake modules for ``from <unknown module> import *`` (a notebook's helper
    module that is not here): they export the snippet prelude's names."""
    fakes = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and any(alias.name == "*" for alias in node.names):
            try:
                known = importlib.util.find_spec(node.module.split(".")[0]) is not None
            except (ImportError, ValueError):
                known = False
            if not known and node.module.split(".")[0] not in NOT_KERAS:
                module = types.ModuleType(node.module)
                module.__dict__.update({k: v for k, v in namespace.items()
                                        if not k.startswith("_")})
                fakes[node.module] = module
    return fakes


def _marked(path: Path):
    marks = []
    with open(path, "rb") as handle:
        for tok in tokenize.tokenize(handle.readline):
            if tok.type == tokenize.COMMENT and tok.string.strip() == "# FLT001":
                marks.append(tok.start[0])
    if len(marks) > 1:
        raise ValueError(f"{path.name}: more than one '# FLT001' mark: {marks}")
    return marks[0] if marks else None


def _imports_anything(source: str) -> bool:
    return any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(ast.parse(source)))


def run_file(path) -> dict:
    """One corpus file's record: Dense input ranks per constructor line, the mark, and
    whether Keras built it (ran to the end, every Dense built).  Files that create variables
    outside a layer (an optimizer object) cannot run without weights: they run for real."""
    record = _run_file(path, shapes_only=True)
    if "stateless scope" in record.get("error", ""):
        record = _run_file(path, shapes_only=False)
    return record


def _run_file(path, shapes_only) -> dict:
    keras = _keras()
    path = Path(path).resolve()
    target = str(path)
    source = path.read_text()
    sites, ranks = {}, {}
    dense_init, dense_build = keras.layers.Dense.__init__, keras.layers.Dense.build

    def init(self, *args, **kwargs):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != target:
            frame = frame.f_back
        if frame is not None:
            positions = inspect.getframeinfo(frame, context=0).positions
            sites[id(self)] = positions.lineno or frame.f_lineno
            keep.append(self)
        dense_init(self, *args, **kwargs)

    def build(self, input_shape):
        ranks.setdefault(id(self), []).append(len(input_shape))
        return dense_build(self, input_shape)

    prelude = {}
    with environment():
        exec(compile(PRELUDE, "<prelude>", "exec"), prelude)
    prelude.pop("__builtins__", None)
    init_globals = {} if _imports_anything(source) else dict(prelude)
    fakes = _star_modules(source, prelude)
    error = None
    keep = []  # layers alive until the end of the run, so id() stays unique
    start = time.perf_counter()
    saved_argv = sys.argv
    try:
        keras.layers.Dense.__init__ = init
        keras.layers.Dense.build = build
        sys.argv = [target]
        saved_modules = {name: sys.modules.get(name) for name in fakes}
        sys.modules.update(fakes)
        with environment(shapes_only), warnings.catch_warnings(), \
                contextlib.redirect_stdout(io.StringIO()), \
                contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            try:
                namespace = runpy.run_path(target, init_globals=init_globals,
                                           run_name="__main__")
                keep.append(namespace)
                for name, value in list(namespace.items()):  # pytest-style test functions
                    if name.startswith("test_") and inspect.isfunction(value) \
                            and value.__code__.co_filename == target \
                            and not inspect.signature(value).parameters:
                        value()
            except SystemExit as exc:  # unittest.main()
                if exc.code not in (None, 0):
                    error = f"SystemExit: {exc.code}"
            except ImportError as exc:
                error = f"ImportError: {exc}"
            except Exception as exc:  # noqa: BLE001 - what Keras refused is the fact recorded
                text = str(exc).strip()
                error = f"{type(exc).__name__}: {text.splitlines()[0][:200] if text else ''}"
    finally:
        keras.layers.Dense.__init__ = dense_init
        keras.layers.Dense.build = dense_build
        sys.argv = saved_argv
        for name, module in saved_modules.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    by_line = {}
    for ident, line in sites.items():
        got = ranks.get(ident)
        rank = max(got) if got else None
        if line not in by_line or (rank or 0) > (by_line[line] or 0):
            by_line[line] = rank
    record = {"dense_input_ranks": {str(k): by_line[k] for k in sorted(by_line)},
              "marked": _marked(path),
              "builds": (error is None or error.startswith("AssertionError"))
              and all(r is not None for r in by_line.values())}
    if error:
        record["error"] = error
    record["seconds"] = round(time.perf_counter() - start, 2)
    return record


def corpus_files():
    return sorted(p for p in HERE.glob("*.py") if p.name.startswith(("bad_", "clean_")))


def style_of(name: str) -> str:
    return name.split("_")[1]


def problems(name: str, record: dict) -> list:
    """Why a file is not a valid corpus member (empty: valid)."""
    out = []
    ranks = record["dense_input_ranks"]
    kind = name.split("_")[0]
    if style_of(name) not in STYLES:
        out.append(f"unknown style {style_of(name)!r}")
    notkeras = "_notkeras" in name
    if notkeras:
        if ranks:
            out.append("a not-Keras near-miss constructed a Keras Dense")
        if record.get("error") and not record["error"].startswith("ImportError"):
            out.append(f"failed: {record['error']}")
        return out
    if not record["builds"] and not record.get("error", "").startswith("AssertionError"):
        out.append(f"Keras did not build it: {record.get('error') or 'a Dense was never built'}")
    if kind == "bad":
        mark = record["marked"]
        if mark is None:
            out.append("bad file without '# FLT001' mark")
        elif (ranks.get(str(mark)) or 0) <= 2:
            out.append(f"marked Dense (line {mark}) got rank {ranks.get(str(mark))}, not > 2")
    else:
        if record["marked"] is not None:
            out.append("clean file with a '# FLT001' mark")
        deep = {k: v for k, v in ranks.items() if (v or 0) > 2}
        if deep and not re.search(r"_(seq|perpos)(_|\.py$)", name):
            out.append(f"Dense on rank>2 input in a clean file not named _seq/_perpos: {deep}")
        if not ranks:
            out.append("no Dense at all")
    return out


def record_all(files=None) -> dict:
    return {p.name: run_file(p) for p in (files or corpus_files())}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    files = [HERE / n for n in names] if names else corpus_files()
    golden = record_all(files)
    bad = 0
    for name, record in golden.items():
        why = problems(name, record)
        flag = "INVALID " + "; ".join(why) if why else "ok"
        bad += bool(why)
        print(f"{name:55s} {record['seconds']:5.2f}s {record['dense_input_ranks']} "
              f"mark={record['marked']} {flag}")
    if not names and not check:
        stable = {n: {k: v for k, v in r.items() if k != "seconds"} for n, r in golden.items()}
        GOLDEN.write_text(json.dumps(stable, indent=1, sort_keys=True) + "\n")
        print(f"wrote {GOLDEN} ({len(golden)} files, {bad} invalid)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
