from keras import Input, Model
from keras.layers import Conv3D, MaxPooling3D, GlobalAveragePooling3D, Dense

volume = Input(shape=(32, 32, 16, 1))
x = Conv3D(16, 3, activation="relu")(volume)
x = MaxPooling3D(2)(x)
x = Conv3D(32, 3, activation="relu")(x)
x = GlobalAveragePooling3D(keepdims=True)(x)
x = Dense(64, activation="relu")(x)  # FLT001
out = Dense(1, activation="sigmoid")(x)
model = Model(volume, out, name="3dcnn")
