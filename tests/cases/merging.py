"""Merge layers: several inputs (``Case.input_shape`` is a tuple of shapes)."""

from . import Case, layer

A, B = (None, 6), (None, 1)

CASES = [
    # element-wise merges: right-aligned broadcasting of size-1 axes
    Case(layer("Add"), ((None, 6), (None, 6))),
    Case(layer("Add"), ((None, 1), (None, 6))),
    Case(layer("Add"), ((None, 6), (None, 1))),
    Case(layer("Add"), ((None, 3), (None, 6))),
    Case(layer("Add"), ((None, 8, 8, 16), (None, 1, 1, 16))),
    Case(layer("Add"), ((None, 6), (None, 4, 6))),
    Case(layer("Add"), ((None, 10, 16), (None, 16))),
    Case(layer("Add"), ((None, 16, 16, 64), (None, 16, 16, 32))),
    Case(layer("Add"), ((None, None, 8), (None, 5, 8))),
    Case(layer("Add"), ((4, 6), (8, 6))),
    Case(layer("Add"), ((4, 6), (None, 6))),
    Case(layer("Add"), ((None, 6), (None, 6), (None, 6))),
    Case(layer("Subtract"), ((None, 32), (None, 32))),
    Case(layer("Subtract"), ((None, 32), (None, 16))),
    Case(layer("Subtract"), ((None, 4), (None, 4), (None, 4))),
    Case(layer("Multiply"), ((None, 20), (None, 10))),
    Case(layer("Multiply"), ((None, 5, 20), (None, 5, 1))),
    Case(layer("Average"), ((None, 10), (None, 10), (None, 10))),
    Case(layer("Average"), ((None, 10), (None, 5))),
    Case(layer("Maximum"), ((None, 3), (None, 3))),
    Case(layer("Minimum"), ((None, 2, 3), (None, 1, 3))),
    # Concatenate: equal ranks, equal known sizes off the axis
    Case(layer("Concatenate"), ((None, 4), (None, 6))),
    Case(layer("Concatenate"), ((None, 4, 6), (None, 5, 6))),
    Case(layer("Concatenate", axis=1), ((None, 4, 6), (None, 5, 6))),
    Case(layer("Concatenate", 1), ((None, 10, 8), (None, 5, 8))),
    Case(layer("Concatenate", axis=-2), ((None, 10, 8), (None, 5, 8))),
    Case(layer("Concatenate"), ((None, 8, 16), (None, 16))),
    Case(layer("Concatenate"), ((None, 14, 14, 16), (None, 16, 16, 8))),
    Case(layer("Concatenate"), ((None, None, None, 16), (None, None, None, 8))),
    Case(layer("Concatenate"), ((None, None, 8), (None, 5, 8))),
    Case(layer("Concatenate"), ((None, 1, 16), (None, 9, 16))),
    Case(layer("Concatenate", axis=0), ((None, 4), (None, 4))),
    Case(layer("Concatenate"), ((None, 3), (None, 3), (None, 3), (None, 3))),
    # Dot: contract one axis of each input
    Case(layer("Dot", 1), ((None, 8), (None, 8))),
    Case(layer("Dot", axes=1), ((None, 8), (None, 6))),
    Case(layer("Dot", axes=-1), ((None, 5, 8), (None, 7, 8))),
    Case(layer("Dot", axes=(2, 2)), ((None, 5, 8), (None, 7, 8))),
    Case(layer("Dot", axes=(1, 1)), ((None, 5, 8), (None, 5, 3))),
    Case(layer("Dot", axes=(2, 1)), ((None, 5, 8), (None, 8, 3))),
    Case(layer("Dot", axes=1, normalize=True), ((None, 16), (None, 16))),
    Case(layer("Dot", 1), ((None, 8), (None, 8), (None, 8))),
]
