"""A static ``model.summary()``: each model's layers with verified output shapes."""

from __future__ import annotations

from typing import List, Optional

from .model import ModelDescription, Shape
from .shapes.engine import run_model, verified


def _json_shape(shape: Shape) -> Optional[list]:
    return None if shape is None else list(shape)


def summarize(model: ModelDescription, path: str) -> dict:
    """The JSON record of one model (see README, "shapes").  Every shape is the
    static one confirmed by the NumPy references, or null."""
    run = run_model(model)
    shapes = verified(run)
    outputs = [None if model.truncated else _json_shape(run.shape_of(ref, shapes))
               for ref in run.outputs]
    record = {
        "path": path,
        "line": model.line,
        "name": model.name,
        "kind": model.kind,
        "input_shape": _json_shape(model.input_shape),
        "layers": [
            {"class": call.kind, "line": call.line, "col": call.col + 1,
             "output_shape": _json_shape(shape)}
            for call, shape in zip(model.layers, shapes)
        ],
        "output_shape": outputs[0] if len(outputs) == 1 and model.layers else None,
    }
    if model.sources is not None:  # a functional graph: what each layer consumes
        k = len(run.inputs)
        record["input_shapes"] = [_json_shape(s) for s in run.inputs]
        record["output_shapes"] = outputs
        for layer, refs in zip(record["layers"], run.sources):
            layer["inputs"] = [_tensor_name(ref, k) for ref in refs]
    return record


def _tensor_name(ref: int, inputs: int) -> str:
    """``"input 0"``, ``"layer 3"`` (0-based, in the record's layer list) or ``"?"``."""
    if 0 <= ref < inputs:
        return f"input {ref}"
    return f"layer {ref - inputs}" if ref >= inputs else "?"


def format_table(records: List[dict]) -> str:
    """Human-readable summaries, laid out like Keras's ``model.summary()``."""
    from .model import format_shape

    def shape_text(shape):
        return "?" if shape is None else format_shape(tuple(shape))

    out = []
    for record in records:
        name = f" {record['name']!r}" if record["name"] else ""
        inputs = record.get("input_shapes", [record["input_shape"]])
        out.append(f"{record['path']}:{record['line']}: {record['kind']}{name}, "
                   f"input {', '.join(shape_text(s) for s in inputs)}")
        header = ("Layer (type)", "Output Shape", "Line") + (("Inputs",) if "input_shapes" in record else ())
        rows = [header]
        for layer in record["layers"]:
            row = (layer["class"], shape_text(layer["output_shape"]), f"{layer['line']}:{layer['col']}")
            if "inputs" in layer:
                row += (", ".join(layer["inputs"]),)
            rows.append(row)
        widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
        rule = "  " + "-" * (sum(widths) + 2 * len(widths))
        for i, row in enumerate(rows):
            out.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
            if i == 0:
                out.append(rule)
        out.append(rule)
        outputs = record.get("output_shapes", [record["output_shape"]])
        out.append(f"  Output: {', '.join(shape_text(s) for s in outputs)}")
        out.append("")
    return "\n".join(out)
