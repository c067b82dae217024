"""Record, in real Keras, what every Dense of the held-out reach corpus receives.

The held-out corpus (this folder) was written independently of ``tests/reach/`` (its author
did not read that corpus nor the linter's source).  It is recorded with the same recorder,
``tests/reach/record.py`` (prelude for pasted snippets, old module paths, faked
``keras.datasets`` downloads, build-only fit/predict), pointed at this folder.

Usage (writes tests/reach_holdout/golden.json)::

    KERAS_BACKEND=jax JAX_PLATFORMS=cpu .venv/bin/python tests/reach_holdout/record.py [--check]
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.reach import record  # noqa: E402

record.HERE = HERE
record.GOLDEN = HERE / "golden.json"

if __name__ == "__main__":
    sys.exit(record.main())
