import numpy as np
from keras.datasets import fashion_mnist
from keras import layers, models

(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()
train_images = train_images[..., np.newaxis].astype("float32") / 255
test_images = test_images[..., np.newaxis].astype("float32") / 255

model = models.Sequential()
model.add(layers.Conv2D(32, (3, 3), activation="relu", input_shape=train_images.shape[1:]))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))
model.add(layers.Dense(64, activation="relu"))  # FLT001
model.add(layers.Dense(10))
model.compile(optimizer="adam",
              loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
history = model.fit(train_images, train_labels, epochs=10,
                    validation_data=(test_images, test_labels))
