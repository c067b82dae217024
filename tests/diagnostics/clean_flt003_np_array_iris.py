# Iris classifier asked about one flower with all 4 measurements.
import numpy as np
from keras import Input, Model
from keras.layers import Dense

features = Input(shape=(4,))
hidden = Dense(8, activation="relu")(features)
species = Dense(3, activation="softmax")(hidden)
model = Model(features, species)

flower = np.array([[5.1, 3.5, 1.4, 0.2]])
print(model.predict(flower, verbose=0))
