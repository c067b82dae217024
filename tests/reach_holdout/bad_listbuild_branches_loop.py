from tensorflow.keras.layers import Input, Conv2D, MaxPooling2D, concatenate, Dense
from tensorflow.keras.models import Model

inputs, branches = [], []
for view in ["front", "side"]:
    inp = Input(shape=(64, 64, 1), name=view)
    x = Conv2D(16, 3, activation="relu")(inp)
    x = MaxPooling2D()(x)
    inputs.append(inp)
    branches.append(x)

merged = concatenate(branches)
out = Dense(4, activation="softmax")(merged)  # FLT001
model = Model(inputs=inputs, outputs=out)
