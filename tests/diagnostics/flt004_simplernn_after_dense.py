# SimpleRNN stacked on a Dense encoder of flat features: rank-2 input to an RNN.
import tensorflow as tf

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(16, activation="relu", input_shape=(12,)))
model.add(tf.keras.layers.SimpleRNN(8))  # expect: FLT004
model.add(tf.keras.layers.Dense(1))
