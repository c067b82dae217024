import keras.layers as KL
import keras.models as KM


def build_head(input_image):
    x = KL.Conv2D(64, (3, 3), padding="same", name="head_conv1")(input_image)
    x = KL.BatchNormalization(name="head_bn1")(x)
    x = KL.Activation("relu")(x)
    x = KL.MaxPooling2D((2, 2))(x)
    x = KL.Dense(256, activation="relu", name="head_fc")(x)  # FLT001
    return KL.Dense(3, activation="softmax", name="head_class")(x)


input_image = KL.Input(shape=(56, 56, 3), name="input_image")
model = KM.Model(input_image, build_head(input_image), name="head")
