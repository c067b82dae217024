import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.layers.Conv2D(8, 3, activation="relu"),
    tf.keras.layers.MaxPooling2D(),
    tf.keras.layers.Dense(4),  # FLT001
])
out = model(tf.zeros((1, 16, 16, 3)))
print(out.shape)
