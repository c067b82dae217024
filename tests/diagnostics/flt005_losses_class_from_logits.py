# Logits head with a keras.losses class: CategoricalCrossentropy(from_logits=True) on a column of class ids.
import numpy as np
import keras

x = np.random.rand(30, 8)
y = np.random.randint(0, 6, size=(30, 1))

model = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(6)])
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss=keras.losses.CategoricalCrossentropy(from_logits=True))
model.fit(x, y, epochs=1, verbose=0)  # expect: FLT005
