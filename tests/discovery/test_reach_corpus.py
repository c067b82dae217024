"""The reach corpus (tests/reach/): models written as people paste and write them.

Issue 10 ("reach") asks FLT001 to read code pasted without imports, aliases made by
assignment, old module paths, shapes from data and bundled datasets, ``keepdims=True``
global pooling, models built from lists / loops / ``fit`` / nesting, builder functions and
models used inside functions.  ``tests/reach/`` holds one model per file, named
``bad_<style>_<what>.py`` / ``clean_<style>_<what>.py``; every bad file marks the ``Dense(``
that lacks its Flatten with ``# FLT001`` (exactly one mark).  The corpus was written
without reading the implementation.

* offline: the linter's FLT001 findings against the marks, per style: recall (bad files
  found at exactly the marked line) >= 0.8 in each style and >= 0.9 overall, precision
  >= 0.95, and no FLT001 at all on a clean file.  A failure prints the per-style table and
  every miss;
* live: ``tests/reach/record.py`` re-runs every file in real Keras and must reproduce
  ``tests/reach/golden.json`` (the rank of the input every Dense received), and every file
  must be a valid member (a bad file's marked Dense really got rank > 2; a clean file's
  Dense all got rank 2, unless it is a deliberate per-position model named ``_seq``/``_perpos``,
  or a not-Keras near-miss named ``_notkeras``).
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest


from .. import TESTS
from ..conftest import keras_live
from ..corpora import flt001_lines, recorder

REACH = TESTS / "reach"
FILES = sorted(p.name for p in REACH.glob("*.py") if p.name.startswith(("bad_", "clean_")))
GOLDEN = json.loads((REACH / "golden.json").read_text())
MIN_PRECISION, MIN_STYLE_RECALL, MIN_RECALL = 0.95, 0.8, 0.9


RECORD = recorder(REACH)  # stdlib + numpy only at import; Keras is imported when a file runs
STYLES = RECORD.STYLES


def style(name: str) -> str:
    return RECORD.style_of(name)


def marked(name: str):
    return RECORD._marked(REACH / name)


def score() -> dict:
    """Per style: bad files, found, false positives (findings not at a mark), misses."""
    table = defaultdict(lambda: {"bad": 0, "found": 0, "clean": 0, "fp": 0, "misses": []})
    for name in FILES:
        row = table[style(name)]
        lines = flt001_lines(REACH / name)
        if isinstance(lines, Exception):
            row["bad" if name.startswith("bad_") else "clean"] += 1
            row["misses"].append(f"{name}: lint() raised {type(lines).__name__}: {lines}")
            continue
        if name.startswith("bad_"):
            row["bad"] += 1
            mark = marked(name)
            if mark in lines:
                row["found"] += 1
            else:
                row["misses"].append(f"{name}: not found at line {mark}"
                                     + (f" (FLT001 at {lines})" if lines else " (no FLT001)"))
            extra = [line for line in lines if line != mark]
            if extra:
                row["fp"] += len(extra)
                row["misses"].append(f"{name}: FLT001 elsewhere, at {extra} (mark {mark})")
        else:
            row["clean"] += 1
            if lines:
                row["fp"] += len(lines)
                row["misses"].append(f"{name}: FLT001 on a clean file at {lines}")
    return table


def report(table: dict) -> str:
    out = [f"{'style':12s} {'bad':>4s} {'found':>6s} {'recall':>7s} {'clean':>6s} {'FP':>4s}"]
    for name in STYLES:
        row = table[name]
        recall = row["found"] / row["bad"] if row["bad"] else 1.0
        out.append(f"{name:12s} {row['bad']:4d} {row['found']:6d} {recall:7.2f} "
                   f"{row['clean']:6d} {row['fp']:4d}")
    bad = sum(r["bad"] for r in table.values())
    found = sum(r["found"] for r in table.values())
    fp = sum(r["fp"] for r in table.values())
    precision = found / (found + fp) if found + fp else 1.0
    out.append(f"{'overall':12s} {bad:4d} {found:6d} {found / bad:7.2f} "
               f"{sum(r['clean'] for r in table.values()):6d} {fp:4d}   precision {precision:.2f}")
    for name in STYLES:
        for miss in table[name]["misses"]:
            out.append(f"  [{name}] {miss}")
    return "\n".join(out)


@pytest.fixture(scope="module")
def table():
    return score()


def test_corpus_shape():
    """Every style has >= 6 bad and >= 4 clean files, each bad file exactly one mark."""
    counts = defaultdict(lambda: [0, 0])
    for name in FILES:
        assert style(name) in STYLES, f"{name}: unknown style"
        counts[style(name)][name.startswith("clean_")] += 1
        if name.startswith("bad_"):
            assert marked(name) is not None, f"{name}: no '# FLT001' mark"
        else:
            assert marked(name) is None, f"{name}: a clean file carries a mark"
    for name in STYLES:
        assert counts[name][0] >= 6 and counts[name][1] >= 4, (name, counts[name])


def test_golden_covers_the_corpus_and_every_file_is_valid():
    assert sorted(GOLDEN) == FILES, "corpus changed: run tests/reach/record.py"
    invalid = {name: RECORD.problems(name, record) for name, record in GOLDEN.items()}
    invalid = {name: why for name, why in invalid.items() if why}
    assert not invalid, invalid


@pytest.mark.parametrize("name", STYLES)
def test_style_recall_and_clean_files(table, name):
    row = table[name]
    recall = row["found"] / row["bad"]
    clean_fp = [m for m in row["misses"] if "on a clean file" in m]
    assert recall >= MIN_STYLE_RECALL and not clean_fp, (
        f"style {name}: recall {recall:.2f} (bar {MIN_STYLE_RECALL}), "
        f"{len(clean_fp)} clean files with FLT001\n" + report(table))


def test_overall_recall_and_precision(table):
    bad = sum(r["bad"] for r in table.values())
    found = sum(r["found"] for r in table.values())
    fp = sum(r["fp"] for r in table.values())
    precision = found / (found + fp) if found + fp else 1.0
    assert found / bad >= MIN_RECALL and precision >= MIN_PRECISION, (
        f"overall recall {found / bad:.2f} (bar {MIN_RECALL}), precision {precision:.2f} "
        f"(bar {MIN_PRECISION})\n" + report(table))


@pytest.mark.parametrize("name", FILES)
def test_golden_matches_real_keras(name):
    keras_live()  # skips without Keras (fails in CI, where Keras is required)
    record = RECORD.run_file(REACH / name)
    record.pop("seconds")
    assert record == GOLDEN[name], f"{name}: Keras now records {record}"
    assert not RECORD.problems(name, record), RECORD.problems(name, record)
