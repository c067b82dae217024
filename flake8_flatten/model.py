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
    #: Positions in the input shape it declares whose size is fixed but not known to
    #: us (``X.shape[1]`` of data we cannot see), unlike a written ``None``, which is a
    #: variable-length axis.
    fixed: Tuple[int, ...] = ()

    def kwarg(self, name: str, default: Any = None) -> Any:
        for key, value in self.kwargs:
            if key == name:
                return value
        return default


@dataclass(frozen=True)
class Feed:
    """Data of a statically known shape handed to a model: ``model.predict(x)``.

    ``layers`` is how many layers the model had then (a Sequential may grow later)."""

    line: int
    col: int
    method: str  # "predict", "fit", "evaluate", "__call__", ...
    data_shape: Tuple[int, ...]
    layers: int


@dataclass(frozen=True)
class Training:
    """``model.fit(x, y)`` / ``evaluate`` / ``train_on_batch`` / ``test_on_batch`` with
    labels of a statically known shape (``validation_data=(xv, yv)`` is one more);
    ``data`` is x's shape when known.  What FLT005 checks against the compiled loss."""

    line: int
    col: int
    method: str
    data: Optional[Tuple[int, ...]]
    labels: Tuple[int, ...]
    layers: int


@dataclass(frozen=True)
class Loss:
    """A Keras loss as the code names it: ``"categorical_crossentropy"``,
    ``keras.losses.CategoricalCrossentropy(from_logits=True)`` (``name`` the string or
    the class/function name, ``kwargs`` a class's arguments)."""

    name: str
    kwargs: Tuple[Tuple[str, Any], ...] = ()
    called: bool = False  # a class instantiated (``Huber()``), not a function or string


@dataclass(frozen=True)
class Compile:
    """``model.compile(loss=..., metrics=...)``: ``loss`` a Loss, a tuple or dict of
    them per output, or UNKNOWN; ``conditional`` when inside a branch or loop."""

    line: int
    col: int
    loss: Any
    metrics: Any
    layers: int
    conditional: bool = False


@dataclass(frozen=True)
class Claim:
    """A shape the code asserts: ``assert model.output_shape == (None, 4)`` (``data``
    is None) or ``assert model.predict(x).shape == (1, 4)`` (``data`` is x's shape)."""

    line: int
    col: int
    claimed: Tuple[Any, ...]
    data: Optional[Tuple[int, ...]]
    layers: int


DECLARED, FED, APPLIED = "declared", "fed", "applied"
#: Model kinds whose layers run inside a ``call`` Keras traces (a subclassed model, a
#: custom layer): there a layer does not make the checks it makes when applied to a
#: symbolic tensor (measured with Keras 3 on JAX: ``MaxPooling1D(3)`` on 2 steps gives 0
#: steps, ``padding="SAME"`` is accepted), so only built weights refuse anything.
TRACED = frozenset({"Subclassed", "CustomLayer"})


@dataclass
class ModelDescription:
    """A Sequential or functional model as discovery saw it.

    ``input_shape`` includes the batch axis.  ``layers`` excludes Input/InputLayer
    entries, like Keras 3's ``model.layers``; in a functional model they are the
    layer applications in call order.  ``truncated`` says discovery lost track of the
    model after its last layer (a conditional ``.add``, say), so the true model may
    continue: rules must not treat the last layer as the output.

    A functional model is a graph: ``inputs`` are its input shapes, ``sources[i]``
    the tensors layer ``i`` consumes and ``outputs`` the model's outputs, as tensor
    references (inputs are 0..k-1, layer ``j``'s output is k+j, -1 is unknown).  A
    Sequential leaves them None: it is the chain `graph()` describes.
    """

    line: int
    col: int
    name: Optional[str] = None
    input_shape: Shape = None
    layers: list = field(default_factory=list)
    truncated: bool = False
    kind: str = "Sequential"
    inputs: Optional[list] = None
    sources: Optional[list] = None
    outputs: Optional[Tuple[int, ...]] = None
    shared: Optional[list] = None  # per layer: which layer object, when one is applied twice
    feeds: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    trainings: list = field(default_factory=list)  # `Training`s, in source order
    compiles: list = field(default_factory=list)  # `Compile`s, in source order
    #: Where the input shape comes from: None (nowhere yet), DECLARED (``Input``,
    #: ``input_shape=``, ``build``), FED (the first data it ran on built it) or APPLIED
    #: (the tensor it was applied to inside another model, which then owns FLT001).
    input_source: Optional[str] = None
    #: The file runs the model on data we cannot read (``fit(train_ds)``): Keras builds
    #: it, on an input nothing states (see `summary`'s probed shapes).
    runs_on_unread_data: bool = False
    #: Per input, the axes (batch axis 0) whose size is fixed but unknown to us.
    fixed_axes: Optional[list] = None
    #: A subclassed model's ``call`` traced on: "build" (Keras 3 runs no ``call`` there),
    #: "data" or "tensor" (Keras runs it: its refusals are real); None otherwise.
    traced_by: Optional[str] = None
    #: The same instance's model traced on another input before this one, and per
    #: layer the layer object applied (shared weights must agree across the calls).
    earlier_trace: Optional["ModelDescription"] = None
    layer_objects: Optional[list] = None
    #: Per layer, the line of its application when the layer is reported at its
    #: constructor (a subclassed model's ``self.dense(x)`` in ``call``), else None.
    applied_lines: Optional[list] = None

    def graph(self, input_shapes=None, layers: Optional[int] = None):
        """``(input shapes, layer calls, sources, outputs)``; a Sequential as a chain,
        optionally only its first ``layers`` layers and fed other input shapes."""
        if self.sources is not None:
            return (list(input_shapes or self.inputs), list(self.layers), list(self.sources),
                    tuple(self.outputs))
        calls = list(self.layers[:layers] if layers is not None else self.layers)
        return (list(input_shapes or [self.input_shape]), calls,
                [(i,) for i in range(len(calls))], (len(calls),))


def format_shape(shape: Shape) -> str:
    """``(None, 3, 16)``, as Keras prints shapes; ``?`` for an unknown shape."""
    if shape is None:
        return "?"
    inner = ", ".join("None" if d is None else str(d) for d in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"
