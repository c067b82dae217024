"""Discovery tests: how models are found in code, the reach and subclassed corpora, datasets,
whole-model corpora, hostile input and fuzzing."""
