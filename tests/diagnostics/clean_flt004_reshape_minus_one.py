# Reshape with -1 turns 64 dense features into 8 steps of 8 for an LSTM.
from keras import Input, Model
from keras.layers import LSTM, Dense, Reshape

inputs = Input(shape=(10,))
x = Dense(64, activation="relu")(inputs)
x = Reshape((-1, 8))(x)
x = LSTM(8)(x)
outputs = Dense(1)(x)
model = Model(inputs=inputs, outputs=outputs)
