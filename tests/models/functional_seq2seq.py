"""Sequence-to-sequence models: RepeatVector decoders and an encoder-decoder LSTM."""
# static-gaps: an LSTM with return_state=True returns three tensors, which discovery does not split

from tensorflow import keras
from tensorflow.keras import layers

DIGITS = 3
MAXLEN = DIGITS + 1 + DIGITS
CHARS = 12
HIDDEN_SIZE = 128

# keras-io "Sequence to sequence learning for performing number addition", functional.
question = keras.Input(shape=(MAXLEN, CHARS))
x = layers.LSTM(HIDDEN_SIZE)(question)
x = layers.RepeatVector(DIGITS + 1)(x)
x = layers.LSTM(HIDDEN_SIZE, return_sequences=True)(x)
answer = layers.TimeDistributed(layers.Dense(CHARS, activation="softmax"))(x)
addition = keras.Model(question, answer, name="addition_rnn")

# keras-io "Character-level recurrent sequence-to-sequence model" (training model).
num_encoder_tokens = 71
num_decoder_tokens = 93
latent_dim = 256

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder = layers.LSTM(latent_dim, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
encoder_states = [state_h, state_c]

decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = layers.Dense(num_decoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)
translator = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)

# LSTM autoencoder for multivariate time series windows.
TIMESTEPS = 30
N_FEATURES = 4
window = keras.Input(shape=(TIMESTEPS, N_FEATURES), name="window")
z = layers.Bidirectional(layers.GRU(32))(window)
z = layers.RepeatVector(TIMESTEPS)(z)
z = layers.GRU(32, return_sequences=True)(z)
z = layers.TimeDistributed(layers.Dense(N_FEATURES))(z)
lstm_ae = keras.Model(inputs=window, outputs=z, name="lstm_autoencoder")
