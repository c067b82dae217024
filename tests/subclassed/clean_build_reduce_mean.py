import tensorflow as tf
from tensorflow import keras


class MeanPoolNet(keras.Model):
    def __init__(self, num_classes=3):
        super().__init__()
        self.conv1 = keras.layers.Conv2D(16, 3, activation="relu")
        self.conv2 = keras.layers.Conv2D(32, 3, activation="relu")
        self.dense = keras.layers.Dense(num_classes, activation="softmax")

    def call(self, inputs):
        x = self.conv2(self.conv1(inputs))
        x = tf.reduce_mean(x, axis=[1, 2])
        return self.dense(x)


model = MeanPoolNet()
model.build((None, 24, 24, 3))
