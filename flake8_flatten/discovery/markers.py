"""The text that names a Keras model: what the cheap pre-check looks for, imported by
the flake8 plugin in every project, so it imports nothing."""

SEQUENTIAL = "Sequential"
INPUT_KINDS = ("Input", "InputLayer")
#: Text without any of these cannot build a model (a cheap pre-check per file/scope).
MODEL_MARKERS = (SEQUENTIAL, "Model", "Input")
