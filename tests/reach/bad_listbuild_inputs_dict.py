import keras
from keras import layers

specs = {"left": (32, 32, 1), "right": (32, 32, 1)}
inputs = {name: keras.Input(shape=shape, name=name) for name, shape in specs.items()}
branches = []
for name, inp in inputs.items():
    b = layers.Conv2D(8, 3, activation="relu")(inp)
    branches.append(layers.MaxPooling2D()(b))
merged = layers.concatenate(branches)
score = layers.Dense(1, activation="sigmoid")(merged)  # FLT001
model = keras.Model(inputs=inputs, outputs=score)
