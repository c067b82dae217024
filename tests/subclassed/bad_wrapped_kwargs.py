import keras
from keras import layers


class AudioNet(keras.Model):
    def __init__(self, n_mels=40, frames=98, num_classes=12):
        spec = keras.Input(shape=(frames, n_mels, 1), name="spectrogram")
        x = layers.Conv2D(16, (3, 3), activation="relu")(spec)
        x = layers.MaxPooling2D((2, 2))(x)
        x = layers.Conv2D(32, (3, 3), activation="relu")(x)
        x = layers.Dropout(0.25)(x)
        logits = layers.Dense(num_classes, name="logits")(x)  # FLT001
        super().__init__(inputs=spec, outputs=logits, name="audio_net")


model = AudioNet(n_mels=32, frames=64)
