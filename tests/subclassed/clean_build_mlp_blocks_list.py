import keras
from keras import layers


class DeepMLP(keras.Model):
    def __init__(self, depth=3, width=64):
        super().__init__()
        self.blocks = [layers.Dense(width, activation="relu") for _ in range(depth)]
        self.norms = [layers.LayerNormalization() for _ in range(depth)]
        self.out = layers.Dense(1)

    def call(self, x):
        for dense, norm in zip(self.blocks, self.norms):
            x = norm(dense(x))
        return self.out(x)


model = DeepMLP(depth=4)
model.build((None, 20))
