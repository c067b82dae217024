import tensorflow as tf

tfk = tf.keras
tfkl = tf.keras.layers

encoder_input = tfkl.Input(shape=(28, 28, 1))
h = tfkl.Conv2D(32, 5, strides=2, padding="same", activation="relu")(encoder_input)
h = tfkl.Conv2D(64, 5, strides=2, padding="same", activation="relu")(h)
z = tfkl.Dense(16)(h)  # FLT001
encoder = tfk.Model(encoder_input, z, name="encoder")
