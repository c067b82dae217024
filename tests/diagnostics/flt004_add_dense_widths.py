# Wide-and-deep model that sums a 32-unit deep path with a 64-unit wide path.
from keras import Input, Model
from keras.layers import Add, Dense

features = Input(shape=(20,))
deep = Dense(64, activation="relu")(features)
deep = Dense(32, activation="relu")(deep)
wide = Dense(64)(features)
summed = Add()([deep, wide])  # expect: FLT004
output = Dense(1, activation="sigmoid")(summed)
model = Model(inputs=features, outputs=output)
