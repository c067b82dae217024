"""A trainer class that keeps its model on `self.model`."""

from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout

IMAGE_SIZE = 64
CHANNELS = 3
N_CLASSES = 5


class ImageClassifier:
    def __init__(self, lr=1e-3):
        self.lr = lr
        self.model = Sequential()
        self.model.add(Conv2D(32, (3, 3), activation="relu",
                              input_shape=(IMAGE_SIZE, IMAGE_SIZE, CHANNELS)))
        self.model.add(MaxPooling2D(pool_size=(2, 2)))
        self.model.add(Conv2D(64, (3, 3), activation="relu"))
        self.model.add(MaxPooling2D(pool_size=(2, 2)))
        self.model.add(Conv2D(64, (3, 3), activation="relu"))
        self.model.add(Flatten())
        self.model.add(Dense(64, activation="relu"))
        self.model.add(Dropout(0.5))
        self.model.add(Dense(N_CLASSES, activation="softmax"))

    def head(self):
        head = Sequential([
            Dense(128, activation="relu", input_shape=(IMAGE_SIZE,)),
            Dense(N_CLASSES),
        ])
        return head


class BadClassifier(ImageClassifier):
    def __init__(self):
        self.model = Sequential()
        self.model.add(Conv2D(16, 5, activation="relu", input_shape=(IMAGE_SIZE, IMAGE_SIZE, 1)))
        self.model.add(MaxPooling2D())
        self.model.add(Dense(N_CLASSES, activation="softmax"))


clf = ImageClassifier()
head = clf.head()
bad = BadClassifier()
