"""An MLP on 28x28 images whose author forgot to flatten the input."""
import keras
from keras import layers


class MLP(keras.Model):
    def __init__(self, hidden=128, num_classes=10):
        super().__init__()
        self.hidden = layers.Dense(hidden, activation="relu")  # FLT001
        self.drop = layers.Dropout(0.2)
        self.out = layers.Dense(num_classes, activation="softmax")

    def call(self, x, training=False):
        return self.out(self.drop(self.hidden(x), training=training))


model = MLP(hidden=256)
model.build((None, 28, 28))
