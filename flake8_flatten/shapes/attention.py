"""MultiHeadAttention: ``attention(query, value[, key])`` keeps the query's shape.

Keras 3 (``multi_head_attention.py``): the output is the query's shape, with the
last axis replaced by ``output_shape`` when given.  Attention treats the axes
between batch and features as positions to attend over: sequence axes (role).
"""

from __future__ import annotations

from .spec import SEQUENCE, LayerSpec, Params, as_int


def multi_head_attention(params: Params, shapes: tuple):
    if len(shapes) not in (2, 3) or as_int(params["num_heads"]) is None \
            or as_int(params["key_dim"]) is None:
        return None
    query, value = shapes[0], shapes[1]
    key = shapes[2] if len(shapes) == 3 else value
    if len(query) != 3 or len(value) != 3 or len(key) != 3 or value[1:-1] != key[1:-1]:
        return None  # other ranks and attention axes: not modelled
    output = params.get("output_shape")
    if output is None:
        return query
    size = as_int(output)
    return query[:-1] + (size,) if size is not None else None


SPECS = {
    "MultiHeadAttention": LayerSpec(
        ("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
        multi_head_attention, SEQUENCE, merge=True),
}
