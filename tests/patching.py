"""A patch for one block that the corpus recorders share (no Keras imported here)."""

from __future__ import annotations

import contextlib


@contextlib.contextmanager
def patched(obj, name, value):
    """Set ``obj.name`` for the block; restored as it was: an inherited attribute is
    removed again, not copied onto ``obj`` (that would hide later patches of the base
    class, e.g. ``Layer.__call__`` behind ``Model.__call__``)."""
    own = name in vars(obj)
    saved = vars(obj).get(name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        if own:
            setattr(obj, name, saved)
        else:
            delattr(obj, name)
