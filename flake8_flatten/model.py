"""The data that flows from discovery to the shape engine and the rules.

Discovery turns source code into `ModelDescription`s made of `LayerCall`s; nothing
downstream ever sees source code again.  Values that could not be evaluated
statically are the `UNKNOWN` sentinel, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Tuple

#: A tensor shape with the batch axis first; ``None`` entries are unknown sizes.
#: A wholly unknown shape (unknown rank) is ``None`` itself.
Dim = Optional[int]
Shape = Optional[Tuple[Dim, ...]]


class _Unknown:
    """Marks a value discovery could not evaluate without executing code."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        return False


UNKNOWN: Any = _Unknown()


@dataclass(frozen=True)
class LayerCall:
    """One layer constructor call, e.g. ``Dense(16, activation='relu')``.

    ``kind`` is the Keras class name (``"Dense"``) when the callee resolved to a
    Keras layer, otherwise the callee's spelling (an unknown layer).  ``line`` is
    1-based and ``col`` 0-based, as flake8 plugins report them.
    """

    kind: str
    args: Tuple[Any, ...] = ()
    kwargs: Tuple[Tuple[str, Any], ...] = ()
    line: int = 0
    col: int = 0
    is_keras: bool = True

    def kwarg(self, name: str, default: Any = None) -> Any:
        for key, value in self.kwargs:
            if key == name:
                return value
        return default


@dataclass
class ModelDescription:
    """A Sequential (or functional) model as discovery saw it.

    ``input_shape`` includes the batch axis.  ``layers`` excludes Input/InputLayer
    entries, like Keras 3's ``model.layers``.  ``truncated`` says discovery lost
    track of the model after its last layer (a conditional ``.add``, say), so the
    true model may continue: rules must not treat the last layer as the output.
    """

    line: int
    col: int
    name: Optional[str] = None
    input_shape: Shape = None
    layers: list = field(default_factory=list)
    truncated: bool = False


def format_shape(shape: Shape) -> str:
    """``(None, 3, 16)``, as Keras prints shapes; ``?`` for an unknown shape."""
    if shape is None:
        return "?"
    inner = ", ".join("None" if d is None else str(d) for d in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"
