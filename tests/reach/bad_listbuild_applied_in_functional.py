import keras
from keras import layers

extractor = keras.Sequential([
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, activation="relu"),
], name="extractor")

image = keras.Input(shape=(32, 32, 3))
features = extractor(image)
logits = layers.Dense(10)(features)  # FLT001
model = keras.Model(image, logits)
