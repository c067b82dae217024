"""CNN-LSTM over short clips: a TimeDistributed image encoder feeding an LSTM."""

from keras.models import Sequential
from keras.layers import (TimeDistributed, Conv2D, MaxPooling2D, Flatten, LSTM, Dense, Dropout,
                          GlobalAveragePooling2D, GRU)

N_FRAMES = 10
FRAME_SIZE = 64

clip_model = Sequential()
clip_model.add(TimeDistributed(Conv2D(16, (3, 3), activation="relu"),
                               input_shape=(N_FRAMES, FRAME_SIZE, FRAME_SIZE, 3)))
clip_model.add(TimeDistributed(MaxPooling2D((2, 2))))
clip_model.add(TimeDistributed(Conv2D(32, (3, 3), activation="relu")))
clip_model.add(TimeDistributed(MaxPooling2D((2, 2))))
clip_model.add(TimeDistributed(Flatten()))
clip_model.add(LSTM(64))
clip_model.add(Dropout(0.5))
clip_model.add(Dense(6, activation="softmax"))

gesture = Sequential([
    TimeDistributed(Conv2D(8, 5, strides=2), input_shape=(N_FRAMES, FRAME_SIZE, FRAME_SIZE, 1)),
    TimeDistributed(GlobalAveragePooling2D()),
    GRU(16, return_sequences=True),
    TimeDistributed(Dense(4)),
])
