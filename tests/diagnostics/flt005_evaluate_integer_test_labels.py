# Trained on one-hot labels, then evaluated on the raw integer test labels.
import numpy as np
import keras
from keras import layers
from keras.utils import to_categorical

x_train, x_test = np.random.rand(60, 20), np.random.rand(20, 20)
y_train, y_test = np.random.randint(0, 5, size=(60,)), np.random.randint(0, 5, size=(20,))

model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(32, activation="relu"),
                          layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, to_categorical(y_train, 5), epochs=1, verbose=0)
loss, acc = model.evaluate(x_test, y_test, verbose=0)  # expect: FLT005
