"""Shapes held in module and function constants, with tuple arithmetic."""

from tensorflow.keras.layers import Dense as D, Flatten as F, Conv2D as C, MaxPooling2D as P
from tensorflow.keras.models import Sequential

IMG = 48
CHANNELS = 3
INPUT_SHAPE = (IMG, IMG, CHANNELS)
GRAY_SHAPE = INPUT_SHAPE[:2] + (1,)
KERNEL = (3, 3)
POOL = (2, 2)
HIDDEN = 32
FILTERS = (HIDDEN, HIDDEN * 2)

color = Sequential([
    C(FILTERS[0], KERNEL, activation="relu", input_shape=INPUT_SHAPE),
    P(POOL),
    C(FILTERS[1], KERNEL, activation="relu"),
    P(POOL),
    F(),
    D(HIDDEN * 4, activation="relu"),
    D(7, activation="softmax"),
])


def gray_model():
    IMG = 24  # shadows the module constant
    shape = (IMG, IMG) + (1,)
    model = Sequential()
    model.add(C(8, KERNEL, input_shape=shape))
    model.add(P(pool_size=POOL))
    model.add(F())
    model.add(D(2 ** 4))
    model.add(D(-(-10 // 3)))
    return model


gray = Sequential([C(4, 5, input_shape=GRAY_SHAPE), F(), D(1)])
small = gray_model()
