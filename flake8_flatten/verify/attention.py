"""NumPy reference for MultiHeadAttention: projections, scores, weighted sum, output."""

from __future__ import annotations

import numpy as np

from .arrays import Unverifiable, concrete, weights


def multi_head_attention(params, xs, fill):
    if len(xs) not in (2, 3) or any(x.ndim != 3 for x in xs):
        raise Unverifiable("MultiHeadAttention on other ranks")
    query, value = xs[0], xs[1]
    key = xs[2] if len(xs) == 3 else value
    heads, key_dim = concrete(params["num_heads"], fill), concrete(params["key_dim"], fill)
    value_dim = params.get("value_dim") or key_dim
    out_dim = params.get("output_shape") or query.shape[-1]
    q = np.einsum("bqd,dhk->bqhk", query, weights((query.shape[-1], heads, key_dim)))
    k = np.einsum("bvd,dhk->bvhk", key, weights((key.shape[-1], heads, key_dim)))
    v = np.einsum("bvd,dhk->bvhk", value, weights((value.shape[-1], heads, value_dim)))
    scores = np.einsum("bqhk,bvhk->bhqv", q, k)
    attended = np.einsum("bhqv,bvhk->bqhk", scores, v)
    return np.einsum("bqhk,hke->bqe", attended, weights((heads, value_dim, out_dim)))


REFERENCES = {"MultiHeadAttention": multi_head_attention}
