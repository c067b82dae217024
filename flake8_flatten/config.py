"""User configuration: what may be configured and how it is checked.

flake8 reads the plugin's options from its own config files (see plugin.py); the
standalone front-end reads ``[tool.flake8-flatten]`` from the nearest
``pyproject.toml``.  Both end as one `Options` (``options.py``, re-exported here),
which a lint makes active while it runs.  A Dense-like entry is checked against the
Keras layers of the family table (``shapes/families.py``).
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import replace
from typing import Iterator, Mapping, Optional, Tuple

from .options import (  # noqa: F401  (re-exported: the names every front-end imports from here)
    _ACTIVE,
    DENSE,
    KERAS_VERSIONS,
    DetectedKeras,
    Options,
    active,
    detect_keras,
    installed_versions,
    using,
)

#: The section of pyproject.toml the standalone front-end reads.
TABLE = "tool.flake8-flatten"
_DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")


class ConfigError(ValueError):
    """Configuration the user must fix; the message is one line."""


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
    for name in names:
        if not isinstance(name, str) or not _DOTTED.fullmatch(name):
            raise ConfigError(f"{where}: dense-like entries must be class names such as MyDense "
                              f"or mypkg.layers.MyDense, not {name!r}")
        kind = name.rpartition(".")[2]
        from .shapes.families import registry  # only when names are given (see LAZY)

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
