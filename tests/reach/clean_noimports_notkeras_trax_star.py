from trax.layers import *

model = Serial(
    Conv(32, (3, 3)),
    Relu(),
    Dense(10),
    LogSoftmax(),
)
