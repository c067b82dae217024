"""flake8-flatten: find Keras Dense layers fed unflattened rank>2 tensors, statically."""

__version__ = "0.1.0"
