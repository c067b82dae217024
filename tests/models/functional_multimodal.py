"""Multimodal models: an image branch and a text branch fused before the head."""

import tensorflow as tf
from tensorflow.keras import layers

VOCAB_SIZE = 10000
CAPTION_LEN = 40


def image_branch(inputs, units):
    x = layers.Conv2D(32, 3, strides=2, activation="relu")(inputs)
    x = layers.Conv2D(64, 3, strides=2, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    return layers.Dense(units, activation="relu")(x)


def text_branch(inputs, units):
    x = layers.Embedding(VOCAB_SIZE, 64)(inputs)
    return layers.LSTM(units)(x)


# Visual question answering, image + question -> answer class.
image_input = tf.keras.Input(shape=(64, 64, 3), name="image")
question_input = tf.keras.Input(shape=(CAPTION_LEN,), dtype="int32", name="question")
v = image_branch(image_input, 128)
q = text_branch(question_input, 128)

fused = layers.Multiply()([v, q])
fused = layers.Dense(256, activation="relu")(fused)
answer = layers.Dense(500, activation="softmax", name="answer")(fused)
vqa = tf.keras.Model(inputs=[image_input, question_input], outputs=answer, name="vqa")

# Image captioning "merge" model: photo features + partial caption -> next word.
photo_features = tf.keras.Input(shape=(2048,))
fe = layers.Dropout(0.5)(photo_features)
fe = layers.Dense(256, activation="relu")(fe)
caption = tf.keras.Input(shape=(CAPTION_LEN,))
se = layers.Embedding(VOCAB_SIZE, 256, mask_zero=True)(caption)
se = layers.Dropout(0.5)(se)
se = layers.LSTM(256)(se)
decoder = layers.add([fe, se])
decoder = layers.Dense(256, activation="relu")(decoder)
next_word = layers.Dense(VOCAB_SIZE, activation="softmax")(decoder)
captioner = tf.keras.Model(inputs=[photo_features, caption], outputs=next_word)
captioner.compile(loss="categorical_crossentropy", optimizer="adam")
