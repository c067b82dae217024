"""Benchmark flake8 with vs. without the flake8-flatten plugin.

    python bench/run.py [--repeats 7] [--stdlib-files 200] [--json out.json] [--quick]

Whole-process wall times interleave the two variants ("plain": plugin filtered
out, "plugin": plugin kept; both via bench/flake8_without_plugin.py).  In-process
lint() times run in fresh interpreters (``--lint-worker``) so "cold" is a real
first call.  Stdlib + flake8 only.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = ROOT / "bench" / "flake8_without_plugin.py"
FLAKE8_ARGS = ["--isolated", "--jobs", "1", "--select", "E,F,W,C90,FLT"]
VARIANTS = {"plain": [], "plugin": ["--keep-plugin"]}


def _child_cpu() -> float:
    """User+system CPU seconds used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def flake8_once(variant: str, files: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one flake8 process over ``files`` (output discarded)."""
    cmd = [sys.executable, str(WRAPPER), *VARIANTS[variant], *FLAKE8_ARGS, *files]
    cpu, start = _child_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"flake8 failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return elapsed, _child_cpu() - cpu


def check_variants() -> None:
    """Fail fast unless only the "plugin" variant lists flake8-flatten."""
    for name, flag in VARIANTS.items():
        out = subprocess.run([sys.executable, str(WRAPPER), *flag, "--version"],
                             capture_output=True, text=True, check=True).stdout
        if ("flake8-flatten" in out) != (name == "plugin"):
            raise SystemExit(f"wrapper variant {name!r} is wrong: {out}")


def compare(files: list[str], repeats: int) -> dict:
    """Median wall seconds of each variant over ``files``, interleaved (ABBA order)
    after one discarded warm-up of each, the plugin/plain ratio of the medians, and
    the same ratio for CPU time (less sensitive to a busy machine)."""
    wall = {name: [] for name in VARIANTS}
    cpu = {name: [] for name in VARIANTS}
    for name in VARIANTS:
        flake8_once(name, files)  # warm the OS file cache and .pyc files
    for i in range(repeats):
        for name in (VARIANTS if i % 2 == 0 else reversed(VARIANTS)):
            w, c = flake8_once(name, files)
            wall[name].append(w)
            cpu[name].append(c)
    med = {f"{name}_{kind}": statistics.median(d[name])
           for name in VARIANTS for kind, d in (("s", wall), ("cpu_s", cpu))}
    return {"files": len(files), **med, "ratio": med["plugin_s"] / med["plain_s"],
            "cpu_ratio": med["plugin_cpu_s"] / med["plain_cpu_s"]}


def stdlib_sample(count: int) -> list[str]:
    """``count`` .py files spread evenly over the sorted stdlib listing of the
    running interpreter, skipping tests, lib2to3, idlelib and site-packages."""
    lib = Path(os.__file__).parent
    skip = {"test", "tests", "idle_test", "lib2to3", "idlelib", "site-packages", "__pycache__"}
    found = sorted(str(p) for p in lib.rglob("*.py")
                   if not skip & set(p.relative_to(lib).parts[:-1]))
    step = max(1, len(found) // count)
    return found[::step][:count]


def keras_files(directory: str | None = None) -> list[str]:
    """Every .py under fixtures/ and tests/models/ (either may be missing), or, with
    ``directory`` (e.g. real-world code extracted by scripts/corpus_extract.py), every
    .py there that builds a Keras Sequential model."""
    if directory is None:
        return sorted(str(p) for d in ("fixtures", "tests/models") for p in (ROOT / d).glob("**/*.py"))
    found = []
    for path in sorted(Path(directory).glob("**/*.py")):
        text = path.read_text(errors="replace")
        if "keras" in text and "Sequential(" in text:
            found.append(str(path))
    return found


def generate_model(layers: int) -> str:
    """A realistic Sequential CNN with exactly ``layers`` layers after the Input:
    ~60% Conv2D/BatchNormalization/Dropout blocks ("same" padding, so shapes stay
    valid), one Flatten, then Dense/BatchNormalization/Dropout and a softmax head."""
    conv = ['layers.Conv2D({f}, (3, 3), padding="same", activation="relu"),',
            "layers.BatchNormalization(),", "layers.Dropout(0.1),"]
    dense = ['layers.Dense({f}, activation="relu"),', "layers.BatchNormalization(),",
             "layers.Dropout(0.2),"]
    n_conv = max(1, layers * 6 // 10)
    n_dense = max(0, layers - n_conv - 2)
    body = [conv[i % 3].format(f=32 * (1 + i % 4)) for i in range(n_conv)]
    body += ["layers.Flatten(),"][: max(0, layers - n_conv - 1)]
    body += [dense[i % 3].format(f=64 * (1 + i % 2)) for i in range(n_dense)]
    body += ["layers.Dense(NUM_CLASSES, activation=\"softmax\"),"][: layers - len(body)]
    rows = "\n".join("        " + line for line in body)
    return (
        f'"""Generated benchmark model: {layers} layers."""\n'
        "from tensorflow import keras\nfrom tensorflow.keras import layers\n\n"
        "IMG = 32\nCHANNELS = 3\nNUM_CLASSES = 10\n\n"
        "model = keras.Sequential(\n    [\n"
        "        keras.Input(shape=(IMG, IMG, CHANNELS)),\n"
        f"{rows}\n    ]\n)\n"
        'model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])\n'
    )


def _clear_plugin_caches() -> None:
    """Empty every functools cache in loaded flake8_flatten modules, so a repeat
    costs what linting a new file would (the imports stay done)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("flake8_flatten"):
            for obj in vars(module).values():
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def lint_worker(path: str, repeats: int) -> None:
    """(Runs in a fresh interpreter.)  Time flake8_flatten.rules.lint() alone on
    ``path``: the cold first call, then medians of ``repeats`` warm calls with
    the plugin's caches emptied before each call ("warm") and kept ("hot")."""
    import ast

    from flake8_flatten import discovery
    from flake8_flatten.rules import lint

    source = Path(path).read_text()
    # A 10,000-layer model is ~480 kB, over the size the plugin analyses (250 kB): the
    # scaling rows measure the analysis itself, so the cap is lifted here, and only here.
    discovery.MAX_SOURCE_CHARS = max(discovery.MAX_SOURCE_CHARS, len(source))
    tree, lines = ast.parse(source), source.splitlines(keepends=True)

    def timed() -> float:
        start = time.perf_counter()
        lint(source, tree, lines)
        return (time.perf_counter() - start) * 1e3

    cold = timed()
    findings = lint(source, tree, lines)
    warm = []
    for _ in range(repeats):
        _clear_plugin_caches()
        warm.append(timed())
    hot = [timed() for _ in range(repeats)]
    print(json.dumps({"cold_ms": cold, "warm_ms": statistics.median(warm),
                      "hot_ms": statistics.median(hot), "findings": len(findings),
                      "kilobytes": len(source) / 1000}))


def lint_times(path: str, repeats: int) -> dict:
    """Run :func:`lint_worker` in a subprocess and return its JSON result."""
    cmd = [sys.executable, __file__, "--lint-worker", path, "--repeats", str(repeats)]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT).stdout)


def write_model(directory: str, layers: int) -> str:
    """Write ``generate_model(layers)`` into ``directory`` and return its path."""
    path = Path(directory) / f"model_{layers}.py"
    path.write_text(generate_model(layers))
    return str(path)


def main() -> None:
    """Run all workloads, print a table, optionally write JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=7, help="timed runs per variant (default 7)")
    ap.add_argument("--stdlib-files", type=int, default=200)
    ap.add_argument("--sizes", default="10,100,1000,10000", help="layer counts for scaling")
    ap.add_argument("--json", help="also write results to this path")
    ap.add_argument("--quick", action="store_true", help="3 repeats, skip per-file runs")
    ap.add_argument("--keras-dir", help="workload (b) from this directory's Keras files instead of "
                    "fixtures/ and tests/models/")
    ap.add_argument("--lint-worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.lint_worker:
        return lint_worker(args.lint_worker, args.repeats)
    n = 3 if args.quick else args.repeats
    check_variants()
    results: dict = {"python": sys.version.split()[0], "repeats": n, "flake8_args": FLAKE8_ARGS}
    row = "{:<34} {:>6} {:>9} {:>9} {:>6} {:>9}".format
    print(row("workload (median wall time)", "files", "plain s", "plugin s", "ratio", "cpu ratio"))

    def report(key: str, label: str, res: dict) -> None:
        results[key] = res
        print(row(label, res["files"], f"{res['plain_s']:.3f}", f"{res['plugin_s']:.3f}",
                  f"{res['ratio']:.3f}", f"{res['cpu_ratio']:.3f}"), flush=True)

    report("stdlib", "(a) stdlib sample, one process", compare(stdlib_sample(args.stdlib_files), n))
    keras = keras_files(args.keras_dir)
    report("keras_all", "(b) keras files, one process", compare(keras, n))
    if not args.quick:
        per = {os.path.relpath(f, ROOT): compare([f], n) for f in keras}
        ratios = [r["ratio"] for r in per.values()]
        cpu_ratio = statistics.median(r["cpu_ratio"] for r in per.values())
        results["keras_per_file"] = {"median_ratio": statistics.median(ratios),
                                     "min_ratio": min(ratios), "max_ratio": max(ratios),
                                     "median_cpu_ratio": cpu_ratio, "files": per}
        print(f"(b) keras, per-file processes: median ratio {statistics.median(ratios):.3f}"
              f" (min {min(ratios):.3f}, max {max(ratios):.3f}, {len(ratios)} files),"
              f" cpu ratio {cpu_ratio:.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        big = write_model(tmp, 1000)
        report("model_1000", "(c) generated 1000-layer model", compare([big], n))
        results["model_1000"]["lint"] = lint_times(big, n)
        lt = results["model_1000"]["lint"]
        print(f"(c) lint() alone: warm {lt['warm_ms']:.1f} ms, hot {lt['hot_ms']:.1f} ms,"
              f" cold first call {lt['cold_ms']:.1f} ms, {lt['findings']} findings")
        print("(d) scaling, in-process lint():")
        results["scaling"] = []
        for size in (int(s) for s in args.sizes.split(",")):
            t = lint_times(write_model(tmp, size), n)
            results["scaling"].append({"layers": size, **t})
            print(f"    {size:>6} layers ({t['kilobytes']:.0f} kB): warm {t['warm_ms']:9.2f} ms"
                  f"  {t['warm_ms'] / size:.4f} ms/layer  (hot {t['hot_ms']:.2f},"
                  f" cold {t['cold_ms']:.1f} ms)", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
