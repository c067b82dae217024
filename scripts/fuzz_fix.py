"""The long run of the ``fix`` fuzzer (tests/discovery/test_fuzz.py runs its first 48 seeds).

    python scripts/fuzz_fix.py --seeds 3000 [--start 0] [--no-keras]

Each seed: a model with the Flatten forgotten (every import spelling, the star import
too, in every style, in turn), fixed as a file and as a notebook with magics, and a
generated model with its Flatten layers taken out; real Keras builds every fixed file
(unless ``--no-keras``).  Prints the counts; exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

from tests.fuzz_oracle import Tally, fuzz_fix  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=1000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--no-keras", action="store_true")
    args = parser.parse_args(argv)
    tally, began = Tally(), time.time()
    for seed in range(args.start, args.start + args.seeds):
        fuzz_fix(seed, tally, live=not args.no_keras)
        if (seed - args.start + 1) % 500 == 0:
            print(f"{seed - args.start + 1} seeds, {time.time() - began:.0f} s", file=sys.stderr, flush=True)
    print(f"{args.seeds} seeds from {args.start} in {time.time() - began:.0f} s")
    for key, count in sorted(tally.counts.items()):
        print(f"{count:8d}  {key}")
    for key, examples in tally.examples.items():
        print(f"FAILED {key}:")
        for example in examples:
            print(f"    {example}")
    return 1 if tally.examples else 0


if __name__ == "__main__":
    sys.exit(main())
