from tensorflow.keras import layers, Sequential

conv_layers = [
    layers.Conv2D(32, 3, activation="relu", input_shape=(40, 40, 1)),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
]
head_layers = [
    layers.Dense(128, activation="relu"),  # FLT001
    layers.Dropout(0.5),
    layers.Dense(26, activation="softmax"),
]
model = Sequential(conv_layers + head_layers)
