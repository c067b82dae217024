#!/usr/bin/env bash
# Create .venv-keras2: real Keras 2 (tf-keras behind TensorFlow, CPU) for the Keras 2 goldens
# and live tests (tests/layers/test_keras2.py, scripts/record_goldens_keras2.py).  Separate from
# .venv, whose Keras 3 + JAX it must not meet.  Idempotent; about 50 s and 1.6 GB
# (tensorflow-cpu alone: tf-keras is installed without its dependency on the `tensorflow`
# package, which would be a second copy of the same files).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VERSION=${KERAS2_VERSION:-2.21.0}  # tensorflow-cpu and tf-keras share version numbers
if .venv-keras2/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('tf-keras') != '$VERSION')" 2>/dev/null; then
  exit 0
fi
[ -x .venv-keras2/bin/python ] || "$PY" -m venv .venv-keras2
.venv-keras2/bin/python -m pip install --quiet --disable-pip-version-check "tensorflow-cpu==$VERSION"
.venv-keras2/bin/python -m pip install --quiet --disable-pip-version-check --no-deps "tf-keras==$VERSION"
