from flax.linen import Conv, Dense, Sequential, relu

model = Sequential([
    Conv(features=32, kernel_size=(3, 3)),
    relu,
    Conv(features=64, kernel_size=(3, 3)),
    relu,
    Dense(features=10),
])
