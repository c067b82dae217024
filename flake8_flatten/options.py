"""The options a lint runs with, and which of them are active.

A front-end reads the user's configuration (``config.py``: flake8's options,
``[tool.flake8-flatten]`` in ``pyproject.toml``, the command line's flags) into one
`Options`.  While a lint runs, its options are *active*: discovery (which classes are
Dense-like), the shape engine (which rule a class follows, whether NumPy verifies,
which Keras) and FLT001 (sequence axes) read them through `active()`, a ContextVar set
by `using()` for the duration of the call, so the engine needs no options threaded
through every function and holds no other state.  This module imports nothing of the
package: every layer may read the active options.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from typing import FrozenSet, Iterator, Mapping, Optional, Tuple

#: The Keras class Dense-like layers follow: the one name they may share with Keras.
DENSE = "Dense"



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
