from tensorflow.keras import layers, models

Dense = layers.Dense
Conv2D = layers.Conv2D

model = models.Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(32, 32, 3)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(layers.Flatten())
model.add(Dense(64, activation="relu"))
model.add(Dense(10))
