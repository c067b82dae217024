"""Regularized models: noise, spatial dropout and friends."""

from keras import models, layers

denoiser = models.Sequential([
    layers.Input(shape=(256,)),
    layers.GaussianNoise(0.1),
    layers.Dense(128, activation="selu", kernel_initializer="lecun_normal"),
    layers.AlphaDropout(0.1),
    layers.Dense(64, activation="selu"),
    layers.GaussianDropout(0.2),
    layers.ActivityRegularization(l1=1e-5),
    layers.Dense(256, activation="sigmoid"),
])

seq_model = models.Sequential()
seq_model.add(layers.Input(shape=(40, 300)))
seq_model.add(layers.SpatialDropout1D(0.3))
seq_model.add(layers.Conv1D(100, 4, activation="relu"))
seq_model.add(layers.GlobalMaxPooling1D())
seq_model.add(layers.Dense(1, activation="sigmoid"))

img_model = models.Sequential()
img_model.add(layers.Input(shape=(48, 48, 1)))
img_model.add(layers.Conv2D(32, 3, activation="relu"))
img_model.add(layers.SpatialDropout2D(0.2))
img_model.add(layers.Conv2D(64, 3, activation="relu"))
img_model.add(layers.SpatialDropout2D(rate=0.2))
img_model.add(layers.MaxPooling2D(2))
img_model.add(layers.Flatten())
img_model.add(layers.Dense(7, activation="softmax"))

vol_model = models.Sequential([
    layers.Input(shape=(8, 16, 16, 2)),
    layers.Conv3D(4, 3, padding="same"),
    layers.SpatialDropout3D(0.1),
    layers.GlobalMaxPooling3D(),
    layers.Dense(2),
])
