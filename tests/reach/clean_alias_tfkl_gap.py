import tensorflow as tf

tfk = tf.keras
tfkl = tfk.layers

model = tfk.Sequential([
    tfkl.Input(shape=(64, 64, 3)),
    tfkl.Conv2D(32, 3, activation="relu"),
    tfkl.MaxPooling2D(),
    tfkl.Conv2D(64, 3, activation="relu"),
    tfkl.GlobalAveragePooling2D(),
    tfkl.Dense(10, activation="softmax"),
])
