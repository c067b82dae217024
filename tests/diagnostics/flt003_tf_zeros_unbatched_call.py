# Calling a functional MNIST model on one image made with tf.zeros, without its batch axis.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(8, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(10)(x))
image = tf.zeros((28, 28, 1))
scores = model(image)  # expect: FLT003
