"""The one door to verification: every shape a message claims is confirmed by the
NumPy references (``verify/``) or dropped.

Imported by every rule; it imports ``verify`` (and NumPy) only when there is a shape to
confirm and the active options verify (tests/frontends/test_config.py: verify off never imports it).
"""

from __future__ import annotations

from typing import List, Sequence

from .model import LayerCall, Shape
from .options import active


def verified(run) -> List[Shape]:
    """A `shapes.engine.GraphRun`'s output shapes, each confirmed by the NumPy
    references or None."""
    return confirm(run.inputs, run.calls, run.sources, [r.output_shape for r in run.results])


def confirm(input_shapes: Sequence[Shape], calls: List[LayerCall], sources: Sequence[tuple],
            static: List[Shape]) -> List[Shape]:
    """The static shapes, each confirmed by the NumPy references or None.  When the
    active options turn verification off, the static shapes are returned as they are,
    without importing NumPy."""
    if not active().verify or all(s is None for s in static):
        return list(static)
    from .verify import verified_graph

    return verified_graph(input_shapes, calls, sources, static)
