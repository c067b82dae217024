from flax.linen import Module, Dense, Conv, compact, relu


class CNN(Module):
    @compact
    def __call__(self, x):
        x = Conv(features=32, kernel_size=(3, 3))(x)
        x = relu(x)
        x = Dense(features=256)(x)
        x = relu(x)
        x = Dense(features=10)(x)
        return x
