"""A static ``model.summary()``: each model's layers with verified output shapes."""

from __future__ import annotations

from typing import List, Optional

from .model import ModelDescription, Shape
from .shapes import infer_chain


def _json_shape(shape: Shape) -> Optional[list]:
    return None if shape is None else list(shape)


def summarize(model: ModelDescription, path: str) -> dict:
    """The JSON record of one model (see README, "shapes").  Every shape is the
    static one confirmed by the NumPy references, or null."""
    results = infer_chain(model.input_shape, model.layers)
    static = [r.output_shape for r in results]
    if any(s is not None for s in static):
        from .verify import verified_shapes

        shapes = verified_shapes(model.input_shape, model.layers, static)
    else:
        shapes = static
    return {
        "path": path,
        "line": model.line,
        "name": model.name,
        "input_shape": _json_shape(model.input_shape),
        "layers": [
            {"class": call.kind, "line": call.line, "col": call.col + 1,
             "output_shape": _json_shape(shape)}
            for call, shape in zip(model.layers, shapes)
        ],
        "output_shape": None if model.truncated or not shapes else _json_shape(shapes[-1]),
    }


def format_table(records: List[dict]) -> str:
    """Human-readable summaries, laid out like Keras's ``model.summary()``."""
    from .model import format_shape

    def shape_text(shape):
        return "?" if shape is None else format_shape(tuple(shape))

    out = []
    for record in records:
        name = f" {record['name']!r}" if record["name"] else ""
        out.append(f"{record['path']}:{record['line']}: Sequential{name}, "
                   f"input {shape_text(record['input_shape'])}")
        rows = [("Layer (type)", "Output Shape", "Line")]
        rows += [(layer["class"], shape_text(layer["output_shape"]), f"{layer['line']}:{layer['col']}")
                 for layer in record["layers"]]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        rule = "  " + "-" * (sum(widths) + 4)
        for i, row in enumerate(rows):
            out.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
            if i == 0:
                out.append(rule)
        out.append(rule)
        out.append(f"  Output: {shape_text(record['output_shape'])}")
        out.append("")
    return "\n".join(out)
