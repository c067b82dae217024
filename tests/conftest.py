import importlib

import pytest


def keras_live():
    """The live-Keras helpers, or a skip with the reason when Keras is not installed."""
    try:
        return importlib.import_module("tests.keras_live")
    except ImportError as exc:
        pytest.skip(f"real Keras not installed ({exc}); CI installs keras+jax so this runs there")
