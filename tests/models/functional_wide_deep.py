"""Wide-and-deep and other multi-input tabular models (Hands-On ML / keras-io)."""
# static-gaps: inputs built in a loop over dict.items() are not followed

from tensorflow import keras

# Geron, Hands-On ML ch. 10: a wide path and a deep path, shapes as lists.
input_A = keras.layers.Input(shape=[5], name="wide_input")
input_B = keras.layers.Input(shape=[6], name="deep_input")
hidden1 = keras.layers.Dense(30, activation="relu")(input_B)
hidden2 = keras.layers.Dense(30, activation="relu")(hidden1)
concat = keras.layers.concatenate([input_A, hidden2])
output = keras.layers.Dense(1, name="output")(concat)
model = keras.models.Model(inputs=[input_A, input_B], outputs=[output])

# ... and with an auxiliary output for regularization.
aux_output = keras.layers.Dense(1, name="aux_output")(hidden2)
model_aux = keras.models.Model(inputs=[input_A, input_B], outputs=[output, aux_output])
model_aux.compile(loss=["mse", "mse"], loss_weights=[0.9, 0.1], optimizer="sgd")

# Categorical features through embeddings, numeric features through a dense tower.
CATEGORICAL = {"store": 50, "item": 500, "weekday": 7}
N_NUMERIC = 12

cat_inputs = []
cat_embeddings = []
for feature, cardinality in CATEGORICAL.items():
    inp = keras.Input(shape=(1,), name=feature)
    emb = keras.layers.Embedding(cardinality + 1, 8)(inp)
    cat_inputs.append(inp)
    cat_embeddings.append(keras.layers.Flatten()(emb))
numeric = keras.Input(shape=(N_NUMERIC,), name="numeric")
deep = keras.layers.Dense(32, activation="relu")(numeric)
deep = keras.layers.BatchNormalization()(deep)
merged = keras.layers.Concatenate()(cat_embeddings + [deep])
merged = keras.layers.Dense(64, activation="relu")(merged)
merged = keras.layers.Dropout(0.3)(merged)
sales = keras.layers.Dense(1)(merged)
sales_model = keras.Model(inputs=cat_inputs + [numeric], outputs=sales, name="sales")


# Wide cross features straight into the output next to a deep MLP (keras-io helper).
def create_mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = keras.layers.Dense(units)(x)
        x = keras.layers.BatchNormalization()(x)
        x = keras.layers.ReLU()(x)
        x = keras.layers.Dropout(dropout_rate)(x)
    return x


wide_in = keras.Input(shape=(100,), name="wide")
deep_in = keras.Input(shape=(8,), name="deep")
d = create_mlp(deep_in, [64, 32, 16], 0.1)
both = keras.layers.Concatenate(axis=-1)([wide_in, d])
wide_deep = keras.Model([wide_in, deep_in], keras.layers.Dense(1, activation="sigmoid")(both))
