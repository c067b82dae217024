import numpy as np
import tensorflow as tf
from tensorflow.keras import layers


class CifarNet(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = layers.Conv2D(32, (3, 3), padding="same", activation="relu")
        self.pool = layers.MaxPooling2D((2, 2))
        self.dense = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, inputs):
        return self.dense(self.pool(self.conv(inputs)))


x = np.random.rand(8, 32, 32, 3).astype("float32")
model = CifarNet()
probs = model.predict(x)
print(probs.shape)
