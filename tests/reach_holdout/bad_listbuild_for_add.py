from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Dense

model = Sequential()
for layer in [
    Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)),
    MaxPooling2D((2, 2)),
    Dropout(0.25),
    Dense(10, activation='softmax'),  # FLT001
]:
    model.add(layer)
model.compile(loss='categorical_crossentropy', optimizer='adam')
