# tf.keras CIFAR-style CNN asked to predict one (32, 32, 3) image without a batch axis.
import numpy as np
from tensorflow.keras import layers, models

model = models.Sequential([
    layers.Conv2D(8, (3, 3), activation="relu", input_shape=(32, 32, 3)),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(10),
])
image = np.random.rand(32, 32, 3)
logits = model.predict(image, verbose=0)  # expect: FLT003
