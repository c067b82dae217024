"""A seeded generator of random Keras model source files (our own test data).

`generate(seed)` writes one model in one of several syntactic styles -- a
``Sequential([...])`` list, ``model.add(...)`` calls, or a functional graph
(``x = layers.Conv2D(...)(x)``, branches joined by merge layers, shared layers) --
with one of several import styles, hyperparameters bound to module constants or
written inline, positional or keyword arguments, tuples or lists, and the input
declared by ``keras.Input`` or by ``input_shape=`` on the first layer.  On request
(``kind="subclassed"`` / ``kind="custom"``) it writes a subclassed ``keras.Model``
(layers made in ``__init__``, applied in ``call``, its input from ``build``, a NumPy
call, ``predict`` or ``keras.Input``) or custom ``Layer`` classes used in a Sequential
or functional model.

The generator tracks only what it needs to make most models plausible (the rank
and, where obvious, the last axis size); it never computes shapes, so it cannot
share a mistake with the static engine.  A fraction of layers is drawn without
regard to the tensor they get (wrong rank, oversized windows, Reshape targets of
the wrong size, mismatched merges), so models Keras refuses are generated too.
Sizes stay small so that Keras builds each model in milliseconds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

#: Keras 3's leading positional parameters for each layer the generator writes
#: (`tests/discovery/test_fuzz.py` checks them against ``inspect.signature`` when Keras is
#: installed).  Parameters listed here may be written positionally.
POSITIONAL: Dict[str, Tuple[str, ...]] = {
    "Dense": ("units", "activation"),
    **{f"Conv{r}D": ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate")
       for r in (1, 2, 3)},
    "Conv1DTranspose": ("filters", "kernel_size", "strides", "padding", "output_padding", "data_format"),
    "Conv2DTranspose": ("filters", "kernel_size", "strides", "padding", "output_padding", "data_format"),
    "Conv3DTranspose": ("filters", "kernel_size", "strides", "padding", "data_format", "output_padding"),
    "SeparableConv2D": ("filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate",
                        "depth_multiplier"),
    "DepthwiseConv2D": ("kernel_size", "strides", "padding", "depth_multiplier", "data_format"),
    "ConvLSTM1D": ("filters", "kernel_size", "strides", "padding", "data_format"),
    "ConvLSTM2D": ("filters", "kernel_size", "strides", "padding", "data_format"),
    **{f"{kind}Pooling{r}D": ("pool_size", "strides", "padding", "data_format")
       for kind in ("Max", "Average") for r in (1, 2, 3)},
    **{f"Global{kind}Pooling{r}D": ("data_format", "keepdims")
       for kind in ("Max", "Average") for r in (1, 2, 3)},
    **{f"ZeroPadding{r}D": ("padding", "data_format") for r in (1, 2, 3)},
    "Cropping1D": ("cropping",),
    "Cropping2D": ("cropping", "data_format"),
    "Cropping3D": ("cropping", "data_format"),
    "UpSampling1D": ("size",),
    "UpSampling2D": ("size", "data_format"),
    "UpSampling3D": ("size", "data_format"),
    "Flatten": ("data_format",),
    "Reshape": ("target_shape",),
    "Permute": ("dims",),
    "RepeatVector": ("n",),
    "Embedding": ("input_dim", "output_dim"),
    "LSTM": ("units", "activation"),
    "GRU": ("units", "activation"),
    "SimpleRNN": ("units", "activation"),
    "Bidirectional": ("layer", "merge_mode"),
    "TimeDistributed": ("layer",),
    "Dropout": ("rate",),
    "SpatialDropout1D": ("rate",),
    "SpatialDropout2D": ("rate",),
    "BatchNormalization": ("axis",),
    "LayerNormalization": ("axis",),
    "Activation": ("activation",),
    "LeakyReLU": ("negative_slope",),
    "Concatenate": ("axis",),
    "Dot": ("axes", "normalize"),
    **{name: () for name in ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum")},
    "Input": ("shape",),
    "InputLayer": ("shape",),
}

MERGES = ("Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum", "Concatenate", "Dot")


@dataclass(frozen=True)
class Call:
    """A layer constructor call: its Keras class and arguments, in writing order."""

    kind: str
    params: Tuple[Tuple[str, Any], ...] = ()


class Var(str):
    """A loop variable or helper parameter: written as a bare name."""


@dataclass(frozen=True)
class Tensor:
    """What the generator knows of a tensor: its rank (batch axis included) and,
    when obvious, its non-batch sizes or at least its last size."""

    rank: int
    sizes: Optional[Tuple[int, ...]] = None
    last: Optional[int] = None

    @staticmethod
    def of(sizes: Tuple[int, ...]) -> "Tensor":
        return Tensor(len(sizes) + 1, tuple(sizes), sizes[-1])

    def with_last(self, last: Optional[int]) -> "Tensor":
        sizes = self.sizes[:-1] + (last,) if self.sizes and last is not None else None
        return Tensor(self.rank, sizes, last)


@dataclass
class GeneratedModel:
    seed: int
    source: str
    style: str  # "list", "add", "functional", "subclassed" or "custom"
    imports: str  # the import style's name
    model_name: str
    invalid_layers: int  # layers drawn without regard to their input
    models: Optional[int] = 1  # models discovery must find (a Sequential block called as a layer
    # adds one); None for `CLASS_STYLES`, whose classes discovery follows only as far as
    # it knows every shape (``classes`` says how many models they make when it does)
    classes: int = 0  # subclassed models and custom-layer applications generated
    detail: str = ""  # for `CLASS_STYLES`: how the input is given / the host model


# --- import styles: how each Keras symbol is spelled --------------------------------

@dataclass(frozen=True)
class ImportStyle:
    name: str
    header: str  # may contain {names}: the bare names a from-import brings in
    layer: str  # prefix of a layer class, e.g. "layers." ("" for from-imported names)
    model: str  # prefix of Sequential / Model
    input: str  # how keras.Input is spelled
    function: str  # prefix of keras.layers.add / concatenate


IMPORT_STYLES = (
    ImportStyle("import keras", "import keras\n", "keras.layers.", "keras.", "keras.Input", "keras.layers."),
    ImportStyle("from keras import layers", "import keras\nfrom keras import layers\n", "layers.",
                "keras.", "keras.Input", "layers."),
    ImportStyle("from keras.layers import names",
                "from keras.layers import {names}\nfrom keras.models import Model, Sequential\n", "", "",
                "Input", ""),
    ImportStyle("from tensorflow import keras", "from tensorflow import keras\n", "keras.layers.",
                "keras.", "keras.Input", "keras.layers."),
    ImportStyle("import tensorflow as tf", "import tensorflow as tf\n", "tf.keras.layers.",
                "tf.keras.", "tf.keras.Input", "tf.keras.layers."),
    ImportStyle("from tensorflow.keras import layers, models",
                "from tensorflow.keras import layers, models\n", "layers.", "models.", "layers.Input",
                "layers."),
    ImportStyle("from keras import layers as L", "from keras import Input, Model, Sequential\n"
                "from keras import layers as L\n", "L.", "", "Input", "L."),
)
#: Drawn only when asked for (``generate(imports=...)``), so that the seeds of the other
#: styles keep making the same files: ``from ... import *`` binds every layer name.
STAR_IMPORT = ImportStyle("from tensorflow.keras.layers import *",
                          "from tensorflow.keras.layers import *\n"
                          "from tensorflow.keras.models import Model, Sequential\n", "", "", "Input", "")
#: Also drawn only when asked for: a snippet pasted without imports (Keras's names
#: unbound, as the question this project exists for), and aliases made by assignment.
NO_IMPORTS = ImportStyle("no imports", "", "", "", "Input", "")
ALIASES = ImportStyle("L = tf.keras.layers", "import tensorflow as tf\ntfk = tf.keras\n"
                      "L = tfk.layers\n", "L.", "tfk.", "tfk.Input", "L.")
EVERY_IMPORT_STYLE = IMPORT_STYLES + (STAR_IMPORT, NO_IMPORTS, ALIASES)
MODEL_STYLES = ("list", "add", "functional")
#: Drawn only when asked for (``generate(kind=...)``), so the seeds of `MODEL_STYLES`
#: keep making the same files: a subclassed ``keras.Model`` (layers made in
#: ``__init__``, applied in ``call``), and custom ``Layer`` classes used in a
#: Sequential or functional model.
CLASS_STYLES = ("subclassed", "custom")


# --- rendering ------------------------------------------------------------------------

class Writer:
    """Renders values and calls in one model's chosen style; collects constants and
    the bare names a from-import must bring in."""

    def __init__(self, rng: random.Random, style: ImportStyle, constant_rate: float):
        self.rng = rng
        self.style = style
        self.constant_rate = constant_rate
        self.constants: List[str] = []
        self.bound: Dict[Any, str] = {}
        self.names: set = set()
        self.imports: List[str] = []  # extra import lines (``import numpy as np``)

    def layer_name(self, kind: str) -> str:
        if not self.style.layer:
            self.names.add(kind)
        return self.style.layer + kind

    def function_name(self, name: str) -> str:
        if not self.style.function:
            self.names.add(name)
        return self.style.function + name

    def constant(self, hint: str, value: Any) -> str:
        """A module-level name bound to ``value`` (reused for an equal value and hint)."""
        key = (hint, repr(value))
        if key not in self.bound:
            half = value // 2 if isinstance(value, int) and not isinstance(value, bool) else None
            text = self.literal(value)
            if half and value == 2 * half and self.rng.random() < 0.3:
                text = f"{self.constant('base', half)} * 2"
            name = f"{hint.upper()}_{len(self.constants) + 1}"
            self.constants.append(f"{name} = {text}")
            self.bound[key] = name
        return self.bound[key]

    def literal(self, value: Any) -> str:
        if isinstance(value, (tuple, list)):
            items = ", ".join(self.literal(v) for v in value)
            if isinstance(value, list):
                return f"[{items}]"
            return f"({items},)" if len(value) == 1 else f"({items})"
        return repr(value)

    def value(self, hint: str, value: Any) -> str:
        if isinstance(value, Call):
            return self.call(value)
        if isinstance(value, Var):
            return value
        sized = isinstance(value, (tuple, list)) or (isinstance(value, int) and not isinstance(value, bool))
        if sized and self.rng.random() < self.constant_rate:
            return self.constant(hint, value)
        return self.literal(value)

    def call(self, call: Call) -> str:
        """``Conv2D(8, 3, padding='same')``: a random prefix of the parameters that are
        written in Keras's positional order goes positionally."""
        order = POSITIONAL.get(call.kind, ())
        prefix = 0
        while prefix < min(len(order), len(call.params)) and call.params[prefix][0] == order[prefix]:
            prefix += 1
        cut = self.rng.randint(1, prefix) if prefix and self.rng.random() < 0.85 else 0
        parts = [self.value(name, value) for name, value in call.params[:cut]]
        parts += [f"{name}={self.value(name, value)}" for name, value in call.params[cut:]]
        return f"{self.layer_name(call.kind)}({', '.join(parts)})"

    def header(self) -> str:
        names = ", ".join(sorted(self.names | {"Input"})) if "{names}" in self.style.header else ""
        text = self.style.header.format(names=names)
        text += "".join(f"{line}\n" for line in self.imports)
        if self.constants:
            text += "\n" + "\n".join(self.constants) + "\n"
        return text


# --- layers: what each family makes of a tensor -----------------------------------------

Maker = Callable[["Draw", Tensor], Tuple[Call, Tensor]]


class Draw:
    """Random hyperparameters, small and mostly plausible."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def size(self, low: int = 1, high: int = 8) -> int:
        return self.rng.randint(low, high)

    def per_axis(self, rank: int, low: int, high: int):
        """An int, or a tuple/list with one entry per spatial axis."""
        if rank == 1 or self.chance(0.6):
            value = self.size(low, high)
            return (value,) if rank == 1 and self.chance(0.2) else value
        values = tuple(self.size(low, high) for _ in range(rank))
        return list(values) if self.chance(0.2) else values

    def padding(self, causal: bool = False) -> str:
        options = ["valid", "same"] + (["causal"] if causal else [])
        return "SAME" if self.chance(0.03) else self.rng.choice(options)

    def data_format(self) -> Optional[str]:
        roll = self.rng.random()
        return "channels_first" if roll < 0.08 else "channels_last" if roll < 0.2 else None

    def activation(self) -> Optional[str]:
        return self.rng.choice([None, None, "relu", "tanh", "softmax", "sigmoid"])


def params(**entries) -> Tuple[Tuple[str, Any], ...]:
    """Keyword order as given, absent (None) entries dropped."""
    return tuple((k, v) for k, v in entries.items() if v is not None)


def conv(rank: int, transpose: bool = False) -> Maker:
    def make(d: Draw, t: Tensor):
        filters = d.size(1, 8)
        strides = d.per_axis(rank, 1, 3) if d.chance(0.4) else None
        dilation = d.per_axis(rank, 1, 2) if d.chance(0.15) else None
        fmt = d.data_format()
        kind = f"Conv{rank}D{'Transpose' if transpose else ''}"
        output_padding = 0 if transpose and d.chance(0.1) else None
        call = Call(kind, params(filters=filters, kernel_size=d.per_axis(rank, 1, 5), strides=strides,
                                 padding=d.padding(causal=rank == 1 and not transpose),
                                 data_format=fmt, dilation_rate=dilation,
                                 output_padding=output_padding, activation=d.activation()))
        return call, Tensor(rank + 2, None, None if fmt == "channels_first" else filters)
    return make


def separable(d: Draw, t: Tensor):
    filters = d.size(1, 8)
    multiplier = d.size(1, 2) if d.chance(0.3) else None
    call = Call("SeparableConv2D", params(filters=filters, kernel_size=d.per_axis(2, 1, 4),
                                          padding=d.padding(), depth_multiplier=multiplier))
    return call, Tensor(4, None, filters)


def depthwise(d: Draw, t: Tensor):
    multiplier = d.size(1, 3) if d.chance(0.5) else None
    strides = d.per_axis(2, 1, 2) if d.chance(0.3) else None
    call = Call("DepthwiseConv2D", params(kernel_size=d.per_axis(2, 1, 4), strides=strides,
                                          padding=d.padding(), depth_multiplier=multiplier))
    last = t.last * (multiplier or 1) if t.last is not None else None
    return call, Tensor(4, None, last)


def pool(rank: int, kind: str) -> Maker:
    def make(d: Draw, t: Tensor):
        fmt = d.data_format()
        call = Call(f"{kind}Pooling{rank}D", params(  # AveragePooling has no default pool_size
            pool_size=d.per_axis(rank, 1, 3) if kind == "Average" or d.chance(0.6) else None,
            strides=d.per_axis(rank, 1, 3) if d.chance(0.3) else None,
            padding=d.padding() if d.chance(0.5) else None, data_format=fmt))
        return call, Tensor(rank + 2, None, None if fmt == "channels_first" else t.last)
    return make


def global_pool(rank: int, kind: str) -> Maker:
    def make(d: Draw, t: Tensor):
        fmt = d.data_format()
        keepdims = True if d.chance(0.15) else None
        call = Call(f"Global{kind}Pooling{rank}D", params(data_format=fmt, keepdims=keepdims))
        last = t.last if fmt != "channels_first" else None
        return call, Tensor(rank + 2 if keepdims else 2, None, last)
    return make


def edges(rank: int, kind: str) -> Maker:
    def make(d: Draw, t: Tensor):
        name = "padding" if kind == "ZeroPadding" else "cropping"
        if rank == 1 or d.chance(0.5):
            value = d.per_axis(rank, 0, 2)
        else:
            value = tuple((d.size(0, 2), d.size(0, 2)) for _ in range(rank))
        return Call(f"{kind}{rank}D", ((name, value),)), Tensor(rank + 2, None, t.last)
    return make


def upsampling(rank: int) -> Maker:
    def make(d: Draw, t: Tensor):
        size = d.per_axis(rank, 1, 3) if d.chance(0.6) else None
        return Call(f"UpSampling{rank}D", params(size=size)), Tensor(rank + 2, None, t.last)
    return make


def dense(d: Draw, t: Tensor):
    units = d.size(1, 16)
    return Call("Dense", params(units=units, activation=d.activation())), t.with_last(units)


def keeps(kind: str, **options) -> Maker:
    """Layers that keep the shape: Dropout, BatchNormalization, Activation, ..."""
    def make(d: Draw, t: Tensor):
        chosen = {name: d.rng.choice(values) for name, values in options.items()}
        return Call(kind, params(**chosen)), t
    return make


def flatten(d: Draw, t: Tensor):
    last = None if t.rank > 2 else t.last
    sizes = t.sizes
    total = None
    if sizes is not None:
        total = 1
        for s in sizes:
            total *= s
    return Call("Flatten"), Tensor(2, (total,) if total else None, total or last)


def reshape(d: Draw, t: Tensor):
    """A target of the right size when the generator knows one, else -1 forms."""
    if t.sizes is not None and d.chance(0.8):
        total = 1
        for s in t.sizes:
            total *= s
        first = d.rng.choice([f for f in range(1, total + 1) if total % f == 0])
        target = (first, total // first) if d.chance(0.7) else (total,)
        if len(target) == 2 and d.chance(0.3):
            target = (-1, target[1])
    elif t.last is not None and d.chance(0.8):
        target = (-1, t.last)
    else:
        target = (d.size(1, 6), -1) if d.chance(0.5) else (d.size(1, 6), d.size(1, 6))
    sizes = target if -1 not in target else None
    return Call("Reshape", (("target_shape", list(target) if d.chance(0.2) else target),)), \
        Tensor(len(target) + 1, sizes, target[-1] if target[-1] != -1 else None)


def permute(d: Draw, t: Tensor):
    dims = list(range(1, t.rank))
    d.rng.shuffle(dims)
    sizes = tuple(t.sizes[i - 1] for i in dims) if t.sizes else None
    last = t.sizes[dims[-1] - 1] if t.sizes else None
    return Call("Permute", (("dims", tuple(dims)),)), Tensor(t.rank, sizes, last)


def repeat_vector(d: Draw, t: Tensor):
    n = d.size(1, 6)
    return Call("RepeatVector", (("n", n),)), Tensor(3, (n, t.last) if t.last else None, t.last)


def embedding(d: Draw, t: Tensor):
    dim = d.size(1, 8)
    sizes = t.sizes + (dim,) if t.sizes else None
    return Call("Embedding", params(input_dim=d.size(10, 50), output_dim=dim)), Tensor(t.rank + 1, sizes, dim)


def rnn_call(d: Draw) -> Tuple[Call, bool, int]:
    units = d.size(1, 8)
    sequences = d.chance(0.5)
    kind = d.rng.choice(("LSTM", "GRU", "SimpleRNN"))
    return Call(kind, params(units=units, return_sequences=True if sequences else
                             (False if d.chance(0.2) else None))), sequences, units


def rnn(d: Draw, t: Tensor):
    call, sequences, units = rnn_call(d)
    return call, Tensor(3 if sequences else 2, None, units)


def bidirectional(d: Draw, t: Tensor):
    inner, sequences, units = rnn_call(d)
    merge = d.rng.choice([None, None, "concat", "sum", "mul", "ave"])
    if d.chance(0.03):
        inner = Call("Dense", (("units", units),))  # Keras refuses to wrap a non-RNN
    last = units * 2 if merge in (None, "concat") else units
    return Call("Bidirectional", params(layer=inner, merge_mode=merge)), Tensor(3 if sequences else 2, None, last)


def time_distributed(d: Draw, t: Tensor):
    """Dense per time step, or a conv over each frame of a video."""
    if t.rank >= 4 and d.chance(0.6):
        rank = t.rank - 3
        inner, out = conv(rank)(d, Tensor(t.rank - 1))
        return Call("TimeDistributed", (("layer", inner),)), Tensor(t.rank, None, out.last)
    inner, out = dense(d, t)
    return Call("TimeDistributed", (("layer", inner),)), t.with_last(out.last)


def conv_lstm(rank: int) -> Maker:
    def make(d: Draw, t: Tensor):
        filters = d.size(1, 4)
        sequences = d.chance(0.5)
        call = Call(f"ConvLSTM{rank}D", params(filters=filters, kernel_size=d.per_axis(rank, 1, 3),
                                               padding=d.padding() if d.chance(0.5) else None,
                                               return_sequences=True if sequences else None))
        return call, Tensor(rank + 3 if sequences else rank + 2, None, filters)
    return make


#: Layers that keep every size (so a residual Add lines up).
SAME_SHAPE: Tuple[Maker, ...] = (
    keeps("Dropout", rate=(0.1, 0.25, 0.5)),
    keeps("BatchNormalization"),
    keeps("Activation", activation=("relu", "tanh", "softmax")),
    keeps("LayerNormalization"),
)

#: (maker, input ranks it suits, weight).  Drawn from the suitable ones, except
#: for an "invalid" layer, drawn from all.
LAYERS: List[Tuple[Maker, Tuple[int, ...], float]] = [
    (dense, (2, 3, 4), 6.0),
    (SAME_SHAPE[0], (2, 3, 4, 5), 1.5),
    (SAME_SHAPE[1], (2, 3, 4, 5), 1.0),
    (SAME_SHAPE[2], (2, 3, 4, 5), 1.0),
    (SAME_SHAPE[3], (2, 3, 4), 0.5),
    (keeps("LeakyReLU"), (2, 3, 4), 0.3),
    (keeps("SpatialDropout1D", rate=(0.1, 0.2)), (3,), 0.3),
    (keeps("SpatialDropout2D", rate=(0.1, 0.2)), (4,), 0.3),
    (flatten, (3, 4, 5), 2.5),
    (reshape, (2, 3, 4), 1.0),
    (permute, (3, 4), 0.6),
    (repeat_vector, (2,), 0.8),
    (embedding, (2,), 0.4),
    (rnn, (3,), 2.5),
    (bidirectional, (3,), 1.2),
    (time_distributed, (3, 4, 5), 1.0),
    (conv(1), (3,), 3.0),
    (conv(2), (4,), 4.0),
    (conv(3), (5,), 2.0),
    (conv(1, transpose=True), (3,), 0.6),
    (conv(2, transpose=True), (4,), 1.0),
    (conv(3, transpose=True), (5,), 0.4),
    (separable, (4,), 0.5),
    (depthwise, (4,), 0.5),
    (conv_lstm(1), (4,), 0.3),
    (conv_lstm(2), (5,), 0.3),
    *[(pool(r, kind), (r + 2,), 1.5) for r in (1, 2, 3) for kind in ("Max", "Average")],
    *[(global_pool(r, kind), (r + 2,), 0.8) for r in (1, 2, 3) for kind in ("Max", "Average")],
    *[(edges(r, kind), (r + 2,), 0.6) for r in (1, 2, 3) for kind in ("ZeroPadding", "Cropping")],
    *[(upsampling(r), (r + 2,), 0.6) for r in (1, 2, 3)],
]

#: Declared inputs (non-batch sizes) by kind of data.
INPUTS: List[Tuple[str, Callable[[Draw], Tuple[int, ...]]]] = [
    ("flat", lambda d: (d.size(2, 12),)),
    ("ids", lambda d: (d.size(3, 10),)),
    ("sequence", lambda d: (d.size(3, 12), d.size(1, 6))),
    ("image", lambda d: (d.size(4, 16), d.size(4, 16), d.size(1, 4))),
    ("volume", lambda d: (d.size(3, 8), d.size(3, 8), d.size(3, 8), d.size(1, 3))),
]


class LayerStack:
    """Draws the next layer for a tensor; counts the ones drawn without regard to it."""

    def __init__(self, draw: Draw, invalid_rate: float):
        self.draw = draw
        self.invalid_rate = invalid_rate
        self.invalid = 0

    def next(self, t: Tensor) -> Tuple[Call, Tensor]:
        rng = self.draw.rng
        suitable = [entry for entry in LAYERS if t.rank in entry[1]]
        if not suitable or rng.random() < self.invalid_rate:
            self.invalid += 1
            return self._invalid(t)
        maker = rng.choices([m for m, _, _ in suitable], [w for _, _, w in suitable])[0]
        return maker(self.draw, t)

    def _invalid(self, t: Tensor) -> Tuple[Call, Tensor]:
        rng = self.draw.rng
        roll = rng.random()
        if roll < 0.2 and t.rank > 2:  # a window larger than any size we have
            rank = t.rank - 2
            kind = rng.choice(("Conv", "MaxPooling", "Cropping")) if rank <= 3 else "Conv"
            if kind == "Cropping":
                return Call(f"Cropping{rank}D", (("cropping", 20),)), Tensor(t.rank)
            name = "kernel_size" if kind == "Conv" else "pool_size"
            extra = (("filters", 4),) if kind == "Conv" else ()
            return Call(f"{kind}{rank}D", extra + ((name, 20),)), Tensor(t.rank)
        if roll < 0.3:
            return Call("Reshape", (("target_shape", (self.draw.size(1, 7), self.draw.size(1, 7), 7)),)), Tensor(4)
        if roll < 0.35:
            return Call("Dense", (("units", 0),)), Tensor(t.rank)
        maker, ranks, _ = rng.choice(LAYERS)
        return maker(self.draw, Tensor(rng.choice(ranks)))


def varying(draw: Draw, call: Call, out: Tensor) -> Optional[Tuple[Call, Tuple[int, ...], Tensor]]:
    """``call`` with its units/filters replaced by a variable, the 2-3 sizes it takes
    (in a loop or helper calls) and the tensor after the last; None when it has none."""
    for index, (name, value) in enumerate(call.params):
        if name in ("units", "filters") and isinstance(value, int) and value > 0:
            sizes = tuple(draw.size(1, 8) for _ in range(draw.rng.randint(2, 3)))
            templated = call.params[:index] + ((name, Var(name)),) + call.params[index + 1:]
            last = sizes[-1] if out.last == value else out.last
            return Call(call.kind, templated), sizes, Tensor(out.rank, None, last)
    return None


# --- whole models ------------------------------------------------------------------------

def input_call(w: Writer, d: Draw, sizes: Tuple[int, ...], layer: bool = False) -> str:
    """``keras.Input(...)``, or in a Sequential (``layer``) sometimes ``InputLayer``."""
    shape: Any = list(sizes) if d.chance(0.2) else tuple(sizes)
    if layer and d.chance(0.1):
        return f"{w.layer_name('InputLayer')}(shape={w.value('shape', shape)})"
    keyword = "shape=" if d.chance(0.4) else ""
    return f"{w.style.input}({keyword}{w.value('shape', shape)})"


def first_tensor(d: Draw) -> Tuple[str, Tuple[int, ...]]:
    kind, sizes = d.rng.choice(INPUTS)
    return kind, sizes(d)


def start(stack: LayerStack, kind: str, t: Tensor) -> Tuple[Call, Tensor]:
    """Text models start with an Embedding; others with any suitable layer."""
    if kind == "ids" and stack.draw.chance(0.8):
        return embedding(stack.draw, t)
    return stack.next(t)


def sequential(seed: int, rng: random.Random, w: Writer, stack: LayerStack, style: str) -> Tuple[List[str], str]:
    d = stack.draw
    name = rng.choice(("model", "net", "classifier", "encoder"))
    kind, sizes = first_tensor(d)
    t = Tensor.of(sizes)
    calls = []
    for index in range(rng.randint(1, 8)):
        call, t = start(stack, kind, t) if index == 0 else stack.next(t)
        calls.append(call)
    declare = rng.choice(("Input", "Input", "input_shape", "none" if d.chance(0.3) else "Input"))
    texts = []
    if declare == "input_shape":  # (SpatialDropout refuses it: a TypeError in Keras 3)
        first = calls[0]
        shape = list(sizes) if d.chance(0.2) else tuple(sizes)
        texts.append(w.call(Call(first.kind, first.params + (("input_shape", shape),))))
    else:
        if declare == "Input":
            texts.append(input_call(w, d, sizes, layer=True))
        texts.append(w.call(calls[0]))
    model_class = w.style.model + "Sequential"
    if style == "list":
        texts += [w.call(c) for c in calls[1:]]
        keyword = "layers=" if d.chance(0.15) else ""
        body = "".join(f"    {text},\n" for text in texts)
        suffix = f', name="{name}_{seed}"' if d.chance(0.2) else ""
        return [f"{name} = {model_class}({keyword}[\n{body}]{suffix})"], name
    lines = [f"{name} = {model_class}()"] + [f"{name}.add({text})" for text in texts]
    for call in calls[1:]:
        loop = varying(d, call, Tensor(2)) if d.chance(0.15) else None
        if loop is None:
            lines.append(f"{name}.add({w.call(call)})")
        else:  # for units in (8, 4): model.add(Dense(units))
            templated, sizes, _ = loop
            variable = dict(templated.params)
            (var,) = [v for v in variable.values() if isinstance(v, Var)]
            lines += [f"for {var} in {w.literal(sizes)}:", f"    {name}.add({w.call(templated)})"]
    return lines, name


class Graph:
    """The functional body: statements, fresh names, the current tensor."""

    def __init__(self, w: Writer, stack: LayerStack):
        self.w = w
        self.stack = stack
        self.d = stack.draw
        self.lines: List[str] = []
        self.count = 0
        self.models = 1

    def fresh(self, prefix: str = "h") -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def apply(self, target: str, call: Call, source: str) -> None:
        self.lines.append(f"{target} = {self.w.call(call)}({source})")

    def step(self, name: str, t: Tensor, reassign: bool) -> Tuple[str, Tensor]:
        call, out = self.stack.next(t)
        target = name if reassign else self.fresh()
        self.apply(target, call, name)
        return target, out

    def branch(self, name: str, t: Tensor, keep_last: bool) -> Tuple[str, Tensor]:
        """0-2 layers that keep every size but (unless ``keep_last``) the last."""
        for _ in range(self.d.rng.randint(0, 2)):
            roll = self.d.rng.random()
            if roll < 0.4 and t.rank >= 2:
                units = t.last if keep_last and t.last else self.d.size(1, 8)
                call = Call("Dense", (("units", units),))
                out = t.with_last(units)
            elif roll < 0.6 and 3 <= t.rank <= 5:
                filters = t.last if keep_last and t.last else self.d.size(1, 8)
                call = Call(f"Conv{t.rank - 2}D", params(filters=filters, kernel_size=self.d.size(1, 3),
                                                         padding="same"))
                out = t.with_last(filters)
            else:
                call, out = self.d.rng.choice(SAME_SHAPE)(self.d, t)
            target = self.fresh("b")
            self.apply(target, call, name)
            name, t = target, out
        return name, t

    def merge(self, names: List[str], t: Tensor) -> Tuple[str, Tensor]:
        """One merge of ``names``: a layer object or a lowercase function."""
        rng = self.d.rng
        kind = rng.choice(MERGES if len(names) == 2 else MERGES[2:-1] + ("Add",))
        options: Tuple = ()
        if kind == "Concatenate" and rng.random() < 0.5:
            options = (("axis", rng.choice((-1, -1, 1, t.rank - 1))),)
        if kind == "Dot":
            options = (("axes", rng.choice((-1, 1, (1, 1), (t.rank - 1, t.rank - 1)))),)
        listed = f"[{', '.join(names)}]"
        target = self.fresh("m")
        if kind != "Dot" and rng.random() < 0.35:
            extra = "".join(f", {k}={self.w.literal(v)}" for k, v in options)
            self.lines.append(f"{target} = {self.w.function_name(kind.lower())}({listed}{extra})")
        else:
            self.lines.append(f"{target} = {self.w.call(Call(kind, options))}({listed})")
        last = None if kind in ("Concatenate", "Dot") else t.last
        return target, Tensor(t.rank, None, last) if kind != "Dot" else Tensor(2)

    def residual(self, name: str, t: Tensor) -> Tuple[str, Tensor]:
        """Two branches of one tensor merged (they line up unless a layer was drawn invalid)."""
        concat = self.d.chance(0.3)
        left, lt = self.branch(name, t, keep_last=not concat)
        right, _ = self.branch(name, t, keep_last=not concat)
        if concat:
            target = self.fresh("m")
            call = self.w.call(Call("Concatenate", (("axis", -1),) if self.d.chance(0.5) else ()))
            self.lines.append(f"{target} = {call}([{left}, {right}])")
            return target, Tensor(t.rank)
        return self.merge([left, right], lt)

    def repeated(self, name: str, t: Tensor) -> Tuple[str, Tensor]:
        """One layer applied 2-3 times with varying units/filters: a ``for`` loop over a
        literal tuple, or a helper function called once per size."""
        call, out = self.stack.next(t)
        loop = varying(self.d, call, out)
        if loop is None:
            target = self.fresh()
            self.apply(target, call, name)
            return target, out
        templated, sizes, out = loop
        (var,) = [v for v in dict(templated.params).values() if isinstance(v, Var)]
        target = self.fresh()
        if self.d.chance(0.5):
            self.lines.append(f"{target} = {name}")
            self.lines.append(f"for {var} in {self.w.literal(sizes)}:")
            self.lines.append(f"    {target} = {self.w.call(templated)}({target})")
            return target, out
        helper = self.fresh("block")
        self.lines += [f"def {helper}(tensor, {var}):", f"    return {self.w.call(templated)}(tensor)"]
        for size in sizes:
            self.lines.append(f"{target} = {helper}({name}, {size})")
            name = target
            target = self.fresh()
        return name, out

    def submodel(self, name: str, t: Tensor) -> Tuple[str, Tensor]:
        """A Sequential block without an input, called as a layer."""
        calls = []
        for _ in range(self.d.rng.randint(1, 3)):
            call, t = self.stack.next(t)
            calls.append(call)
        block, target = self.fresh("block"), self.fresh()
        body = ", ".join(self.w.call(c) for c in calls)
        self.lines.append(f"{block} = {self.w.style.model}Sequential([{body}])")
        self.lines.append(f"{target} = {block}({name})")
        self.models += 1
        return target, t

    def shared(self, name: str, t: Tensor) -> Tuple[str, Tensor]:
        """One layer object applied twice in a row (refused when the sizes differ)."""
        units = t.last if t.last and self.d.chance(0.6) else self.d.size(1, 8)
        layer = self.fresh("shared")
        self.lines.append(f"{layer} = {self.w.call(Call('Dense', (('units', units),)))}")
        first, second = self.fresh(), self.fresh()
        self.lines.append(f"{first} = {layer}({name})")
        self.lines.append(f"{second} = {layer}({first})")
        return second, t.with_last(units)


def functional(rng: random.Random, w: Writer, stack: LayerStack) -> Tuple[List[str], str, int]:
    g = Graph(w, stack)
    d = stack.draw
    kind, sizes = first_tensor(d)
    input_names = [rng.choice(("inputs", "inp", "x_in", "image"))]
    g.lines.append(f"{input_names[0]} = {input_call(w, d, sizes)}")
    t = Tensor.of(sizes)
    name = input_names[0]
    if d.chance(0.2):  # a second input, merged early
        second = "aux"
        other = sizes if d.chance(0.8) else first_tensor(d)[1]
        g.lines.append(f"{second} = {input_call(w, d, other)}")
        input_names.append(second)
        name, t = g.merge([name, second], t)
    reassign = d.chance(0.6)
    if reassign and name in input_names:
        call, t = start(stack, kind, t)
        g.apply("x", call, name)
        name = "x"
    for _ in range(rng.randint(1, 7)):
        roll = rng.random()
        if roll < 0.15:
            name, t = g.residual(name, t)
        elif roll < 0.2 and t.rank <= 4:
            name, t = g.shared(name, t)
        elif roll < 0.3:
            name, t = g.repeated(name, t)
        elif roll < 0.34:
            name, t = g.submodel(name, t)
        else:
            name, t = g.step(name, t, reassign and name == "x")
    outputs = name
    if d.chance(0.15) and t.rank == 2:  # two heads
        heads = [g.fresh("out"), g.fresh("out")]
        for head in heads:
            g.apply(head, Call("Dense", (("units", d.size(1, 4)),)), name)
        outputs = f"[{', '.join(heads)}]"
    model_name = rng.choice(("model", "net", "autoencoder"))
    ins = input_names[0] if len(input_names) == 1 and d.chance(0.7) else f"[{', '.join(input_names)}]"
    model_class = w.style.model + "Model"
    if d.chance(0.5):
        g.lines.append(f"{model_name} = {model_class}(inputs={ins}, outputs={outputs})")
    else:
        g.lines.append(f"{model_name} = {model_class}({ins}, {outputs})")
    return g.lines, model_name, g.models


# --- subclassed models and custom layers (drawn only on request) ------------------------


def ops_prefix(style: ImportStyle) -> Optional[str]:
    """How ``keras.ops`` is spelled in an import style (None: no module name bound)."""
    return style.model + "ops." if style.model in ("keras.", "tf.keras.", "tfk.") else None


def elementwise(d: Draw, w: Writer, var: str) -> str:
    """An operation between layers that keeps the shape: arithmetic, or ``keras.ops``."""
    options = [f"{var} * 2", f"{var} + 1.0", f"0.5 * {var}", f"{var} - 1"]
    prefix = ops_prefix(w.style)
    if prefix is not None:
        options += [f"{prefix}relu({var})", f"{prefix}tanh({var})", f"{prefix}sigmoid({var})"]
        if w.style.model == "keras.":
            options.append(f"keras.activations.relu({var})")
    return d.rng.choice(options)


def class_layers(stack: LayerStack, kind: Optional[str], t: Tensor, count: int) -> Tuple[List[Call], Tensor]:
    calls = []
    for index in range(count):
        call, t = start(stack, kind, t) if index == 0 and kind is not None else stack.next(t)
        calls.append(call)
    return calls, t


def attribute_name(call: Call, index: int) -> str:
    return f"{call.kind.lower()}_{index}"


def with_parameter(d: Draw, calls: List[Call], names: Tuple[str, ...]) -> Tuple[List[Call], str]:
    """The last layer's units/filters (if any) made a constructor parameter: the
    ``(self, name=default)`` text, its call replaced; ("", calls) when none is drawn."""
    last = calls[-1]
    for index, (name, value) in enumerate(last.params):
        if name in ("units", "filters") and isinstance(value, int) and value > 0 and d.chance(0.5):
            var = Var(d.rng.choice(names))
            templated = Call(last.kind, last.params[:index] + ((name, var),) + last.params[index + 1:])
            return calls[:-1] + [templated], f"{var}={value}"
    return calls, ""


def subclassed(rng: random.Random, w: Writer, stack: LayerStack) -> Tuple[List[str], str, int, str]:
    """A ``keras.Model`` subclass: its layers made in ``__init__`` as attributes (one
    each, a list applied in a ``for`` loop, a ``Sequential`` attribute, or applied by
    a helper method), applied in order in ``call`` with elementwise operations between
    some of them; the input from ``model.build``, a call on NumPy data, ``predict``, or
    ``Net()(keras.Input(...))`` in a functional graph."""
    d = stack.draw
    kind, sizes = first_tensor(d)
    calls, _ = class_layers(stack, kind, Tensor.of(sizes), rng.randint(1, 7))
    calls, parameter = with_parameter(d, calls, ("num_classes", "units", "classes"))
    cls = rng.choice(("Net", "MyModel", "Classifier", "DigitNet", "SubclassedModel"))
    base = w.style.model + "Model"
    init = [f"    def __init__(self{', ' + parameter if parameter else ''}):",
            rng.choice(("        super().__init__()", f"        super({cls}, self).__init__()"))]
    arg = rng.choice(("x", "x", "inputs"))
    training = d.chance(0.5)
    call = [f"    def call(self, {arg}{', training=None' if training else ''}):"]
    if arg != "x":
        call.append(f"        x = {arg}")
    helpers: List[str] = []
    index = 0
    while index < len(calls):
        roll = rng.random()
        first = index
        group = calls[index:index + (1 if roll < 0.5 else rng.randint(1, 3))]
        index += len(group)
        if first and d.chance(0.25):
            call.append(f"        x = {elementwise(d, w, 'x')}")
        if roll < 0.5:
            (layer,) = group
            name = attribute_name(layer, first)
            init.append(f"        self.{name} = {w.call(layer)}")
            keyword = ", training=training" if training and layer.kind in ("Dropout", "BatchNormalization") else ""
            call.append(f"        x = self.{name}(x{keyword})")
        elif roll < 0.65:
            name = f"blocks_{first}"
            init.append(f"        self.{name} = [{', '.join(w.call(c) for c in group)}]")
            var = rng.choice(("layer", "block"))
            call += [f"        for {var} in self.{name}:", f"            x = {var}(x)"]
        elif roll < 0.8:
            name = f"body_{first}"
            init.append(f"        self.{name} = {w.style.model}Sequential([{', '.join(w.call(c) for c in group)}])")
            call.append(f"        x = self.{name}(x)")
        else:
            method = f"block_{first}"
            helpers.append(f"    def {method}(self, x):")
            for offset, layer in enumerate(group):
                name = attribute_name(layer, first + offset)
                init.append(f"        self.{name} = {w.call(layer)}")
                helpers.append(f"        x = self.{name}(x)")
            helpers += ["        return x", ""]
            call.append(f"        x = self.{method}(x)")
    last = call[-1]
    if last.startswith("        x = self.") and d.chance(0.5):  # return self.head(x)
        call[-1] = "        return " + last[len("        x = "):]
    else:
        call.append("        return x")
    lines = [f"class {cls}({base}):"] + init + [""]
    lines += helpers
    lines += call + ["", ""]
    given = d.size(1, 8) if parameter and d.chance(0.6) else None
    arguments = "" if given is None else rng.choice((f"{given}", f"{parameter.split('=')[0]}={given}"))
    name = rng.choice(("model", "net", "classifier"))
    data_ok = w.style is not NO_IMPORTS  # a pasted snippet: no numpy either
    how = rng.choice(("build", "build", "call", "predict", "input") if data_ok else ("build", "input"))
    shape = tuple(sizes)
    if how in ("call", "predict"):
        w.imports.append("import numpy as np")
        batch = d.size(1, 4)
        data = f"np.{rng.choice(('zeros', 'ones'))}({w.literal((batch,) + shape)})"
        lines.append(f"{name} = {cls}({arguments})")
        if how == "call":
            lines.append(f"{rng.choice(('outputs', 'y', '_'))} = {name}({data})")
        else:
            lines.append(f"{name}.predict({data})")
    elif how == "build":
        lines.append(f"{name} = {cls}({arguments})")
        batched = w.literal((None,) + shape)
        lines.append(f"{name}.build({'input_shape=' if d.chance(0.3) else ''}{batched})")
    else:
        lines.append(f"inputs = {input_call(w, d, sizes)}")
        if d.chance(0.5):
            lines.append(f"outputs = {cls}({arguments})(inputs)")
        else:
            lines += [f"backbone = {cls}({arguments})", "outputs = backbone(inputs)"]
        lines.append(f"{name} = {w.style.model}Model(inputs, outputs)")
    return lines, name, 1, how


def custom_class(rng: random.Random, w: Writer, stack: LayerStack, kind: Optional[str], t: Tensor,
                 number: int) -> Tuple[List[str], str, str, Tensor]:
    """A ``Layer`` subclass wrapping 1-3 layers drawn for ``t``: ``(its lines, its name,
    the text of a constructor call, the tensor after it)``."""
    d = stack.draw
    calls, out = class_layers(stack, kind, t, rng.randint(1, 3))
    calls, parameter = with_parameter(d, calls, ("units", "filters", "width"))
    cls = rng.choice(("Block", "ConvBlock", "Head", "Residual", "Stage")) + str(number)
    base = w.layer_name("Layer")
    keywords = d.chance(0.7)
    params_text = ", ".join(p for p in ("self", parameter, "**kwargs" if keywords else "") if p)
    lines = [f"class {cls}({base}):", f"    def __init__({params_text}):",
             f"        super().__init__({'**kwargs' if keywords else ''})"]
    arg = rng.choice(("inputs", "x"))
    training = d.chance(0.3)
    body = [f"    def call(self, {arg}{', training=None' if training else ''}):"]
    current = arg
    for index, layer in enumerate(calls):
        name = attribute_name(layer, index)
        lines.append(f"        self.{name} = {w.call(layer)}")
        if index and d.chance(0.3):
            body.append(f"        x = {elementwise(d, w, current)}")
            current = "x"
        keyword = ", training=training" if training and layer.kind in ("Dropout", "BatchNormalization") else ""
        if index == len(calls) - 1 and d.chance(0.5):
            body.append(f"        return self.{name}({current}{keyword})")
            current = ""
        else:
            body.append(f"        x = self.{name}({current}{keyword})")
            current = "x"
    if current:
        body.append(f"        return {current}")
    lines += [""] + body + ["", ""]
    if parameter:
        pname, value = parameter.split("=")
        choice = rng.random()
        given = d.size(1, 8)
        construct = f"{cls}()" if choice < 0.3 else f"{cls}({given})" if choice < 0.6 else f"{cls}({pname}={given})"
        if choice >= 0.3:
            out = out.with_last(given) if out.last is not None and str(out.last) == value else Tensor(out.rank)
    else:
        construct = f"{cls}()"
    return lines, cls, construct, out


def custom(rng: random.Random, w: Writer, stack: LayerStack) -> Tuple[List[str], str, int, str]:
    """1-2 custom ``Layer`` classes (each wrapping 1-3 layers, some with an elementwise
    operation between them) used -- once, or twice in a row -- among plain layers of a
    ``Sequential([...])`` or a functional model."""
    d = stack.draw
    kind, sizes = first_tensor(d)
    t = Tensor.of(sizes)
    host = rng.choice(("list", "functional"))
    classes: List[str] = []
    items: List[Tuple[str, bool]] = []  # constructor texts, in order; custom or not
    uses = 0
    number = 0
    count = rng.randint(1, 5)
    custom_at = {rng.randrange(count)}
    if count > 2 and d.chance(0.4):
        custom_at.add(rng.randrange(count))
    for index in range(count):
        first_kind = kind if index == 0 else None
        if index in custom_at:
            number += 1
            lines, cls, construct, out = custom_class(rng, w, stack, first_kind, t, number)
            classes += lines
            items.append((construct, True))
            uses += 1
            if out.rank == t.rank and d.chance(0.3):  # the same class again
                items.append((construct, True))
                uses += 1
            t = out
        else:
            call, t = start(stack, kind, t) if first_kind else stack.next(t)
            items.append((w.call(call), False))
    name = rng.choice(("model", "net", "classifier"))
    lines = list(classes)
    if host == "list":
        texts = [input_call(w, d, sizes, layer=True)] + [text for text, _ in items]
        body = "".join(f"    {text},\n" for text in texts)
        lines.append(f"{name} = {w.style.model}Sequential([\n{body}])")
    else:
        lines.append(f"inputs = {input_call(w, d, sizes)}")
        current = "inputs"
        for number, (text, is_custom) in enumerate(items):
            if is_custom and d.chance(0.4):
                lines += [f"block_{number} = {text}", f"x = block_{number}({current})"]
            else:
                lines.append(f"x = {text}({current})")
            current = "x"
        lines.append(f"{name} = {w.style.model}Model(inputs, {current})")
    return lines, name, uses, host


def generate(seed: int, invalid_rate: float = 0.07, imports: Optional[str] = None,
             kind: Optional[str] = None) -> GeneratedModel:
    """One random model file; the same seed always gives the same file.  ``imports``
    (a name of `EVERY_IMPORT_STYLE`) and ``kind`` (of `MODEL_STYLES` or `CLASS_STYLES`) override the
    draws, leaving every other draw as it was."""
    rng = random.Random(seed)
    style = rng.choice(IMPORT_STYLES)
    if imports is not None:
        style = next(s for s in EVERY_IMPORT_STYLE if s.name == imports)
    w = Writer(rng, style, constant_rate=rng.choice((0.0, 0.0, 0.3, 0.7)))
    stack = LayerStack(Draw(rng), invalid_rate)
    kind = rng.choice(MODEL_STYLES) if kind is None else (rng.choice(MODEL_STYLES), kind)[1]
    if kind in CLASS_STYLES:
        maker = subclassed if kind == "subclassed" else custom
        body, name, classes, detail = maker(rng, w, stack)
        source = f'"""Generated model, seed {seed}."""\n' + w.header() + "\n" + "\n".join(body) + "\n"
        return GeneratedModel(seed, source, kind, style.name, name, stack.invalid, None, classes, detail)
    if kind == "functional":
        body, name, models = functional(rng, w, stack)
    else:
        (body, name), models = sequential(seed, rng, w, stack, kind), 1
    source = f'"""Generated model, seed {seed}."""\n' + w.header() + "\n" + "\n".join(body) + "\n"
    return GeneratedModel(seed, source, kind, style.name, name, stack.invalid, models)


# --- models with the bug `fix` repairs ----------------------------------------------------

#: How the classifier head is written after the conv blocks: a literal list, ``model.add``
#: lines, ``model.add`` in ``for`` loops, list concatenation of helper-made blocks, the
#: functional API, and the functional API with a loop.
BUGGY_STYLES = ("list", "add", "add-loop", "concat", "functional", "functional-loop")


def buggy(seed: int, imports: Optional[str] = None, kind: Optional[str] = None) -> GeneratedModel:
    """A conv feature extractor and a Dense head with the Flatten forgotten (FLT001),
    written in one of `BUGGY_STYLES` with one of `EVERY_IMPORT_STYLE`."""
    rng = random.Random(seed)
    style = rng.choice(EVERY_IMPORT_STYLE)
    if imports is not None:
        style = next(s for s in EVERY_IMPORT_STYLE if s.name == imports)
    kind = rng.choice(BUGGY_STYLES) if kind is None else kind
    w = Writer(rng, style, constant_rate=rng.choice((0.0, 0.3)))
    d = Draw(rng)
    rank = rng.choice((1, 2, 2, 3))
    sizes = tuple(d.size(6, 12) for _ in range(rank)) + (d.size(1, 3),)
    filters = tuple(d.size(2, 8) for _ in range(rng.randint(1, 2)))
    units = tuple(d.size(2, 16) for _ in range(rng.randint(1, 3)))
    classes = d.size(1, 5)

    def conv(f) -> str:
        return w.call(Call(f"Conv{rank}D", params(filters=f, kernel_size=d.size(1, 3), padding="same",
                                                  activation=d.activation())))

    def pool() -> str:
        return w.call(Call(f"MaxPooling{rank}D", params(pool_size=2)))

    def dense(u, last: bool = False) -> str:
        return w.call(Call("Dense", params(units=u, activation="softmax" if last else d.activation())))

    shape = w.value("shape", tuple(sizes))
    model_class = w.style.model + "Sequential"
    name = rng.choice(("model", "net", "classifier"))
    if kind in ("list", "add", "add-loop", "concat"):
        features = [conv(f) if j == 0 else pool() for f in filters for j in range(2)]
        head = [dense(u) for u in units] + [dense(classes, last=True)]
        first = f"{w.style.input}(shape={shape})"
        if kind == "list":
            body = "".join(f"    {text},\n" for text in [first] + features + head)
            lines = [f"{name} = {model_class}([\n{body}])"]
        elif kind == "add":
            lines = [f"{name} = {model_class}()"] + [f"{name}.add({t})" for t in [first] + features + head]
        elif kind == "add-loop":
            var_f, var_u = Var("filters"), Var("units")
            lines = [f"{name} = {model_class}()", f"{name}.add({first})",
                     f"for filters in {w.literal(filters)}:",
                     f"    {name}.add({w.call(Call(f'Conv{rank}D', params(filters=var_f, kernel_size=3, padding='same')))})",
                     f"    {name}.add({pool()})",
                     f"for units in {w.literal(units)}:",
                     f"    {name}.add({w.call(Call('Dense', params(units=var_u, activation='relu')))})",
                     f"{name}.add({dense(classes, last=True)})"]
        else:  # concat
            block = f"[{w.call(Call(f'Conv{rank}D', params(filters=Var('filters'), kernel_size=3, padding='same')))}, {pool()}]"
            blocks = " + ".join(f"block({f})" for f in filters)
            lines = ["def block(filters):", f"    return {block}", "",
                     f"{name} = {model_class}([{first}] + {blocks} + [{', '.join(head)}])"]
    else:
        lines = [f"inputs = {w.style.input}({shape})", "x = inputs"]
        lines += [f"x = {conv(f)}(x)\nx = {pool()}(x)" for f in filters]
        if kind == "functional":
            lines += [f"x = {dense(u)}(x)" for u in units]
        else:
            lines += [f"for units in {w.literal(units)}:",
                      f"    x = {w.call(Call('Dense', params(units=Var('units'))))}(x)"]
        lines += [f"outputs = {dense(classes, last=True)}(x)",
                  f"{name} = {w.style.model}Model(inputs, outputs)"]
    source = f'"""Buggy model, seed {seed}."""\n' + w.header() + "\n" + "\n".join(lines) + "\n"
    return GeneratedModel(seed, source, kind, style.name, name, 0)
