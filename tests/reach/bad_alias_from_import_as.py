from tensorflow.keras import layers as tfl
from tensorflow.keras import models as tfm

net = tfm.Sequential()
net.add(tfl.Conv2D(24, 5, strides=2, activation="elu", input_shape=(66, 200, 3)))
net.add(tfl.Conv2D(36, 5, strides=2, activation="elu"))
net.add(tfl.Conv2D(48, 5, strides=2, activation="elu"))
net.add(tfl.Dense(100, activation="elu"))  # FLT001
net.add(tfl.Dense(50, activation="elu"))
net.add(tfl.Dense(1))
