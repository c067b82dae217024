# The training labels were one-hot encoded, the validation labels were forgotten.
import numpy as np
import keras
from keras import layers

x_train, y_train = np.random.rand(80, 16), np.random.randint(0, 4, size=(80,))
x_val, y_val = np.random.rand(20, 16), np.random.randint(0, 4, size=(20,))
y_train = keras.utils.to_categorical(y_train, num_classes=4)

model = keras.Sequential([keras.Input(shape=(16,)), layers.Dense(32, activation="relu"),
                          layers.Dense(4, activation="softmax")])
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=1, verbose=0)  # expect: FLT005
