"""FLT005's measured facts re-run live: a sample of the loss x labels x output cases in
real Keras 3 (and in Keras 2 through ``.venv-keras2``) must give what the goldens say, and
our loss rules must not contradict them.  Keras 3 missing: skip locally, fail in CI
(FLAKE8_FLATTEN_REQUIRE_KERAS=1); Keras 2 missing: the same with FLAKE8_FLATTEN_REQUIRE_KERAS2."""

from __future__ import annotations

import os
import subprocess

import pytest

from .. import flt005_grid
from ..conftest import keras_live
from ..keras2_live import interpreter
from .test_flt005 import GOLDEN, ON_BATCH, ON_BATCH_REFUSED, ON_BATCH_RUNS, ours, real

#: Every EVERY-th case of the recorded grid is re-run (the whole grid takes ~7 minutes).
EVERY = 12


def _golden(part: str) -> dict:
    return {json_key(r[:5]): r[5] for r in GOLDEN[part]["results"]}


def json_key(case) -> str:
    import json

    return json.dumps(case, sort_keys=True)


def _check(part: str, version: int, results: list) -> None:
    golden = _golden(part)
    stale, wrong = [], []
    for *case, outcome in results:
        if real(golden[json_key(case)]) != real(outcome):
            stale.append((case, outcome))
        said = ours(case[0], case[2], case[3], version)
        if not case[4].get("sample_weight") and said not in ("unknown", real(outcome)):
            wrong.append((case, said, outcome))
    assert not stale, f"goldens are stale (python -m tests.flt005_grid record): {stale[:5]}"
    assert not wrong, wrong[:5]


def test_keras3_agrees_live():
    keras_live()  # skips (or fails in CI) without Keras 3
    body = flt005_grid.run(3, EVERY)
    assert body["keras_version"] == GOLDEN["keras3"]["keras_version"], "another Keras: re-record"
    assert len(body["results"]) >= 150
    _check("keras3", 3, body["results"])


def test_keras2_agrees_live(tmp_path):
    python = interpreter()
    probe = subprocess.run([str(python), "-c", "import tf_keras, tensorflow"], capture_output=True,
                           text=True, timeout=300, env={**os.environ, "TF_USE_LEGACY_KERAS": "1"}) \
        if python.exists() else None
    if probe is None or probe.returncode:
        reason = f"no Keras 2 interpreter with tf-keras at {python}; bash scripts/setup_keras2.sh makes it"
        if os.environ.get("FLAKE8_FLATTEN_REQUIRE_KERAS2"):
            pytest.fail(reason)
        pytest.skip(reason)
    body = flt005_grid.run_keras2(python, EVERY // 2, tmp_path / "k2.json")
    assert body["keras_version"] == GOLDEN["keras2"]["keras_version"], "another tf-keras: re-record"
    _check("keras2", 2, body["results"])


def test_on_batch_outcomes_live():
    """Each *_on_batch statement of test_flt005.ON_BATCH run alone in Keras 3."""
    keras_live()
    lines = ON_BATCH.splitlines()
    namespace: dict = {}
    exec("\n".join(lines[:3]), namespace)  # our own test program
    refused, ran = set(), set()
    for number, line in enumerate(lines[3:], 4):
        try:
            exec(line, namespace)
        except Exception:  # a refusal is the fact we record
            refused.add(number)
            continue
        if "_on_batch" in line:
            ran.add(number)
    assert (refused, ran) == (ON_BATCH_REFUSED, ON_BATCH_RUNS)
