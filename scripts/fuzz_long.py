"""The long fuzzing run (docs/measurements.md, "Fuzzing"): the checks of tests/discovery/test_fuzz.py at scale.

    python scripts/fuzz_long.py --programs 100000 --models 5000 --seed 1 \\
        --stdlib /root/.pyenv/versions/3.11.7/lib/python3.11

* ``--programs N``: N hypothesmith programs (random syntactically valid Python),
  each linted three ways -- as is, behind a Keras import header (past the cheap
  pre-check), and with names replaced by Keras calls -- through every front-end
  path, and spliced into a generated model (its expressions as layer arguments;
  static engine vs NumPy); any escaped exception, or a lint taking over
  ``--timeout`` seconds, is counted and saved under ``--out``.
* ``--models M``: M generated Keras models (seeds from ``--seed``), and the same
  models with odd values spliced in: static engine vs NumPy references, and vs
  real Keras when it is installed.
* ``--class-models C``: C generated subclassed models and C models with custom layers
  (the generator's ``kind="subclassed"`` / ``kind="custom"``, seeds from ``--seed``,
  import spellings in turn): the same checks, and how many classes discovery followed.
* ``--stdlib DIR``: every .py under DIR (site-packages excluded), the same three ways.

Prints the counts and timings; exits 1 if anything escaped, hung or disagreed.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import tokenize
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")

from tests.fuzz_oracle import (Tally, check_class_model, check_generated, check_spliced, escaped,  # noqa: E402
                               failures, kerasify, with_keras_header)


def progress(text: str) -> None:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"  {time.strftime('%H:%M:%S')} {text}, peak memory {peak} MB", file=sys.stderr, flush=True)


class Hung(BaseException):
    """Raised by the alarm: a BaseException, so no ``except Exception`` swallows it."""


def _alarm(signum, frame):
    raise Hung()


class Fuzzer:
    """One tally per section; programs that escaped or hung are saved under ``out``."""

    def __init__(self, out: Path, timeout: float):
        self.sections = {}
        self.out = out
        self.timeout = timeout
        self.slowest = []  # (seconds, label)

    def tally(self, section: str) -> Tally:
        return self.sections.setdefault(section, Tally())

    def bounded(self, tally: Tally, label: str, source: str, job) -> None:
        """Run ``job()`` (it returns tracebacks of escaped exceptions) under the alarm."""
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            errors = job()
        except Hung:
            errors = None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        self.slowest = sorted(self.slowest + [(time.perf_counter() - start, label)], reverse=True)[:5]
        if errors is None:
            self.save(tally, "HUNG", f"{label}: over {self.timeout}s", source, "")
        for error in errors or ():
            self.save(tally, "ESCAPED exceptions", f"{label}: {error.strip().splitlines()[-1]}", source, error)

    def lint_variants(self, section: str, source: str, label: str, seed: int) -> None:
        """``source`` as is, past the pre-check, and full of Keras calls."""
        tally = self.tally(section)
        variants = [("plain", source), ("header", with_keras_header(source)),
                    ("kerasified", kerasify(source, seed))]
        for name, text in variants:
            if text is not None:
                tally.add(f"lint runs ({name})")
                self.bounded(tally, f"{label} ({name})", text, lambda: escaped(text))

    def save(self, tally: Tally, key: str, example: str, source: str, detail: str) -> None:
        tally.note(key, example)
        self.out.mkdir(parents=True, exist_ok=True)
        path = self.out / f"{key.split()[0].lower()}_{sum(t.counts[key] for t in self.sections.values())}.py"
        path.write_text(source + "\n# " + example.replace("\n", " ") + "\n" +
                        "".join(f"# {line}\n" for line in detail.splitlines()))


def run_programs(fuzzer: Fuzzer, count: int, seed: int, batch: int = 2000) -> None:
    """hypothesmith programs, each linted three ways and spliced into a generated model.
    Drawn in batches of ``batch`` (Hypothesis keeps every example of a run in memory:
    about 170 MB per 1,000 hypothesmith programs), each batch seeded from ``seed``."""
    import hypothesmith
    from hypothesis import HealthCheck, Phase, given, settings, strategies as st
    from hypothesis import seed as hypothesis_seed

    started = time.perf_counter()
    programs, spliced = fuzzer.tally("programs"), fuzzer.tally("spliced into generated models (static vs NumPy)")

    def one(source, other_seed):
        programs.add("programs")
        done = programs.counts["programs"]
        fuzzer.lint_variants("programs", source, f"program {done}", other_seed)
        fuzzer.bounded(spliced, f"program {done} spliced", source,
                       lambda: check_spliced(other_seed % 10**6, source, spliced, live=False) or [])
        if done % 5000 == 0:
            progress(f"{done} programs, {done / (time.perf_counter() - started):.1f}/s")

    for first in range(0, count, batch):
        size = min(batch, count - first)
        run = settings(max_examples=size, deadline=None, database=None, phases=[Phase.generate],
                       suppress_health_check=list(HealthCheck))(
            given(hypothesmith.from_grammar(), st.integers(0, 2**32 - 1))(one))
        hypothesis_seed(seed * 1_000_003 + first)(run)()


def run_stdlib(fuzzer: Fuzzer, root: Path) -> None:
    import io

    tally = fuzzer.tally("stdlib")
    for path in sorted(root.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        data = path.read_bytes()
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
            source = data.decode(encoding)
        except (SyntaxError, UnicodeDecodeError, LookupError):
            tally.add("files undecodable (the CLI refuses them with exit 2)")
            continue
        tally.add("files")
        fuzzer.lint_variants("stdlib", source, str(path.relative_to(root)), seed=len(data))
        if tally.counts["files"] % 200 == 0:
            progress(f"{tally.counts['files']} stdlib files")


def run_models(fuzzer: Fuzzer, count: int, seed: int, live: bool) -> None:
    """Generated models, then the same models with odd values spliced in."""
    started = time.perf_counter()
    base = seed * 1_000_000
    suffix = " (static vs NumPy vs Keras)" if live else " (static vs NumPy)"
    generated, spliced = fuzzer.tally("generated models" + suffix), fuzzer.tally("spliced models" + suffix)
    for index in range(count):
        check_generated(base + index, generated, live)
        check_spliced(base + index, "", spliced, live)
        if (index + 1) % 1000 == 0:
            rate = (index + 1) / (time.perf_counter() - started)
            progress(f"{index + 1} models (+ spliced), {rate:.1f}/s")


def run_class_models(fuzzer: Fuzzer, count: int, seed: int, live: bool) -> None:
    """Generated subclassed models and models with custom layers, ``count`` of each."""
    from tests.model_generator import CLASS_STYLES, EVERY_IMPORT_STYLE, generate

    started = time.perf_counter()
    base = seed * 1_000_000
    suffix = " (static vs NumPy vs Keras)" if live else " (static vs NumPy)"
    for kind in CLASS_STYLES:
        tally = fuzzer.tally(f"generated {kind} models" + suffix)
        for index in range(count):
            imports = EVERY_IMPORT_STYLE[index % len(EVERY_IMPORT_STYLE)].name
            source = generate(base + index, imports=imports, kind=kind).source
            fuzzer.bounded(tally, f"{kind} seed {base + index}", source,
                           lambda: check_class_model(base + index, kind, tally, live, imports) or [])
            if (index + 1) % 500 == 0:
                rate = (index + 1) / (time.perf_counter() - started)
                progress(f"{index + 1} {kind} models, {rate:.1f}/s")


def keras_installed() -> bool:
    try:
        import tests.keras_live  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programs", type=int, default=0)
    parser.add_argument("--models", type=int, default=0)
    parser.add_argument("--class-models", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stdlib", type=Path)
    parser.add_argument("--no-keras", action="store_true", help="skip the live Keras comparison")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per lint of one program")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"),
                        help="where programs that escaped or hung are saved")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    warnings.simplefilter("ignore")  # hypothesmith's own SyntaxWarnings, Keras's UserWarnings
    fuzzer = Fuzzer(args.out, args.timeout)
    live = not args.no_keras and keras_installed()
    timings = {}
    for name, enabled, job in (
        ("models", args.models, lambda: run_models(fuzzer, args.models, args.seed, live)),
        ("class models", args.class_models,
         lambda: run_class_models(fuzzer, args.class_models, args.seed, live)),
        ("stdlib", args.stdlib, lambda: run_stdlib(fuzzer, args.stdlib)),
        ("programs", args.programs, lambda: run_programs(fuzzer, args.programs, args.seed)),
    ):
        if enabled:
            start = time.perf_counter()
            job()
            timings[name] = time.perf_counter() - start
    print(f"fuzz_long --programs {args.programs} --models {args.models} "
          f"--class-models {args.class_models} --seed {args.seed}"
          f"{f' --stdlib {args.stdlib}' if args.stdlib else ''} (live Keras: {'yes' if live else 'no'})")
    for section, tally in fuzzer.sections.items():
        print(f"-- {section}")
        for key, value in sorted(tally.counts.items()):
            print(f"{value:>12,}  {key}")
        for key, examples in tally.examples.items():
            print(f"   e.g. {key}:")
            for example in examples:
                print(f"        {example}")
    for name, seconds in timings.items():
        print(f"time {name}: {seconds:,.0f} s")
    print("slowest:", ", ".join(f"{label} {seconds:.2f}s" for seconds, label in fuzzer.slowest))
    failed = {section: failures(tally) for section, tally in fuzzer.sections.items() if failures(tally)}
    generated = [t for name, t in fuzzer.sections.items() if name.startswith("generated")]
    strict = [key for t in generated for key in t.examples if "(gaps)" not in key and key not in failures(t)]
    print("RESULT:", "FAIL" if failed or strict else "OK", *(f"{s}: {list(f)}" for s, f in failed.items()), *strict)
    return 1 if failed or strict else 0


if __name__ == "__main__":
    sys.exit(main())
