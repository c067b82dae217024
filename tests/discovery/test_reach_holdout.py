"""Held-out reach check (issue 10's bars) on an independently written corpus.

``tests/reach_holdout/`` holds realistic snippets in each style of the issue (pasted without
imports, aliases, shapes from data, bundled datasets, keepdims pooling, list building, builder
functions, models inside functions/tests), written without reading the linter's source or the
other reach corpus.  ``bad_<style>_*.py`` carries exactly one ``# FLT001`` comment on the line
where the ``Dense(`` that receives the unflattened rank>2 input starts; ``clean_<style>_*.py``
has none (``_seq``/``_perpos``: deliberate per-position Dense; ``_notkeras``: a near-miss that
is not Keras at all).

``golden.json`` is what real Keras did with every file (``tests/reach_holdout/record.py``):
the input rank each ``Dense`` line received, and the marked line.  This test needs no Keras:
it checks the files against the golden, lints them, and asserts the issue's bars:

- recall (bad files reported at exactly the marked line) >= 0.8 in every style, >= 0.9 overall;
- precision (findings at a marked line / all FLT001 findings) >= 0.95;
- no FLT001 at all on a clean file.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tokenize
from collections import defaultdict
from pathlib import Path

import pytest

from .. import TESTS

HERE = TESTS / "reach_holdout"
GOLDEN = json.loads((HERE / "golden.json").read_text())
STYLES = ("noimports", "alias", "data", "datasets", "keepdims", "listbuild", "builder",
          "infunction")
FILES = sorted(p for p in HERE.glob("*.py") if p.name.startswith(("bad_", "clean_")))


def style_of(name: str) -> str:
    return name.split("_")[1]


def marked_line(path: Path):
    with open(path, "rb") as handle:
        marks = [tok.start[0] for tok in tokenize.tokenize(handle.readline)
                 if tok.type == tokenize.COMMENT and tok.string.strip() == "# FLT001"]
    assert len(marks) <= 1, f"{path.name}: several marks {marks}"
    return marks[0] if marks else None


@pytest.fixture(scope="module")
def findings():
    """FLT001 lines per file name, from the standalone front-end (one run for the corpus)."""
    proc = subprocess.run(
        [sys.executable, "-m", "flake8_flatten", "check", "--format", "json",
         *[str(p) for p in FILES]],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode in (0, 1), proc.stderr
    out = defaultdict(list)
    for item in json.loads(proc.stdout or "[]"):
        if item["code"] == "FLT001":
            out[Path(item["path"]).name].append(item["line"])
    return out


def test_corpus_matches_its_golden():
    assert {p.name for p in FILES} == set(GOLDEN), "re-run tests/reach_holdout/record.py"
    for path in FILES:
        record = GOLDEN[path.name]
        assert style_of(path.name) in STYLES, path.name
        assert record["marked"] == marked_line(path), path.name
        if "_notkeras" in path.name:
            assert not record["dense_input_ranks"], path.name
            continue
        assert record["builds"], f"{path.name}: Keras did not build it: {record.get('error')}"
        ranks = record["dense_input_ranks"]
        if path.name.startswith("bad_"):
            assert (ranks.get(str(record["marked"])) or 0) > 2, path.name
        else:
            assert record["marked"] is None, path.name
            deep = {k: v for k, v in ranks.items() if v > 2}
            assert not deep or "_seq" in path.name or "_perpos" in path.name, (path.name, deep)


def test_every_style_has_bad_and_clean_files():
    for style in STYLES:
        names = [p.name for p in FILES if style_of(p.name) == style]
        assert sum(n.startswith("bad_") for n in names) >= 4, style
        assert sum(n.startswith("clean_") for n in names) >= 3, style


def test_reach_bars(findings):
    table = {s: {"bad": 0, "found": 0, "missed": [], "extra": [], "clean": 0, "fp": []}
             for s in STYLES}
    true_pos = reported = 0
    for path in FILES:
        row = table[style_of(path.name)]
        lines = findings.get(path.name, [])
        reported += len(lines)
        mark = GOLDEN[path.name]["marked"]
        if path.name.startswith("bad_"):
            row["bad"] += 1
            if mark in lines:
                row["found"] += 1
                true_pos += 1
            else:
                row["missed"].append(f"{path.name}:{mark}")
            row["extra"] += [f"{path.name}:{line}" for line in lines if line != mark]
        else:
            row["clean"] += 1
            row["fp"] += [f"{path.name}:{line}" for line in lines]
    bad = sum(r["bad"] for r in table.values())
    overall = true_pos / bad
    precision = true_pos / reported if reported else 1.0
    report = [f"{'style':11s} {'found':>7s} {'recall':>6s} {'extra':>5s} {'clean FP':>8s}"]
    for style, row in table.items():
        report.append(f"{style:11s} {row['found']:3d}/{row['bad']:<3d} "
                      f"{row['found'] / row['bad']:6.2f} {len(row['extra']):5d} "
                      f"{len(row['fp']):5d}/{row['clean']}")
        for kind in ("missed", "extra", "fp"):
            for where in row[kind]:
                report.append(f"    {kind}: {where}")
    report.append(f"overall recall {true_pos}/{bad} = {overall:.3f}; precision "
                  f"{true_pos}/{reported} = {precision:.3f}")
    text = "\n".join(report)
    print(text)
    failures = [f"recall {table[s]['found']}/{table[s]['bad']} < 0.8 in style {s}"
                for s in STYLES if table[s]["found"] < 0.8 * table[s]["bad"]]
    if overall < 0.9:
        failures.append(f"overall recall {overall:.3f} < 0.9")
    if precision < 0.95:
        failures.append(f"precision {precision:.3f} < 0.95")
    failures += [f"FLT001 on clean file {where}" for s in STYLES for where in table[s]["fp"]]
    assert not failures, "\n".join(failures) + "\n\n" + text
