import keras
from keras import layers


class Net(keras.Model):
    def __init__(self, filters=(16, 32), num_classes=2, dropout=0.0):
        super().__init__()
        self.convs = [layers.Conv2D(f, 3, activation="relu") for f in filters]
        self.pools = [layers.MaxPooling2D() for _ in filters]
        self.drop = layers.Dropout(dropout)
        self.out = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, x, training=None):
        for conv, pool in zip(self.convs, self.pools):
            x = pool(conv(x))
        x = self.drop(x, training=training)
        return self.out(x)


inputs = keras.Input(shape=(48, 48, 1))
outputs = Net(filters=(8, 16, 32), num_classes=4, dropout=0.2)(inputs)
model = keras.Model(inputs, outputs)
