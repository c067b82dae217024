import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class Net(keras.Model):
    def __init__(self):
        super(Net, self).__init__()
        self.conv = layers.Conv2D(8, 5)
        self.bn = layers.BatchNormalization()
        self.drop = layers.Dropout(0.25)
        self.fc = layers.Dense(10)  # FLT001

    def call(self, x, training=None):
        x = self.conv(x)
        x = self.bn(x, training=training)
        x = tf.nn.relu(x)
        if training:
            x = self.drop(x, training=training)
        return self.fc(x)


net = Net()
net.build((None, 28, 28, 1))
