"""A static ``model.summary()``: each model's layers with verified output shapes and
their parameter counts."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from .model import ModelDescription, Shape, format_shape
from .notebooks import NotebookSource
from .shapes.convolution import ALIASES
from .shapes.engine import probed_runs, run_model
from .shapes.weights import application_params, layer_objects, total_params
from .verification import verified


def _json_shape(shape: Shape) -> Optional[list]:
    return None if shape is None else list(shape)


def _cell(notebook: Optional[NotebookSource], line: int) -> Tuple[Optional[int], Optional[int]]:
    """(code cell, line in it) of a line of a notebook's joined cells; (None, None) for a script."""
    return (None, None) if notebook is None else notebook.locate(line)


def summarize(model: ModelDescription, path: str, notebook: Optional[NotebookSource] = None) -> dict:
    """The JSON record of one model (see docs/shapes.md).  Every shape is the
    static one confirmed by the NumPy references, or null; every count is Keras's
    ``count_params()`` computed from those shapes, or null.  For a notebook (its joined
    code cells), each ``line`` is also given as ``cell`` and ``cell_line``, as ``check``
    gives them; both are null for a script."""
    run = run_model(model)
    shapes = verified(run)
    counts = [application_params(result) if _inputs_verified(run, refs, shapes) else None
              for result, refs in zip(run.results, run.sources)]
    if model.kind != "Sequential" or model.input_source is not None or model.runs_on_unread_data:
        _add_probed(run, shapes, counts)  # a model Keras builds (not one left unbuilt)
    outputs = [None if model.truncated else _json_shape(run.shape_of(ref, shapes))
               for ref in run.outputs]
    objects = layer_objects(run.calls, model.shared)
    cell, cell_line = _cell(notebook, model.line)
    record = {
        "path": path,
        "line": model.line,
        "cell": cell,
        "cell_line": cell_line,
        "name": model.name,
        "kind": model.kind,
        "input_shape": _json_shape(model.input_shape),
        "layers": [
            {"class": call.kind, "name": _given_name(call), "line": call.line, "col": call.col + 1,
             **dict(zip(("cell", "cell_line"), _cell(notebook, call.line))),
             "output_shape": _json_shape(shape), "params": count}
            for call, shape, count in zip(model.layers, shapes, counts)
        ],
        "output_shape": outputs[0] if len(outputs) == 1 and model.layers else None,
        "total_params": None if model.truncated else total_params(counts, objects),
    }
    for index, first in enumerate(_first_applications(objects)):
        if first != index:
            record["layers"][index]["same_layer_as"] = first
    if model.sources is not None:  # a functional graph: what each layer consumes
        k = len(run.inputs)
        record["input_shapes"] = [_json_shape(s) for s in run.inputs]
        record["output_shapes"] = outputs
        for layer, refs in zip(record["layers"], run.sources):
            layer["inputs"] = [_tensor_name(ref, k) for ref in refs]
    return record


def _add_probed(run, shapes: List[Shape], counts: List[Optional[int]]) -> None:
    """Fill in the shapes (and counts) that do not depend on what nothing states: a layer
    after one whose input is unknown, equal in every probed run (`probed_runs`) and
    confirmed by the NumPy references on each."""
    probes = probed_runs(run)
    if not probes:
        return
    confirmed = [verified(probe) for probe in probes]
    for i, shape in enumerate(shapes):
        if shape is not None:
            continue
        found = {probe[i] for probe in confirmed}
        if len(found) == 1 and None not in found:
            shapes[i] = found.pop()
            sizes = {application_params(probe.results[i]) for probe in probes}
            counts[i] = sizes.pop() if len(sizes) == 1 else None


def _given_name(call) -> Optional[str]:
    name = call.kwarg("name")
    return name if isinstance(name, str) else None


def _inputs_verified(run, refs, shapes) -> bool:
    """A count rests on the layer's input shapes: only those NumPy confirmed."""
    return all(run.shape_of(ref, shapes) == run.shape_of(ref) for ref in refs)


def _first_applications(objects: Optional[list]) -> List[int]:
    """Per application, the index of the first application of the same layer object."""
    if objects is None:
        return []
    first: Dict[object, int] = {}
    return [first.setdefault(key, index) for index, key in enumerate(objects)]


def _tensor_name(ref: int, inputs: int) -> str:
    """``"input 0"``, ``"layer 3"`` (0-based, in the record's layer list) or ``"?"``."""
    if 0 <= ref < inputs:
        return f"input {ref}"
    return f"layer {ref - inputs}" if ref >= inputs else "?"


# --- the table ------------------------------------------------------------------------


def _snake_case(name: str) -> str:
    """Keras's default layer name for a class (``MaxPooling2D`` -> ``max_pooling2d``)."""
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _row_names(record: dict) -> List[str]:
    """A name per row, the inputs' rows first: the layer's ``name=``, else the name
    Keras gives by default (numbered within this model, where Keras numbers across a
    session); another application of a layer object repeats that object's name."""
    used: Dict[str, int] = {}

    def default(base: str) -> str:
        count = used.get(base, 0)
        used[base] = count + 1
        return base if count == 0 else f"{base}_{count}"

    inputs = len(record.get("input_shapes", ()))
    names = [default("input_layer") for _ in range(inputs)]
    for layer in record["layers"]:
        if "same_layer_as" in layer:
            names.append(names[inputs + layer["same_layer_as"]])
        else:
            names.append(layer["name"] or default(_snake_case(_class_name(layer["class"]))))
    return names


def _class_name(kind: str) -> str:
    """The Keras class behind an exported alias (``MaxPool2D`` -> ``MaxPooling2D``)."""
    return ALIASES.get(kind, kind)


def _count_text(count: Optional[int]) -> str:
    return "?" if count is None else f"{count:,}"


def _total_text(record: dict) -> str:
    total = record["total_params"]
    if total is not None:
        return f"Total params: {total:,}"
    unknown = sum(layer["params"] is None for layer in record["layers"])
    return "Total params: ?" + (f" (unknown for {unknown} of {len(record['layers'])} layers)"
                                if unknown else "")


def _rows(record: dict) -> List[tuple]:
    """The table's header and one row per input (functional models) and layer."""
    functional = "input_shapes" in record
    names = _row_names(record)
    header = ("Layer (type)", "Output Shape", "Param #", "Line") + (("Connected to",) if functional else ())
    rows = [header]
    for name, shape in zip(names, record.get("input_shapes", ())):
        rows.append((f"{name} (InputLayer)", _shape_text(shape), "0", "", "-"))
    inputs = len(record.get("input_shapes", ()))
    for name, layer in zip(names[inputs:], record["layers"]):
        count = "shared" if "same_layer_as" in layer else _count_text(layer["params"])
        row = (f"{name} ({_class_name(layer['class'])})", _shape_text(layer["output_shape"]), count,
               f"{position(layer)}:{layer['col']}")
        if functional:
            row += (", ".join(_source_name(ref, names, inputs) for ref in layer["inputs"]),)
        rows.append(row)
    return rows


def _source_name(ref: str, names: List[str], inputs: int) -> str:
    """A tensor of the JSON record (``"input 0"``, ``"layer 3"``) by its row's name."""
    if ref == "?":
        return "?"
    kind, index = ref.split()
    return names[int(index) + (0 if kind == "input" else inputs)]


def _shape_text(shape) -> str:
    return "?" if shape is None else format_shape(tuple(shape))


def position(item: dict) -> str:
    """A record's or layer's line as a person looks for it: ``L`` in a script,
    ``cell_N:L`` in a notebook (as ``check`` and nbQA print it)."""
    if item.get("cell") is None:
        return str(item["line"])
    return f"cell_{item['cell']}:{item['cell_line']}"


def format_table(records: List[dict]) -> str:
    """Human-readable summaries, laid out like Keras's ``model.summary()``."""
    out = []
    for record in records:
        name = f" {record['name']!r}" if record["name"] else ""
        inputs = record.get("input_shapes", [record["input_shape"]])
        out.append(f"{record['path']}:{position(record)}: {record['kind']}{name}, "
                   f"input {', '.join(_shape_text(s) for s in inputs)}")
        rows = _rows(record)
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        rule = "  " + "=" * (sum(widths) + 2 * (len(widths) - 1))
        for i, row in enumerate(rows):
            cells = [cell.rjust(w) if column == 2 else cell.ljust(w)
                     for column, (cell, w) in enumerate(zip(row, widths))]
            out.append(("  " + "  ".join(cells)).rstrip())
            if i == 0:
                out.append(rule)
        out.append(rule)
        out.append(f"  {_total_text(record)}")
        outputs = record.get("output_shapes", [record["output_shape"]])
        out.append(f"  Output: {', '.join(_shape_text(s) for s in outputs)}")
        out.append("")
    return "\n".join(out)
