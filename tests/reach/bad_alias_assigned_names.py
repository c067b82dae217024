from tensorflow import keras
from tensorflow.keras import layers

Dense = layers.Dense
Conv2D = layers.Conv2D
MaxPooling2D = layers.MaxPooling2D
Sequential = keras.Sequential

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(32, 32, 3)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(Dense(64, activation="relu"))  # FLT001
model.add(Dense(10))
