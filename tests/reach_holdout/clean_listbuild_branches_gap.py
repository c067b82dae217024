from tensorflow.keras.layers import Input, Conv2D, GlobalAveragePooling2D, concatenate, Dense
from tensorflow.keras.models import Model

inputs, branches = [], []
for view in ["front", "side"]:
    inp = Input(shape=(64, 64, 1), name=view)
    x = Conv2D(16, 3, activation="relu")(inp)
    x = GlobalAveragePooling2D()(x)
    inputs.append(inp)
    branches.append(x)

merged = concatenate(branches)
out = Dense(4, activation="softmax")(merged)
model = Model(inputs=inputs, outputs=out)
