"""FLT005: labels that the model's output and loss cannot take, found before ``fit`` runs.

Its documentation is `RULE` below (``docs/rules/FLT005.md`` is generated from it).  What
each loss does with the two shapes is `losses` (a mirror of Keras's code path, every
rule a measured case); this module finds the loss, the labels and the output.
"""

from __future__ import annotations

from typing import List, Optional

from ..config import active
from ..model import Loss, ModelDescription, Training, format_shape
from ..shapes.engine import run_model
from ..verification import verified
from . import losses
from .feeding import run_on_data
from .finding import Finding
from . import flt001
from .rule import Rule

CODE = "FLT005"

RULE = Rule(
    code=CODE,
    title="labels the model's output and loss cannot take",
    summary="Labels of a known shape that the model's output, under its compiled loss, cannot take.",
    catches="`model.fit(x, y)` / `evaluate` / `train_on_batch` with labels the loss refuses against the model's output",
    keras_says="`Arguments target and output must have the same shape. Received: target.shape=(32,), output.shape=(32, 10)`",
    what_it_does="""
        Checks the labels `y` of `model.fit(x, y)`, `evaluate`, `train_on_batch`, `test_on_batch`
        and `fit(validation_data=(xv, yv))`, when their shape is known (NumPy constructors, literals,
        `keras.utils.to_categorical(y, n)`, `keras.datasets`, slicing, `.reshape`,
        `train_test_split`), against the model's output shape under the loss given to
        `model.compile(loss=...)` — a string (`"categorical_crossentropy"`, `"mse"`, ...) or a
        `keras.losses` class or function in any spelling. Also `x` and `y` with different numbers
        of samples.
    """,
    why_is_this_bad="""
        Keras raises when `fit` starts — after loading the data, building and compiling the model —
        with "Arguments `target` and `output` must have the same shape": integer class ids trained with
        `categorical_crossentropy`, one-hot labels with `sparse_categorical_crossentropy`, ten units
        trained with `binary_crossentropy`, five classes one-hot into a ten-unit head, or a head that
        kept a per-position axis because a `Flatten()` is missing.
    """,
    example="""
        import numpy as np
        from keras import layers, models

        x_train = np.random.rand(600, 20)
        y_train = np.random.randint(0, 10, size=(600,))  # class ids 0..9

        model = models.Sequential([
            layers.Input(shape=(20,)),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
        model.fit(x_train, y_train, epochs=5)
    """,
    use_instead="""
        import numpy as np
        from keras import layers, models

        x_train = np.random.rand(600, 20)
        y_train = np.random.randint(0, 10, size=(600,))  # class ids 0..9

        model = models.Sequential([
            layers.Input(shape=(20,)),
            layers.Dense(64, activation="relu"),
            layers.Dense(10, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        model.fit(x_train, y_train, epochs=5)
    """,
    notes="""
        ## What Keras 3 takes (mirrored, not a stricter rule)

        Measured with Keras 3.15 (JAX) for every loss below against outputs `(None, 1)`, `(None, 3)`,
        `(None, 10)`, `(None, 5, 10)`, `(None, 5, 1)`, `(None, 4, 3)` and labels of eleven shapes
        (`tests/golden/flt005_losses.json`, re-run live in CI):

        | loss | labels it takes against an output `(None, ..., C)` |
        |---|---|
        | `categorical_crossentropy`, `binary_crossentropy` (and their focal variants, `"bce"`) | the output's shape exactly; `(n,)` also against `(None, 1)` |
        | `sparse_categorical_crossentropy` | the output without its last axis: `(n,)` or `(n, 1)` against `(None, C)`, `(n, 5)` against `(None, 5, C)` |
        | `mse`, `mae`, `mape`, `msle`, `huber`, `log_cosh`, `kl_divergence`, `poisson`, the hinges, `cosine_similarity` | anything that broadcasts: `(n,)` and `(n, 3)` against `(None, 1)`; not `(n, 2)` against `(None, 3)` |
        | `"crossentropy"` | one of the three cross-entropies, chosen by Keras from the shapes |

        A trailing axis of size 1 is squeezed when the ranks differ by one. `from_logits` and
        `ignore_class` change nothing about shapes (measured). A weight per sample never lifts a
        refusal, but it adds one: `sample_weight=` of shape `(n,)` against a loss that kept a
        per-position axis (`(n, 5)` labels on a `(None, 5, 10)` output) is refused by Keras 3
        (`Incompatible shapes for broadcasting`); FLT005 does not read `sample_weight` and says
        nothing there.

        With `metrics=["accuracy"]` Keras 3 picks the accuracy that fits the shapes
        (`binary_accuracy`, `sparse_categorical_accuracy` or `categorical_accuracy`) and computes it
        before the loss: when it refuses the labels too, the traceback names the metric. The message
        says which of the two refuses first (one finding: `fit` raises either way). In Keras 3 the
        third positional argument of `compile` is `loss_weights`, not `metrics`.

        Silent: a loss we do not model (a custom function, `CTC`, `Dice`, a variable), labels or an
        output whose shape is unknown, a `compile` inside a branch or loop, several compiles with
        different losses, a model with several outputs, and any case whose outcome depends on the
        batch size (`(n,)` labels broadcast against `(None, 3)` by `mse`).

        ## Keras 2

        With `flatten-keras-version = 2`: tf-keras turns `(n,)` labels into `(n, 1)` for a rank-2
        output, `binary_crossentropy` broadcasts (it depends on the last activation, so only a
        shape that cannot broadcast is reported), and `sparse_categorical_crossentropy` flattens
        both sides. `"crossentropy"` and `"bce"` are Keras 3 names.
    """,
)


def _loss_of(model: ModelDescription, training: Training):
    """The one loss every compile before ``training`` gave the model, or None."""
    before = [c for c in model.compiles if (c.line, c.col) < (training.line, training.col)]
    if not before or any(c.conditional for c in before):
        return None
    given = {repr(c.loss) for c in before}
    if len(given) != 1:
        return None
    compiled = before[-1]
    loss = compiled.loss
    if isinstance(loss, (tuple, list)) and len(loss) == 1:
        loss = loss[0]
    if isinstance(loss, str):
        return loss, loss, compiled, loss
    if isinstance(loss, Loss):
        if any(key not in losses.SHAPE_FREE_ARGUMENTS for key, _ in loss.kwargs):
            return None  # ``axis=1`` and the like: not modelled
        spelled = f"{loss.name}()" if loss.called else loss.name
        return loss.name, spelled, compiled, loss
    return None


def _output(model: ModelDescription, training: Training):
    """``(shape, last layer call)`` of the model's single output (NumPy-verified) as it
    runs on the data, or None."""
    if training.data is not None:
        data_run = run_on_data(model, training.data, training.layers, "fit")
        if data_run is None or data_run.problem is not None:
            return None  # FLT003's (or unknown)
        run, shapes = data_run.run, data_run.shapes
    else:
        run, shapes = run_model(model, layers=training.layers), None
    if run is None or len(run.outputs) != 1:
        return None
    shape = run.shape_of(run.outputs[0], shapes or verified(run))
    index = run.outputs[0] - len(run.inputs)
    last = run.calls[index] if 0 <= index < len(run.calls) else None
    return shape, last


def _on_logits(loss, last) -> Optional[bool]:
    """Keras 2's binary cross-entropy works on logits: ``from_logits=True``, or an output layer
    with a sigmoid/softmax activation (tf-keras recovers its logits); None: cannot tell."""
    if isinstance(loss, Loss) and dict(loss.kwargs).get("from_logits") is True:
        return True
    if last is None or not last.is_keras:
        return None
    activation = last.kwarg("activation")
    if activation is None and last.kind == "Dense" and len(last.args) > 1:
        activation = last.args[1]
    if last.kind == "Activation" and last.args:
        activation = last.args[0]
    elif last.kind != "Dense":
        return None
    if activation in ("sigmoid", "softmax"):
        return True
    if activation in (None, "linear"):
        return False
    return None


def _flt001_site(model: ModelDescription) -> Optional[int]:
    found = flt001.diagnose(model)
    return found[0][0].line if found else None


def _advice(info, spelled: str, labels: tuple, output: tuple, model) -> str:
    """How to make them agree."""
    classes = output[-1]
    name = info.name
    wanted = len(output) - (1 if info.family == losses.SPARSE else 0)
    if len(output) > 2 and len(labels) < wanted:
        site = _flt001_site(model)
        if site:
            advice = (f"the output kept a per-position axis the labels do not have: add Flatten() "
                      f"(or global pooling) before the Dense at line {site} (FLT001)")
        else:
            advice = ("the output kept an axis the labels do not have: remove it before the last "
                      "layer (Flatten, global pooling, or return_sequences=False)")
        flat = (output[0], output[-1])
        if losses.verdict(info, (losses.BATCH,) + labels[1:], (losses.BATCH, flat[-1])) == losses.REFUSED:
            advice += "; then " + _advice(info, spelled, labels, flat, model)
        return advice
    if name in ("categorical_crossentropy", "categorical_focal_crossentropy"):
        if len(labels) == 1 or labels[-1] == 1:
            return (f"the labels look like class ids: use loss=\"sparse_categorical_crossentropy\", "
                    f"or one-hot them with keras.utils.to_categorical(y, {classes})")
        if len(labels) == len(output):
            return (f"the labels are one-hot over {labels[-1]} classes and the output has {classes} "
                    f"units: make the last layer Dense({labels[-1]}) (units = classes)")
    if name == "sparse_categorical_crossentropy" and len(labels) == len(output) and labels[-1] > 1:
        fix = "use loss=\"categorical_crossentropy\", or pass class ids (y.argmax(axis=-1))"
        if labels[-1] != classes:
            fix += f", and make the last layer Dense({labels[-1]}) (units = classes)"
        return f"the labels look one-hot: {fix}"
    if name in ("binary_crossentropy", "binary_focal_crossentropy"):
        if (len(labels) == 1 or labels[-1] == 1) and classes and classes > 1:
            return ("binary_crossentropy wants one unit per label: Dense(1, activation=\"sigmoid\") for "
                    f"a yes/no label, or loss=\"sparse_categorical_crossentropy\" for {classes} classes")
        return f"make the last layer Dense({labels[-1]}) to give one unit per label"
    if info.family == losses.ELEMENTWISE and len(labels) == 1:
        return (f"{spelled} compares them element by element and they do not broadcast: make the "
                f"last layer Dense(1), or give labels of shape (n, {classes})")
    if info.family == losses.ELEMENTWISE:
        return (f"{spelled} compares them element by element and they do not broadcast: make the last "
                f"layer Dense({labels[-1]}) or reshape the labels to the output's shape")
    return "make the labels and the output agree"


def _on_batch(training: Training, version: int) -> bool:
    """Keras 3's ``train_on_batch``/``test_on_batch`` with x known: the loss sees the arrays
    as they are (measured: no "Data cardinality" check; Keras 2 has one)."""
    return version == 3 and training.method.endswith("_on_batch") and bool(training.data)


def _call(training: Training) -> str:
    if training.method == "fit(validation_data)":
        return "fit(validation_data=(x, y))"
    return f"{training.method}()"


def _samples(training: Training) -> Optional[str]:
    if training.data is None or not training.data or training.data[0] == training.labels[0]:
        return None
    return (f"{_call(training)} gets x with {training.data[0]} samples and y with "
            f"{training.labels[0]} (Keras: \"Data cardinality is ambiguous\"); give both the same "
            f"number of samples")


def check(model: ModelDescription, run=None) -> List[Finding]:
    findings = []
    version = active().keras
    seen = set()
    for training in model.trainings:
        if (training.line, training.col) in seen:
            continue  # fit(x, y, validation_data=...): Keras stops at the first refusal
        message = None if _on_batch(training, version) else _samples(training)
        if message is None:
            message = _labels(model, training, version)
        if message is not None:
            seen.add((training.line, training.col))
            findings.append(Finding(training.line, training.col, CODE, message))
    return findings


def _labels(model: ModelDescription, training: Training, version: int) -> Optional[str]:
    found = _loss_of(model, training)
    if found is None:
        return None
    name, spelled, compiled, loss = found
    info = losses.loss_info(name, version)
    ran = _output(model, training) if info is not None else None
    if ran is None or not ran[0]:
        return None
    output, last = ran
    logits = _on_logits(loss, last) if version == 2 else None
    labels = training.labels
    if not labels:
        return None
    if _on_batch(training, version):  # one batch: its sizes are known, and no cardinality check
        batch_labels, batch_output = tuple(labels), (training.data[0],) + tuple(output[1:])
    else:
        batch_labels = (losses.BATCH,) + tuple(labels[1:])
        batch_output = (losses.BATCH,) + tuple(output[1:])
    if losses.verdict(info, batch_labels, batch_output, version, logits) != losses.REFUSED:
        return None
    resolved = losses.resolve(info, batch_labels, batch_output) if version == 3 else info
    shown = spelled if resolved is info else f"{spelled} (read by Keras as {resolved.name})"
    if batch_labels[0] != batch_output[0]:
        return (f"{_call(training)} gets x with {batch_output[0]} samples and y with "
                f"{batch_labels[0]}, which loss {spelled} cannot line up (Keras 3 checks no "
                f"cardinality here: the loss refuses); give both the same number of samples")
    message = (f"{_call(training)} gets labels of shape {format_shape(labels)}, which the "
               f"output {format_shape((None,) + tuple(output[1:]))} cannot take under loss {shown}; "
               f"{_advice(resolved, spelled, labels, output, model)}")
    if version == 3:
        message += _metric_note(compiled.metrics, batch_labels, batch_output)
    return message


def _metric_note(metrics, labels: tuple, output: tuple) -> str:
    """Which refuses first: with ``metrics=["accuracy"]`` Keras 3 computes the accuracy it
    picks for the shapes before the loss (measured)."""
    if not isinstance(metrics, (tuple, list)):
        return ""
    named = [m for m in metrics if isinstance(m, str) and m.lower() in ("accuracy", "acc")]
    if not named:
        return ""
    metric = losses.accuracy_metric(labels, output)
    if metric is None:
        return ""
    said = losses.accuracy_verdict(metric, labels, output)
    if said == losses.REFUSED:
        return (f" (Keras computes metrics=[\"{named[0]}\"] first, as {metric}, and that refuses "
                f"them already: the traceback names the metric)")
    if said == losses.OK:
        return f" (metrics=[\"{named[0]}\"], computed first as {metric}, takes them: the loss refuses)"
    return ""
