"""What a Keras loss does with the shapes of its labels and of the model's output.

A mirror of Keras's own code path, one step at a time, so FLT005 reports exactly what
Keras refuses (every rule here is a measured case: ``tests/golden/flt005_losses.json``,
re-run live by ``tests/rules/test_flt005_live.py``):

Keras 3 (``keras/src/losses``, ``trainers/compile_utils.py``, the backend's ``nn``):

1. ``"crossentropy"`` / ``"ce"`` is resolved on the shapes (``is_binary_or_sparse_categorical``).
2. Every loss is a ``LossFunctionWrapper``, whose ``squeeze_or_expand_to_same_rank`` turns
   ``(b,)`` labels into ``(b, 1)`` against a ``(b, 1)`` output, and squeezes a trailing
   axis of size 1 when the ranks differ by one.
3. Then the loss: the categorical and binary cross-entropies need the very same shape;
   the sparse one needs the labels to be the output without its last axis (a trailing
   1 on the labels squeezed first); every other built-in loss (``mse``, ``mae``,
   ``huber``, ``kl_divergence``, the hinges, ...) is element-wise and NumPy-broadcasts.

Keras 2 (tf-keras) differs (`KERAS2_DIFFERENCES`); for it we report only what its
own rules below refuse.

The batch axis is the symbol `BATCH`: its size is the batch size, which we do not know,
so an outcome that depends on it (``(b,)`` broadcast against ``(b, 3)``) is UNKNOWN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Tuple

#: The batch axis of both tensors (its size is the batch size, unknown to us).
BATCH = "batch"

OK, REFUSED, UNKNOWN = "ok", "refused", "unknown"

#: Loss families (how a loss reads the two shapes).
SAME = "same shape"  # categorical / binary cross-entropy: identical shapes
SPARSE = "sparse"  # sparse categorical cross-entropy: labels = output[:-1]
ELEMENTWISE = "element-wise"  # broadcasting losses
AUTO = "auto"  # "crossentropy": resolved on the shapes


@dataclass(frozen=True)
class LossInfo:
    name: str  # Keras's function name: "categorical_crossentropy"
    family: str


def _table():
    table = {}

    def add(function: str, cls: Optional[str], family: str, *aliases: str) -> None:
        info = LossInfo(function, family)
        for spelling in (function, cls) + aliases:
            if spelling:
                table[spelling] = info

    add("categorical_crossentropy", "CategoricalCrossentropy", SAME)
    add("categorical_focal_crossentropy", "CategoricalFocalCrossentropy", ELEMENTWISE)
    add("binary_crossentropy", "BinaryCrossentropy", SAME, "bce", "BCE")
    add("binary_focal_crossentropy", "BinaryFocalCrossentropy", SAME)
    add("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy", SPARSE)
    add("mean_squared_error", "MeanSquaredError", ELEMENTWISE, "mse", "MSE")
    add("mean_absolute_error", "MeanAbsoluteError", ELEMENTWISE, "mae", "MAE")
    add("mean_absolute_percentage_error", "MeanAbsolutePercentageError", ELEMENTWISE, "mape", "MAPE")
    add("mean_squared_logarithmic_error", "MeanSquaredLogarithmicError", ELEMENTWISE, "msle", "MSLE")
    add("huber", "Huber", ELEMENTWISE)
    add("log_cosh", "LogCosh", ELEMENTWISE)
    add("kl_divergence", "KLDivergence", ELEMENTWISE, "kld", "KLD")
    add("poisson", "Poisson", ELEMENTWISE)
    add("hinge", "Hinge", ELEMENTWISE)
    add("squared_hinge", "SquaredHinge", ELEMENTWISE)
    add("categorical_hinge", "CategoricalHinge", ELEMENTWISE)
    add("cosine_similarity", "CosineSimilarity", ELEMENTWISE)
    table["crossentropy"] = table["ce"] = LossInfo("crossentropy", AUTO)
    return table


#: Every spelling Keras 3's ``losses.get`` takes for a loss we model, and the class and
#: function names of ``keras.losses``.  Anything else (a custom loss, CTC, Dice...) is
#: not modelled: FLT005 says nothing.
LOSSES = _table()

#: Names Keras 2 does not know (its ``losses.get`` raises on them, not about shapes).
_KERAS3_ONLY = frozenset({"crossentropy", "ce", "bce", "BCE"})


def loss_info(name: str, version: int = 3) -> Optional[LossInfo]:
    if version == 3 and name.lower() in ("crossentropy", "ce"):
        return LOSSES["crossentropy"]  # Keras 3 compares ``str(identifier).lower()``
    if version == 2 and name in _KERAS3_ONLY:
        return None
    return LOSSES.get(name)


#: Arguments of a loss class that change nothing about shapes (measured for from_logits and
#: ignore_class; the others scale values).  Any other argument (``axis=1``...) : not modelled.
SHAPE_FREE_ARGUMENTS = frozenset({"from_logits", "label_smoothing", "ignore_class", "reduction",
                                  "name", "dtype", "delta", "alpha", "gamma",
                                  "apply_class_balancing"})


Shape = Tuple  # (BATCH, d1, d2, ...): d an int, or None when unknown


def _last(shape: Shape):
    return shape[-1] if shape else None


def squeeze_or_expand(labels: Shape, output: Shape) -> Tuple[Shape, Shape]:
    """Keras 3's ``squeeze_or_expand_to_same_rank(y_true, y_pred)``."""
    if len(labels) == len(output) + 1 and _last(labels) == 1:
        if len(output) == 1:
            output = output + (1,)
        else:
            labels = labels[:-1]
    elif len(output) == len(labels) + 1 and _last(output) == 1:
        if len(labels) == 1:
            labels = labels + (1,)
        else:
            output = output[:-1]
    return labels, output


def _same(labels: Shape, output: Shape) -> str:
    if len(labels) != len(output):
        return REFUSED
    if any(a is None or b is None for a, b in zip(labels, output)):
        return UNKNOWN if all(a is None or b is None or a == b for a, b in zip(labels, output)) \
            else REFUSED
    return OK if labels == output else REFUSED


def _broadcast(labels: Shape, output: Shape) -> str:
    """NumPy broadcasting, right-aligned, of two shapes holding the batch symbol."""
    verdict = OK
    for a, b in zip(reversed(labels), reversed(output)):
        if a == b:
            continue
        if BATCH in (a, b):
            other = b if a == BATCH else a
            if other != 1:
                verdict = UNKNOWN  # depends on the batch size
            continue
        if a is None or b is None:
            verdict = UNKNOWN
            continue
        if 1 in (a, b):
            continue
        return REFUSED
    return verdict


def resolve(info: LossInfo, labels: Shape, output: Shape) -> Optional[LossInfo]:
    """``"crossentropy"`` as Keras 3 resolves it on the shapes (None: cannot tell)."""
    if info.family != AUTO:
        return info
    if _last(output) is None or _last(output) == BATCH:
        return None
    if _last(output) == 1:
        return LOSSES["binary_crossentropy"]
    if len(labels) < len(output) or (_last(labels) == 1 and _last(output) > 1):
        return LOSSES["sparse_categorical_crossentropy"]
    return LOSSES["categorical_crossentropy"]


def verdict(info: LossInfo, labels: Shape, output: Shape, version: int = 3,
            logits: Optional[bool] = None) -> str:
    """OK, REFUSED or UNKNOWN: what Keras ``version`` does when the loss ``info`` gets
    labels and an output of these shapes (both with `BATCH` first)."""
    if version == 2:
        return _verdict_keras2(info, labels, output, logits)
    info = resolve(info, labels, output)
    if info is None:
        return UNKNOWN
    labels, output = squeeze_or_expand(labels, output)
    if info.family == SAME:
        return _same(labels, output)
    if info.family == SPARSE:
        if len(labels) == len(output) and _last(labels) == 1:
            labels = labels[:-1]
        if not output:
            return REFUSED
        return _same(labels, output[:-1])
    return _broadcast(labels, output)


#: Where Keras 2 (tf-keras 2.21) reads shapes otherwise, declared once (measured:
#: ``tests/golden/flt005_losses.json``, part ``keras2``).
KERAS2_DIFFERENCES = {
    "rank-1 labels": "the loss container first turns (b,) labels into (b, 1) when the output "
                     "has rank 2 (`match_dtype_and_rank`)",
    "binary_crossentropy": "on logits (from_logits=True, or a sigmoid/softmax output layer, "
                           "whose logits it recovers) it needs the same shapes; on a linear "
                           "output it is element-wise and broadcasts, so (n,) labels run on a "
                           "(None, 10) output",
    "sparse_categorical_crossentropy": "labels and output are flattened: it needs as many "
                                       "label values as output rows",
}


def _verdict_keras2(info: LossInfo, labels: Shape, output: Shape, logits: Optional[bool]) -> str:
    """tf-keras: `match_dtype_and_rank`, then `squeeze_or_expand_dimensions`, then the loss.
    ``logits``: the binary cross-entropy works on logits (``from_logits=True``, or an output
    layer with a sigmoid/softmax activation, whose logits tf-keras recovers): then it needs the
    same shapes; on a linear output it broadcasts; None: cannot tell."""
    if len(labels) == 1 and len(output) == 2:
        labels = labels + (1,)
    if len(output) == len(labels) + 1 and _last(output) == 1:
        output = output[:-1]
    elif len(labels) == len(output) + 1 and _last(labels) == 1:
        labels = labels[:-1]
    if info.family == SPARSE:
        if _last(output) in (None, 1) or any(d is None for d in labels + output):
            return UNKNOWN  # one class: tf-keras checks the label values (ids >= 1 refused)
        # flattened: prod(labels) == prod(output[:-1]) (batch axes on both sides)
        if len(labels) == len(output) and labels[-1] == 1:
            labels = labels[:-1]
        left = [d for d in labels if d != BATCH]
        right = [d for d in output[:-1] if d != BATCH]
        return OK if math.prod(left) == math.prod(right) else REFUSED
    if info.name in ("categorical_crossentropy", "categorical_focal_crossentropy"):
        return _same(labels, output)
    if info.family == SAME:  # binary: strict on logits, else element-wise
        if logits:
            return _same(labels, output)
        if logits is None:
            return REFUSED if _broadcast(labels, output) == REFUSED else UNKNOWN
    return _broadcast(labels, output)


# -- metrics=["accuracy"]: Keras 3 computes the metric before the loss ------------------

def _broadcast_shape(a: Shape, b: Shape):
    """(verdict, result shape) of NumPy broadcasting two shapes holding `BATCH`."""
    verdict, out = OK, []
    width = max(len(a), len(b))
    a = (1,) * (width - len(a)) + tuple(a)
    b = (1,) * (width - len(b)) + tuple(b)
    for x, y in zip(a, b):
        if x == y or y == 1:
            out.append(x)
        elif x == 1:
            out.append(y)
        elif BATCH in (x, y) or x is None or y is None:
            verdict = UNKNOWN
            out.append(None)
        else:
            return REFUSED, None
    return verdict, tuple(out)


def _size_equal(a: Shape, b: Shape) -> str:
    """``reshape(a -> b)``: the same number of values (batch axes cancel one for one)."""
    if None in a or None in b:
        return UNKNOWN
    if a.count(BATCH) != b.count(BATCH):
        return UNKNOWN
    left = math.prod(d for d in a if d != BATCH)
    right = math.prod(d for d in b if d != BATCH)
    return OK if left == right else REFUSED


def accuracy_metric(labels: Shape, output: Shape) -> Optional[str]:
    """Which accuracy ``metrics=["accuracy"]`` becomes for these shapes (Keras 3's
    ``is_binary_or_sparse_categorical``), None when it cannot be told."""
    if not labels or not output or _last(output) in (None, BATCH):
        return None
    if _last(output) == 1:
        return "binary_accuracy"
    if len(labels) < len(output) or (_last(labels) == 1 and _last(output) > 1):
        return "sparse_categorical_accuracy"
    return "categorical_accuracy"


def accuracy_verdict(metric: str, labels: Shape, output: Shape) -> str:
    """What Keras 3's accuracy function does with the two shapes."""
    if metric == "binary_accuracy":
        labels, output = squeeze_or_expand(labels, output)
        return _broadcast_shape(labels, output)[0]
    if metric == "categorical_accuracy":
        labels = labels[:-1]  # argmax
    original = labels
    reshape = False
    if len(labels) == len(output):
        if metric == "sparse_categorical_accuracy" and _last(labels) != 1:
            pass
        elif _last(labels) != 1:
            return REFUSED if _last(labels) is not None and _last(labels) != BATCH else UNKNOWN
        else:
            labels, reshape = labels[:-1], True
    verdict, matches = _broadcast_shape(labels, output[:-1])
    if verdict != OK or not reshape:
        return verdict
    return _size_equal(matches, original)
