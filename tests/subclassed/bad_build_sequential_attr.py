from keras import Model, Sequential, layers


class Classifier(Model):
    def __init__(self, num_classes=10, **kwargs):
        super().__init__(**kwargs)
        self.features = Sequential([
            layers.Conv2D(32, 3, activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, activation="relu"),
            layers.MaxPooling2D(),
        ])
        self.dropout = layers.Dropout(0.5)
        self.out = layers.Dense(num_classes)  # FLT001

    def call(self, x, training=False):
        x = self.features(x)
        x = self.dropout(x, training=training)
        return self.out(x)


net = Classifier(num_classes=100, name="cifar100")
net.build(input_shape=(None, 32, 32, 3))
