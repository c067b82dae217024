import torch
from torch.nn import Conv2d, MaxPool2d, ReLU, Sequential
from torch.nn import Linear as Dense

model = Sequential(
    Conv2d(1, 32, kernel_size=3),
    ReLU(),
    MaxPool2d(2),
    Dense(13, 10),
)
print(model(torch.zeros(1, 1, 28, 28)).shape)
