# (imports are in the first cell of the notebook)
inputs = keras.Input(shape=(180, 180, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
x = layers.Conv2D(filters=32, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
x = layers.Conv2D(filters=64, kernel_size=3, activation="relu")(x)
x = layers.MaxPooling2D(pool_size=2)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)  # FLT001
model = keras.Model(inputs=inputs, outputs=outputs)
