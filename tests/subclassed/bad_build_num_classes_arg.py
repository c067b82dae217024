import keras
from keras import layers


class SmallCNN(keras.Model):
    def __init__(self, filters=(16, 32), num_classes=10):
        super().__init__()
        self.convs = []
        for f in filters:
            self.convs.append(layers.Conv2D(f, 3, padding="same", activation="relu"))
        self.pool = layers.MaxPooling2D(2)
        self.classifier = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, inputs):
        x = inputs
        for conv in self.convs:
            x = self.pool(conv(x))
        return self.classifier(x)


model = SmallCNN(num_classes=5)
model.build((None, 32, 32, 3))
model.summary()
