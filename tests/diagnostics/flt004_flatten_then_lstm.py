# CNN-LSTM that flattens the feature maps before the LSTM, leaving no time axis.
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(16, 16, 1)))
model.add(layers.Conv2D(8, 3, activation="relu"))
model.add(layers.MaxPooling2D())
model.add(layers.Flatten())
model.add(layers.LSTM(32))  # expect: FLT004
model.add(layers.Dense(1))
