import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Dropout

features = ["open", "high", "low", "close", "volume"]

model = Sequential()
model.add(Dense(64, activation="relu", input_shape=(len(features),)))
model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
