# Celsius-to-Fahrenheit tutorial model: a 1-D array of temperatures fits input_shape=[1] (Keras adds the axis).
import numpy as np
import keras

model = keras.Sequential([keras.layers.Dense(units=1, input_shape=[1])])
model.compile(optimizer="sgd", loss="mean_squared_error")

celsius = np.array([-40.0, 0.0, 8.0, 22.0])
fahrenheit = np.array([-40.0, 32.0, 46.4, 71.6])
model.fit(celsius, fahrenheit, epochs=1, verbose=0)
print(model.predict(np.array([100.0]), verbose=0))
