# Two-tower recommender: concatenating 32 + 16 features gives 48, the author asserts 64.
from keras import Input, Model, layers

user = Input(shape=(10,), name="user")
item = Input(shape=(6,), name="item")
u = layers.Dense(32, activation="relu")(user)
i = layers.Dense(16, activation="relu")(item)
merged = layers.Concatenate()([u, i])
model = Model(inputs=[user, item], outputs=merged)

assert model.output_shape == (None, 64)  # expect: FLT002
