"""Multi-input, multi-output models: list and dict outputs, several heads."""

import keras
from keras import layers

# Keras functional API guide: ticket priority + department from title, body and tags.
num_tags = 12
num_words = 10000
num_departments = 4

title_input = keras.Input(shape=(None,), name="title")
body_input = keras.Input(shape=(None,), name="body")
tags_input = keras.Input(shape=(num_tags,), name="tags")

title_features = layers.Embedding(num_words, 64)(title_input)
body_features = layers.Embedding(num_words, 64)(body_input)
title_features = layers.LSTM(128)(title_features)
body_features = layers.LSTM(32)(body_features)

x = layers.concatenate([title_features, body_features, tags_input])
priority_pred = layers.Dense(1, name="priority")(x)
department_pred = layers.Dense(num_departments, name="department")(x)

ticket_model = keras.Model(
    inputs=[title_input, body_input, tags_input],
    outputs={"priority": priority_pred, "department": department_pred},
)
ticket_model.compile(
    optimizer="rmsprop",
    loss={
        "priority": keras.losses.BinaryCrossentropy(from_logits=True),
        "department": keras.losses.CategoricalCrossentropy(from_logits=True),
    },
    loss_weights={"priority": 1.0, "department": 0.2},
)

# Object localization: a class head and a bounding-box regression head.
IMAGE_SHAPE = (96, 96, 3)
NUM_CLASSES = 20

image = keras.Input(shape=IMAGE_SHAPE)
f = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(image)
f = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(f)
f = layers.Conv2D(128, 3, strides=2, padding="same", activation="relu")(f)
f = layers.GlobalAveragePooling2D()(f)
label = layers.Dense(NUM_CLASSES, activation="softmax", name="label")(f)
bbox = layers.Dense(64, activation="relu")(f)
bbox = layers.Dense(4, activation="sigmoid", name="bbox")(bbox)
localizer = keras.Model(image, [label, bbox], name="localizer")


# Age, gender and ethnicity from one face (UTKFace-style), three outputs.
def conv_pool(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.BatchNormalization()(x)
    return layers.MaxPooling2D()(x)


face = keras.Input(shape=(64, 64, 3), name="face")
t = face
for filters in [16, 32, 64]:
    t = conv_pool(t, filters)
t = layers.Flatten()(t)
t = layers.Dense(128, activation="relu")(t)
age = layers.Dense(1, activation="linear", name="age")(t)
gender = layers.Dense(1, activation="sigmoid", name="gender")(t)
ethnicity = layers.Dense(5, activation="softmax", name="ethnicity")(t)
utk = keras.Model(inputs=face, outputs=[age, gender, ethnicity])
