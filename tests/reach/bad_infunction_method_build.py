import tensorflow as tf


class Trainer:
    def __init__(self, image_size=(64, 64), n_classes=3):
        self.image_size = image_size
        self.n_classes = n_classes
        self.model = None

    def build(self):
        self.model = tf.keras.Sequential()
        self.model.add(tf.keras.layers.Conv2D(32, 3, activation="relu", input_shape=(64, 64, 3)))
        self.model.add(tf.keras.layers.MaxPooling2D())
        self.model.add(tf.keras.layers.Conv2D(64, 3, activation="relu"))
        self.model.add(tf.keras.layers.Dense(self.n_classes, activation="softmax"))  # FLT001
        self.model.compile(optimizer="adam", loss="categorical_crossentropy")
        return self.model


trainer = Trainer()
trainer.build()
