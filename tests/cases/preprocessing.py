from . import Case, layer

CASES = [
    Case(layer("RandomFlip", "horizontal"), (None, 32, 32, 3)),
    Case(layer("RandomRotation", 0.1), (None, 32, 32, 3)),
    Case(layer("RandomZoom", 0.2), (None, 64, 48, 1)),
    Case(layer("RandomContrast", 0.2), (None, 28, 28, 1)),
    Case(layer("RandomTranslation", 0.1, 0.1), (None, 28, 28, 3)),
    Case(layer("RandomBrightness", 0.2), (None, 28, 28, 3)),
    Case(layer("Resizing", 64, 48), (None, 32, 32, 3)),
    Case(layer("Resizing", 16, 16, data_format="channels_first"), (None, 3, 32, 32)),
    Case(layer("Resizing", 16, 16), (None, None, None, 3)),
    Case(layer("CenterCrop", 24, 20), (None, 32, 32, 3)),
    Case(layer("CenterCrop", 40, 40), (None, 32, 32, 3)),
    Case(layer("RandomCrop", 24, 24), (4, 32, 32, 3)),
    Case(layer("RandomCrop", 8, 8, data_format="channels_first"), (None, 1, 28, 28)),
]
