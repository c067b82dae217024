# Flatten placed before the second conv block: Conv2D then receives a rank-2 tensor.
from keras import Input, Model
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

inputs = Input(shape=(28, 28, 1))
x = Conv2D(8, 3, activation="relu")(inputs)
x = MaxPooling2D()(x)
x = Flatten()(x)
x = Conv2D(16, 3, activation="relu")(x)  # expect: FLT004
outputs = Dense(10, activation="softmax")(x)
model = Model(inputs=inputs, outputs=outputs)
