import numpy as np
import tensorflow as tf


def get_model(input_shape, num_classes=2):
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Conv2D(8, 3, padding="same", activation="relu",
                                     input_shape=input_shape))
    model.add(tf.keras.layers.MaxPooling2D())
    model.add(tf.keras.layers.Dense(num_classes, activation="softmax"))  # FLT001
    return model


X_train = np.zeros((100, 16, 16, 3), dtype="float32")
y_train = np.zeros((100,), dtype="int32")
model = get_model(X_train.shape[1:])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X_train, y_train, epochs=1)
