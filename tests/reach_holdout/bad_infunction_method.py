import numpy as np
import tensorflow as tf


class Trainer:
    def __init__(self, img_size=32, n_classes=10):
        self.img_size = img_size
        self.n_classes = n_classes

    def build(self):
        model = tf.keras.Sequential()
        model.add(tf.keras.layers.Conv2D(32, 3, activation="relu",
                                         input_shape=(32, 32, 3)))
        model.add(tf.keras.layers.MaxPooling2D())
        model.add(tf.keras.layers.Dense(10, activation="softmax"))  # FLT001
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        return model


trainer = Trainer()
model = trainer.build()
