#!/usr/bin/env bash
# Create .venv with flake8-flatten installed (editable) plus test and Keras extras.
# Idempotent: a second run only re-checks the install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test,lsp${EXTRAS:-,keras}]"
# Neovim drives the language server headless in tests/frontends/test_lsp_nvim.py (Debian package, as
# root); not for the demo's install (EXTRAS="")
if [ "${EXTRAS-tests}" != "" ] && ! command -v nvim >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim; } \
    >/dev/null 2>&1 || echo "setup.sh: could not install neovim (the Neovim LSP test will say so)" >&2
fi
# Real Keras 2 for tests/layers/test_keras2.py's live half, in its own .venv-keras2 (about 50 s and
# 1.6 GB from the registry); KERAS2=0 skips it, and so does the demo's install (EXTRAS="")
if [ "${KERAS2:-1}" = 1 ] && [ "${EXTRAS-tests}" != "" ]; then
  bash scripts/setup_keras2.sh
fi
