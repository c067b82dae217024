import tensorflow as tf

L = tf.keras.layers

inp = L.Input(shape=(96, 96, 3))
x = L.Conv2D(32, 3, strides=2, activation="relu")(inp)
x = L.Conv2D(64, 3, activation="relu")(x)
x = L.MaxPooling2D()(x)
x = L.Dropout(0.3)(x)
out = L.Dense(5, activation="softmax")(x)  # FLT001
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="categorical_crossentropy")
