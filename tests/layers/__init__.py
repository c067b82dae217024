"""Layer tests: each layer shape rule, the family table, parameter counts, Keras 2 goldens."""
