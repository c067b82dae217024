import tensorflow as tf


class ConvBNReLU(tf.keras.layers.Layer):
    def __init__(self, filters, kernel_size=3):
        super(ConvBNReLU, self).__init__()
        self.conv = tf.keras.layers.Conv2D(filters, kernel_size, padding="same")
        self.bn = tf.keras.layers.BatchNormalization()

    def call(self, inputs, training=False):
        return tf.nn.relu(self.bn(self.conv(inputs), training=training))


inputs = tf.keras.Input(shape=(28, 28, 1))
x = ConvBNReLU(32)(inputs)
x = tf.keras.layers.MaxPooling2D()(x)
x = ConvBNReLU(64)(x)
x = tf.keras.layers.Dense(128, activation="relu")(x)  # FLT001
outputs = tf.keras.layers.Dense(10, activation="softmax")(x)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
