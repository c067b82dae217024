import tensorflow as tf

inp = tf.keras.layers.Input((16, 64, 64, 1))
x = tf.keras.layers.Conv3D(8, 3, activation='relu')(inp)
x = tf.keras.layers.MaxPool3D(2)(x)
x = tf.keras.layers.Conv3D(16, 3, activation='relu')(x)
x = tf.keras.layers.GlobalAveragePooling3D(keepdims=True)(x)
out = tf.keras.layers.Dense(2, activation='softmax')(x)  # FLT001
model = tf.keras.Model(inp, out, name="video_classifier")
