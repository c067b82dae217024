"""NumPy reference implementations that check every shape a message claims.

Imported only when a claim needs checking, so files without findings never pay
for importing NumPy.
"""

from .engine import reference_graph, verified_graph, verified_shapes

__all__ = ["reference_graph", "verified_graph", "verified_shapes"]
