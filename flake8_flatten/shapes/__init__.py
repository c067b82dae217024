"""Static shape rules, one small spec per layer family, and the engine that runs them."""

from .engine import LayerResult, infer_chain, infer_layer
from .families import registry
from .spec import ShapeError

__all__ = ["LayerResult", "ShapeError", "infer_chain", "infer_layer", "registry"]
