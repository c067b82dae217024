from keras.datasets import cifar100
from keras.layers import Input, Conv2D, MaxPooling2D, BatchNormalization, Dense
from keras.models import Model

(x_train, y_train), (x_test, y_test) = cifar100.load_data(label_mode='fine')
x_train = x_train.astype('float32') / 255.

inp = Input(shape=x_train.shape[1:])
x = Conv2D(64, (3, 3), padding='same', activation='relu')(inp)
x = BatchNormalization()(x)
x = MaxPooling2D()(x)
x = Conv2D(128, (3, 3), padding='same', activation='relu')(x)
x = MaxPooling2D()(x)
out = Dense(100, activation='softmax')(x)  # FLT001
model = Model(inp, out)
