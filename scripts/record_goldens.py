"""Record golden shapes from real Keras for every layer case (and model corpus file).

Run after adding cases:  python scripts/record_goldens.py
Needs ``pip install keras jax``; the output is committed so tests run without Keras.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import keras_live  # noqa: E402
from tests.cases import all_cases  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "layer_shapes.json"


def main() -> None:
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
    print(f"recorded {len(outcomes)} layer cases ({errors} refused by Keras) -> {GOLDEN}")


if __name__ == "__main__":
    main()
