import numpy as np
from tensorflow.keras import layers, models

images = np.random.rand(100, 32, 32)
images = images.reshape(-1, 32, 32, 1) / 255.0
labels = np.random.randint(0, 3, size=100)

model = models.Sequential()
model.add(layers.Conv2D(16, (3, 3), activation="relu", input_shape=images.shape[1:]))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Dense(3, activation="softmax"))  # FLT001
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=5)
