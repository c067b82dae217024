"""Raw-audio and spectrogram classifiers."""

import keras
from keras import layers

SAMPLE_RATE = 16000
N_MELS = 64
N_FRAMES = 101

raw_audio = keras.Sequential(name="raw_audio")
raw_audio.add(layers.Input(shape=(SAMPLE_RATE,)))
raw_audio.add(layers.Reshape((-1, 1)))
raw_audio.add(layers.Conv1D(16, 64, strides=4, padding="same", activation="relu"))
raw_audio.add(layers.MaxPooling1D(4))
raw_audio.add(layers.Conv1D(32, 9, dilation_rate=2, activation="relu"))
raw_audio.add(layers.MaxPooling1D(4))
raw_audio.add(layers.Conv1D(64, 9, strides=2, activation="relu"))
raw_audio.add(layers.GlobalAveragePooling1D())
raw_audio.add(layers.Dense(12, activation="softmax"))

spectrogram = keras.Sequential([
    layers.Input(shape=(N_FRAMES, N_MELS)),
    layers.Reshape((N_FRAMES, N_MELS, 1)),
    layers.Resizing(32, 32),
    layers.Normalization(),
    layers.Conv2D(32, 3, activation="relu"),
    layers.Conv2D(64, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(12),
])

upsampler = keras.Sequential([
    layers.Input(shape=(250, 8)),
    layers.Conv1DTranspose(8, 4, strides=2, padding="same"),
    layers.Conv1DTranspose(4, 5, strides=2),
    layers.Conv1DTranspose(1, 3, strides=2, output_padding=1),
])
