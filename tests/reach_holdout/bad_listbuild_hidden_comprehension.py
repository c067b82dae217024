import keras
from keras import layers

hidden = [layers.Dense(n, activation="relu") for n in (128, 64)]  # FLT001
model = keras.Sequential([keras.Input(shape=(20, 6))] + hidden + [layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
