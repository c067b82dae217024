"""A Sequential or a functional model called as a layer (as discovery describes it: the
inner layers, or the inner graph ``(declared input, calls, sources, output tensor)``)."""

from . import Case, layer

TWO_DENSE = ((None, 6), (layer("Dense", 4), layer("Dense", 2)), ((0,), (1,)), 2)
BRANCHES = ((None, 6), (layer("Dense", 4), layer("Dense", 3), layer("Concatenate")),
            ((0,), (0,), (1, 2)), 3)

CASES = [
    Case(layer("Sequential", (layer("Dense", 8), layer("Dense", 4))), (None, 3)),
    Case(layer("Sequential", (layer("Flatten"), layer("Dense", 5))), (None, 4, 4, 3)),
    Case(layer("Sequential", (layer("Conv2D", 4, 3), layer("MaxPooling2D"))), (None, 10, 10, 3)),
    Case(layer("Sequential", (layer("Dense", 4), layer("Conv2D", 2, 3))), (None, 8)),
    Case(layer("Functional", TWO_DENSE), (None, 6)),
    Case(layer("Functional", BRANCHES), (None, 6)),
    Case(layer("Functional", TWO_DENSE), (None, 5)),
]
