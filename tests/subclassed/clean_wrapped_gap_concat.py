import keras
from keras import layers, ops


class TwoTower(keras.Model):
    def __init__(self, num_classes=3):
        image = keras.Input(shape=(32, 32, 3))
        meta = keras.Input(shape=(7,))
        x = layers.Conv2D(16, 3, activation="relu")(image)
        x = layers.GlobalAveragePooling2D()(x)
        m = layers.Dense(8, activation="relu")(meta)
        x = ops.concatenate([x, m], axis=-1)
        outputs = layers.Dense(num_classes, activation="softmax")(x)
        super().__init__(inputs=[image, meta], outputs=outputs)


model = TwoTower()
