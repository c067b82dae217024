from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Dense

layer_list = [Input(shape=(28, 28, 1))]
for filters in [32, 64]:
    layer_list.append(Conv2D(filters, (3, 3), activation='relu'))
    layer_list.append(MaxPooling2D((2, 2)))
layer_list.append(Dense(10, activation='softmax'))  # FLT001

model = Sequential(layer_list)
model.compile(optimizer='adam', loss='categorical_crossentropy')
