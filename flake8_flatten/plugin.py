"""The flake8 front-end: thin, and it never raises into flake8 while checking."""

from __future__ import annotations

import ast
import configparser
import os
import sys
from typing import Iterator, List, Mapping, Tuple

from . import __version__
from .config import ConfigError, Options, dense_like_names, keras_version_value, keras_warning, unknown_key
from .discovery import MAX_SOURCE_CHARS, may_define_models

#: Our options: ``--flatten-...`` on the command line, ``flatten-... =`` in ``[flake8]``.
SEQUENCE_AXES, NO_VERIFY, DENSE_LIKE = "flatten-sequence-axes", "flatten-no-verify", "flatten-dense-like"
NO_ASSUME_KERAS, KERAS_VERSION = "flatten-no-assume-keras", "flatten-keras-version"
KEYS = (DENSE_LIKE, KERAS_VERSION, NO_ASSUME_KERAS, NO_VERIFY, SEQUENCE_AXES)
_BOOLEANS = {"1": True, "yes": True, "true": True, "on": True,
             "0": False, "no": False, "false": False, "off": False}


class FlattenChecker:
    name = "flake8-flatten"
    version = __version__
    #: Set by `parse_options` from flake8's command line and config file.
    options = Options()

    def __init__(self, tree: ast.Module, lines: List[str]):
        self.tree = tree
        self.lines = lines

    @staticmethod
    def add_options(manager) -> None:
        # store_const, not store_true: flake8 then hands a config file's text to
        # parse_options, which can reject "maybe" with a clear message (flake8's own
        # boolean parsing raises a traceback)
        manager.add_option(f"--{SEQUENCE_AXES}", action="store_const", const=True, default=False,
                           parse_from_config=True,
                           help="FLT001: extra axes of a declared input or Reshape are sequence "
                                "axes; report only conv/pool feature maps")
        manager.add_option(f"--{NO_VERIFY}", action="store_const", const=True, default=False,
                           parse_from_config=True,
                           help="skip the NumPy verification of shapes (faster; messages then "
                                "show the static engine's shapes)")
        manager.add_option(f"--{NO_ASSUME_KERAS}", action="store_const", const=True,
                           default=False, parse_from_config=True,
                           help="names a file never binds (Dense, Sequential in a snippet "
                                "without imports) are not read as Keras's")
        manager.add_option(f"--{DENSE_LIKE}", default=[], comma_separated_list=True,
                           parse_from_config=True, metavar="CLASSES",
                           help="comma-separated layer classes of your own to treat as Dense "
                                "(MyDense, mypkg.layers.NoisyDense)")
        manager.add_option(f"--{KERAS_VERSION}", default="auto", parse_from_config=True,
                           metavar="2|3|auto",
                           help="the Keras whose behaviour to follow where Keras 2 and 3 differ "
                                "(default: auto, read from the installed packages)")

    @classmethod
    def parse_options(cls, options) -> None:
        """Our options from flake8's.  A misspelt ``flatten-*`` key or a bad value does
        not stop flake8 (an editor would then show no diagnostic of any plugin): one
        warning on stderr, and the FLT checks run with the defaults."""
        try:
            check_keys(*flake8_section())
            cls.options = Options(
                sequence_axes=_boolean(options.flatten_sequence_axes, SEQUENCE_AXES),
                verify=not _boolean(options.flatten_no_verify, NO_VERIFY),
                assume_keras=not _boolean(options.flatten_no_assume_keras, NO_ASSUME_KERAS),
                dense_like=dense_like_names(options.flatten_dense_like, DENSE_LIKE),
                keras_version=keras_version_value(
                    getattr(options, "flatten_keras_version", "auto"), KERAS_VERSION))
        except ConfigError as exc:
            cls.options = Options()
            warn(f"{exc}; the FLT checks use the default options")
        said = keras_warning(cls.options)
        if said:
            warn(said)

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        if sum(map(len, self.lines)) > MAX_SOURCE_CHARS:  # not even joined: no copy of a huge file
            return
        source = "".join(self.lines)
        if not may_define_models(source, self.options.assume_keras):  # no Keras model, no cost
            return
        from .rules import lint

        try:
            findings = lint(source, self.tree, self.lines, self.options)
        except Exception:  # never crash flake8; tests call lint() directly and see errors
            return
        for finding in findings:
            yield finding.line, finding.col, str(finding), type(self)


_WARNED: set = set()


def warn(message: str) -> None:
    """``flake8-flatten: warning: ...`` on stderr, once per process and message, and not
    from the worker processes of ``flake8 --jobs`` (with the spawn or forkserver start
    methods each worker parses the options again: the main process has already warned)."""
    import multiprocessing

    if message in _WARNED or "PoolWorker-" in multiprocessing.current_process().name:
        return
    _WARNED.add(message)
    print(f"flake8-flatten: warning: {message}", file=sys.stderr)


def check_keys(section: Mapping[str, str], where: str) -> None:
    """flake8 ignores unknown config keys; a misspelt one of ours is reported."""
    for key in section:
        key = key.replace("_", "-")  # flake8 takes both spellings
        if key.startswith("flatten-") and key not in KEYS:
            raise unknown_key(key, KEYS, where, "flake8")


def flake8_section() -> Tuple[Mapping[str, str], str]:
    """The ``[flake8]`` section of the config file flake8 reads, and that file's name.
    flake8 does not tell plugins which file it read, so its preliminary command-line
    options (``--config``, ``--append-config``, ``--isolated``) are parsed again."""
    from flake8.exceptions import ExecutionError
    from flake8.main.options import stage1_arg_parser
    from flake8.options.config import load_config

    try:
        flags, _ = stage1_arg_parser().parse_known_args(sys.argv[1:])
        cfg, directory = load_config(flags.config, flags.append_config, isolated=flags.isolated)
    except (SystemExit, ExecutionError, configparser.Error, UnicodeDecodeError):
        return {}, ""  # not flake8's command line: flake8 used as a library
    if "flake8" not in cfg:
        return {}, ""
    return cfg["flake8"], flags.config or _config_name(directory)


def _config_name(directory: str) -> str:
    for name in ("setup.cfg", "tox.ini", ".flake8"):  # flake8's order of preference
        path = os.path.join(directory, name)
        parser = configparser.RawConfigParser()
        try:
            parser.read(path, encoding="UTF-8")
        except (configparser.Error, UnicodeDecodeError):
            continue
        if "flake8" in parser:
            return os.path.relpath(path)
    return "flake8 config"


def _boolean(value, key: str) -> bool:
    """A flag's value: True from the command line, or a config file's text."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text not in _BOOLEANS:
        raise ConfigError(f"{key} must be true or false, not {value!r}")
    return _BOOLEANS[text]
