from tensorflow import keras

INPUT_SHAPE = (28, 28, 1)
NUM_CLASSES = 10


def build_model(input_shape, num_classes):
    return keras.Sequential([
        keras.layers.Input(shape=input_shape),
        keras.layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        keras.layers.MaxPooling2D(pool_size=(2, 2)),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(num_classes, activation="softmax"),  # FLT001
    ])


model = build_model(INPUT_SHAPE, NUM_CLASSES)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
