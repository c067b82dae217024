"""A keras.Model subclass that overrides only train_step (Deep Learning with Python,
keras.io's "Customizing what happens in fit"), built as a functional model:
CustomModel(inputs, outputs)."""

import keras
from keras import layers


class CustomModel(keras.Model):
    def train_step(self, data):
        inputs, targets = data
        return {"loss": 0.0}


def get_custom_model():
    inputs = keras.Input(shape=(28 * 28,))
    features = layers.Dense(512, activation="relu")(inputs)
    features = layers.Dropout(0.5)(features)
    outputs = layers.Dense(10, activation="softmax")(features)
    model = CustomModel(inputs, outputs)
    return model


model = get_custom_model()

inputs = keras.Input(shape=(32,))
outputs = layers.Dense(1)(inputs)
named = CustomModel(inputs=inputs, outputs=outputs, name="regressor")


# A notebook redefines the class cell after cell: whichever one a call meets, it is
# functional.
class CustomModel(keras.Model):
    def test_step(self, data):
        return {"loss": 0.0}


def get_evaluated_model():
    inputs = keras.Input(shape=(16,))
    hidden = layers.Dense(8, activation="relu")(inputs)
    return CustomModel(inputs, layers.Dense(2)(hidden))


evaluated = get_evaluated_model()
