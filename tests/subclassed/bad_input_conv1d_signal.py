import keras
from keras import layers


class ECGNet(keras.Model):
    def __init__(self, num_classes=5):
        super().__init__()
        self.conv1 = layers.Conv1D(32, 7, activation="relu")
        self.pool = layers.MaxPooling1D(4)
        self.conv2 = layers.Conv1D(64, 5, activation="relu")
        self.classifier = layers.Dense(num_classes, activation="softmax")  # FLT001

    def call(self, x):
        return self.classifier(self.conv2(self.pool(self.conv1(x))))


signal = keras.Input(shape=(187, 1))
probs = ECGNet()(signal)
model = keras.Model(signal, probs)
