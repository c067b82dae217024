#!/usr/bin/env bash
# Set up (without the heavy Keras extra) and lint the README's example: shows an FLT001 finding.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="" bash scripts/setup.sh
.venv/bin/flake8 --select FLT fixtures/readme_example.py || true
.venv/bin/flake8-flatten shapes fixtures/readme_example.py
