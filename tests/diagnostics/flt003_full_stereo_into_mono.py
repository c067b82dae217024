# Audio model for mono clips (16, 1) receives stereo-ish 3-channel clips built with np.full.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(16, 1)),
    layers.Conv1D(4, 3, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(2, activation="softmax"),
])
clips = np.full((2, 16, 3), 0.5)
labels = model.predict(clips, verbose=0)  # expect: FLT003
