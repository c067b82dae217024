"""MultiHeadAttention: ``attention(query, value[, key])`` keeps the query's shape.

Keras 3 (``multi_head_attention.py``): the output is the query's shape, with the
last axis replaced by ``output_shape`` when given.  Attention treats the axes
between batch and features as positions to attend over: sequence axes (role).
Its weights are four dense projections: query, key and value to ``num_heads``
heads, and the heads back to the output size.
"""

from __future__ import annotations

from .spec import SEQUENCE, LayerSpec, Params, as_int, bias, known, unmodelled


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


def multi_head_attention_weights(params: Params, shapes: tuple) -> int:
    unmodelled(params, "use_gate")
    query, value = shapes[0][-1], shapes[1][-1]
    key = shapes[2][-1] if len(shapes) == 3 else value
    heads, key_dim = as_int(params["num_heads"]), as_int(params["key_dim"])
    value_dim = key_dim if params.get("value_dim") is None else as_int(params["value_dim"])
    output = query if params.get("output_shape") is None else as_int(params["output_shape"])
    known(query, value, key, heads, key_dim, value_dim, output)
    kernels = heads * (key_dim * (query + key) + value_dim * (value + output))
    return kernels + bias(params, heads * (2 * key_dim + value_dim) + output)


SPECS = {
    "MultiHeadAttention": LayerSpec(
        ("num_heads", "key_dim", "value_dim", "dropout", "use_bias", "output_shape"),
        multi_head_attention, SEQUENCE, merge=True, weights=multi_head_attention_weights),
}
