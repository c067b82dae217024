from keras.layers import Input
from keras.layers.convolutional import Conv2D
from keras.layers.pooling import MaxPooling2D
from keras.layers.merge import concatenate
from keras.layers.core import Dense
from keras.models import Model

visible = Input(shape=(64, 64, 1))
conv1 = Conv2D(32, kernel_size=4, padding='same', activation='relu')(visible)
pool1 = MaxPooling2D(pool_size=(2, 2))(conv1)
conv2 = Conv2D(16, kernel_size=8, padding='same', activation='relu')(visible)
pool2 = MaxPooling2D(pool_size=(2, 2))(conv2)
merge = concatenate([pool1, pool2])
hidden = Dense(10, activation='relu')(merge)  # FLT001
output = Dense(1, activation='sigmoid')(hidden)
model = Model(inputs=visible, outputs=output)
