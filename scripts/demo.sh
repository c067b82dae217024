#!/usr/bin/env bash
# Set up only what the demo needs -- .venv with flake8-flatten and its runtime dependencies
# (flake8, libcst, numpy, nbformat; no test tools, no Keras) -- quietly, then lint the README's
# example: an FLT001 finding from flake8, and the static model.summary() of the same model.
# Idempotent: a second run only re-checks the install.  (scripts/setup.sh adds the test extras.)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# pip >= 21.3 installs a pyproject.toml project in editable mode (PEP 660)
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=21.3"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
echo "\$ flake8 --select FLT fixtures/readme_example.py"
.venv/bin/flake8 --select FLT fixtures/readme_example.py || true
echo "\$ flake8-flatten shapes fixtures/readme_example.py"
.venv/bin/flake8-flatten shapes fixtures/readme_example.py
