#!/usr/bin/env bash
# One command: a throwaway git project with a bad and a clean model file, pre-commit using this
# repository as its hook, and a commit attempt that the hook stops (FLT001).  Needs .venv from
# scripts/demo.sh or scripts/setup.sh; installs pre-commit into it.  Exit status: pre-commit's.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
[ -x .venv/bin/python ] || bash scripts/demo.sh >/dev/null  # .venv with the runtime deps only
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pre-commit>=3"
WORK=$(mktemp -d)
export PRE_COMMIT_HOME="$WORK/cache" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=demo GIT_AUTHOR_EMAIL=demo@example.invalid
export GIT_COMMITTER_NAME=demo GIT_COMMITTER_EMAIL=demo@example.invalid
# The hook repository: this checkout's files as they are now (uncommitted edits included).
git ls-files -z --cached --others --exclude-standard | (mkdir -p "$WORK/hook" && cd "$REPO" && \
  xargs -0 -I{} cp --parents {} "$WORK/hook/" 2>/dev/null)
(cd "$WORK/hook" && git init -q && git add -A && git commit -q -m snapshot)
REV=$(cd "$WORK/hook" && git rev-parse HEAD)
mkdir "$WORK/project" && cd "$WORK/project" && git init -q
cp "$REPO/fixtures/bad_cnn_classifier.py" model.py
cp "$REPO/fixtures/clean_cnn_classifier.py" clean_model.py
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $WORK/hook
    rev: $REV
    hooks:
      - id: flake8-flatten
YAML
git add -A
echo "\$ git commit -m 'mnist head'   (pre-commit builds the hook environment the first time)"
"$REPO/.venv/bin/pre-commit" install >/dev/null
PATH="$REPO/.venv/bin:$PATH" git commit -q -m "mnist head"
status=$?
echo "pre-commit exit status: $status (1: the commit was stopped by FLT001); project: $WORK/project"
exit $status
