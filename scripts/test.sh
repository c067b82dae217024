#!/usr/bin/env bash
# Set up everything the tests need (Keras 3 + JAX CPU for the live differential tests)
# and run the whole suite.  CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export KERAS_BACKEND=jax JAX_PLATFORMS=cpu
.venv/bin/python -m pytest -q -rs "$@"
