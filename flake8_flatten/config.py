"""User configuration: what may be configured, how it is checked, and which options are active.

flake8 reads the plugin's options from its own config files (see plugin.py); the
standalone front-end reads ``[tool.flake8-flatten]`` from the nearest
``pyproject.toml``.  Both end as one `Options`.  While a lint runs, its options are
*active*: discovery (which classes are Dense-like), the shape engine (which rule a
class follows, whether NumPy verifies) and FLT001 (sequence axes) read them through
`active()`, a ContextVar set by `using()` for the duration of the call, so the
engine needs no options threaded through every function and holds no other state.
"""

from __future__ import annotations

import argparse
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cached_property
from typing import FrozenSet, Iterator, Mapping, Optional, Tuple

#: The section of pyproject.toml the standalone front-end reads.
TABLE = "tool.flake8-flatten"
_DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")
#: The Keras class Dense-like layers follow: the one name they may share with Keras.
DENSE = "Dense"


class ConfigError(ValueError):
    """Configuration the user must fix; the message is one line."""


@dataclass(frozen=True)
class Options:
    """``sequence_axes``: extra axes of a declared input or Reshape are sequence axes,
    so FLT001 reports only conv/pool feature maps.  ``verify``: check shapes with the
    NumPy references (off: faster, shapes are the static engine's).  ``dense_like``:
    the user's layer classes to treat as Dense, by class name or qualified name.
    ``assume_keras``: names the file never binds (``Dense``, ``Sequential``, ``np`` in a
    snippet pasted without its imports) are Keras's (and NumPy's).  ``keras_version``:
    the Keras whose behaviour the rules follow where Keras 2 and Keras 3 differ,
    ``"2"``, ``"3"`` or ``"auto"`` (read from the installed packages' metadata: `detect_keras`)."""

    sequence_axes: bool = False
    verify: bool = True
    dense_like: Tuple[str, ...] = ()
    assume_keras: bool = True
    keras_version: str = "auto"

    @cached_property
    def keras(self) -> int:
        """The Keras major version the rules follow: 2 or 3 (``auto`` resolved)."""
        if self.keras_version == "2":
            return 2
        if self.keras_version == "3":
            return 3
        return detect_keras().version

    @cached_property
    def dense_kinds(self) -> FrozenSet[str]:
        """The class names Dense-like layers appear under in messages (``NoisyDense``)."""
        return frozenset(name.rpartition(".")[2] for name in self.dense_like)

    @cached_property
    def _entries(self) -> FrozenSet[str]:
        return frozenset(self.dense_like)

    def dense_kind(self, qualname: str) -> Optional[str]:
        """The class name when ``qualname`` is a configured Dense-like class: a dotted
        entry must equal it, a bare one its last component."""
        name = qualname.rpartition(".")[2]
        return name if qualname in self._entries or name in self._entries else None


_ACTIVE: ContextVar[Options] = ContextVar("flake8_flatten_options", default=Options())


def active() -> Options:
    """The options of the lint in progress (the defaults outside one)."""
    return _ACTIVE.get()


@contextmanager
def using(options: Optional[Options]) -> Iterator[Options]:
    """Make ``options`` active for the block; None keeps the active ones."""
    if options is None:
        yield active()
        return
    token = _ACTIVE.set(options)
    try:
        yield options
    finally:
        _ACTIVE.reset(token)


# -- which Keras: keras-version = auto -------------------------------------------

KERAS_VERSIONS = ("2", "3", "auto")


@dataclass(frozen=True)
class DetectedKeras:
    """What ``keras-version = auto`` found: the Keras the rules follow, why, and the one
    warning a front-end prints when it could not tell (then ``version`` is 3)."""

    version: int
    reason: str
    warning: Optional[str] = None


def _major_minor(text: str) -> Optional[Tuple[int, int]]:
    match = re.match(r"\s*(\d+)\.(\d+)", text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def installed_versions() -> dict:
    """The installed versions of keras, tf-keras and tensorflow (any of its CPU/macOS
    builds), from package metadata: nothing is imported.  A missing package is absent."""
    from importlib import metadata

    found = {}
    for key, names in (("keras", ("keras",)), ("tf-keras", ("tf-keras", "tf_keras")),
                       ("tensorflow", ("tensorflow", "tensorflow-cpu", "tensorflow-macos",
                                       "tensorflow-intel", "tf-nightly", "tf-nightly-cpu"))):
        for name in names:
            try:
                found[key] = metadata.version(name)
                break
            except metadata.PackageNotFoundError:
                continue
            except Exception:  # broken metadata: a version we cannot read
                found[key] = ""
                break
    return found


def detect_keras(versions: Optional[Mapping[str, str]] = None,
                 environ: Optional[Mapping[str, str]] = None) -> DetectedKeras:
    """The Keras that runs the user's code in this environment.

    Keras 2 where ``keras`` is 2.x, TensorFlow is 2.15 or older (it bundles Keras 2 as
    ``tf.keras``), or ``tf-keras`` is installed and ``TF_USE_LEGACY_KERAS`` selects it;
    Keras 3 where only Keras 3 is; with nothing installed, Keras 3 (the default).  An
    environment with both and no ``TF_USE_LEGACY_KERAS``, or a version we cannot
    read: Keras 3, with a warning saying so.  Results without arguments are cached.
    """
    if versions is None and environ is None:
        return _detected_here(os.environ.get("TF_USE_LEGACY_KERAS"))
    versions = installed_versions() if versions is None else versions
    environ = os.environ if environ is None else environ
    hint = "set keras-version to 2 or 3 to say which"
    parsed = {}
    for name, text in versions.items():
        parsed[name] = _major_minor(text)
        if parsed[name] is None:
            return DetectedKeras(3, "unreadable version",
                                 f"cannot read the installed version of {name} ({text!r}); "
                                 f"following Keras 3: {hint}")
    keras, tf_keras, tensorflow = (parsed.get(k) for k in ("keras", "tf-keras", "tensorflow"))
    legacy = environ.get("TF_USE_LEGACY_KERAS", "") in ("1", "true", "True")
    keras2_by = []  # what makes the code run Keras 2
    if keras is not None and keras[0] == 2:
        keras2_by.append(f"keras {versions['keras']}")
    if tensorflow is not None and tensorflow[0] == 2 and tensorflow[1] <= 15:
        keras2_by.append(f"tensorflow {versions['tensorflow']} (bundles Keras 2)")
    if tf_keras is not None and (legacy or keras is None):
        keras2_by.append(f"tf-keras {versions['tf-keras']}"
                         + (" with TF_USE_LEGACY_KERAS=1" if legacy else ""))
    keras3_by = f"keras {versions['keras']}" if keras is not None and keras[0] >= 3 else None
    if tf_keras is not None and keras3_by and not legacy:  # tf-keras there, but not selected
        return DetectedKeras(3, "both installed",
                             f"both Keras 3 ({keras3_by}) and Keras 2 (tf-keras "
                             f"{versions['tf-keras']}) are installed and TF_USE_LEGACY_KERAS is "
                             f"not set; following Keras 3: {hint}")
    if keras2_by and keras3_by and not (legacy and tf_keras is not None):
        return DetectedKeras(3, "both installed",
                             f"both Keras 3 ({keras3_by}) and Keras 2 ({keras2_by[0]}) are "
                             f"installed; following Keras 3: {hint}")
    if keras2_by:
        return DetectedKeras(2, keras2_by[0])
    if keras3_by:
        return DetectedKeras(3, keras3_by)
    return DetectedKeras(3, "no Keras installed")


_DETECTED: dict = {}


def _detected_here(legacy: Optional[str]) -> DetectedKeras:
    if legacy not in _DETECTED:
        _DETECTED[legacy] = detect_keras(installed_versions(), os.environ)
    return _DETECTED[legacy]


def keras_version_value(value, where: str) -> str:
    """A checked keras-version: 2, 3 or auto (an int from TOML is taken as its text)."""
    text = str(value).strip().lower() if isinstance(value, (str, int)) \
        and not isinstance(value, bool) else None
    if text not in KERAS_VERSIONS:
        raise ConfigError(f"{where} must be 2, 3 or auto, not {value!r}")
    return text


def keras_warning(options: "Options") -> Optional[str]:
    """The one thing to say on stderr about which Keras was assumed, if anything."""
    return detect_keras().warning if options.keras_version == "auto" else None


# -- checking values from either front-end ------------------------------------------


def dense_like_names(names, where: str) -> Tuple[str, ...]:
    """Validated Dense-like entries: dotted Python names whose class name is not another
    Keras layer's (``mypkg.Conv2D`` would make every real Conv2D a Dense)."""
    from .shapes.engine import registry

    for name in names:
        if not isinstance(name, str) or not _DOTTED.fullmatch(name):
            raise ConfigError(f"{where}: dense-like entries must be class names such as MyDense "
                              f"or mypkg.layers.MyDense, not {name!r}")
        kind = name.rpartition(".")[2]
        if kind != DENSE and kind in registry():
            raise ConfigError(f"{where}: dense-like entry {name!r} has the name of the Keras "
                              f"layer {kind}; only Dense's own name may be reused")
    return tuple(dict.fromkeys(names))


def split_names(text: str) -> list:
    """``"A, b.C"`` (or one per line, as in an ini file) -> ``["A", "b.C"]``."""
    return [name.strip() for name in text.replace("\n", ",").split(",") if name.strip()]


def unknown_key(key: str, known, where: str, section: str) -> ConfigError:
    return ConfigError(f"{where}: unknown key {key!r} in [{section}] "
                       f"(known: {', '.join(sorted(known))})")


# -- pyproject.toml ----------------------------------------------------------------

_PYPROJECT_KEYS = ("assume-keras", "dense-like", "keras-version", "sequence-axes", "verify")


def from_table(table: Mapping[str, object], where: str) -> Options:
    """Options from a parsed ``[tool.flake8-flatten]`` table."""
    for key in table:
        if key not in _PYPROJECT_KEYS:
            raise unknown_key(key, _PYPROJECT_KEYS, where, TABLE)
    for key in ("sequence-axes", "verify", "assume-keras"):
        if key in table and not isinstance(table[key], bool):
            raise ConfigError(f"{where}: {key} in [{TABLE}] must be true or false, "
                              f"not {table[key]!r}")
    names = table.get("dense-like", [])
    if not isinstance(names, list):
        raise ConfigError(f"{where}: dense-like in [{TABLE}] must be a list of class names, "
                          f"not {names!r}")
    defaults = Options()
    return Options(sequence_axes=table.get("sequence-axes", defaults.sequence_axes),
                   verify=table.get("verify", defaults.verify),
                   assume_keras=table.get("assume-keras", defaults.assume_keras),
                   dense_like=dense_like_names(names, where),
                   keras_version=keras_version_value(
                       table.get("keras-version", defaults.keras_version),
                       f"{where}: keras-version in [{TABLE}]"))


def _read_toml(path: str) -> dict:
    try:
        import tomllib
    except ImportError:  # Python < 3.11
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc


def _tool_table(path: str) -> Optional[dict]:
    tool = _read_toml(path).get("tool")
    table = tool.get("flake8-flatten") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [{TABLE}] must be a table, not {table!r}")
    return table


def load_pyproject(path: Optional[str] = None, start: Optional[str] = None) -> Options:
    """Options from ``path``, or from the nearest ``pyproject.toml`` with a
    ``[tool.flake8-flatten]`` table in ``start`` (the current directory) or above it,
    as ruff finds its settings; the defaults when there is none."""
    if path is not None:
        return from_table(_tool_table(path) or {}, path)
    for candidate in _upward(os.path.abspath(start or os.getcwd())):
        table = _tool_table(candidate)
        if table is not None:
            return from_table(table, candidate)
    return Options()


def _upward(directory: str) -> Iterator[str]:
    """Each ``pyproject.toml`` from ``directory`` up to the root, as messages name them
    (relative to the current directory)."""
    while True:
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate):
            yield os.path.relpath(candidate)
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


# -- the standalone front-end's flags ----------------------------------------------


def arguments() -> argparse.ArgumentParser:
    """The flags every ``flake8-flatten`` command takes (a parent parser)."""
    parser = argparse.ArgumentParser(add_help=False)
    group = parser.add_argument_group(
        "configuration", f"flags override [{TABLE}] in the nearest pyproject.toml")
    group.add_argument("--config", metavar="PATH",
                       help=f"read [{TABLE}] from this file instead")
    group.add_argument("--sequence-axes", action=argparse.BooleanOptionalAction, default=None,
                       help="FLT001: extra axes of a declared input or Reshape are sequence axes "
                            "(report only conv/pool feature maps)")
    group.add_argument("--verify", action=argparse.BooleanOptionalAction, default=None,
                       help="check every shape with the NumPy references (default: on)")
    group.add_argument("--assume-keras", action=argparse.BooleanOptionalAction, default=None,
                       help="read names the file never binds (Dense, Sequential, np in a snippet "
                            "without imports) as Keras's (default: on)")
    group.add_argument("--dense-like", metavar="CLASSES",
                       help="comma-separated layer classes of your own to treat as Dense")
    group.add_argument("--keras-version", choices=KERAS_VERSIONS, default=None,
                       help="the Keras whose behaviour to follow where Keras 2 and 3 differ "
                            "(default: auto, read from the installed packages)")
    return parser


def from_arguments(args: argparse.Namespace) -> Options:
    """The configuration file's options, with the command line's flags over them."""
    options = load_pyproject(args.config)
    if args.sequence_axes is not None:
        options = replace(options, sequence_axes=args.sequence_axes)
    if args.verify is not None:
        options = replace(options, verify=args.verify)
    if args.assume_keras is not None:
        options = replace(options, assume_keras=args.assume_keras)
    if args.dense_like is not None:
        options = replace(options, dense_like=dense_like_names(split_names(args.dense_like),
                                                               "--dense-like"))
    if getattr(args, "keras_version", None) is not None:
        options = replace(options, keras_version=args.keras_version)
    return options
