from keras.models import Model
from keras.layers import Input
from keras.layers.convolutional import Conv2D
from keras.layers.pooling import GlobalMaxPooling2D
from keras.layers.core import Dense

img = Input(shape=(64, 64, 3))
x = Conv2D(32, (3, 3), activation='relu')(img)
x = Conv2D(64, (3, 3), activation='relu')(x)
x = GlobalMaxPooling2D()(x)
out = Dense(2, activation='softmax')(x)
model = Model(img, out)
