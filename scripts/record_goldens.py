"""Record golden shapes and parameter counts from real Keras for every layer case (and model file).

Run after adding cases or corpus files:  python scripts/record_goldens.py
(``--only layers`` / ``--only models`` records one part).
Needs ``pip install keras jax``; the output is committed so tests run without Keras.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import keras_live  # noqa: E402
from tests.cases import all_cases  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "layer_shapes.json"
MODELS = ROOT / "tests" / "models"
MODELS_GOLDEN = ROOT / "tests" / "golden" / "models.json"
DIAGNOSTICS = ROOT / "tests" / "diagnostics"
DIAGNOSTICS_GOLDEN = ROOT / "tests" / "golden" / "diagnostics.json"


def record_layer_cases() -> None:
    outcomes = {case.id: keras_live.case_outcome(case) for case in all_cases()}
    GOLDEN.write_text(
        json.dumps(
            {"keras_version": keras_live.keras.__version__, "backend": keras_live.keras.backend.backend(),
             "cases": outcomes},
            indent=1,
        )
        + "\n"
    )
    errors = sum("error" in o for o in outcomes.values())
    counted = sum("params" in o for o in outcomes.values())
    print(f"recorded {len(outcomes)} layer cases ({errors} refused by Keras, {counted} with "
          f"count_params()) -> {GOLDEN}")


def record_models() -> None:
    """Execute every corpus file of tests/models/ (our own test data) and record, per
    Sequential it creates, the call's line and each layer's output shape, and for the
    functional API the Model( sites and every layer application's output shape."""
    runs = {path.name: keras_live.run_corpus_file(path) for path in sorted(MODELS.glob("*.py"))}
    files = {name: run[0] for name, run in runs.items()}
    functional = {name: run[1] for name, run in runs.items()}
    MODELS_GOLDEN.write_text(
        json.dumps(
            {"keras_version": keras_live.keras.__version__, "backend": keras_live.keras.backend.backend(),
             "layer_aliases": keras_live.layer_aliases(), "files": files, "functional": functional},
            indent=1,
        )
        + "\n"
    )
    models = sum(len(records) for records in files.values())
    unbuilt = sum(r["shapes"] == "unbuilt" for records in files.values() for r in records)
    layers = sum(len(r["layers"]) for records in files.values() for r in records)
    applied = sum(len(v) for record in functional.values() for v in record["applications"].values())
    print(f"recorded {len(files)} corpus files, {models} Sequential models ({unbuilt} unbuilt), "
          f"{layers} layers; {sum(len(r['models']) for r in functional.values())} functional models, "
          f"{applied} layer applications -> {MODELS_GOLDEN}")


def record_diagnostics() -> None:
    """Run every diagnostics case (our own test data) with Keras: where it fails."""
    outcomes = {path.name: keras_live.run_diagnostic_file(path)
                for path in sorted(DIAGNOSTICS.glob("*.py"))}
    DIAGNOSTICS_GOLDEN.write_text(json.dumps(
        {"keras_version": keras_live.keras.__version__, "backend": keras_live.keras.backend.backend(),
         "files": outcomes}, indent=1) + "\n")
    failed = sum(o["outcome"] == "error" for o in outcomes.values())
    print(f"recorded {len(outcomes)} diagnostics cases ({failed} fail in Keras) -> {DIAGNOSTICS_GOLDEN}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("layers", "models", "diagnostics"),
                        help="record only the layer cases, the model corpus or the diagnostics cases")
    only = parser.parse_args().only
    if only in (None, "layers"):
        record_layer_cases()
    if only in (None, "models"):
        record_models()
    if only in (None, "diagnostics"):
        record_diagnostics()


if __name__ == "__main__":
    main()
